package footprint.cli.trace;

import footprint.trace.TraceReader;
import footprint.trace.TraceSymbolizer;
import footprint.trace.TraceWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code footprint trace symbolize}: raw offsets of struct objects to field paths under a layout. */
@Command(
        mixinStandardHelpOptions = true,
        name = "symbolize",
        description = {
            "Rewrite the raw OBJECT+OFFSET accesses to struct objects as field paths under the "
                + "layouts they were recorded with, so the trace replays on any other layout of the "
                + "same structs. Prints the trace; offsets in holes or padding stay raw (listed on "
                + "stderr)."},
        footer = {"", "Example:",
            "  footprint trace symbolize sampled.trace --layout models/layouts/debian-6.1/debian-6.1-vcpu_vmx.expanded.pahole"})
public final class TraceSymbolizeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TRACE", description = "The trace file.")
    Path file;

    @Mixin
    LayoutFiles layouts;

    @Option(names = "--in-place", description = "Replace TRACE by the result (atomically, via a temporary file).")
    boolean inPlace;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (inPlace) {
            TraceFmtCommand.checkInPlace(file);
        }
        TraceSymbolizer.Result r = TraceSymbolizer.symbolize(TraceReader.read(file), layouts.load());
        String text = TraceWriter.write(r.trace());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        r.notes().forEach(n -> err.println("footprint: " + n));
        err.printf("footprint: %d raw access(es) symbolized%n", r.symbolized());
        if (inPlace) {
            TraceFmtCommand.replaceInPlace(file, text);
        } else {
            out.print(text);
        }
        out.flush();
        err.flush();
        return 0;
    }
}
