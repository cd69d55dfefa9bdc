package footprint.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The comparison's interval on a synthetic case with a known answer. Per-exit differences
 * within one run are autocorrelated (an AR(1) series, as cache state carries over from exit to
 * exit) and share the run's offset (one placement and one draw of the guest's addresses per
 * run), around a true mean difference of {@link #TRUE_DIFF}. An interval over the exits of one
 * run treats them as independent and misses the truth most of the time; the interval over
 * replicates (one mean per run) covers it about 95% of the time.
 */
class ReplicateIntervalCoverageTest {
    static final double TRUE_DIFF = -3.0;
    static final double RUN_OFFSET_SD = 2.0;
    static final double PHI = 0.9;
    static final double NOISE_SD = 4.0;
    static final int TRIALS = 2000;
    static final int REPLICATES = 10;
    static final int EXITS = 1000;

    /** One run's exits: before around 3000 cycles, after = before + the run's autocorrelated difference. */
    private static double[][] run(SplittableRandom random, int exits) {
        double offset = RUN_OFFSET_SD * random.nextGaussian();
        double[] before = new double[exits];
        double[] after = new double[exits];
        double e = NOISE_SD * random.nextGaussian();
        for (int t = 0; t < exits; t++) {
            // Stationary AR(1): the innovation's sd keeps the series' sd at NOISE_SD.
            e = PHI * e + Math.sqrt(1 - PHI * PHI) * NOISE_SD * random.nextGaussian();
            before[t] = 3000 + 50 * random.nextGaussian();
            after[t] = before[t] + TRUE_DIFF + offset + e;
        }
        return new double[][] {before, after};
    }

    private static boolean covers(PairedDiff d) {
        return d.ciLow() <= TRUE_DIFF && TRUE_DIFF <= d.ciHigh();
    }

    @Test
    void theIntervalOverReplicatesCoversTheTrueDifferenceAboutNinetyFivePercentOfTheTime() {
        SplittableRandom random = new SplittableRandom(20261204);
        int perReplicate = EXITS / REPLICATES;
        int covered = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            double[] before = new double[REPLICATES];
            double[] after = new double[REPLICATES];
            for (int r = 0; r < REPLICATES; r++) {
                double[][] exits = run(random, perReplicate);
                before[r] = mean(exits[0]);
                after[r] = mean(exits[1]);
            }
            covered += covers(PairedDiff.overReplicates(before, after, 3000)) ? 1 : 0;
        }
        double coverage = (double) covered / TRIALS;
        // Binomial sd at 95% over 2000 trials is 0.5%; the bounds are about 3 sd either side.
        assertThat(coverage).isBetween(0.93, 0.97);
    }

    @Test
    void theOldIntervalOverTheExitsOfOneRunCoversItFarLessOften() {
        SplittableRandom random = new SplittableRandom(20261204);
        int covered = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            // The same exits fed in as if each were a replicate: what compare did before replicates.
            double[][] exits = run(random, EXITS);
            covered += covers(PairedDiff.overReplicates(exits[0], exits[1], 3000)) ? 1 : 0;
        }
        double coverage = (double) covered / TRIALS;
        assertThat(coverage).isLessThan(0.5);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
