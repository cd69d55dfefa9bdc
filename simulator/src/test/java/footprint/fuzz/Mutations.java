package footprint.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutations of a text input, drawn from a seeded random source. Invalid UTF-8 is carried in the
 * text as characters U+DC80..U+DCFF, which {@link #bytes} turns back into the single raw bytes
 * 0x80..0xFF.
 */
final class Mutations {
    private static final String[] NUMBERS = {"99999999999999999999", "4294967296", "-1", "0", "9223372036854775807",
        "9223372036854775808", "18446744073709551615", "0x7ffffffffffffffc", "0xffffffffffffffff", "2147483648",
        "1e308", "NaN", "-0", "4611686018427387904", "1000000000000000000000000"};
    private static final String PUNCTUATION = "{}[]();:*+,=#\"'\\/<>|&%$@!?-.~^_ \t";
    private static final int OPS = 11;

    private Mutations() {}

    /** One to three mutations of {@code text}. */
    static Mutation apply(String text, SplittableRandom random) {
        StringBuilder description = new StringBuilder();
        String out = text;
        int n = 1 + random.nextInt(3);
        for (int k = 0; k < n; k++) {
            int op = random.nextInt(OPS);
            if (description.length() > 0) {
                description.append(", ");
            }
            out = mutate(out, op, random, description);
        }
        return new Mutation(out, description.toString());
    }

    private static String mutate(String text, int op, SplittableRandom random, StringBuilder description) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = random.nextInt(lines.size());
        switch (op) {
            case 0 -> { // a number replaced by an extreme one
                List<int[]> spans = numberSpans(text);
                if (spans.isEmpty()) {
                    description.append("no number");
                    return text;
                }
                int[] s = spans.get(random.nextInt(spans.size()));
                String by = NUMBERS[random.nextInt(NUMBERS.length)];
                description.append("number at ").append(s[0]).append(" -> ").append(by);
                return text.substring(0, s[0]) + by + text.substring(s[1]);
            }
            case 1 -> {
                description.append("line ").append(at + 1).append(" deleted");
                lines.remove(at);
            }
            case 2 -> {
                int times = random.nextInt(4) == 0 ? 2000 + random.nextInt(2000) : 1 + random.nextInt(3);
                description.append("line ").append(at + 1).append(" repeated ").append(times).append(" times");
                String line = lines.get(at);
                for (int i = 0; i < times; i++) {
                    lines.add(at, line);
                }
            }
            case 3 -> {
                int other = random.nextInt(lines.size());
                description.append("lines ").append(at + 1).append(" and ").append(other + 1).append(" swapped");
                String t = lines.get(at);
                lines.set(at, lines.get(other));
                lines.set(other, t);
            }
            case 4 -> {
                int pos = random.nextInt(text.length() + 1);
                char c = PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length()));
                description.append("'").append(c).append("' inserted at ").append(pos);
                return text.substring(0, pos) + c + text.substring(pos);
            }
            case 5 -> {
                if (text.isEmpty()) {
                    return text;
                }
                int pos = random.nextInt(text.length());
                char c = PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length()));
                description.append("char at ").append(pos).append(" -> '").append(c).append("'");
                return text.substring(0, pos) + c + text.substring(pos + 1);
            }
            case 6 -> {
                int pos = random.nextInt(text.length() + 1);
                char c = (char) (0xDC80 + random.nextInt(0x80));
                description.append("invalid UTF-8 byte at ").append(pos);
                return text.substring(0, pos) + c + text.substring(pos);
            }
            case 7 -> {
                int pos = random.nextInt(text.length() + 1);
                description.append("truncated at ").append(pos);
                return text.substring(0, pos);
            }
            case 8 -> { // a token deleted
                String[] words = lines.get(at).split("((?<=\\s)|(?=\\s))");
                int w = random.nextInt(words.length);
                description.append("token ").append(w).append(" of line ").append(at + 1).append(" deleted");
                words[w] = "";
                lines.set(at, String.join("", words));
            }
            case 9 -> {
                int length = random.nextInt(8) == 0 ? 2_000_000 : 5000;
                description.append("a ").append(length).append("-character line at ").append(at + 1);
                lines.add(at, "x".repeat(length));
            }
            default -> {
                String control = new String(new char[] {(char) random.nextInt(32)});
                int pos = random.nextInt(text.length() + 1);
                description.append("control char ").append((int) control.charAt(0)).append(" at ").append(pos);
                return text.substring(0, pos) + control + text.substring(pos);
            }
        }
        return String.join("\n", lines);
    }

    private static List<int[]> numberSpans(String text) {
        List<int[]> out = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("(0x)?[0-9a-fA-F]*[0-9][0-9a-fA-F]*").matcher(text);
        while (m.find()) {
            out.add(new int[] {m.start(), m.end()});
        }
        return out;
    }

    /** UTF-8 of {@code text}, with U+DC80..U+DCFF written as the raw bytes 0x80..0xFF. */
    static byte[] bytes(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length() + 16);
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0xDC80 && c <= 0xDCFF) {
                out.writeBytes(text.substring(start, i).getBytes(StandardCharsets.UTF_8));
                out.write(c - 0xDC00);
                start = i + 1;
            }
        }
        out.writeBytes(text.substring(start).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}

/** A mutated input and what was done to it. */
record Mutation(String text, String description) {}
