package footprint.trace.perf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a {@code perf kvm stat report} became an exit mix: each reason's figures and the exits it
 * maps to, and the weights of the resulting {@code stream mix} block.
 */
public record KvmStatMapping(String source, long totalSamples, long mappedSamples, List<Reason> reasons, Weights stream) {

    /** One row of the report and the trace exits the map sends its samples to (none when unmapped). */
    public record Reason(String reason, long samples, double samplesPercent, double timePercent, double avgMicros,
            List<ExitReasonMap.Target> exits) {}

    /** The mix drawn: {@code count} exits with {@code seed}, from the weight of each exit in mix order. */
    public record Weights(long count, long seed, Map<String, Double> weights) {}

    /** {@code mix} must have a stream, i.e. some reason maps to an exit. */
    public static KvmStatMapping of(KvmStatReport report, ExitReasonMap map, KvmStatMix mix) {
        List<Reason> reasons = report.rows().stream()
                .map(r -> new Reason(r.reason(), r.samples(), r.samplesPercent(), r.timePercent(), r.avgMicros(),
                        map.map(r.reason())))
                .toList();
        Map<String, Double> weights = new LinkedHashMap<>();
        mix.stream().entries().forEach(e -> weights.put(e.exit(), e.weight()));
        return new KvmStatMapping(report.source(), report.totalSamples(), mix.mappedSamples(), reasons,
                new Weights(mix.stream().count(), mix.stream().seed(), weights));
    }
}
