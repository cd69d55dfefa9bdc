package footprint.cli.trace;

import footprint.trace.AccessOp;
import footprint.trace.TraceWriter;
import footprint.trace.perf.PerfMemSamples;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code footprint trace import perf-mem}: perf mem samples inside one object to a raw offset trace. */
@Command(
        mixinStandardHelpOptions = true,
        name = "perf-mem",
        description = {
            "Turn 'perf script' output of a 'perf mem record' session into a raw offset trace of "
                + "one object: the samples whose data address lies in [--base, --base + --size), as "
                + "OBJECT+OFFSET accesses. With --type, 'footprint trace symbolize' then turns the "
                + "offsets into field paths."},
        footer = {"", "Example:",
            "  perf mem record -K -a -- sleep 5",
            "  perf script -F comm,tid,time,event,addr,ip,sym,symoff,dso > mem.script",
            "  footprint trace import perf-mem mem.script --object vmx --type vcpu_vmx \\",
            "      --base 0xffff9b3c8a4d0000 --size 10624 > sampled.trace"})
public final class ImportPerfMemCommand implements Callable<Integer> {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @Parameters(index = "0", paramLabel = "SCRIPT", description = "Saved 'perf script' output.")
    Path script;

    @Option(names = "--object", required = true, paramLabel = "NAME", description = "Object name in the trace.")
    String object;

    @Option(names = "--type", paramLabel = "STRUCT", description = "Struct type of the object (default: a raw block).")
    String type;

    @Option(names = "--base", required = true, paramLabel = "ADDR", description = "The object's address (hex with 0x, or decimal).")
    String base;

    @Option(names = "--size", required = true, paramLabel = "N", description = "The object's size in bytes.")
    long size;

    @Option(names = "--access-size", defaultValue = "8", paramLabel = "N",
            description = "Bytes per access, an assumption: perf mem records no width (default: ${DEFAULT-VALUE}).")
    int accessSize;

    @Option(names = "--exit", defaultValue = "PERF_MEM", paramLabel = "NAME",
            description = "Exit name of the sampled accesses (default: ${DEFAULT-VALUE}).")
    String exit;

    @Option(names = "--op", paramLabel = "R|W",
            description = "Treat every sample as a read (R) or write (W); default: by the event name (mem-loads, mem-stores).")
    AccessOp op;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (!NAME.matcher(object).matches()) {
            throw new CommandLine.ParameterException(cl, "--object '" + object + "' is not a C identifier");
        }
        if (type != null && !NAME.matcher(type).matches()) {
            throw new CommandLine.ParameterException(cl, "--type '" + type + "' is not a C identifier (no 'struct')");
        }
        if (!exit.matches("[A-Za-z0-9_]+")) {
            throw new CommandLine.ParameterException(cl, "--exit '" + exit + "' may use only letters, digits and '_'");
        }
        if (size <= 0 || accessSize <= 0) {
            throw new CommandLine.ParameterException(cl, "--size and --access-size must be > 0");
        }
        if (op == AccessOp.RW) {
            throw new CommandLine.ParameterException(cl, "--op takes R or W");
        }
        long baseAddress;
        try {
            baseAddress = base.startsWith("0x") || base.startsWith("0X")
                    ? Long.parseUnsignedLong(base.substring(2), 16) : Long.parseUnsignedLong(base);
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(cl, "--base '" + base + "' is not an address");
        }
        PerfMemSamples.Result r = PerfMemSamples.read(script,
                new PerfMemSamples.Options(object, type, baseAddress, size, accessSize, exit, op));
        PrintWriter out = cl.getOut();
        out.print(TraceWriter.write(r.trace()));
        out.flush();
        PrintWriter err = cl.getErr();
        err.printf("footprint: %d of %d samples fell inside %s%n", r.inside(), r.samples(), object);
        err.flush();
        return 0;
    }
}
