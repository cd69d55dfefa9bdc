package footprint.calibrate;

/** {@code chains} independent chases interleaved: nanoseconds per load, and loads per time against one chase. */
public record MlpPoint(int chains, double nanosPerLoad, double parallelism) {}
