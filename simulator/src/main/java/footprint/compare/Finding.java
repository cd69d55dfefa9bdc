package footprint.compare;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import footprint.sim.MeanInterval;

/**
 * One statement of the verdict, as data: each report format puts it into its own words. A
 * model's verdict opens with {@link NoDifference} or {@link Mix}; the others are its details.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "finding")
@JsonSubTypes({@JsonSubTypes.Type(Finding.NoDifference.class), @JsonSubTypes.Type(Finding.Mix.class),
        @JsonSubTypes.Type(Finding.ExitChange.class), @JsonSubTypes.Type(Finding.GuestSweepPeak.class),
        @JsonSubTypes.Type(Finding.PlacementSpread.class)})
public sealed interface Finding {
    String model();

    /** Touched lines, misses and cycles are the same within the interval for every exit and guest working set. */
    record NoDifference(String model) implements Finding {}

    /** The mix: touched lines per exit before, after and ideal, and the paired difference in cycles per exit. */
    record Mix(String model, double linesBefore, double linesAfter, double linesIdeal, PairedDiff cycles)
            implements Finding {}

    /** One exit reason whose touched lines or cycles changed. */
    record ExitChange(String model, String exit, double linesDiff, PairedDiff cycles) implements Finding {}

    /** The guest working set at which the mix's cycles differ most (beyond the interval). */
    record GuestSweepPeak(String model, long guestBytes, PairedDiff cycles) implements Finding {}

    /** The mix's cycle difference over random placements (one replicate each). */
    record PlacementSpread(String model, int placements, MeanInterval cycles, double medianLinesDiff, int lower,
            int same, int higher) implements Finding {}
}
