package footprint.cli;

import footprint.address.AddressFormat;
import footprint.address.AddressStreams;
import footprint.address.ReferenceCounter;
import footprint.cache.CacheHierarchy;
import footprint.cache.Geometry;
import footprint.cache.Inclusion;
import footprint.cache.Replacement;
import footprint.input.InputException;
import footprint.model.CpuModel;
import footprint.model.CpuModels;
import footprint.model.Prefetchers;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code footprint cachesim}: replays a raw address trace through a modelled or explicit cache hierarchy. */
@Command(name = "cachesim", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Replays a raw data-address trace (Dinero din, valgrind lackey --trace-mem=yes, or "
                + "plain 'R|W ADDRESS SIZE' lines) through a CPU model's caches or an explicit geometry "
                + "and prints accesses, hits and misses per level.",
            "",
            "Counting follows cachegrind: one access per trace record. A record that straddles a "
                + "line boundary looks up both lines (in address order) and is one access, which misses "
                + "a level when either line misses it. A line that hits a level goes no further, so an "
                + "outer level sees only the missing line (cachegrind looks both lines up in its LL). "
                + "Caches are write-allocate; instruction fetches in the trace are skipped."},
        footer = {"%nExample:",
            "  footprint cachesim guest.din --l1d 32k:8:64 --policy lru",
            "  valgrind --tool=lackey --trace-mem=yes --log-fd=9 ./app 9>&1 >/dev/null | \\",
            "    footprint cachesim /dev/stdin --input-format lackey --model zen4",
            "  footprint cachesim app.lackey --model skylake-sp --format json"})
public final class CachesimCommand implements Callable<Integer> {

    enum InputFormat { auto, din, lackey, plain }

    enum Policy {
        lru(Replacement.LRU), tree_plru(Replacement.TREE_PLRU), random(Replacement.RANDOM);

        final Replacement replacement;

        Policy(Replacement r) {
            this.replacement = r;
        }
    }

    enum Prefetch { next_line, adjacent_pair }

    enum InclusionOption {
        inclusive(Inclusion.INCLUSIVE), non_inclusive(Inclusion.NON_INCLUSIVE), exclusive(Inclusion.EXCLUSIVE);

        final Inclusion inclusion;

        InclusionOption(Inclusion i) {
            this.inclusion = i;
        }
    }

    @Parameters(index = "0", paramLabel = "FILE", description = "The address trace.")
    Path file;

    @Option(names = "--input-format", defaultValue = "auto",
            description = "Trace format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}: guessed from the first lines).")
    InputFormat inputFormat;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Caches caches;

    static final class Caches {
        @Option(names = "--model", paramLabel = "ID", description = "CPU model id (see 'footprint models').")
        String model;

        @ArgGroup(exclusive = false)
        Explicit explicit;
    }

    static final class Explicit {
        @Option(names = "--l1d", required = true, paramLabel = "SIZE:WAYS:LINE", description = "L1D geometry, e.g. 32k:8:64.")
        String l1d;

        @Option(names = "--l2", paramLabel = "SIZE:WAYS:LINE", description = "L2 geometry, e.g. 1m:16:64.")
        String l2;

        @Option(names = "--llc", paramLabel = "SIZE:WAYS:LINE", description = "Last-level cache geometry, e.g. 32m:16:64.")
        String llc;

        @Option(names = "--policy", defaultValue = "lru", converter = PolicyConverter.class,
                description = "Replacement of every level: lru, tree-plru, random (default ${DEFAULT-VALUE}).")
        Policy policy;

        @Option(names = "--llc-inclusion", defaultValue = "non-inclusive", converter = InclusionConverter.class,
                description = "How the LLC relates to the levels above: inclusive, non-inclusive, exclusive (default ${DEFAULT-VALUE}).")
        InclusionOption llcInclusion;
    }

    @Option(names = "--models", paramLabel = "DIR", description = "Folder of CPU model files (default: the bundled models/cpu).")
    Path modelsDir;

    @Option(names = "--prefetch", split = ",", paramLabel = "NAME", converter = PrefetchConverter.class,
            description = "Turn on prefetchers: next-line (DCU, into L1D on a miss), adjacent-pair (L2 spatial, 128-byte pairs).")
    List<Prefetch> prefetch = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "1", description = "Seed of random replacement (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--format", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // Not only regular files: a named pipe or /dev/stdin streams a trace without storing it.
        if (!Files.exists(file) || Files.isDirectory(file)) {
            throw new InputException(file, 0, "no such trace file");
        }
        if (inputFormat == InputFormat.auto && !Files.isRegularFile(file)) {
            // Guessing reads the first lines, which a pipe cannot give back.
            throw new InputException(file, 0, "not a regular file: give --input-format din|lackey|plain");
        }
        AddressFormat fmt = inputFormat == InputFormat.auto ? AddressStreams.detect(file)
                : AddressFormat.valueOf(inputFormat.name().toUpperCase(Locale.ROOT));
        Prefetchers pf = new Prefetchers(prefetch.contains(Prefetch.next_line), prefetch.contains(Prefetch.adjacent_pair));
        String modelId = null;
        CacheHierarchy hierarchy;
        if (caches.model != null) {
            CpuModel m = CpuModels.find(modelsDir != null ? modelsDir : CpuModels.defaultDirectory(), caches.model);
            modelId = m.id();
            hierarchy = m.withPrefetchers(pf).cacheHierarchy(seed);
        } else {
            hierarchy = explicitHierarchy(caches.explicit, pf);
        }
        PrintWriter err = spec.commandLine().getErr();
        ReferenceCounter counter = new ReferenceCounter(hierarchy, (refs, seconds) -> {
            err.printf(Locale.ROOT, "cachesim: %,d accesses in %.0f s ...%n", refs, seconds);
            err.flush();
        });
        AddressStreams.replay(file, fmt, counter);
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> result = result(fmt, modelId, hierarchy, counter);
        if (format == OutputFormat.json) {
            out.print(Json.write(result));
        } else {
            text(out, fmt, modelId, hierarchy, counter);
        }
        out.flush();
        return 0;
    }

    private CacheHierarchy explicitHierarchy(Explicit e, Prefetchers pf) {
        CacheHierarchy.Builder b = CacheHierarchy.builder();
        // Latencies do not change counts; cachesim reports none, so placeholders in the usual ratio are used.
        b.level("L1D", geometry("--l1d", e.l1d), e.policy.replacement, Inclusion.NON_INCLUSIVE, 4);
        if (e.l2 != null) {
            b.level("L2", geometry("--l2", e.l2), e.policy.replacement, Inclusion.NON_INCLUSIVE, 14);
        }
        if (e.llc != null) {
            b.level("LLC", geometry("--llc", e.llc), e.policy.replacement, e.llcInclusion.inclusion, 50);
        }
        try {
            return b.memoryLatency(200).nextLinePrefetch(pf.nextLine()).adjacentLinePrefetch(pf.adjacentPair()).build(seed);
        } catch (IllegalArgumentException ex) {
            throw new InputException(ex.getMessage());
        }
    }

    private static Geometry geometry(String option, String spec) {
        try {
            return Geometry.parse(spec);
        } catch (IllegalArgumentException ex) {
            throw new InputException(option + " " + spec + ": " + ex.getMessage());
        }
    }

    private Map<String, Object> result(AddressFormat fmt, String modelId, CacheHierarchy h, ReferenceCounter c) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("file", file.toString());
        o.put("inputFormat", fmt.cliName());
        o.put("model", modelId);
        o.put("accesses", c.references());
        o.put("reads", c.references() - c.writes());
        o.put("writes", c.writes());
        o.put("straddling", c.straddling());
        List<Object> levels = new ArrayList<>();
        for (int k = 0; k < h.levels(); k++) {
            Map<String, Object> lv = new LinkedHashMap<>();
            lv.put("name", h.levelName(k));
            lv.put("geometry", h.level(k).geometry().toString());
            lv.put("replacement", ModelsCommand.name(h.level(k).replacement()));
            lv.put("accesses", c.accesses(k));
            lv.put("hits", c.hits(k));
            lv.put("misses", c.misses(k));
            lv.put("missRate", rate(c.misses(k), c.accesses(k)));
            lv.put("lineAccesses", h.stats(k).accesses());
            lv.put("lineMisses", h.stats(k).misses());
            lv.put("prefetches", h.stats(k).prefetches());
            levels.add(lv);
        }
        o.put("levels", levels);
        o.put("memoryAccesses", c.accesses(h.levels()));
        return o;
    }

    private void text(PrintWriter out, AddressFormat fmt, String modelId, CacheHierarchy h, ReferenceCounter c) {
        out.printf(Locale.ROOT, "trace     %s (%s)%n", file, fmt.cliName());
        out.printf(Locale.ROOT, "caches    %s%n", modelId != null ? "model " + modelId : "explicit geometry");
        out.printf(Locale.ROOT, "accesses  %d (reads %d, writes %d; %d straddle a line boundary)%n",
                c.references(), c.references() - c.writes(), c.writes(), c.straddling());
        out.printf(Locale.ROOT, "%-6s %-12s %-10s %14s %14s %14s %10s%n", "level", "geometry", "policy", "accesses", "hits",
                "misses", "miss rate");
        for (int k = 0; k < h.levels(); k++) {
            out.printf(Locale.ROOT, "%-6s %-12s %-10s %14d %14d %14d %9s%%%n", h.levelName(k), h.level(k).geometry(),
                    ModelsCommand.name(h.level(k).replacement()), c.accesses(k), c.hits(k), c.misses(k),
                    rate(c.misses(k), c.accesses(k)).movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString());
        }
        out.printf(Locale.ROOT, "memory %d accesses%n", c.accesses(h.levels()));
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6, RoundingMode.HALF_EVEN);
    }

    /** Accepts the user-facing spelling with '-' for the enum constants written with '_'. */
    static final class PolicyConverter implements picocli.CommandLine.ITypeConverter<Policy> {
        @Override
        public Policy convert(String value) {
            return Policy.valueOf(value.trim().toLowerCase(Locale.ROOT).replace('-', '_'));
        }
    }

    static final class PrefetchConverter implements picocli.CommandLine.ITypeConverter<Prefetch> {
        @Override
        public Prefetch convert(String value) {
            return Prefetch.valueOf(value.trim().toLowerCase(Locale.ROOT).replace('-', '_'));
        }
    }

    static final class InclusionConverter implements picocli.CommandLine.ITypeConverter<InclusionOption> {
        @Override
        public InclusionOption convert(String value) {
            return InclusionOption.valueOf(value.trim().toLowerCase(Locale.ROOT).replace('-', '_'));
        }
    }
}
