package footprint.cache;

import java.util.Arrays;

/**
 * One set-associative cache level: the tags of every way in one {@code long[]} (the line
 * number, or {@link #NO_LINE} for an empty way), {@code ways} consecutive entries per set.
 * Lookups first check the slot where the line was last seen, then scan one set; nothing is
 * allocated per access. How a full set picks its victim depends on the replacement policy
 * ({@link #of}).
 */
public abstract class CacheLevel {
    /** Marks an empty way; never a real line number (line numbers are address >>> 6 or more). */
    public static final long NO_LINE = -1L;

    final Geometry geometry;
    final long[] tags;
    final int ways;
    final int setMask;
    /**
     * Per hashed line number, the slot where that line was last found or filled: a guess that
     * {@link #find} checks against the tags, so a wrong or stale entry only costs the full scan.
     * The guess is right for nearly every hit, and one compare is cheaper than scanning all ways.
     */
    private final int[] lastSlot;
    private final int lastSlotMask;
    /**
     * The sets filled since construction or the last {@link #clear}, each once: a set no fill
     * reached is still empty (every other write of a tag removes a line), so clearing only these
     * makes a reused level empty at a cost that follows what was used, not the level's size.
     * Kept on the fill path; the hit path never touches it.
     */
    private final int[] filledSets;
    private final boolean[] filled;
    private int filledCount;

    CacheLevel(Geometry geometry) {
        this.geometry = geometry;
        this.ways = geometry.ways();
        this.setMask = geometry.setMask();
        this.tags = new long[geometry.sets() * ways];
        Arrays.fill(tags, NO_LINE);
        // Four entries per line keep hashing collisions rare; the cap keeps the table of a large
        // last-level cache from crowding the host's own caches. With at least one entry per set,
        // the entry of a line is shared only with lines of the same set, so even a wrong guess
        // points into the set the scan reads next, and costs the host no extra cache miss.
        int entries = Math.max(geometry.sets(), Integer.highestOneBit(Math.min(tags.length, 1 << 14)) * 4);
        this.lastSlot = new int[entries];
        this.lastSlotMask = entries - 1;
        this.filledSets = new int[geometry.sets()];
        this.filled = new boolean[geometry.sets()];
        for (int h = 0; h < entries; h++) {
            lastSlot[h] = (h & setMask) * ways;
        }
    }

    /** A level with this geometry and policy; {@code seed} drives random replacement. */
    public static CacheLevel of(Geometry geometry, Replacement replacement, long seed) {
        return switch (replacement) {
            case LRU -> new LruLevel(geometry);
            case TREE_PLRU -> new TreePlruLevel(geometry);
            case RANDOM -> new RandomLevel(geometry, seed);
        };
    }

    public final Geometry geometry() {
        return geometry;
    }

    public abstract Replacement replacement();

    /** Looks {@code line} up; on a hit marks it used and returns true. */
    public abstract boolean access(long line);

    /**
     * {@link #access} for the lines of {@code addresses[from..to)} ({@code address >>> shift})
     * in order, stopping at the first miss: returns its index, left unaccessed, or {@code to}
     * when all hit. Runs of hits are the common case, and one loop over them keeps the level's
     * arrays in registers instead of reloading them for every access.
     */
    public abstract int accessWhileHit(long[] addresses, int shift, int from, int to);

    /**
     * Puts {@code line} (which must be absent) into its set: an empty way if there is one, else
     * the policy's victim. Returns the evicted line or {@link #NO_LINE}.
     */
    public abstract long fill(long line);

    /** Removes {@code line} if present; returns whether it was. */
    public final boolean invalidate(long line) {
        int base = ((int) line & setMask) * ways;
        int way = find(line, base);
        if (way < 0) {
            return false;
        }
        tags[base + way] = NO_LINE;
        emptied(base + way, line);
        return true;
    }

    /** {@code line} has just been removed from {@code slot}: a level with replacement state forgets its use. */
    void emptied(int slot, long line) {}

    /** True when {@code line} is present; does not change replacement state. */
    public final boolean contains(long line) {
        return find(line, ((int) line & setMask) * ways) >= 0;
    }

    /**
     * The way of the set starting at {@code base} that holds {@code line}, or -1. Hits nearly
     * always find their remembered slot, so the scan mostly runs for absent lines, which it
     * scans to the end: a plain loop whose exit branch the host predicts well.
     */
    final int find(long line, int base) {
        int hint = (int) line & lastSlotMask;
        int guess = lastSlot[hint];
        if (tags[guess] == line) {
            return guess - base; // a line is only ever stored in its own set, so the guess lies in it
        }
        long[] t = tags;
        for (int i = base, end = base + ways; i < end; i++) {
            if (t[i] == line) {
                lastSlot[hint] = i;
                return i - base;
            }
        }
        return -1;
    }

    /** Stores {@code line} in {@code slot} and remembers where it is. */
    final void put(int slot, long line) {
        tags[slot] = line;
        lastSlot[(int) line & lastSlotMask] = slot;
        int set = (int) line & setMask;
        if (!filled[set]) {
            filled[set] = true;
            filledSets[filledCount++] = set;
        }
    }

    /**
     * Empties every way; a level with replacement state resets it too, so a cleared level behaves
     * as a new one. The remembered slots stay: they are only guesses that {@link #find} checks.
     */
    public final void clear() {
        for (int k = 0; k < filledCount; k++) {
            int set = filledSets[k];
            filled[set] = false;
            int base = set * ways;
            Arrays.fill(tags, base, base + ways, NO_LINE);
            clearedSet(base);
        }
        filledCount = 0;
        cleared();
    }

    /** The set starting at {@code base} has just been emptied: a level with replacement state forgets its uses. */
    void clearedSet(int base) {}

    /** Every set is empty again: a level with level-wide state resets it. */
    void cleared() {}

    /**
     * {@link #clear}, then the replacement state a new level built with {@code seed} has: the
     * level behaves exactly as {@code of(geometry(), replacement(), seed)} would.
     */
    public void reset(long seed) {
        clear();
    }
}
