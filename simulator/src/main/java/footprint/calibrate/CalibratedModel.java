package footprint.calibrate;

import footprint.cache.Inclusion;
import footprint.cache.Replacement;
import footprint.units.ByteSize;
import footprint.cache.Geometry;
import footprint.model.CpuModel;
import footprint.model.LevelModel;
import footprint.model.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A CPU model made from a {@link Calibration}: clock, level capacities and latencies, memory
 * latency and memory-level parallelism as measured; what a latency sweep cannot see (ways,
 * replacement, inclusion, prefetchers, VM-exit base costs) taken from a reference model and
 * marked as such. A capacity is the measured step rounded to the nearest size whose set count
 * is a power of two with the reference's ways (the simulator's geometry needs one). The model
 * has as many levels as the reference.
 */
public record CalibratedModel(String id, String name, String vendor, Calibration calibration, CpuModel reference,
                              List<Level> levels, Value clockGhz, Value memoryLatency, Value memoryLevelParallelism) {

    /** One number of the model and where it comes from. */
    public record Value(double value, Provenance provenance) {}

    /** One calibrated cache level. */
    public record Level(String name, long sizeBytes, Provenance size, int ways, Provenance waysSource, Value latency,
                        Replacement replacement, Provenance replacementSource, Inclusion inclusion,
                        Provenance inclusionSource) {}

    public CalibratedModel {
        levels = List.copyOf(levels);
    }

    public static CalibratedModel of(String id, Calibration c, CpuModel reference) {
        String where = String.format(Locale.ROOT, "footprint calibrate (%s) on %s, %s", c.command(), c.cpu().describe(), c.date());
        Provenance clock = new Provenance(String.format(Locale.ROOT,
                "%s: a dependent 64-bit multiply chain takes %.4f ns per IMUL; IMUL r64 latency is 3 cycles on Zen 1-5 and"
                        + " Intel cores since Sandy Bridge (Agner Fog, Instruction tables; uops.info)", where,
                c.multiplyNanos()), Provenance.Basis.MEASURED);
        List<Level> levels = new ArrayList<>();
        // A latency plateau past the reference's last level (TLB reach, a VM's share of a contended
        // L3) is printed but not made a cache level: the reference says how many levels the part has.
        for (int i = 0; i < Math.min(c.levels().size(), reference.levels().size()); i++) {
            FoundLevel f = c.levels().get(i);
            LevelModel ref = reference.levels().get(i);
            String name = i == 0 ? "L1D" : "L" + (i + 1);
            String refField = "levels[" + i + "].";
            int ways = ref != null ? ref.geometry().ways() : 16;
            Provenance waysSource = ref != null ? copied(reference, refField + "ways")
                    : new Provenance("A latency sweep cannot see associativity and " + reference.id() + " has no level "
                            + name + "; 16 ways assumed", Provenance.Basis.GUESSED);
            long size = nearestGeometry(f.stepBytes(), ways);
            Provenance sizeSource = new Provenance(String.format(Locale.ROOT,
                    "%s: latency steps up at %.0f KiB (plateau %s to %s at %.2f ns, 4 KiB pages, random line order); "
                            + "rounded to the nearest size with a power-of-two set count at %d ways",
                    where, f.stepBytes() / 1024.0, ByteSize.format(f.fromBytes()), ByteSize.format(f.toBytes()),
                    f.nanos(), ways), Provenance.Basis.MEASURED);
            Value latency = new Value(Math.max(1, Math.round(c.cycles(f.nanos()))), new Provenance(String.format(Locale.ROOT,
                    "%s: dependent pointer chase over %s to %s, %.3f ns per load (lowest of the rounds' medians) x %.3f GHz"
                            + " = %.2f cycles", where, ByteSize.format(f.fromBytes()), ByteSize.format(f.toBytes()),
                    f.nanos(), c.clockGhz(), c.cycles(f.nanos())), Provenance.Basis.MEASURED));
            Replacement replacement = ref != null ? ref.replacement() : Replacement.LRU;
            Provenance replacementSource = ref != null ? copied(reference, refField + "replacement")
                    : new Provenance("not measurable by a latency sweep; LRU assumed", Provenance.Basis.GUESSED);
            Inclusion inclusion = ref != null ? ref.inclusion() : Inclusion.NON_INCLUSIVE;
            Provenance inclusionSource = ref != null ? copied(reference, refField + "inclusion")
                    : new Provenance("not measurable by a latency sweep; non-inclusive assumed", Provenance.Basis.GUESSED);
            levels.add(new Level(name, size, sizeSource, ways, waysSource, latency, replacement, replacementSource, inclusion,
                    inclusionSource));
        }
        Value memory = new Value(Math.round(c.cycles(c.memoryNanos())), new Provenance(String.format(Locale.ROOT,
                "%s: dependent pointer chase, median over working sets from %s to %s of %.1f ns per load x %.3f GHz"
                        + " (4 KiB pages: includes TLB misses and, in a VM, nested page walks)", where,
                ByteSize.format(c.memoryFromBytes()), ByteSize.format(c.curve().get(c.curve().size() - 1).bytes()),
                c.memoryNanos(), c.clockGhz()), Provenance.Basis.MEASURED));
        MlpPoint best = c.bestParallelism();
        MlpPoint one = c.mlp().isEmpty() ? best : c.mlp().get(0);
        Value mlp = new Value(Math.max(1.0, round2(best.parallelism())), new Provenance(String.format(Locale.ROOT,
                "%s: %d independent chases over %s load one line per %.2f ns against %.2f ns for one chase (the most"
                        + " parallel of %s chains): what the core can overlap, an upper bound for dependent handler code",
                where, best.chains(), ByteSize.format(c.mlpBytes()), best.nanosPerLoad(), one.nanosPerLoad(),
                c.mlp().stream().map(p -> Integer.toString(p.chains())).toList()), Provenance.Basis.MEASURED));
        String vendor = c.cpu().vendor().equals("AuthenticAMD") ? "amd"
                : c.cpu().vendor().equals("GenuineIntel") ? "intel" : reference.vendor();
        return new CalibratedModel(id, "Calibrated on " + c.cpu().describe() + ", " + c.date(), vendor, c, reference,
                levels, new Value(round2(c.clockGhz()), clock), memory, mlp);
    }

    /** The size nearest (in log scale) to {@code bytes} whose set count at {@code ways} 64-byte ways is a power of two. */
    static long nearestGeometry(long bytes, int ways) {
        long way = (long) ways * ChaseRing.LINE;
        long best = way;
        for (long sets = 1; sets <= (1L << 30); sets *= 2) {
            if (Math.abs(Math.log((double) sets * way / bytes)) < Math.abs(Math.log((double) best / bytes))) {
                best = sets * way;
            }
        }
        return best;
    }

    private static Provenance copied(CpuModel reference, String field) {
        Provenance p = reference.provenance().get(field);
        String source = p == null ? "no source in the reference" : p.source();
        return new Provenance("not measured by calibrate; copied from model " + reference.id() + ": " + source,
                p == null ? Provenance.Basis.GUESSED : p.basis());
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
