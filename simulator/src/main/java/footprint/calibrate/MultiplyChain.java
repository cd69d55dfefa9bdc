package footprint.calibrate;

/**
 * A chain of dependent 64-bit integer multiplies: each waits for the previous one, so the chain
 * runs at one multiply per IMUL latency, 3 core cycles on every x86 core since Intel Sandy
 * Bridge and AMD Zen 1 through Zen 5 (Agner Fog, "Instruction tables", IMUL r64,r64; uops.info).
 * Timing it gives the core clock without knowing the L1 latency.
 */
final class MultiplyChain {
    static final int IMUL_LATENCY_CYCLES = 3;

    private MultiplyChain() {}

    /**
     * Squares {@code x} {@code steps} times: a product of the running value with itself cannot be
     * re-associated or folded by the JIT (a loop-invariant multiplier can: x*m*m*m*m becomes
     * x*(m*m)*(m*m), halving the chain). An odd {@code x} stays odd, so the chain never collapses to 0.
     */
    static long run(long x, int steps) {
        for (int i = 0; i < steps; i++) {
            x *= x;
        }
        return x;
    }
}
