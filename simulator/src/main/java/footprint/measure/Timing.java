package footprint.measure;

import java.util.Iterator;
import java.util.Map;
import org.openjdk.jmh.util.Statistics;

/** What one timed operation of {@link ExitReplayBenchmark} covers. */
public enum Timing {
    /** The guest phase and the exit: what a vCPU pays per exit, guest misses included. */
    WITH_GUEST("exit"),
    /** The exit's own accesses; the guest phase before it runs untimed. */
    EXIT_ALONE("exitAlone");

    private final String benchmark;

    Timing(String benchmark) {
        this.benchmark = benchmark;
    }

    /**
     * One iteration's ns per exit from its samples. With the guest, the median: a sample of 16
     * exits that was descheduled or met a safepoint does not move it (the mean moves by hundreds of
     * ns on a loaded host). The exit alone is one exit per sample, and the exits of a mix differ
     * in size: the median jumps between the kinds' clusters when their shares shift a little, so
     * the score is the mean of the samples up to the 99th percentile (the rare sample that was
     * interrupted is left out).
     */
    double score(Statistics samples) {
        if (this == WITH_GUEST) {
            return samples.getPercentile(50);
        }
        double cut = samples.getPercentile(99);
        double sum = 0;
        long count = 0;
        for (Iterator<Map.Entry<Double, Long>> it = samples.getRawData(); it.hasNext(); ) {
            Map.Entry<Double, Long> bin = it.next();
            if (bin.getKey() <= cut) {
                sum += bin.getKey() * bin.getValue();
                count += bin.getValue();
            }
        }
        return count == 0 ? samples.getMean() : sum / count;
    }

    /** The {@link ExitReplayBenchmark} method that times it. */
    String benchmark() {
        return benchmark;
    }
}
