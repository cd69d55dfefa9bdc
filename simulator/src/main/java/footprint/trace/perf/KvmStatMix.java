package footprint.trace.perf;

import footprint.trace.MixStream;
import footprint.trace.Trivia;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@code perf kvm stat report} into a weighted exit mix: each mapped reason's sample count
 * (times its share) becomes the weight of its trace exit; unmapped reasons are listed apart.
 */
public record KvmStatMix(MixStream stream, List<KvmStatReport.Row> unmapped, long mappedSamples) {

    /** {@code count <= 0} uses the mapped sample count. */
    public static KvmStatMix of(KvmStatReport report, ExitReasonMap map, long count, long seed) {
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
        weights.forEach((exit, w) -> entries.add(new MixStream.Entry(exit, w, Trivia.NONE, 0)));
        long mappedSamples = Math.round(mapped);
        long n = count > 0 ? count : Math.max(1, mappedSamples);
        MixStream stream = entries.isEmpty() ? null : new MixStream(n, seed, entries, Trivia.NONE, Trivia.NONE, 0);
        return new KvmStatMix(stream, unmapped, mappedSamples);
    }
}
