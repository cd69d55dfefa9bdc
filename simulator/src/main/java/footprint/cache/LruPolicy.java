package footprint.cache;

/** Least-recently-used: each way keeps the stamp of its last use; the victim has the smallest. */
final class LruPolicy implements ReplacementPolicy {
    private final long[] stamps;
    private final int ways;
    private long clock;

    LruPolicy(int sets, int ways) {
        this.stamps = new long[sets * ways];
        this.ways = ways;
    }

    @Override
    public void touch(int set, int slot) {
        stamps[slot] = ++clock;
    }

    @Override
    public int victim(int set) {
        int base = set * ways;
        int best = base;
        long oldest = stamps[base];
        for (int i = base + 1, end = base + ways; i < end; i++) {
            long s = stamps[i];
            if (s < oldest) {
                oldest = s;
                best = i;
            }
        }
        return best;
    }

    @Override
    public void invalidate(int set, int slot) {
        stamps[slot] = 0;
    }
}
