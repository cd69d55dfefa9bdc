package footprint.cache;

/**
 * Random replacement: a full set evicts a uniformly random way, drawn from a seeded
 * xorshift64* generator so runs are reproducible. Hits change no state.
 */
final class RandomLevel extends CacheLevel {
    private long state;

    RandomLevel(Geometry geometry, long seed) {
        super(geometry);
        seed(seed);
    }

    @Override
    public void reset(long seed) {
        clear();
        seed(seed);
    }

    private void seed(long seed) {
        // SplitMix64 finaliser spreads small seeds; xorshift needs a non-zero state.
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        this.state = z == 0 ? 0x9E3779B97F4A7C15L : z;
    }

    @Override
    public Replacement replacement() {
        return Replacement.RANDOM;
    }

    @Override
    public boolean access(long line) {
        return find(line, ((int) line & setMask) * ways) >= 0;
    }

    @Override
    public int accessWhileHit(long[] addresses, int shift, int from, int to) {
        int i = from;
        while (i < to) {
            long line = addresses[i] >>> shift;
            if (find(line, ((int) line & setMask) * ways) < 0) {
                break;
            }
            i++;
        }
        return i;
    }

    @Override
    public long fill(long line) {
        int base = ((int) line & setMask) * ways;
        int slot = -1;
        for (int i = base, end = base + ways; i < end; i++) {
            if (tags[i] == NO_LINE) {
                slot = i;
                break;
            }
        }
        long evicted = NO_LINE;
        if (slot < 0) {
            slot = base + randomWay();
            evicted = tags[slot];
        }
        put(slot, line);
        return evicted;
    }

    private int randomWay() {
        long x = state;
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        state = x;
        long r = (x * 0x2545F4914F6CDD1DL) >>> 33; // 31 random bits
        return (int) ((r * ways) >>> 31);
    }
}
