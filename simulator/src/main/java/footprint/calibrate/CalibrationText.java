package footprint.calibrate;

import footprint.units.ByteSize;
import footprint.cache.Geometry;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints a calibration, the model made from it and its differences from the reference model. */
public final class CalibrationText {
    private CalibrationText() {}

    public static void print(PrintWriter out, CalibratedModel m, List<ModelDifference> differences) {
        Calibration c = m.calibration();
        out.printf(Locale.ROOT, "CPU: %s, %s%n", c.cpu().describe(), c.date());
        double l1 = c.levels().isEmpty() ? Double.NaN : c.levels().get(0).nanos();
        out.printf(Locale.ROOT, "core clock %.2f GHz: a dependent 64-bit multiply takes %.4f ns = 3 cycles (IMUL latency)%n",
                c.clockGhz(), c.multiplyNanos());
        if (!c.levels().isEmpty()) {
            out.printf(Locale.ROOT, "  L1D load-to-use %.3f ns = %.2f cycles at that clock (assuming 4 cycles instead would"
                    + " give %.2f GHz, 5 cycles %.2f GHz)%n", l1, c.cycles(l1), 4 / l1, 5 / l1);
        }
        out.println("latency curve (dependent loads, random line order, lowest of the rounds' medians):");
        out.println("  working set        ns   cycles");
        for (LatencyPoint p : c.curve()) {
            out.printf(Locale.ROOT, "  %11s %9.2f %8.1f%n", ByteSize.format(p.bytes()), p.nanos(), c.cycles(p.nanos()));
        }
        out.println("levels found:");
        for (int i = 0; i < m.levels().size(); i++) {
            CalibratedModel.Level l = m.levels().get(i);
            FoundLevel f = c.levels().get(i);
            out.printf(Locale.ROOT, "  %-4s %6s  step at %.0fk, plateau %s-%s: %.2f ns = %d cycles%s%n", l.name(),
                    ByteSize.format(l.sizeBytes()), f.stepBytes() / 1024.0, ByteSize.format(f.fromBytes()),
                    ByteSize.format(f.toBytes()), f.nanos(), (long) l.latency().value(), reported(c, i + 1));
        }
        for (int i = m.levels().size(); i < c.levels().size(); i++) {
            FoundLevel f = c.levels().get(i);
            out.printf(Locale.ROOT, "  (plateau %s-%s: %.2f ns = %.0f cycles, step at %.0fk: not a level of the model, %s has %d)%n",
                    ByteSize.format(f.fromBytes()), ByteSize.format(f.toBytes()), f.nanos(), c.cycles(f.nanos()),
                    f.stepBytes() / 1024.0, m.reference().id(), m.reference().levels().size());
        }
        out.printf(Locale.ROOT, "  memory      from %s: %.1f ns = %d cycles%n", ByteSize.format(c.memoryFromBytes()),
                c.memoryNanos(), (long) m.memoryLatency().value());
        if (c.reported().isEmpty()) {
            out.println("  (no cache description: no /sys/devices/system/cpu/cpu0/cache and no readable /dev/cpu/0/cpuid)");
        }
        out.printf(Locale.ROOT, "memory-level parallelism over %s (loads per time of k independent chases against one):%n",
                ByteSize.format(c.mlpBytes()));
        for (MlpPoint p : c.mlp()) {
            out.printf(Locale.ROOT, "  k=%-3d %8.2f ns per load  x%.2f%n", p.chains(), p.nanosPerLoad(), p.parallelism());
        }
        out.printf(Locale.ROOT, "compared with %s (%s); 'differs' = more than %.0f%% apart:%n", m.reference().id(),
                m.reference().file(), ModelDifference.TOLERANCE * 100);
        out.printf(Locale.ROOT, "  %-26s %12s %12s %8s  %s%n", "field", "calibrated", m.reference().id(), "change", "reference basis");
        for (ModelDifference d : differences) {
            out.printf(Locale.ROOT, "  %-26s %12s %12s %+7.0f%%  %s%s%n", d.field(), value(d.calibrated(), d.unit()),
                    value(d.reference(), d.unit()), d.relative() * 100, d.referenceBasis(), d.differs() ? "  differs" : "");
        }
        List<String> differ = differences.stream().filter(ModelDifference::differs).map(ModelDifference::field).toList();
        out.println(differ.isEmpty() ? "every number within " + Math.round(ModelDifference.TOLERANCE * 100) + "% of "
                + m.reference().id() : "differs from " + m.reference().id() + ": " + String.join(", ", differ));
        out.flush();
    }

    private static String reported(Calibration c, int level) {
        for (ReportedCache r : c.reported()) {
            if (r.level() == level) {
                return String.format(Locale.ROOT, " (system reports %s%s)", ByteSize.format(r.sizeBytes()),
                        r.ways() > 0 ? " " + r.ways() + "-way" : "");
            }
        }
        return "";
    }

    private static String value(double v, String unit) {
        if (unit.equals("bytes")) {
            return ByteSize.format((long) v);
        }
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
