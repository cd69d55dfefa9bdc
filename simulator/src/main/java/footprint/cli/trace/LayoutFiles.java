package footprint.cli.trace;

import footprint.layout.LayoutSet;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --layout FILE...} option the trace commands share: pahole dumps, later ones override. */
public final class LayoutFiles {
    @Option(names = "--layout", required = true, arity = "1..*", paramLabel = "FILE",
            description = "pahole dumps defining the structs of the trace's objects (later files override earlier ones).")
    List<Path> files;

    LayoutSet load() {
        return LayoutSet.load(files);
    }

    int count() {
        return files.size();
    }
}
