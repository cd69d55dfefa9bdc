package footprint.check;

import footprint.input.InputException;
import footprint.trace.TraceStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Checks a trace's touched lines per exit and object against a {@link LineBudget}. */
public final class BudgetCheck {
    private BudgetCheck() {}

    /** The outcome: every budget that is exceeded, and every one with lines to spare. */
    public record Report(String trace, List<String> layouts, String budget, int lineSize, String placement,
            int budgets, boolean passed, List<Overrun> overruns, List<Slack> slack) {}

    /** An exit that touches more lines of an object than its budget, and which of its fields lie on each line. */
    public record Overrun(String exit, String object, long lines, long budget, List<LineFields> touched) {}

    /** An exit that touches fewer lines of an object than its budget: the budget can be tightened. */
    public record Slack(String exit, String object, long lines, long budget) {}

    /** One touched line of an object (its index from the object's start) and the exit's fields on it. */
    public record LineFields(long line, List<String> fields) {}

    /**
     * Compares {@code stats} with {@code budget}; an exit or object in one but not the other is an
     * {@link InputException} naming the budget file and line.
     */
    public static Report run(String trace, List<String> layouts, int lineSize, List<TraceStats.ExitStats> stats,
            LineBudget budget) {
        Map<String, TraceStats.ObjectStats> measured = new HashMap<>();
        Map<String, List<String>> objectsOfExit = new HashMap<>();
        for (TraceStats.ExitStats e : stats) {
            List<String> names = new ArrayList<>();
            for (TraceStats.ObjectStats o : e.objects()) {
                measured.put(e.exit() + " " + o.object(), o);
                names.add(o.object());
            }
            objectsOfExit.put(e.exit(), names);
        }
        Map<String, Integer> firstLineOfExit = new HashMap<>();
        Map<String, LineBudget.Entry> budgeted = new HashMap<>();
        for (LineBudget.Entry b : budget.entries()) {
            List<String> objects = objectsOfExit.get(b.exit());
            if (objects == null) {
                throw new InputException(budget.file(), b.fileLine(), "exit " + b.exit() + " is not in the trace (exits: "
                        + String.join(", ", stats.stream().map(TraceStats.ExitStats::exit).toList()) + ")");
            }
            if (!objects.contains(b.object())) {
                throw new InputException(budget.file(), b.fileLine(), "exit " + b.exit() + " does not touch object "
                        + b.object() + " in the trace (it touches: " + String.join(", ", objects) + ")");
            }
            firstLineOfExit.putIfAbsent(b.exit(), b.fileLine());
            budgeted.put(b.exit() + " " + b.object(), b);
        }
        List<Overrun> overruns = new ArrayList<>();
        List<Slack> slack = new ArrayList<>();
        for (TraceStats.ExitStats e : stats) {
            for (TraceStats.ObjectStats o : e.objects()) {
                LineBudget.Entry b = budgeted.get(e.exit() + " " + o.object());
                if (b == null) {
                    throw new InputException(budget.file(), firstLineOfExit.getOrDefault(e.exit(), 0), "exit "
                            + e.exit() + " touches object " + o.object() + " in the trace, but it has no budget here");
                }
                if (o.touchedLines() > b.lines()) {
                    overruns.add(new Overrun(e.exit(), o.object(), o.touchedLines(), b.lines(), fieldsByLine(o)));
                } else if (o.touchedLines() < b.lines()) {
                    slack.add(new Slack(e.exit(), o.object(), o.touchedLines(), b.lines()));
                }
            }
        }
        return new Report(trace, layouts, budget.file().toString(), lineSize, TraceStats.PLACEMENT,
                budget.entries().size(), overruns.isEmpty(), overruns, slack);
    }

    private static List<LineFields> fieldsByLine(TraceStats.ObjectStats o) {
        TreeMap<Long, List<String>> byLine = new TreeMap<>();
        for (TraceStats.FieldTouch f : o.fields()) {
            for (long line : f.lines()) {
                byLine.computeIfAbsent(line, k -> new ArrayList<>()).add(f.path());
            }
        }
        List<LineFields> out = new ArrayList<>();
        byLine.forEach((line, fields) -> out.add(new LineFields(line, fields)));
        return out;
    }
}
