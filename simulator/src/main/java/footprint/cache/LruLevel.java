package footprint.cache;

/**
 * True LRU kept as the order of the ways, as cachegrind's simulator does: each set lists its
 * lines from most to least recently used, empty ways last. A hit moves the line to the front,
 * a fill drops the last entry, so the victim needs no search and LRU needs no state besides
 * the tags.
 */
final class LruLevel extends CacheLevel {
    LruLevel(Geometry geometry) {
        super(geometry);
    }

    @Override
    public Replacement replacement() {
        return Replacement.LRU;
    }

    @Override
    public boolean access(long line) {
        if (line == mru) {
            return true; // already at the front of its set
        }
        long[] t = tags;
        int base = ((int) line & setMask) * ways;
        for (int i = base, end = base + ways; i < end; i++) {
            if (t[i] == line) {
                for (int j = i; j > base; j--) {
                    t[j] = t[j - 1];
                }
                t[base] = line;
                mru = line;
                return true;
            }
        }
        return false;
    }

    @Override
    public long fill(long line) {
        long[] t = tags;
        int base = ((int) line & setMask) * ways;
        int last = base + ways - 1;
        long evicted = t[last]; // the least recently used line, or NO_LINE while the set has room
        for (int j = last; j > base; j--) {
            t[j] = t[j - 1];
        }
        t[base] = line;
        mru = line;
        return evicted;
    }

    @Override
    public boolean invalidate(long line) {
        long[] t = tags;
        int base = ((int) line & setMask) * ways;
        int last = base + ways - 1;
        for (int i = base; i <= last; i++) {
            if (t[i] == line) {
                // Close the gap so empty ways stay at the end of the order.
                for (int j = i; j < last; j++) {
                    t[j] = t[j + 1];
                }
                t[last] = NO_LINE;
                if (line == mru) {
                    mru = NO_LINE;
                }
                return true;
            }
        }
        return false;
    }
}
