package footprint.optimize;

import footprint.input.InputException;
import footprint.layout.LayoutSet;
import footprint.layout.MemberOrder;
import footprint.layout.PaholeText;
import footprint.layout.StructLayout;
import footprint.trace.BoundExit;
import footprint.trace.BoundObject;
import footprint.trace.BoundTrace;
import footprint.trace.Trace;
import footprint.trace.TraceBinder;
import footprint.trace.TraceStats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives a member order for one struct from a trace's hot fields ({@link MemberHeat},
 * {@link HotOrder}) and evaluates it: the struct is re-laid out in that order by the layout engine,
 * tried in place of its definition in the layout files (composition rule: every struct holding it is
 * re-laid out too), and the trace is bound again.
 */
public final class Optimization {
    private static final int LINE = 64;

    private Optimization() {}

    /**
     * Proposes and evaluates an order for struct {@code name}; {@code set} is {@code layoutFiles} loaded.
     * Binder warnings of the first binding are appended to {@code warnings}.
     */
    public static OptimizeReport run(Trace trace, List<Path> layoutFiles, LayoutSet set, String name,
            boolean allowMissing, List<String> warnings) {
        StructLayout target = set.find(name).orElseThrow(() -> new InputException("--struct " + name
                + ": no struct of that name in the " + layoutFiles.size() + " layout file(s) (nearest: "
                + String.join(", ", set.nearestTypeNames(name)) + ")"));
        if (target.union()) {
            throw new InputException(target.source(), target.line(), "--struct " + name
                    + " is a union: its members all start at offset 0, there is no order to change");
        }
        BoundTrace before = TraceBinder.bind(trace, set, allowMissing, warnings);
        double[] weights = before.stream().weights();
        List<String> exitNames = before.exits().stream().map(BoundExit::name).toList();
        MemberHeat.Result heat = MemberHeat.of(before, set, target, weights);
        if (heat.objects().isEmpty()) {
            throw new InputException(trace.source(), 0, "no object of the trace holds a struct " + name
                    + " (by value, at any depth); nothing to optimise");
        }
        if (heat.members().stream().noneMatch(HotMember::hot)) {
            throw new InputException(trace.source(), 0, "no access of the trace's exits lands in struct " + name
                    + " (held by " + String.join(", ", heat.objects()) + "); nothing to optimise");
        }
        HotOrder.Proposal proposal = HotOrder.derive(heat.members(), exitNames, weights);
        StructLayout relaid = MemberOrder.apply(target, proposal.order(), "the proposed order");
        LayoutSet afterSet = LayoutSet.composeWith(layoutFiles, PaholeText.render(relaid),
                "struct " + name + " in the proposed order");
        BoundTrace after = TraceBinder.bind(trace, afterSet, allowMissing, new ArrayList<>());

        List<TraceStats.ExitStats> statsBefore = TraceStats.of(before, LINE);
        List<TraceStats.ExitStats> statsAfter = TraceStats.of(after, LINE);
        List<OptimizeReport.ExitLines> exits = new ArrayList<>();
        double linesBefore = 0;
        double linesAfter = 0;
        double ideal = 0;
        for (int x = 0; x < exitNames.size(); x++) {
            long b = lines(statsBefore.get(x), heat.objects(), false);
            long a = lines(statsAfter.get(x), heat.objects(), false);
            long i = lines(statsBefore.get(x), heat.objects(), true);
            exits.add(new OptimizeReport.ExitLines(exitNames.get(x), Shares.round(weights[x]), b, a, i));
            linesBefore += weights[x] * b;
            linesAfter += weights[x] * a;
            ideal += weights[x] * i;
        }
        List<OptimizeReport.ObjectSize> sizes = new ArrayList<>();
        for (String object : heat.objects()) {
            BoundObject was = before.objects().get(before.objectIndex(object));
            BoundObject now = after.objects().get(after.objectIndex(object));
            sizes.add(new OptimizeReport.ObjectSize(object, was.structType(), was.size(), now.size()));
        }
        return new OptimizeReport(trace.source(), name, target.size(), afterSet.find(name).orElseThrow().size(),
                sizes, Shares.round(linesBefore), Shares.round(linesAfter), Shares.round(ideal), exits,
                proposal.groups(), proposal.cold(), proposal.order());
    }

    private static long lines(TraceStats.ExitStats e, List<String> objects, boolean ideal) {
        return e.objects().stream().filter(o -> objects.contains(o.object()))
                .mapToLong(o -> ideal ? o.idealLines() : o.touchedLines()).sum();
    }
}
