package footprint.cache;

/** Uniformly random victim from a seeded xorshift64* generator, so runs are reproducible. */
final class RandomPolicy implements ReplacementPolicy {
    private final int ways;
    private long state;

    RandomPolicy(int ways, long seed) {
        this.ways = ways;
        // SplitMix64 finaliser spreads small seeds; xorshift needs a non-zero state.
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        this.state = z == 0 ? 0x9E3779B97F4A7C15L : z;
    }

    @Override
    public void touch(int set, int slot) {
        // Random replacement keeps no history.
    }

    @Override
    public int victim(int set) {
        long x = state;
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        state = x;
        long r = (x * 0x2545F4914F6CDD1DL) >>> 33; // 31 random bits
        return set * ways + (int) ((r * ways) >>> 31);
    }

    @Override
    public void invalidate(int set, int slot) {
        // No per-way state.
    }
}
