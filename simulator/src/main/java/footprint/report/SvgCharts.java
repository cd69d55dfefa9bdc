package footprint.report;

import footprint.compare.DensityMap;
import java.util.List;
import java.util.Locale;

/** Inline SVG charts for the HTML report: differences with their interval whiskers, and density grids. */
final class SvgCharts {
    static final String AFTER = "#f28e2b";
    private static final int W = 720;
    private static final int H = 280;
    private static final int LEFT = 70;
    private static final int BOTTOM = 80;
    private static final int TOP = 20;

    private SvgCharts() {}

    /** A series of differences with 95% interval whiskers per category and a zero line. */
    static String differences(String title, List<String> categories, double[] diff, double[] low, double[] high) {
        double min = 0;
        double max = 0;
        for (int i = 0; i < diff.length; i++) {
            min = Math.min(min, low[i]);
            max = Math.max(max, high[i]);
        }
        double pad = Math.max(1e-9, (max - min) * 0.1);
        min -= pad;
        max += pad;
        StringBuilder s = open(title);
        axisY(s, min, max);
        line(s, LEFT, y(0, min, max), W - 10, y(0, min, max), "#999");
        double slot = (W - LEFT - 10.0) / Math.max(1, categories.size());
        String points = "";
        for (int i = 0; i < diff.length; i++) {
            double x = LEFT + (i + 0.5) * slot;
            line(s, x, y(low[i], min, max), x, y(high[i], min, max), AFTER);
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s: %s [%s, %s]</title></circle>%n",
                    x, y(diff[i], min, max), AFTER, Html.escape(categories.get(i)), Numbers.signed(diff[i]),
                    Numbers.signed(low[i]), Numbers.signed(high[i])));
            points += String.format(Locale.ROOT, "%.1f,%.1f ", x, y(diff[i], min, max));
            label(s, x, H - BOTTOM + 14, categories.get(i), categories.size() > 12 || categories.get(i).length() > 8);
        }
        s.append("<polyline fill=\"none\" stroke=\"").append(AFTER).append("\" points=\"").append(points.strip()).append("\"/>\n");
        return s.append("</svg>\n").toString();
    }

    /** Fewest lines without accessed bytes in a row that a density grid folds into one thin row. */
    static final int FOLD_AT = 3;

    /**
     * A density grid: one cell per byte, one row per cacheline, coloured by byte class; hovering a
     * cell names its member and the exits that access it. Runs of {@link #FOLD_AT} or more lines
     * without accessed bytes fold into one thin row; when any did, the whole grid follows in a
     * closed {@code <details>}.
     */
    static String density(DensityMap d) {
        String folded = densityGrid(d, false);
        String all = densityGrid(d, true);
        if (folded.equals(all)) {
            return all;
        }
        return folded + "<details><summary>every line (" + d.lines() + ")</summary>\n" + all + "</details>\n";
    }

    private static String densityGrid(DensityMap d, boolean all) {
        int cell = 5;
        int fold = 9;
        int rows = d.lines();
        StringBuilder body = new StringBuilder();
        int y = 0;
        for (int l = 0; l < rows; l++) {
            int cold = 0;
            while (!all && l + cold < rows && d.hotBytes(l + cold) == 0) {
                cold++;
            }
            if (cold >= FOLD_AT) {
                body.append(String.format(Locale.ROOT, "<text x=\"40\" y=\"%d\" font-size=\"8\" fill=\"#777\">"
                        + "lines %d-%d: %d lines without accessed bytes</text>%n", y + fold - 2, l, l + cold - 1, cold));
                y += fold;
                l += cold - 1;
                continue;
            }
            String line = d.line(l);
            body.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"8\">%d</text>", y + cell, l));
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                long start = (long) l * d.lineSize();
                DensityMap.MemberBytes member = d.memberAt(start + i);
                int j = i;
                while (j < line.length() && line.charAt(j) == c && d.memberAt(start + j) == member) {
                    j++;
                }
                body.append(String.format(Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>",
                        40 + i * cell, y, (j - i) * cell, cell - 1, colour(c),
                        Html.escape(cellTitle(c, member, start + i, start + j - 1))));
                i = j;
            }
            body.append('\n');
            y += cell;
        }
        return String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"density\" width=\"%d\" height=\"%d\" role=\"img\">"
                        + "<title>%s %s density</title>%n", 40 + d.lineSize() * cell, y + 4, Html.escape(d.side()),
                Html.escape(d.object())) + body + "</svg>\n";
    }

    /** What hovering a run of cells says: bytes, member (or hole, padding) and the exits that access it. */
    private static String cellTitle(char c, DensityMap.MemberBytes m, long from, long to) {
        String bytes = from == to ? "byte " + from : "bytes " + from + "-" + to;
        if (c == '_') {
            return bytes + ": trailing padding";
        }
        if (m == null) {
            return bytes + (DensityMap.isHot(c) ? ": accessed, outside any member" : ": hole");
        }
        if (!DensityMap.isHot(c)) {
            return bytes + ": " + m.name() + ", not accessed";
        }
        return bytes + ": " + m.name() + ", accessed by " + String.join(", ", m.exits());
    }

    /** Accessed bytes red; members in two alternating blues so neighbours differ; holes grey; padding lighter. */
    private static String colour(char c) {
        if (DensityMap.isHot(c)) {
            return "#d62728";
        }
        if (c == '_') {
            return "#fafafa";
        }
        if (DensityMap.isGap(c)) {
            return "#dddddd";
        }
        return (c - 'a') % 2 == 0 ? "#c7d7e8" : "#9fb8d6";
    }

    private static StringBuilder open(String title) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">"
                        + "<title>%s</title>%n<text x=\"%d\" y=\"14\" font-size=\"13\" font-weight=\"bold\">%s</text>%n",
                W, H, W, H, Html.escape(title), LEFT, Html.escape(title)));
    }

    private static double y(double v, double min, double max) {
        return TOP + (H - TOP - BOTTOM) * (1 - (v - min) / (max - min));
    }

    private static void axisY(StringBuilder s, double min, double max) {
        line(s, LEFT, TOP, LEFT, H - BOTTOM, "#333");
        for (int t = 0; t <= 4; t++) {
            double v = min + (max - min) * t / 4;
            double yy = y(v, min, max);
            line(s, LEFT - 4, yy, LEFT, yy, "#333");
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 6, yy + 3, Numbers.one(v)));
        }
    }

    private static void line(StringBuilder s, double x1, double y1, double x2, double y2, String colour) {
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
                x1, y1, x2, y2, colour));
    }

    private static void label(StringBuilder s, double x, double y, String text, boolean rotate) {
        String t = text.length() > 20 ? text.substring(0, 19) + "~" : text;
        if (rotate) {
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" text-anchor=\"end\" transform=\"rotate(-30 %.1f %.1f)\">%s</text>%n",
                    x, y, x, y, Html.escape(t)));
        } else {
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">%s</text>%n",
                    x, y, Html.escape(t)));
        }
    }
}
