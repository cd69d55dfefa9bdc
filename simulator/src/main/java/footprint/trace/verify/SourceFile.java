package footprint.trace.verify;

import footprint.input.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A kernel source file as lines (1-based in every method), read once per verification. */
record SourceFile(String name, List<String> lines, List<String> code) {
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![A-Za-z0-9_])[A-Za-z_][A-Za-z0-9_]*");

    static SourceFile read(Path file, String name) {
        try {
            // ISO-8859-1 maps every byte to a char: a stray non-UTF-8 byte in a comment cannot fail the read
            List<String> lines = List.of(Files.readString(file, StandardCharsets.ISO_8859_1).split("\n", -1));
            return new SourceFile(name, lines, withoutComments(lines));
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read source file: " + e.getMessage());
        }
    }

    int lineCount() {
        int n = lines.size();
        return n > 0 && lines.get(n - 1).isEmpty() ? n - 1 : n;
    }

    String line(int number) {
        return lines.get(number - 1);
    }

    /** The line with comments blanked out, so that a field named only in a comment does not count. */
    String code(int number) {
        return code.get(number - 1);
    }

    /** The C identifiers of the line's code, in order. */
    List<String> identifiers(int number) {
        List<String> out = new ArrayList<>();
        Matcher m = IDENTIFIER.matcher(code(number));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    boolean isAssembly() {
        return name.endsWith(".S");
    }

    /** Blanks block and line comments across lines; string and character literals are kept as they are. */
    private static List<String> withoutComments(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        boolean inComment = false;
        for (String line : lines) {
            StringBuilder b = new StringBuilder(line.length());
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                char next = i + 1 < line.length() ? line.charAt(i + 1) : 0;
                if (inComment) {
                    if (c == '*' && next == '/') {
                        inComment = false;
                        i++;
                    }
                    b.append(' ');
                } else if (quote != 0) {
                    b.append(c);
                    if (c == '\\' && next != 0) {
                        b.append(next);
                        i++;
                    } else if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '/' && next == '*') {
                    inComment = true;
                    b.append(' ');
                    i++;
                } else if (c == '/' && next == '/') {
                    break;
                } else {
                    if (c == '"' || c == '\'') {
                        quote = c;
                    }
                    b.append(c);
                }
            }
            out.add(b.toString());
        }
        return List.copyOf(out);
    }
}
