package footprint.trace.verify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
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

    private static final Pattern MACRO_PARAMS = Pattern.compile("^\\s*#\\s*define\\s+[A-Za-z_]\\w*\\(([^)]*)\\)");
    /** An identifier built with {@code ##} followed by an opening parenthesis: a generated function's header. */
    private static final Pattern PASTED_CALL =
            Pattern.compile("([A-Za-z_0-9]*(?:\\s*##\\s*[A-Za-z_0-9]+)+)\\s*\\(");

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

    /**
     * The definitions of {@code name} that the macro {@code macro} generates by token pasting
     * ({@code kvm_##lname##_read} generates {@code kvm_rax_read}), as C bodies inside the macro.
     */
    static List<FunctionExtent> generatedBy(SourceFile file, FunctionExtent macro, String name) {
        Matcher params = MACRO_PARAMS.matcher(file.line(macro.first()));
        if (!params.find()) {
            return List.of();
        }
        Set<String> names = new HashSet<>(List.of(params.group(1).replaceAll("\\s", "").split(",")));
        List<FunctionExtent> out = new ArrayList<>();
        for (int i = macro.first(); i <= macro.last(); i++) {
            Matcher m = PASTED_CALL.matcher(file.line(i));
            while (m.find()) {
                if (pastedName(m.group(1), names).matcher(name).matches()) {
                    FunctionExtent body = body(file, i);
                    if (body != null && body.last() <= macro.last()) {
                        out.add(new FunctionExtent(i, body.last(), FunctionExtent.Kind.MACRO));
                    }
                }
            }
        }
        return out;
    }

    /** {@code kvm_##lname##_read} as a pattern: the macro's parameters match any identifier part. */
    private static Pattern pastedName(String token, Set<String> params) {
        StringBuilder b = new StringBuilder();
        for (String part : token.split("\\s*##\\s*")) {
            b.append(params.contains(part) ? "[A-Za-z0-9_]+" : Pattern.quote(part));
        }
        return Pattern.compile(b.toString());
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
