package footprint.cache;

import java.util.Arrays;

/**
 * A level whose replacement state is one use stamp per way: a hit or fill stamps the way with
 * the next value of a level-wide clock; an empty way has stamp 0. The stamps order a set's
 * lines by their last use, which is all that LRU and tree-PLRU need (they differ only in how
 * {@link #victim} reads the order), and a hit writes one stamp without reading any state back.
 */
abstract class StampLevel extends CacheLevel {
    /** Per way, the clock value of its last use; 0 while the way is empty. */
    final long[] stamps;
    /** Uses so far; 2^63 uses would take centuries, so it never wraps. */
    private long clock;
    /**
     * The line this level used last (hit or fill), or NO_LINE. It holds the newest stamp of its
     * set, so using it again changes no order and needs no lookup.
     */
    private long mru = NO_LINE;

    StampLevel(Geometry geometry) {
        super(geometry);
        stamps = new long[tags.length];
    }

    /** The slot to fill in the set starting at {@code base}: an empty way if there is one. */
    abstract int victim(int base);

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
    public int accessWhileHit(long[] addresses, int shift, int from, int to) {
        long last = mru;
        long now = clock;
        long[] s = stamps;
        int i = from;
        for (; i < to; i++) {
            long line = addresses[i] >>> shift;
            if (line == last) {
                continue;
            }
            int base = ((int) line & setMask) * ways;
            int way = find(line, base);
            if (way < 0) {
                break;
            }
            s[base + way] = ++now;
            last = line;
        }
        mru = last;
        clock = now;
        return i;
    }

    @Override
    public long fill(long line) {
        int slot = victim(((int) line & setMask) * ways);
        long evicted = tags[slot]; // NO_LINE while the set has room
        put(slot, line);
        stamps[slot] = ++clock;
        mru = line;
        return evicted;
    }

    @Override
    void emptied(int slot, long line) {
        stamps[slot] = 0;
        if (line == mru) {
            mru = NO_LINE;
        }
    }

    /**
     * Forgets the set's uses. The clock runs on: victims depend only on the order of a set's
     * stamps, and every stamp after the clear is newer than the empty ways' 0, as in a new level.
     */
    @Override
    void clearedSet(int base) {
        Arrays.fill(stamps, base, base + ways, 0);
    }

    @Override
    void cleared() {
        mru = NO_LINE;
    }
}
