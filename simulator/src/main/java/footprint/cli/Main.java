package footprint.cli;

import footprint.input.InputException;
import java.io.PrintWriter;
import java.util.function.IntSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The {@code footprint} command: subcommands, exit codes and error reporting. */
@Command(
        name = "footprint",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        description = "Replays recorded VM-exit field-access traces against struct layouts on a"
                + " modelled x86 cache hierarchy and reports touched cachelines, misses and cycles"
                + " per exit.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success",
            "  1  a check you asked for failed (--verify, --fail-if-worse, ...)",
            "  2  bad input or usage: footprint: error: FILE:LINE: what is wrong",
            "  3  internal error (stack trace with --debug)"
        },
        subcommands = {CommandLine.HelpCommand.class, LayoutCommand.class, DensityCommand.class,
            footprint.cli.trace.TraceCommand.class, ModelsCommand.class, CachesimCommand.class,
            footprint.cli.sim.SimulateCommand.class, footprint.cli.sim.CompareCommand.class, OptimizeCommand.class, CheckCommand.class, CalibrateCommand.class})
public final class Main implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_CHECK_FAILED = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_INTERNAL = 3;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(out, err, args));
    }

    /** Runs the CLI with the given streams; returns the exit code (tests call this). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("footprint: error: " + ex.getMessage());
            CommandLine failed = ex.getCommandLine();
            err.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
            err.flush();
            return EXIT_BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InputException) {
                err.println("footprint: error: " + ex.getMessage());
                if (debug) {
                    ex.printStackTrace(err);
                }
                err.flush();
                return EXIT_BAD_INPUT;
            }
            if (ex instanceof CheckFailedException) {
                if (ex.getMessage() != null && !ex.getMessage().isEmpty()) {
                    err.println("footprint: " + ex.getMessage());
                }
                err.flush();
                return EXIT_CHECK_FAILED;
            }
            return internalError(err, debug, ex, ex.toString());
        });
        int code = guarded(err, debug, () -> cli.execute(args));
        out.flush();
        err.flush();
        return code;
    }

    /** Runs {@code command}; a Java {@link Error} it throws is exit 3 with one line (the trace with --debug). */
    static int guarded(PrintWriter err, boolean debug, IntSupplier command) {
        try {
            return command.getAsInt();
        } catch (Error e) {
            // Uncaught, the JVM would exit 1, which says "a check failed": an Error is ours to fix.
            String what = e instanceof StackOverflowError ? "stack overflow (an input nested too deeply?)"
                    : e instanceof OutOfMemoryError
                    ? "out of memory (give a larger heap with FOOTPRINT_JAVA_OPTS=-Xmx..., or smaller inputs)"
                    : e.toString();
            return internalError(err, debug, e, what);
        }
    }

    private static int internalError(PrintWriter err, boolean debug, Throwable e, String what) {
        err.println("footprint: internal error: " + what);
        if (debug) {
            e.printStackTrace(err);
        } else {
            err.println("Run again with --debug for the stack trace.");
        }
        err.flush();
        return EXIT_INTERNAL;
    }
}
