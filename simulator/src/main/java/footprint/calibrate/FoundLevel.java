package footprint.calibrate;

/**
 * A cache level read off the latency curve: its plateau (the working sets from {@code fromBytes}
 * to {@code toBytes} that load at {@code nanos}) and the capacity where the latency steps up
 * ({@code stepBytes}, interpolated between the sampled working sets).
 */
public record FoundLevel(String name, double nanos, long fromBytes, long toBytes, long stepBytes) {}
