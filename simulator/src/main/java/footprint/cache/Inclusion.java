package footprint.cache;

/** How a cache level's contents relate to the levels closer to the core. */
public enum Inclusion {
    /** Holds a superset of the inner levels: evicting a line back-invalidates it above (Intel client L3). */
    INCLUSIVE,
    /** Filled on misses like an inclusive level, but evictions leave inner copies alone (Skylake-SP L3). */
    NON_INCLUSIVE,
    /** Victim cache: filled only with lines evicted from the level above; a hit moves the line up (AMD Zen L3). */
    EXCLUSIVE
}
