package footprint.cli;

import footprint.model.CpuModel;
import footprint.model.CpuModels;
import footprint.model.ExitCost;
import footprint.model.LevelModel;
import footprint.model.Provenance;
import footprint.report.ReportJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code footprint models}: lists the CPU models with their cache levels and exit costs. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = {
            "Lists the CPU models (models/cpu/*.json): cache levels, latencies, memory latency, "
                + "VM-exit base costs, and with --sources where each number comes from."},
        footer = {"%nExample:", "  footprint models", "  footprint models --sources --format json"})
public final class ModelsCommand implements Callable<Integer> {

    @Mixin
    FormatOption format;

    @Option(names = "--models", paramLabel = "DIR", description = "Folder of CPU model files (default: the bundled models/cpu).")
    Path dir;

    @Option(names = "--sources", description = "Also print the source and basis of every number.")
    boolean sources;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<CpuModel> models = CpuModels.loadAll(dir != null ? dir : CpuModels.defaultDirectory());
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            List<Object> list = new ArrayList<>();
            for (CpuModel m : models) {
                list.add(json(m));
            }
            out.print(ReportJson.write(list));
        } else {
            for (CpuModel m : models) {
                text(out, m);
            }
        }
        out.flush();
        return 0;
    }

    private void text(PrintWriter out, CpuModel m) {
        out.printf(Locale.ROOT, "%s  %s%n", m.id(), m.name());
        for (int i = 0; i < m.levels().size(); i++) {
            LevelModel l = m.levels().get(i);
            out.printf(Locale.ROOT, "  %-4s %-12s %3d cycles  %-9s %s%n", l.name(), l.geometry(), l.latencyCycles(),
                    name(l.replacement()), name(l.inclusion()));
        }
        out.printf(Locale.ROOT, "  memory %d cycles, memory-level parallelism %s, clock %s GHz%n", m.memoryLatencyCycles(),
                number(m.memoryLevelParallelism()), number(m.clockGhz()));
        StringBuilder exits = new StringBuilder();
        m.exitBaseCycles().forEach((k, v) -> exits.append(exits.length() == 0 ? "" : ", ").append(k).append(' ').append(v.cycles()));
        out.printf(Locale.ROOT, "  exit base cycles: %s%n", exits);
        if (sources) {
            m.provenance().forEach((field, p) ->
                    out.printf(Locale.ROOT, "    %-32s %-10s %s%n", field, name(p.basis()), p.source()));
        }
        out.println();
    }

    private Map<String, Object> json(CpuModel m) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", m.id());
        o.put("name", m.name());
        o.put("vendor", m.vendor());
        o.put("clockGhz", m.clockGhz());
        List<Object> levels = new ArrayList<>();
        for (LevelModel l : m.levels()) {
            Map<String, Object> lv = new LinkedHashMap<>();
            lv.put("name", l.name());
            lv.put("sizeBytes", l.geometry().sizeBytes());
            lv.put("ways", l.geometry().ways());
            lv.put("lineSize", l.geometry().lineSize());
            lv.put("sets", l.geometry().sets());
            lv.put("latencyCycles", l.latencyCycles());
            lv.put("replacement", name(l.replacement()));
            lv.put("inclusion", name(l.inclusion()));
            levels.add(lv);
        }
        o.put("levels", levels);
        o.put("memoryLatencyCycles", m.memoryLatencyCycles());
        o.put("memoryLevelParallelism", m.memoryLevelParallelism());
        Map<String, Object> prefetch = new LinkedHashMap<>();
        prefetch.put("nextLine", m.prefetchers().nextLine());
        prefetch.put("adjacentPair", m.prefetchers().adjacentPair());
        o.put("prefetchers", prefetch);
        Map<String, Object> exits = new LinkedHashMap<>();
        for (Map.Entry<String, ExitCost> e : m.exitBaseCycles().entrySet()) {
            exits.put(e.getKey(), e.getValue().cycles());
        }
        o.put("exitBaseCycles", exits);
        if (sources) {
            Map<String, Object> prov = new LinkedHashMap<>();
            for (Map.Entry<String, Provenance> e : m.provenance().entrySet()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("basis", name(e.getValue().basis()));
                p.put("source", e.getValue().source());
                prov.put(e.getKey(), p);
            }
            o.put("sources", prov);
        }
        o.put("file", m.file());
        return o;
    }

    static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
