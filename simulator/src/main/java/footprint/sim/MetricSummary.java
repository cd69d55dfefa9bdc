package footprint.sim;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Max;
import org.apache.commons.math3.stat.descriptive.rank.Min;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/** Mean, standard deviation (sample) and percentiles of one per-exit metric over a set of exits. */
public record MetricSummary(long n, double mean, double sd, double min, double p50, double p90, double p99, double max) {
    public static MetricSummary of(double[] values) {
        if (values.length == 0) {
            return new MetricSummary(0, 0, 0, 0, 0, 0, 0, 0);
        }
        double mean = new Mean().evaluate(values);
        double sd = values.length > 1 ? new StandardDeviation().evaluate(values, mean) : 0;
        // One Percentile over the data: it keeps its pivots between the three evaluations.
        Percentile percentile = new Percentile();
        percentile.setData(values);
        return new MetricSummary(values.length, mean, sd, new Min().evaluate(values), percentile.evaluate(50),
                percentile.evaluate(90), percentile.evaluate(99), new Max().evaluate(values));
    }
}
