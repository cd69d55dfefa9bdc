package footprint.trace.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds where a function is defined in a kernel source file, by the kernel's coding style: a C
 * definition has {@code NAME(} at column 0 or after a return type that starts at column 0, and
 * its body ends at the next {@code }} at column 0 (Documentation/process/coding-style.rst,
 * "Placing Braces"); a function-like macro is its {@code #define} and continuation lines; an
 * assembly function is delimited by {@code SYM_FUNC_START(NAME)} and {@code SYM_FUNC_END(NAME)}
 * (include/linux/linkage.h). A file may define a name more than once (under #ifdef).
 */
final class FunctionExtents {
    /** How far a definition's parameter list may run before its opening brace or semicolon. */
    private static final int MAX_HEADER_LINES = 12;

    private FunctionExtents() {}

    static List<FunctionExtent> find(SourceFile file, String name) {
        String q = Pattern.quote(name);
        List<FunctionExtent> out = new ArrayList<>();
        if (file.isAssembly()) {
            Pattern start = Pattern.compile("^\\s*SYM_(?:FUNC|CODE)_START\\w*\\(\\s*" + q + "\\s*\\)");
            Pattern end = Pattern.compile("^\\s*SYM_(?:FUNC|CODE)_END\\w*\\(\\s*" + q + "\\s*\\)");
            for (int i = 1; i <= file.lineCount(); i++) {
                if (start.matcher(file.line(i)).find()) {
                    for (int j = i + 1; j <= file.lineCount(); j++) {
                        if (end.matcher(file.line(j)).find()) {
                            out.add(new FunctionExtent(i, j, FunctionExtent.Kind.ASM));
                            break;
                        }
                    }
                }
            }
        }
        Pattern macro = Pattern.compile("^\\s*#\\s*define\\s+" + q + "\\(");
        Pattern definition = Pattern.compile("^(?:[A-Za-z_][^;=(){}]*[\\s*])?" + q + "\\s*\\(");
        for (int i = 1; i <= file.lineCount(); i++) {
            String line = file.line(i);
            if (macro.matcher(line).find()) {
                out.add(new FunctionExtent(i, continuationEnd(file, i), FunctionExtent.Kind.MACRO));
            } else if (!file.isAssembly() && definition.matcher(line).find()) {
                FunctionExtent body = body(file, i);
                if (body != null) {
                    out.add(body);
                }
            }
        }
        return out;
    }

    /** The #define that contains {@code line} as its first or a continuation line, or null. */
    static FunctionExtent enclosingMacro(SourceFile file, int line) {
        int first = line;
        while (first > 1 && file.line(first - 1).stripTrailing().endsWith("\\")) {
            first--;
        }
        if (!file.line(first).stripLeading().startsWith("#")) {
            return null;
        }
        int last = continuationEnd(file, first);
        return last >= line ? new FunctionExtent(first, last, FunctionExtent.Kind.MACRO) : null;
    }

    private static int continuationEnd(SourceFile file, int first) {
        int last = first;
        while (last < file.lineCount() && file.line(last).stripTrailing().endsWith("\\")) {
            last++;
        }
        return last;
    }

    /** The body of the definition whose header starts at {@code head}, or null for a prototype. */
    private static FunctionExtent body(SourceFile file, int head) {
        int limit = Math.min(file.lineCount(), head + MAX_HEADER_LINES);
        for (int i = head; i <= limit; i++) {
            String code = file.line(i).stripTrailing();
            if (i > head && code.startsWith("{")) {
                return closing(file, head, i);
            }
            int open = code.indexOf('{');
            if (open >= 0) {
                // a one-line body ("static inline int f(void) { return 0; }") or "f(...) {" style
                return balanced(code) ? new FunctionExtent(head, i, FunctionExtent.Kind.FUNCTION) : closing(file, head, i);
            }
            if (code.endsWith(";")) {
                return null;
            }
        }
        return null;
    }

    private static FunctionExtent closing(SourceFile file, int head, int brace) {
        for (int j = brace + 1; j <= file.lineCount(); j++) {
            if (file.line(j).startsWith("}")) {
                return new FunctionExtent(head, j, FunctionExtent.Kind.FUNCTION);
            }
        }
        return null;
    }

    private static boolean balanced(String code) {
        int depth = 0;
        for (int k = 0; k < code.length(); k++) {
            char c = code.charAt(k);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
        }
        return depth == 0;
    }
}
