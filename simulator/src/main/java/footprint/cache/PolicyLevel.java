package footprint.cache;

/**
 * A level whose replacement state lives in a {@link ReplacementPolicy} (tree-PLRU, random):
 * the level owns the tags and asks the policy which way to evict.
 */
final class PolicyLevel extends CacheLevel {
    private final Replacement replacement;
    private final ReplacementPolicy policy;

    PolicyLevel(Geometry geometry, Replacement replacement, ReplacementPolicy policy) {
        super(geometry);
        this.replacement = replacement;
        this.policy = policy;
    }

    @Override
    public Replacement replacement() {
        return replacement;
    }

    @Override
    public boolean access(long line) {
        // Touching the most recently used line again changes no policy's state (PLRU bits
        // and random both stay the same), so a repeat needs no scan.
        if (line == mru) {
            return true;
        }
        int set = (int) line & setMask;
        int base = set * ways;
        int way = find(line, base);
        if (way < 0) {
            return false;
        }
        policy.touch(set, base + way);
        mru = line;
        return true;
    }

    @Override
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
        put(slot, line);
        policy.touch(set, slot);
        mru = line;
        return evicted;
    }

    @Override
    public boolean invalidate(long line) {
        int set = (int) line & setMask;
        int base = set * ways;
        int way = find(line, base);
        if (way < 0) {
            return false;
        }
        tags[base + way] = NO_LINE;
        policy.invalidate(set, base + way);
        if (line == mru) {
            mru = NO_LINE;
        }
        return true;
    }
}
