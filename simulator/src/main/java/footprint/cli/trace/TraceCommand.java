package footprint.cli.trace;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code footprint trace}: check, inspect, format, symbolize and import field-access traces. */
@Command(
        mixinStandardHelpOptions = true,
        name = "trace",
        description = "Field-access traces: check them against layouts, count what each exit touches, "
                + "format them, turn raw offsets into field paths, import perf recordings.",
        subcommands = {
            TraceCheckCommand.class,
            TraceStatsCommand.class,
            TraceFmtCommand.class,
            TraceSymbolizeCommand.class,
            TraceImportCommand.class,
            TraceVerifyCommand.class,
            TraceDiffCommand.class
        },
        footer = {"", "Example:",
            "  L=models/layouts/debian-6.1",
            "  footprint trace stats traces/kvm-6.1/vmx/vmx-exits.trace --exit TSC_DEADLINE_WRITE --layout \\",
            "      $L/debian-6.1-vcpu_vmx.expanded.pahole $L/debian-6.1-kvm_lapic.expanded.pahole \\",
            "      $L/debian-6.1-kvm.expanded.pahole $L/debian-6.1-kvm_run.pahole"})
public final class TraceCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (check, stats, fmt, symbolize, import, verify, diff)");
    }
}
