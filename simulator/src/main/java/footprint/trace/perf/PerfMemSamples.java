package footprint.trace.perf;

import footprint.input.InputException;
import footprint.input.WholeNumbers;
import footprint.trace.Access;
import footprint.trace.AccessOp;
import footprint.trace.ExitDef;
import footprint.trace.Meta;
import footprint.trace.ObjectDecl;
import footprint.trace.Target;
import footprint.trace.Trace;
import footprint.trace.TraceItem;
import footprint.trace.Trivia;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code perf script -F comm,tid,time,event,addr,ip,sym,symoff,dso} output of a
 * {@code perf mem record} session and keeps the samples whose data address falls inside one
 * object ({@code [base, base+size)}), as a raw offset trace: one access per distinct
 * (offset, load/store, symbol), in order of first sample, with the sample count as a comment.
 *
 * <p>perf script prints the sample's data address before the instruction pointer and symbol
 * (tools/perf/builtin-script.c, {@code process_event}), so a sample line ends in
 * {@code EVENT: ADDR IP SYMBOL[+OFF] [(DSO)]}. perf mem records where a load or store went, not
 * how wide it was: the access size is an assumption the caller passes.
 */
public final class PerfMemSamples {
    private static final Pattern SAMPLE = Pattern.compile(
            ".*?\\s?(\\S+):\\s+(?:0x)?([0-9a-fA-F]{1,16})\\s+(?:0x)?([0-9a-fA-F]{1,16})\\s+(\\S+)(?:\\s+\\(([^)]*)\\))?\\s*");

    /** What to keep and how to write it. {@code op} null: tell loads from stores by the event name. */
    public record Options(String object, String structType, long base, long size, int accessSize, String exitName,
            AccessOp op) {}

    /** The imported trace and what was counted on the way. */
    public record Result(Trace trace, long samples, long inside) {}

    private record Key(long offset, AccessOp op, String symbol) {}

    private static final class Group {
        final int firstLine;
        long samples;

        Group(int firstLine) {
            this.firstLine = firstLine;
        }
    }

    private PerfMemSamples() {}

    public static Result read(Path file, Options o) {
        Map<Key, Group> groups = new LinkedHashMap<>();
        long[] counts = new long[2];
        TextLines.forEach(file, (text, n) -> {
            String s = text.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                return;
            }
            Matcher m = SAMPLE.matcher(text);
            if (!m.matches()) {
                throw new InputException(file, n, "not a perf script sample line (expected '... EVENT: ADDR IP SYMBOL"
                        + " [(DSO)]'; record with: perf script -F comm,tid,time,event,addr,ip,sym,symoff,dso): " + s);
            }
            counts[0]++;
            long addr = WholeNumbers.parseUnsigned(m.group(2), 16, file, n, "address");
            long offset = addr - o.base();
            if (Long.compareUnsigned(addr, o.base()) < 0 || Long.compareUnsigned(offset, o.size()) >= 0) {
                return;
            }
            counts[1]++;
            AccessOp op = o.op() != null ? o.op() : opOf(m.group(1), file, n);
            String symbol = m.group(4).replace('#', '_');
            groups.computeIfAbsent(new Key(offset, op, symbol), k -> new Group(n)).samples++;
        });
        String location = file.getFileName().toString().replaceAll("\\s", "_");
        List<TraceItem> items = new ArrayList<>();
        items.add(new Meta("source", "perf mem record + perf script: " + location, Trivia.NONE, 0));
        items.add(new Meta("object", o.object() + " at 0x" + Long.toHexString(o.base()) + ", " + o.size() + " bytes",
                Trivia.NONE, 0));
        items.add(new Meta("access-size", o.accessSize() + " bytes, assumed (perf mem records addresses, not widths)",
                Trivia.NONE, 0));
        items.add(new ObjectDecl(o.object(), o.structType(), o.structType() == null ? o.size() : 0, 0, Trivia.NONE, 0));
        List<footprint.trace.Step> steps = new ArrayList<>();
        groups.forEach((k, g) -> {
            int size = (int) Math.min(o.accessSize(), o.size() - k.offset());
            steps.add(new Access(k.op(), Target.raw(o.object(), k.offset()), size, k.symbol(), location + ":" + g.firstLine,
                    List.of(), null, Trivia.trailing(" " + g.samples + (g.samples == 1 ? " sample" : " samples")), 0));
        });
        items.add(new ExitDef(o.exitName(), false, null, steps, Trivia.NONE, Trivia.NONE, 0));
        Trivia header = new Trivia(List.of("# Imported by: footprint trace import perf-mem (" + counts[1] + " of "
                + counts[0] + " samples inside " + o.object() + ")",
                "# Sample order mixes many exits: accesses are grouped by offset, op and symbol, in order of first"
                        + " sample."), null);
        Trace trace = new Trace(file.toString(), header, items, List.of());
        return new Result(trace, counts[0], counts[1]);
    }

    private static AccessOp opOf(String event, Path file, int line) {
        String e = event.toLowerCase(Locale.ROOT);
        if (e.contains("store")) {
            return AccessOp.W;
        }
        if (e.contains("load")) {
            return AccessOp.R;
        }
        throw new InputException(file, line, "cannot tell a load from a store by the event '" + event
                + "'; pass --op R or --op W");
    }
}
