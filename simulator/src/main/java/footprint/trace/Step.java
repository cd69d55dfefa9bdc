package footprint.trace;

/** One line inside a segment or exit block: an access, a {@code use} of a segment or a VMCS count. */
public sealed interface Step permits Access, Use, VmcsCount {
    int line();

    Trivia trivia();
}
