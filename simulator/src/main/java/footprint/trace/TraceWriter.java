package footprint.trace;

import java.math.BigDecimal;
import java.util.List;

/**
 * Writes a trace in canonical form: one space between tokens, two-space indentation inside
 * blocks, comments and (collapsed) blank lines where the reader found them, {@code \n} line
 * ends. Reading the output gives back an equal trace; a file already in canonical form is
 * reproduced byte for byte.
 */
public final class TraceWriter {
    private static final String INDENT = "  ";

    private final StringBuilder out = new StringBuilder();

    private TraceWriter() {}

    public static String write(Trace trace) {
        TraceWriter w = new TraceWriter();
        w.line("", "footprint-trace " + Trace.VERSION, trace.header());
        for (TraceItem item : trace.items()) {
            w.item(item);
        }
        w.trivia("", trace.trailer());
        return w.out.toString();
    }

    /** The canonical text of a stream block alone (importers print it for pasting into a trace). */
    public static String write(StreamDef stream) {
        TraceWriter w = new TraceWriter();
        w.item(stream);
        return w.out.toString();
    }

    /** A mix weight as written: integers without a decimal point, others in plain decimal notation. */
    public static String weight(double w) {
        if (w == Math.rint(w) && Math.abs(w) < 1e15) {
            return Long.toString((long) w);
        }
        return BigDecimal.valueOf(w).stripTrailingZeros().toPlainString();
    }

    private void item(TraceItem item) {
        if (item instanceof Meta m) {
            line("", "meta " + m.key() + " " + m.value(), m.trivia());
        } else if (item instanceof ObjectDecl o) {
            line("", "object " + o.name() + (o.isRaw() ? " raw " + o.rawSize() : " struct " + o.structType())
                    + (o.align() > 0 ? " align=" + o.align() : ""), o.trivia());
        } else if (item instanceof Segment s) {
            block("segment " + s.name(), s.trivia(), s.steps(), s.endTrivia());
        } else if (item instanceof ExitDef e) {
            block("exit " + e.name() + (e.fastpath() ? " fastpath" : "")
                    + (e.reason() != null ? " reason=" + e.reason() : ""), e.trivia(), e.steps(), e.endTrivia());
        } else if (item instanceof SequenceStream s) {
            StringBuilder b = new StringBuilder("stream sequence");
            for (SequenceStream.Entry e : s.entries()) {
                b.append(' ').append(e.exit());
                if (e.repeat() != 1) {
                    b.append('*').append(e.repeat());
                }
            }
            line("", b.toString(), s.trivia());
        } else if (item instanceof MixStream m) {
            line("", "stream mix count=" + m.count() + " seed=" + m.seed(), m.trivia());
            for (MixStream.Entry e : m.entries()) {
                line(INDENT, e.exit() + " " + weight(e.weight()), e.trivia());
            }
            end(m.endTrivia());
        }
    }

    private void block(String head, Trivia trivia, List<Step> steps, Trivia endTrivia) {
        line("", head, trivia);
        for (Step step : steps) {
            if (step instanceof Access a) {
                line(INDENT, a.op() + " " + a.target() + " " + a.size() + " " + a.function() + " " + a.location()
                        + (a.aliases().isEmpty() ? "" : " as=" + String.join(",", a.aliases()))
                        + (a.condition() != null ? " if " + a.condition() : ""), a.trivia());
            } else if (step instanceof Use u) {
                line(INDENT, "use " + u.segment(), u.trivia());
            } else if (step instanceof VmcsCount v) {
                line(INDENT, "vmcs reads=" + v.reads() + " writes=" + v.writes(), v.trivia());
            }
        }
        end(endTrivia);
    }

    private void end(Trivia endTrivia) {
        trivia(INDENT, endTrivia.before());
        text("end", endTrivia.trailing());
    }

    private void line(String indent, String text, Trivia trivia) {
        trivia(indent, trivia.before());
        text(indent + text, trivia.trailing());
    }

    private void trivia(String indent, List<String> lines) {
        for (String l : lines) {
            out.append(l.isEmpty() ? "" : indent + l).append('\n');
        }
    }

    private void text(String text, String trailing) {
        out.append(text);
        if (trailing != null) {
            out.append(" #").append(trailing);
        }
        out.append('\n');
    }
}
