package footprint.measure;

import footprint.units.ByteSize;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints a {@link Measurement}: settings, then one row per guest working set. */
public final class MeasurementText {
    private MeasurementText() {}

    public static void print(PrintWriter out, Measurement m) {
        out.printf(Locale.ROOT, "measure: %s, %s placement seed %d, %d exits in the sequence%n", m.trace(), m.placement(),
                m.seed(), m.exits());
        out.printf(Locale.ROOT, "JMH: %d round(s), each a fork timing before and after with the guest in alternating"
                + " iterations (ABBA) and a fork timing them interleaved exit by exit, %d x %d ms warm-up, %d x %d ms"
                + " measurement%n", m.rounds(), m.warmupIterations(),
                m.iterationMillis(), m.measurementIterations(), m.iterationMillis());
        out.printf(Locale.ROOT, "prediction: model %s (%s), clock %.2f GHz (%s), memory-level parallelism %.2f%n",
                m.modelId(), m.modelFile(), m.clockGhz(), m.clockBasis(), m.modelMlp());
        if (!m.modelNote().isEmpty()) {
            out.println("  " + m.modelNote());
        }
        out.println("  " + m.perfNote());
        out.println("cycles per exit = ns x clock; diff = after - before, paired within each fork (95% half-width"
                + " over rounds)");
        out.println("with the guest: one operation is the guest phase and the exit; predicted = simulate's estimated"
                + " cycles (base, the exit's stall, the guest's extra stall)");
        out.println("exit alone: both sides interleaved exit by exit, the guest phases untimed; predicted = simulate's"
                + " host stall cycles");
        out.printf(Locale.ROOT, "  %-8s %-14s %16s %16s %22s %10s %10s %8s %9s%n", "guest", "timed", "before ns/exit",
                "after ns/exit", "diff cycles", "predicted", "pred MLP1", "ratio", "impl.MLP");
        for (MeasuredPoint p : m.points()) {
            for (TimedPair t : List.of(p.withGuest(), p.exitAlone())) {
                out.printf(Locale.ROOT, "  %-8s %-14s %16s %16s %22s %+10.1f %+10.1f %8s %9s%s%n",
                        ByteSize.format(p.guestBytes()), t.timing() == Timing.WITH_GUEST ? "with the guest" : "exit alone",
                        String.format(Locale.ROOT, "%.1f", t.beforeMean()), String.format(Locale.ROOT, "%.1f", t.afterMean()),
                        String.format(Locale.ROOT, "%+.1f +/- %.1f", t.diffCycles(), t.diffHalfWidthCycles()),
                        t.predictedDiffCycles(), t.predictedDiffCyclesMlp1(), number(t.ratio()), number(t.impliedMlp()),
                        t.belowNoise() ? "  below the noise" : "");
            }
            if (!Double.isNaN(p.l1dMissesBefore())) {
                out.printf(Locale.ROOT, "           L1D misses per exit: before %.2f, after %.2f%n", p.l1dMissesBefore(),
                        p.l1dMissesAfter());
            }
        }
        out.flush();
    }

    private static String number(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }
}
