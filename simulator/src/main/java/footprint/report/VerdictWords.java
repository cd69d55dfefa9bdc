package footprint.report;

import footprint.compare.Finding;
import footprint.compare.PairedDiff;
import footprint.units.ByteSize;

/** Puts the verdict's findings into sentences, for the text, Markdown and HTML reports alike. */
final class VerdictWords {
    private VerdictWords() {}

    /** A model's headline (no difference, or the mix) opens its verdict; the other findings are details of it. */
    static boolean headline(Finding f) {
        return f instanceof Finding.NoDifference || f instanceof Finding.Mix;
    }

    static String sentence(Finding f) {
        if (f instanceof Finding.NoDifference n) {
            return n.model() + ": no measurable difference: touched lines, misses and cycles per exit are the same"
                    + " within the 95% interval for every exit and guest working set.";
        }
        if (f instanceof Finding.Mix m) {
            return m.model() + ": after touches " + Numbers.two(m.linesAfter()) + " lines per exit against "
                    + Numbers.two(m.linesBefore()) + " (ideal " + Numbers.two(m.linesIdeal()) + ")" + mixCycles(m.cycles());
        }
        if (f instanceof Finding.ExitChange e) {
            return e.exit() + ": " + lineWords(e.linesDiff()) + (significant(e.cycles())
                    ? ", " + Numbers.signed(e.cycles().diff()) + " +/- " + Numbers.one(e.cycles().halfWidth()) + " cycles ("
                            + Numbers.percent(e.cycles().shareOfExit()) + " of the exit)"
                    : ", cycles unchanged within the interval") + ".";
        }
        if (f instanceof Finding.GuestSweepPeak g) {
            return "Guest sweep: the largest difference, at a " + ByteSize.format(g.guestBytes()) + " guest working set, is "
                    + Numbers.signed(g.cycles().diff()) + " +/- " + Numbers.one(g.cycles().halfWidth())
                    + " cycles per exit (" + Numbers.percent(g.cycles().shareOfExit()) + " of the exit).";
        }
        Finding.PlacementSpread p = (Finding.PlacementSpread) f;
        return "Over " + p.placements() + " random placements (one replicate each) after changes the cycles per exit"
                + " by " + Numbers.signed(p.cycles().mean()) + " +/- " + Numbers.one(p.cycles().halfWidth()) + " (median "
                + Numbers.signed(p.medianLinesDiff()) + " lines); lower in " + p.lower() + ", the same in " + p.same()
                + ", higher in " + p.higher() + ".";
    }

    private static String mixCycles(PairedDiff c) {
        if (significant(c)) {
            return " and " + (c.diff() < 0 ? "saves " : "costs ") + Numbers.one(Math.abs(c.diff())) + " +/- "
                    + Numbers.one(c.halfWidth()) + " cycles per exit, " + Numbers.percent(Math.abs(c.shareOfExit())).replace("+", "")
                    + " of the exit.";
        }
        return "; no measurable difference in cycles per exit (" + Numbers.signed(c.diff()) + ", 95% CI "
                + Numbers.signed(c.ciLow()) + " to " + Numbers.signed(c.ciHigh()) + ").";
    }

    private static boolean significant(PairedDiff d) {
        return d.lower() || d.higher();
    }

    private static String lineWords(double d) {
        if (Math.abs(d) < 1e-9) {
            return "same lines";
        }
        String n = Numbers.one(Math.abs(d)).replace(".0", "");
        return (d < 0 ? "saves " : "adds ") + n + (n.equals("1") ? " line" : " lines");
    }
}
