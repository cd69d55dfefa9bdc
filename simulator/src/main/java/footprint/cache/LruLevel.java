package footprint.cache;

import java.util.Arrays;

/**
 * True LRU kept as a use stamp per way: a hit or fill stamps the way with the next value of a
 * level-wide clock, so the set's least recently used line is the one with the smallest stamp
 * and an empty way (stamp 0) is always taken first. This orders the lines exactly as
 * cachegrind's recency list does, but a hit writes one stamp instead of shifting the list.
 */
final class LruLevel extends CacheLevel {
    /** Per way, the clock value of its last use; 0 while the way is empty. */
    private final long[] stamps;
    /** Uses so far; 2^63 uses would take centuries, so it never wraps. */
    private long clock;

    LruLevel(Geometry geometry) {
        super(geometry);
        stamps = new long[tags.length];
    }

    @Override
    public Replacement replacement() {
        return Replacement.LRU;
    }

    @Override
    public boolean access(long line) {
        if (line == mru) {
            return true; // already the newest stamp of its set
        }
        int base = ((int) line & setMask) * ways;
        int way = find(line, base);
        if (way < 0) {
            return false;
        }
        stamps[base + way] = ++clock;
        mru = line;
        return true;
    }

    @Override
    public long fill(long line) {
        long[] s = stamps;
        int base = ((int) line & setMask) * ways;
        // The smallest stamp, found without branches (stamps are below 2^62, so d cannot
        // overflow); an empty way has stamp 0, and of several the first is taken.
        int victim = base;
        long oldest = s[base];
        for (int i = base + 1, end = base + ways; i < end; i++) {
            long d = s[i] - oldest;
            long older = d >> 63; // all ones when s[i] < oldest
            oldest += d & older;
            victim ^= (victim ^ i) & (int) older;
        }
        long evicted = tags[victim]; // NO_LINE while the set has room
        put(victim, line);
        s[victim] = ++clock;
        mru = line;
        return evicted;
    }

    @Override
    public boolean invalidate(long line) {
        int base = ((int) line & setMask) * ways;
        int way = find(line, base);
        if (way < 0) {
            return false;
        }
        tags[base + way] = NO_LINE;
        stamps[base + way] = 0; // the emptied way is the next victim, as at the end of a recency list
        if (line == mru) {
            mru = NO_LINE;
        }
        return true;
    }

    @Override
    public void clear() {
        super.clear();
        Arrays.fill(stamps, 0);
    }
}
