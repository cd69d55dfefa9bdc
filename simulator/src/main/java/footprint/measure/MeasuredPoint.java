package footprint.measure;

/**
 * One guest working set of a measurement: both sides timed with the guest phase and with the
 * exit alone, and L1D misses per exit from perf where it counts them (NaN otherwise).
 */
public record MeasuredPoint(long guestBytes, TimedPair withGuest, TimedPair exitAlone, double l1dMissesBefore,
                            double l1dMissesAfter) {}
