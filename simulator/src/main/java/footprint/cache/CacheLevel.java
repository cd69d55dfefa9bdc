package footprint.cache;

import java.util.Arrays;

/**
 * One set-associative cache level: the tags of every way in one {@code long[]} (the line
 * number, or {@link #NO_LINE} when the way is empty) and a replacement policy that owns only
 * its per-set state. Lookups shift, mask and scan one set; nothing is allocated per access.
 */
public final class CacheLevel {
    /** Marks an empty way; never a real line number (line numbers are address >>> 6 or more). */
    public static final long NO_LINE = -1L;

    private final Geometry geometry;
    private final Replacement replacement;
    private final long[] tags;
    private final ReplacementPolicy policy;
    private final int ways;
    private final int setMask;
    /** The line this level used last (hit or fill), or NO_LINE; it is the most recently used of its set. */
    private long mru = NO_LINE;

    public CacheLevel(Geometry geometry, Replacement replacement, long seed) {
        this.geometry = geometry;
        this.replacement = replacement;
        this.ways = geometry.ways();
        this.setMask = geometry.setMask();
        this.tags = new long[geometry.sets() * ways];
        Arrays.fill(tags, NO_LINE);
        this.policy = replacement.create(geometry.sets(), ways, seed);
    }

    public Geometry geometry() {
        return geometry;
    }

    public Replacement replacement() {
        return replacement;
    }

    /** Looks {@code line} up; on a hit marks it used and returns true. */
    public boolean access(long line) {
        // Touching the most recently used line again changes no policy's state (LRU order,
        // PLRU bits and random all stay the same), so a repeat needs no scan.
        if (line == mru) {
            return true;
        }
        int set = (int) line & setMask;
        int base = set * ways;
        long[] t = tags;
        for (int i = base, end = base + ways; i < end; i++) {
            if (t[i] == line) {
                policy.touch(set, i);
                mru = line;
                return true;
            }
        }
        return false;
    }

    /** True when {@code line} is present; does not change replacement state. */
    public boolean contains(long line) {
        int base = ((int) line & setMask) * ways;
        for (int i = base, end = base + ways; i < end; i++) {
            if (tags[i] == line) {
                return true;
            }
        }
        return false;
    }

    /**
     * Puts {@code line} (which must be absent) into its set: an empty way if there is one
     * (the lowest), else the policy's victim. Returns the evicted line or {@link #NO_LINE}.
     */
    public long fill(long line) {
        int set = (int) line & setMask;
        int base = set * ways;
        int slot = -1;
        for (int i = base, end = base + ways; i < end; i++) {
            if (tags[i] == NO_LINE) {
                slot = i;
                break;
            }
        }
        long evicted = NO_LINE;
        if (slot < 0) {
            slot = policy.victim(set);
            evicted = tags[slot];
        }
        tags[slot] = line;
        policy.touch(set, slot);
        mru = line;
        return evicted;
    }

    /** Removes {@code line} if present; returns whether it was. */
    public boolean invalidate(long line) {
        int set = (int) line & setMask;
        int base = set * ways;
        for (int i = base, end = base + ways; i < end; i++) {
            if (tags[i] == line) {
                tags[i] = NO_LINE;
                policy.invalidate(set, i);
                if (line == mru) {
                    mru = NO_LINE;
                }
                return true;
            }
        }
        return false;
    }

    /** Empties every way (replacement state of empty ways no longer matters). */
    public void clear() {
        Arrays.fill(tags, NO_LINE);
        mru = NO_LINE;
    }
}
