package footprint.compare;

/**
 * One random placement of the objects, replayed as a replicate of its own (own seed for the
 * exit order and the guest too): the change in touched lines per exit of the mix and the mean
 * difference in estimated cycles per exit (after minus before).
 */
public record PlacementPoint(long seed, double linesDiff, double cyclesDiff) {}
