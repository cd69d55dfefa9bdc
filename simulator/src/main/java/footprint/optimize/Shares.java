package footprint.optimize;

/** Rounds stream shares and weighted means to 6 decimals, so that 0.6 + 0.3 reads 0.9 in a report. */
final class Shares {
    private Shares() {}

    static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
