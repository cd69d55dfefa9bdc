package footprint.cache;

/**
 * True LRU: the victim is the way with the smallest use stamp, which orders the lines exactly
 * as cachegrind's recency list does; an empty way (stamp 0) is always taken first.
 */
final class LruLevel extends StampLevel {
    LruLevel(Geometry geometry) {
        super(geometry);
    }

    @Override
    public Replacement replacement() {
        return Replacement.LRU;
    }

    @Override
    int victim(int base) {
        long[] s = stamps;
        // The smallest stamp, found without branches (stamps are below 2^62, so d cannot
        // overflow); of several empty ways the first is taken.
        int victim = base;
        long oldest = s[base];
        for (int i = base + 1, end = base + ways; i < end; i++) {
            long d = s[i] - oldest;
            long older = d >> 63; // all ones when s[i] < oldest
            oldest += d & older;
            victim ^= (victim ^ i) & (int) older;
        }
        return victim;
    }
}
