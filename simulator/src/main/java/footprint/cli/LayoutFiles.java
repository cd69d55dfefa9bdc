package footprint.cli;

import footprint.input.InputException;
import footprint.layout.LayoutSet;
import footprint.layout.StructLayout;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loading pahole files for a command: warnings to stderr, a struct by name or every struct of the last file. */
final class LayoutFiles {
    private LayoutFiles() {}

    static LayoutSet load(List<Path> files, PrintWriter err) {
        LayoutSet set = LayoutSet.load(files);
        for (String w : set.warnings()) {
            err.println("footprint: warning: " + w);
        }
        return set;
    }

    static StructLayout struct(LayoutSet set, List<Path> files, String name) {
        return set.find(name).orElseThrow(() -> new InputException(files.get(files.size() - 1), 0,
                "no struct or union '" + name + "' in " + (files.size() == 1 ? "this file" : "these files")
                        + " (nearest: " + String.join(", ", set.nearestTypeNames(name)) + ")"));
    }

    /** The named struct, or every top-level struct of the last file in file order. */
    static List<StructLayout> targets(LayoutSet set, List<Path> files, String name) {
        if (name != null) {
            return List.of(struct(set, files, name));
        }
        String last = files.get(files.size() - 1).toString();
        List<StructLayout> out = new ArrayList<>();
        for (StructLayout s : set.all()) {
            if (s.source().equals(last) && set.find(s.name()).orElse(null) == s) {
                out.add(s);
            }
        }
        if (out.isEmpty()) {
            throw new InputException(last, 0, "no struct or union in this file");
        }
        return out;
    }
}
