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

    /** A density grid: one cell per byte, one row per cacheline, coloured by byte class. */
    static String density(DensityMap d) {
        int cell = 5;
        int rows = d.lines();
        int width = 40 + d.lineSize() * cell;
        int height = rows * cell + 4;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"density\" width=\"%d\" height=\"%d\" role=\"img\">"
                        + "<title>%s %s density</title>%n", width, height, Html.escape(d.side()), Html.escape(d.object())));
        for (int l = 0; l < rows; l++) {
            String line = d.line(l);
            if (l % 8 == 0) {
                s.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"8\">%d</text>", l * cell + cell, l));
            }
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                int j = i;
                while (j < line.length() && line.charAt(j) == c) {
                    j++;
                }
                s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>",
                        40 + i * cell, l * cell, (j - i) * cell, cell - 1, colour(c)));
                i = j;
            }
            s.append('\n');
        }
        return s.append("</svg>\n").toString();
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
