package footprint.compare;

/**
 * The base cycles of one exit's round trip on a model, and how firm that number is
 * (published, derived, unverified, guessed; empty for a hand-made model): the share of the
 * exit a layout change is worth is only as good as this base.
 */
public record BaseCost(String exit, long cycles, String basis) {}
