package footprint.trace;

/** One top-level item of a trace file, kept in file order so the writer reproduces it. */
public sealed interface TraceItem permits Meta, ObjectDecl, Segment, ExitDef, StreamDef {
    /** The 1-based line the item starts on (0 for items built in code). */
    int line();

    Trivia trivia();
}
