package footprint.cli.trace;

import footprint.trace.verify.BinaryReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints a {@link BinaryReport} as text: the per-exit table, then the explained, unconfirmed and unchecked access lines. */
final class BinaryReportText {
    private BinaryReportText() {}

    static void print(PrintWriter out, BinaryReport r) {
        out.printf(Locale.ROOT, "%s against %s%n", r.trace(), String.join(" ", r.modules()));
        out.printf(Locale.ROOT, "  %-24s %-8s %8s %9s %9s %11s %10s %6s%n", "exit", "", "accesses", "confirmed",
                "explained", "unconfirmed", "unchecked", "conf%");
        for (BinaryReport.ExitCount e : r.exits()) {
            out.printf(Locale.ROOT, "  %-24s %-8s %8d %9d %9d %11d %10d %5.1f%%%n", e.exit(), e.fastpath() ? "fastpath" : "",
                    e.accesses(), e.confirmed(), e.explained(), e.unconfirmed(), e.unchecked(),
                    e.accesses() == 0 ? 0.0 : 100.0 * e.confirmed() / e.accesses());
        }
        out.printf(Locale.ROOT, "  confirmed: %.1f%% of all accesses, %.1f%% of the fastpath exits' accesses"
                + " (%.1f%% confirmed or explained)%n", r.confirmedPercent(), r.fastpathConfirmedPercent(),
                r.fastpathConfirmedOrExplainedPercent());
        findings(out, r, "explained (merged or moved by the compiler)", r.explained());
        findings(out, r, "unconfirmed", r.unconfirmed());
        findings(out, r, "not checked (the cited file is not in these modules, or the field not in the layouts)", r.unchecked());
    }

    private static void findings(PrintWriter out, BinaryReport r, String title, List<BinaryReport.Finding> list) {
        if (list.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "%n%s:%n", title);
        for (BinaryReport.Finding f : list) {
            if (r.exits().stream().noneMatch(e -> f.exits().contains(e.exit()))) {
                continue; // only in exits left out with --exit
            }
            out.printf(Locale.ROOT, "  %s:%d: %s (%s): %s%n", r.trace(), f.line(), f.access(), f.site(), f.reason());
            f.instructions().forEach(i -> out.printf(Locale.ROOT, "      %s%n", i));
        }
    }
}
