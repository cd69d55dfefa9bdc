package footprint.cli;

import footprint.layout.DensityChart;
import footprint.layout.LayoutSet;
import footprint.layout.StructLayout;
import footprint.report.ReportJson;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code footprint density}: which bytes of each cacheline of a struct are members, holes or padding. */
@Command(name = "density", mixinStandardHelpOptions = true,
        description = {
            "Draws a struct one cacheline per row, one character per byte (two with --compact): "
                + "letters for the bytes of top-level members, '.' for holes, '_' for trailing padding. "
                + "Each row is labelled with its offset and the members that start in it; long runs of "
                + "identical lines inside one member (arrays, nested structs) are folded unless --all. "
                + "FILEs combine as in 'footprint layout'."},
        footerHeading = "%nExample:%n",
        footer = {"  footprint density models/layouts/debian-6.1/debian-6.1-vcpu_vmx.pahole \\",
            "      --struct vcpu_vmx --compact"})
public final class DensityCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "pahole output; .gz is read through gunzip")
    List<Path> files;

    @Option(names = "--struct", paramLabel = "NAME", required = true, description = "struct or union to draw")
    String struct;

    @Option(names = "--compact", description = "one character per two bytes")
    boolean compact;

    @Option(names = "--all", description = "draw every cacheline; by default a run of "
            + DensityChart.FOLD_AT + " or more identical lines inside one member is drawn once, with a note")
    boolean all;

    @Mixin
    FormatOption format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LayoutSet set = LayoutFiles.load(files, spec.commandLine().getErr());
        StructLayout s = LayoutFiles.struct(set, files, struct);
        if (format.json()) {
            spec.commandLine().getOut().print(ReportJson.write(DensityChart.chart(s, compact, null)));
        } else {
            spec.commandLine().getOut().print(DensityChart.render(s, compact, null, all));
        }
        return 0;
    }
}
