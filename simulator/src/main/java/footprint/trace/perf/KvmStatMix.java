package footprint.trace.perf;

import footprint.trace.MixStream;
import footprint.trace.Trivia;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@code perf kvm stat report} into a weighted exit mix: each mapped reason's sample count
 * (times its share) becomes the weight of its trace exit; unmapped reasons are listed apart.
 */
public record KvmStatMix(MixStream stream, List<KvmStatReport.Row> unmapped, List<MixStream.Entry> undefined,
        long mappedSamples) {

    /**
     * {@code count <= 0} uses the mapped sample count. {@code traceExits}, when not null, are the
     * exits the target trace defines: weights of other exits are moved to {@code undefined}.
     */
    public static KvmStatMix of(KvmStatReport report, ExitReasonMap map, long count, long seed, Set<String> traceExits) {
        Map<String, Double> weights = new LinkedHashMap<>();
        List<KvmStatReport.Row> unmapped = new ArrayList<>();
        double mapped = 0;
        for (KvmStatReport.Row row : report.rows()) {
            List<ExitReasonMap.Target> targets = map.map(row.reason());
            if (targets.isEmpty()) {
                unmapped.add(row);
            }
            for (ExitReasonMap.Target t : targets) {
                // rounded to 1/1000 of a sample so the written weight reads back as the same double
                weights.merge(t.exit(), Math.round(row.samples() * t.share() * 1000) / 1000.0, Double::sum);
                mapped += row.samples() * t.share();
            }
        }
        List<MixStream.Entry> entries = new ArrayList<>();
        List<MixStream.Entry> undefined = new ArrayList<>();
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            MixStream.Entry e = new MixStream.Entry(w.getKey(), w.getValue(), Trivia.NONE, 0);
            if (traceExits == null || traceExits.contains(w.getKey())) {
                entries.add(e);
            } else {
                undefined.add(e);
                mapped -= w.getValue();
            }
        }
        long mappedSamples = Math.round(mapped);
        long n = count > 0 ? count : Math.max(1, mappedSamples);
        MixStream stream = entries.isEmpty() ? null : new MixStream(n, seed, entries, Trivia.NONE, Trivia.NONE, 0);
        return new KvmStatMix(stream, unmapped, undefined, mappedSamples);
    }
}
