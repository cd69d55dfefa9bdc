package footprint.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Max;
import org.apache.commons.math3.stat.descriptive.rank.Min;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The summary of a histogram against commons-math3 over the same values, on seeded random data. */
class MetricSummaryTest {
    /** Seeded data sets: small and large, integer counts, integers over a memory-level parallelism plus a base, doubles. */
    static Stream<double[]> dataSets() {
        SplittableRandom r = new SplittableRandom(20261125);
        Stream.Builder<double[]> sets = Stream.builder();
        for (int k = 0; k < 60; k++) {
            int n = k < 10 ? k + 1 : r.nextInt(1, k < 50 ? 2000 : 200_000);
            double[] v = new double[n];
            int kind = k % 3;
            int range = 1 + r.nextInt(k < 30 ? 10 : 5000);
            double mlp = 1 + r.nextDouble() * 3;
            for (int i = 0; i < n; i++) {
                v[i] = switch (kind) {
                    case 0 -> r.nextInt(range) - range / 4;
                    case 1 -> 1900 + (r.nextInt(range) - range / 3) / mlp;
                    default -> r.nextGaussian() * 1e3 + 50;
                };
            }
            sets.add(v);
        }
        return sets.build();
    }

    @ParameterizedTest
    @MethodSource("dataSets")
    void equalsCommonsMath(double[] v) {
        ValueHistogram h = new ValueHistogram();
        for (double x : v) {
            h.add(x);
        }
        MetricSummary s = MetricSummary.of(h);
        assertThat(s.n()).isEqualTo(v.length);
        double mean = new Mean().evaluate(v);
        assertThat(s.mean()).isCloseTo(mean, within(1e-9 * Math.abs(mean)));
        double sd = v.length > 1 ? new StandardDeviation().evaluate(v) : 0;
        assertThat(s.sd()).isCloseTo(sd, within(1e-9 * sd));
        Percentile p = new Percentile();
        p.setData(v);
        assertThat(new double[] {s.min(), s.p50(), s.p90(), s.p99(), s.max()}).containsExactly(
                new Min().evaluate(v), p.evaluate(50), p.evaluate(90), p.evaluate(99), new Max().evaluate(v));
    }

    @ParameterizedTest
    @MethodSource("dataSets")
    void mergedHistogramsCountEveryValue(double[] v) {
        ValueHistogram whole = new ValueHistogram();
        ValueHistogram odd = new ValueHistogram();
        ValueHistogram even = new ValueHistogram();
        for (int i = 0; i < v.length; i++) {
            whole.add(v[i]);
            (i % 2 == 0 ? even : odd).add(v[i]);
        }
        even.addAll(odd);
        assertThat(even.total()).isEqualTo(v.length);
        assertThat(even.sortedValues()).containsExactly(whole.sortedValues());
        for (double x : whole.sortedValues()) {
            assertThat(even.count(x)).isEqualTo(whole.count(x));
        }
        assertThat(MetricSummary.of(even)).isEqualTo(MetricSummary.of(whole));
    }
}
