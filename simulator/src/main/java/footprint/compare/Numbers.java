package footprint.compare;

import java.util.Locale;

/** Fixed, locale-independent number formats shared by the verdict and the reports. */
public final class Numbers {
    private Numbers() {}

    /** One decimal, e.g. "12.0", "-0.3". */
    public static String one(double v) {
        return String.format(Locale.ROOT, "%.1f", clean(v));
    }

    /** Two decimals. */
    public static String two(double v) {
        return String.format(Locale.ROOT, "%.2f", clean(v));
    }

    /** Signed with one decimal: "+1.0", "-3.2", "0.0". */
    public static String signed(double v) {
        double c = clean(v);
        String s = String.format(Locale.ROOT, "%.1f", c);
        return c > 0 && !s.equals("0.0") ? "+" + s : s;
    }

    /** Signed with two decimals: "+0.14", "-1.00", "0.00". */
    public static String signedTwo(double v) {
        double c = clean(v);
        String s = String.format(Locale.ROOT, "%.2f", c);
        return c > 0 && !s.equals("0.00") ? "+" + s : s;
    }

    /** Percent with two decimals, signed: "-0.71%". */
    public static String percent(double share) {
        double c = clean(share * 100);
        String s = String.format(Locale.ROOT, "%.2f%%", c);
        return c > 0 && !s.equals("0.00%") ? "+" + s : s;
    }

    /** p-values: "<0.001" or three decimals. */
    public static String p(double p) {
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    /** Turns -0.0 and values that round to zero into 0 so output never shows "-0.0". */
    private static double clean(double v) {
        return Math.abs(v) < 5e-5 ? 0 : v;
    }
}
