package footprint.trace.verify;

import footprint.input.InputException;
import footprint.trace.Access;
import footprint.trace.ExitDef;
import footprint.trace.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a trace against the kernel source it cites: for every access, the cited file exists
 * under the source tree and has the line, the line lies inside the cited function (or the
 * function-like macro or assembly function of that name), and the line names the accessed
 * field as a whole identifier: the last component of its path without array index, or one of
 * its {@code as=} aliases. A raw {@code OBJECT+OFFSET} access names no field, so it needs an alias.
 */
public final class SourceVerifier {
    private final Trace trace;
    private final Path root;
    private final Map<String, SourceFile> files = new HashMap<>();
    private final Map<Access, Verdict> verdicts = new IdentityHashMap<>();
    private final Map<String, List<FunctionExtent>> extents = new HashMap<>();

    private SourceVerifier(Trace trace, Path root) {
        this.trace = trace;
        this.root = root.toAbsolutePath().normalize();
    }

    /** Verifies {@code trace} against the kernel tree at {@code root}; a missing tree or cited file is an {@link InputException}. */
    public static SourceReport verify(Trace trace, Path root) {
        if (!Files.isDirectory(root)) {
            throw new InputException(root, 0, "no such source directory (give the root of a kernel tree)");
        }
        return new SourceVerifier(trace, root).run();
    }

    private SourceReport run() {
        List<SourceReport.ExitCount> exits = new ArrayList<>();
        Map<Integer, SourceReport.Finding> failures = new TreeMap<>();
        Map<Integer, SourceReport.Finding> exceptions = new TreeMap<>();
        for (ExitDef e : trace.exits()) {
            int passed = 0;
            int failed = 0;
            int excepted = 0;
            List<Access> accesses = trace.accesses(e);
            for (Access a : accesses) {
                Verdict v = verdicts.computeIfAbsent(a, this::check);
                if (!v.failures.isEmpty()) {
                    failed++;
                    failures.putIfAbsent(a.line(), finding(a, v.failures));
                } else if (!v.exceptions.isEmpty()) {
                    excepted++;
                } else {
                    passed++;
                }
                if (!v.exceptions.isEmpty()) {
                    exceptions.putIfAbsent(a.line(), finding(a, v.exceptions));
                }
            }
            exits.add(new SourceReport.ExitCount(e.name(), e.fastpath(), accesses.size(), passed, failed, excepted));
        }
        return new SourceReport(trace.source(), root.toString(), exits, List.copyOf(failures.values()),
                List.copyOf(exceptions.values()));
    }

    private static SourceReport.Finding finding(Access a, Set<String> reasons) {
        return new SourceReport.Finding(a.line(), a.op() + " " + a.target(), a.site(), String.join("; ", reasons));
    }

    private Verdict check(Access a) {
        Verdict v = new Verdict();
        int colon = a.location().lastIndexOf(':');
        String name = a.location().substring(0, colon);
        int number = Integer.parseInt(a.location().substring(colon + 1));
        SourceFile file = file(name, a);
        if (file == null) {
            v.failures.add(name + " is outside the source tree");
            return v;
        }
        if (number < 1 || number > file.lineCount()) {
            v.failures.add(name + " has " + file.lineCount() + " lines, not " + number);
            return v;
        }
        checkFunction(a, file, number, v);
        checkField(a, file, number, v);
        return v;
    }

    private SourceFile file(String name, Access a) {
        Path path = root.resolve(name).normalize();
        if (!path.startsWith(root)) {
            return null;
        }
        return files.computeIfAbsent(name, n -> {
            if (!Files.isRegularFile(path)) {
                throw new InputException(trace.source(), a.line(), "cited source file " + path
                        + " does not exist (is --source the root of the kernel tree the trace was written from?)");
            }
            return SourceFile.read(path, n);
        });
    }

    private void checkFunction(Access a, SourceFile file, int number, Verdict v) {
        List<FunctionExtent> extents = this.extents.computeIfAbsent(file.name() + ":" + a.function(),
                k -> FunctionExtents.find(file, a.function()));
        if (extents.isEmpty()) {
            FunctionExtent macro = FunctionExtents.enclosingMacro(file, number);
            List<FunctionExtent> generated = macro == null ? List.of()
                    : FunctionExtents.generatedBy(file, macro, a.function());
            if (!generated.isEmpty()) {
                if (generated.stream().noneMatch(x -> x.contains(number))) {
                    v.failures.add("line " + number + " is outside " + a.function() + " (generated by the macro at "
                            + macro + " of " + file.name() + ", " + String.join(", ",
                                    generated.stream().map(FunctionExtent::toString).toList()) + ")");
                }
            } else if (macro != null) {
                v.exceptions.add(a.function() + " is not defined by name in " + file.name() + "; line " + number
                        + " is in the macro at " + macro + ", which may generate it: function extent not checked");
            } else {
                v.failures.add("no definition of " + a.function() + " in " + file.name());
            }
            return;
        }
        if (extents.stream().noneMatch(x -> x.contains(number))) {
            v.failures.add("line " + number + " is outside " + a.function() + " ("
                    + String.join(", ", extents.stream().map(FunctionExtent::toString).toList()) + " of " + file.name()
                    + ")");
        }
    }

    private static void checkField(Access a, SourceFile file, int number, Verdict v) {
        Set<String> names = new LinkedHashSet<>(a.aliases());
        String path = a.target().path();
        if (path != null) {
            String last = path.substring(path.lastIndexOf('.') + 1);
            int bracket = last.indexOf('[');
            names.add(bracket >= 0 ? last.substring(0, bracket) : last);
        }
        if (names.isEmpty()) {
            v.failures.add("a raw access names no field: give the name the source line uses with as=NAME");
            return;
        }
        List<String> identifiers = file.identifiers(number);
        if (names.stream().noneMatch(identifiers::contains)) {
            v.failures.add("line " + number + " does not name " + String.join(" or ", names) + ": "
                    + file.line(number).strip());
        }
    }

    /** The reasons an access fails, and the checks that could not be applied to it. */
    private static final class Verdict {
        final Set<String> failures = new LinkedHashSet<>();
        final Set<String> exceptions = new LinkedHashSet<>();
    }
}
