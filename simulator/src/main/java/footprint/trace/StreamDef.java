package footprint.trace;

/** Which exits happen in which order: an explicit sequence or a weighted mix drawn with a seed. */
public sealed interface StreamDef extends TraceItem permits SequenceStream, MixStream {}
