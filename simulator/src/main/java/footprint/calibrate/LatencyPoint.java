package footprint.calibrate;

/** Load-to-use latency measured by a dependent chase over a working set of {@code bytes}. */
public record LatencyPoint(long bytes, double nanos) {}
