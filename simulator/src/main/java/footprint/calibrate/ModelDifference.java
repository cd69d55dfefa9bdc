package footprint.calibrate;

import footprint.model.CpuModel;
import footprint.model.LevelModel;
import footprint.model.Provenance;
import java.util.ArrayList;
import java.util.List;

/**
 * One number of a calibrated model against the same number of a reference model (a bundled
 * one): both values, the reference's basis, and whether they differ by more than {@link #TOLERANCE}.
 */
public record ModelDifference(String field, double calibrated, double reference, String unit, String referenceBasis) {
    /** A relative difference above 10% counts as "differs": more than the run-to-run noise of calibrate here. */
    public static final double TOLERANCE = 0.10;

    public double relative() {
        return calibrated / reference - 1;
    }

    public boolean differs() {
        return Math.abs(relative()) > TOLERANCE;
    }

    /** Clock, level sizes and latencies (cycles and ns), memory latency and MLP, in model-file order. */
    public static List<ModelDifference> of(CalibratedModel m, CpuModel ref) {
        List<ModelDifference> out = new ArrayList<>();
        out.add(new ModelDifference("clockGhz", m.clockGhz().value(), ref.clockGhz(), "GHz", basis(ref, "clockGhz")));
        double refClock = ref.clockGhz();
        for (int i = 0; i < m.levels().size() && i < ref.levels().size(); i++) {
            CalibratedModel.Level l = m.levels().get(i);
            LevelModel r = ref.levels().get(i);
            String f = "levels[" + i + "].";
            out.add(new ModelDifference(f + "size", l.sizeBytes(), r.geometry().sizeBytes(), "bytes", basis(ref, f + "size")));
            out.add(new ModelDifference(f + "latency", l.latency().value(), r.latencyCycles(), "cycles",
                    basis(ref, f + "latency")));
            out.add(new ModelDifference(f + "latency (ns)", m.calibration().levels().get(i).nanos(),
                    r.latencyCycles() / refClock, "ns", basis(ref, f + "latency")));
        }
        out.add(new ModelDifference("memoryLatency", m.memoryLatency().value(), ref.memoryLatencyCycles(), "cycles",
                basis(ref, "memoryLatency")));
        out.add(new ModelDifference("memoryLatency (ns)", m.calibration().memoryNanos(),
                ref.memoryLatencyCycles() / refClock, "ns", basis(ref, "memoryLatency")));
        out.add(new ModelDifference("memoryLevelParallelism", m.memoryLevelParallelism().value(),
                ref.memoryLevelParallelism(), "", basis(ref, "memoryLevelParallelism")));
        return List.copyOf(out);
    }

    private static String basis(CpuModel ref, String field) {
        Provenance p = ref.provenance().get(field);
        return p == null ? "?" : p.basis().word();
    }
}
