package footprint.cli.trace;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code footprint trace import}: turns what perf records on a host into footprint inputs. */
@Command(
        mixinStandardHelpOptions = true,
        name = "import",
        description = "Import perf recordings: an exit mix, a raw offset trace, per-field access weights.",
        subcommands = {ImportPerfKvmStatCommand.class, ImportPerfMemCommand.class, ImportPerfTypeOffCommand.class},
        footer = {"", "Example:", "  perf kvm stat report > kvm-stat.txt && footprint trace import perf-kvm-stat kvm-stat.txt"})
public final class TraceImportCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing importer (perf-kvm-stat, perf-mem, perf-typeoff)");
    }
}
