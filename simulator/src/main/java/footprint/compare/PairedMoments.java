package footprint.compare;

/**
 * Running moments of one metric paired before and after over a stream of exits: the means of
 * before and after and the mean and second central moment of the difference d = after - before,
 * updated pair by pair exactly as commons-math3's {@code FirstMoment} and {@code SecondMoment}
 * (inside {@code SummaryStatistics}) update them, so a streamed comparison gives the numbers
 * of one pass over stored arrays.
 */
final class PairedMoments {
    private long n;
    private double before;
    private double after;
    private double diff;
    private double diffM2;

    void add(double a, double b) {
        n++;
        double count = n;
        before += (a - before) / count;
        after += (b - after) / count;
        double dev = (b - a) - diff;
        double nDev = dev / count;
        diff += nDev;
        diffM2 += (count - 1) * dev * nDev;
    }

    long n() {
        return n;
    }

    double before() {
        return before;
    }

    double after() {
        return after;
    }

    double diff() {
        return diff;
    }

    /** The sample standard deviation of the difference (0 for fewer than two pairs). */
    double diffSd() {
        return n > 1 ? Math.sqrt(diffM2 / (n - 1d)) : 0;
    }
}
