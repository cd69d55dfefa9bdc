package footprint.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

/** Streamed paired moments give bit for bit what commons-math3's SummaryStatistics gives over the same pairs. */
class PairedMomentsTest {
    @Test
    void sameBitsAsSummaryStatistics() {
        SplittableRandom r = new SplittableRandom(4);
        for (int k = 0; k < 40; k++) {
            int n = 1 + r.nextInt(k < 20 ? 50 : 100_000);
            boolean integers = k % 2 == 0;
            PairedMoments m = new PairedMoments();
            SummaryStatistics a = new SummaryStatistics();
            SummaryStatistics b = new SummaryStatistics();
            SummaryStatistics d = new SummaryStatistics();
            for (int i = 0; i < n; i++) {
                double x = integers ? r.nextInt(100) : 3000 + r.nextGaussian() * 40;
                double y = integers ? x + r.nextInt(5) - 2 : x - 2 + r.nextGaussian();
                m.add(x, y);
                a.addValue(x);
                b.addValue(y);
                d.addValue(y - x);
            }
            assertThat(m.n()).isEqualTo(n);
            assertThat(new double[] {m.before(), m.after(), m.diff(), m.diffSd()})
                    .containsExactly(a.getMean(), b.getMean(), d.getMean(), n > 1 ? d.getStandardDeviation() : 0);
        }
    }
}
