package footprint.measure;

/** What one timed operation of {@link ExitReplayBenchmark} covers. */
public enum Timing {
    /** The guest phase and the exit: what a vCPU pays per exit, guest misses included. */
    WITH_GUEST("exit"),
    /** The exit's own accesses, both sides interleaved exit by exit; the guest phases run untimed. */
    EXIT_ALONE("exitAlone");

    private final String benchmark;

    Timing(String benchmark) {
        this.benchmark = benchmark;
    }

    /** The {@link ExitReplayBenchmark} method that times it. */
    String benchmark() {
        return benchmark;
    }
}
