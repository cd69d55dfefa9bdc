package footprint.sim;

/** How object base addresses are chosen. */
public enum PlacementKind {
    /** Each object at the start of its own page(s). */
    PAGE,
    /** A slab slot: the object size rounded to its alignment, at a seeded slot of a SLUB slab. */
    SLAB,
    /** A seeded random page plus a seeded line-aligned offset within it. */
    RANDOM,
    /** Every base given with {@code --base obj=ADDR}. */
    EXPLICIT
}
