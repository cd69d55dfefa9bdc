package footprint.report;

import java.util.Locale;

/** Fixed, locale-independent number formats shared by the reports. */
public final class Numbers {
    private Numbers() {}

    /** One decimal, e.g. "12.0", "-0.3". */
    public static String one(double v) {
        return format("%.1f", v);
    }

    /** Two decimals. */
    public static String two(double v) {
        return format("%.2f", v);
    }

    /** Signed with one decimal: "+1.0", "-3.2", "0.0". */
    public static String signed(double v) {
        return plus(format("%.1f", v));
    }

    /** Signed with two decimals: "+0.14", "-1.00", "0.00". */
    public static String signedTwo(double v) {
        return plus(format("%.2f", v));
    }

    /** Percent with two decimals, signed: "-0.71%". */
    public static String percent(double share) {
        return plus(format("%.2f", share * 100)) + "%";
    }

    /** p-values: "<0.001" or three decimals. */
    public static String p(double p) {
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    /** Formats with {@link Locale#ROOT}; a value that rounds to zero prints without a sign ("0.0", never "-0.0"). */
    private static String format(String pattern, double v) {
        String s = String.format(Locale.ROOT, pattern, v);
        return s.startsWith("-") && s.substring(1).chars().allMatch(c -> c == '0' || c == '.') ? s.substring(1) : s;
    }

    private static String plus(String s) {
        return s.startsWith("-") || s.chars().allMatch(c -> c == '0' || c == '.') ? s : "+" + s;
    }
}
