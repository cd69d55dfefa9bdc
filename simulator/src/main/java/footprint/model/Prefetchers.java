package footprint.model;

/** Which modelled hardware prefetchers are switched on (both off unless asked for). */
public record Prefetchers(boolean nextLine, boolean adjacentPair) {
    public static final Prefetchers NONE = new Prefetchers(false, false);
}
