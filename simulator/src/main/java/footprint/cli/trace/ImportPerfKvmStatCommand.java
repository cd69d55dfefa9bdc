package footprint.cli.trace;

import footprint.cli.Json;
import footprint.cli.OutputFormat;
import footprint.trace.ExitDef;
import footprint.trace.MixStream;
import footprint.trace.TraceReader;
import footprint.trace.TraceWriter;
import footprint.trace.perf.ExitReasonMap;
import footprint.trace.perf.KvmStatMapping;
import footprint.trace.perf.KvmStatMix;
import footprint.trace.perf.KvmStatReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code footprint trace import perf-kvm-stat}: a {@code perf kvm stat report} table to a {@code stream mix} block. */
@Command(
        mixinStandardHelpOptions = true,
        name = "perf-kvm-stat",
        description = {
            "Turn 'perf kvm stat report' output into a weighted exit mix (a 'stream mix' block to "
                + "paste into a trace). Each exit reason's sample count becomes the weight of the trace "
                + "exit it maps to; reasons the map does not list are reported on stderr and left out."},
        footer = {"", "Example:",
            "  perf kvm stat record -a sleep 10 && perf kvm stat report --event=vmexit > kvm-stat.txt",
            "  footprint trace import perf-kvm-stat kvm-stat.txt --map traces/perf-kvm-stat-vmx.map \\",
            "      --trace traces/kvm-6.1/vmx/vmx-exits.trace"})
public final class ImportPerfKvmStatCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "REPORT", description = "Saved output of 'perf kvm stat report'.")
    Path report;

    @Option(names = "--map", paramLabel = "FILE",
            description = "Lines 'REASON EXIT [SHARE]' mapping perf's exit reasons to trace exit names "
                    + "(default: each reason keeps its own name).")
    Path map;

    @Option(names = "--trace", paramLabel = "TRACE",
            description = "Keep only exits this trace defines; the weight of other exits is reported on stderr and left out.")
    Path trace;

    @Option(names = "--count", paramLabel = "N", description = "Exits the mix draws (default: the mapped sample count).")
    long count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the mix (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--format", defaultValue = "text", description = "text (a stream block) or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (count < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count must be > 0");
        }
        KvmStatReport r = KvmStatReport.read(report);
        ExitReasonMap m = map == null ? ExitReasonMap.identity() : ExitReasonMap.read(map);
        java.util.Set<String> exits = trace == null ? null : TraceReader.read(trace).exits().stream()
                .map(ExitDef::name).collect(java.util.stream.Collectors.toSet());
        KvmStatMix mix = KvmStatMix.of(r, m, count, seed, exits);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (KvmStatReport.Row row : mix.unmapped()) {
            err.printf(Locale.ROOT, "footprint: %s:%d: unmapped exit reason %s (%d samples, %.2f%%) left out%n",
                    report, row.line(), row.reason(), row.samples(), row.samplesPercent());
        }
        for (MixStream.Entry e : mix.undefined()) {
            err.printf(Locale.ROOT, "footprint: %s does not define exit %s (weight %s) left out%n", trace, e.exit(),
                    TraceWriter.weight(e.weight()));
        }
        if (mix.stream() == null) {
            throw new footprint.input.InputException(report.toString(), 0, "no exit reason maps to an exit"
                    + (map == null ? "" : " of " + map) + (trace == null ? "" : " that " + trace + " defines"));
        }
        if (mix.stream().entries().stream().mapToDouble(MixStream.Entry::weight).sum() <= 0) {
            // the trace reader refuses such a mix: say so here, where the cause is
            throw new footprint.input.InputException(report.toString(), 0, "every mapped exit reason has 0 samples;"
                    + " a mix needs at least one exit that happened");
        }
        if (format == OutputFormat.json) {
            out.print(Json.write(KvmStatMapping.of(r, m, mix)));
        } else {
            out.printf(Locale.ROOT, "# Exit mix from perf kvm stat report %s: %d of %d samples mapped%s%n", report,
                    mix.mappedSamples(), r.totalSamples(), map == null ? "" : " by " + map);
            out.print(TraceWriter.write(mix.stream()));
        }
        out.flush();
        err.flush();
        return 0;
    }
}
