package footprint.optimize;

import footprint.input.InputException;
import footprint.layout.LayoutSet;
import footprint.layout.StructInstances;
import footprint.layout.StructLayout;
import footprint.trace.BoundExit;
import footprint.trace.BoundObject;
import footprint.trace.BoundTrace;
import footprint.trace.Trace;
import footprint.trace.TraceBinder;
import footprint.trace.TraceStats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Orders the members of several structs together, so that the fields a trace's exits touch, at
 * every nesting level, share as few lines as they can: the best constructive orders
 * ({@link WholeOrder}) annealed ({@link Annealing}) and finished by single-unit moves
 * ({@link LocalSearch}), all scored by the fast line count ({@link LineScore}); then every moved
 * member that buys nothing put back; under a move budget the greedy steps of {@link MoveBudget}.
 * The proposal is then re-laid out through the layout files ({@link ProposedLayout}) and counted
 * by {@link TraceStats}, as {@code trace stats} counts, and the two counts must agree.
 */
public final class WholeOptimization {
    private static final int LINE = 64;
    /** Greedy forward steps for the churn front when no --max-moves is given (each is a full scan). */
    private static final int FORWARD_STEPS = 10;

    /** Annealing steps per chain when a request does not say. */
    public static final int DEFAULT_SEARCH_STEPS = 800_000;
    /** Annealing chains, from the best constructive starts, one per core of a two-core machine. */
    private static final int CHAINS = 2;

    /**
     * What to optimise: struct names (or every struct of one object), constraints, the churn limit,
     * and the annealing steps per chain (0: single moves only).
     */
    public record Request(List<String> structs, String object, List<Constraint> constraints, Integer maxMoves,
            boolean pareto, boolean allowMissing, int searchSteps) {
        public Request {
            structs = structs == null ? List.of() : List.copyOf(structs);
            constraints = List.copyOf(constraints);
        }
    }

    /** The report and the proposal as a layout file (pahole text). */
    public record Result(OptimizeReport report, String paholeText) {}

    private WholeOptimization() {}

    public static Result run(Trace trace, List<Path> files, LayoutSet set, Request req, List<String> warnings,
            Consumer<String> progress) {
        BoundTrace before = TraceBinder.bind(trace, set, req.allowMissing(), warnings);
        Set<String> targets = targets(trace, set, before, req);
        List<Constraint.Together> blocks = req.constraints().stream().filter(c -> c instanceof Constraint.Together)
                .map(c -> (Constraint.Together) c).toList();
        double[] weights = before.stream().weights();
        List<String> exitNames = before.exits().stream().map(BoundExit::name).toList();
        OrderSpace space = OrderSpace.of(set, before, targets, blocks);
        AccessChains chains = AccessChains.of(before, space);
        UnitHeat heat = UnitHeat.of(space, chains, weights);
        Set<String> touched = new LinkedHashSet<>();
        for (String t : targets) {
            int id = space.nodeOf(t);
            if (id < 0) {
                throw new InputException(trace.source(), 0, "no object of the trace holds a struct " + t
                        + " (by value, at any depth); nothing to optimise");
            }
            for (int u = 0; u < space.nodes().get(id).units.size(); u++) {
                if (heat.hot(id, u)) {
                    touched.add(t);
                }
            }
            if (!touched.contains(t) && req.object() == null) {
                throw new InputException(trace.source(), 0, "no access of the trace's exits lands in struct " + t
                        + "; nothing to optimise");
            }
        }
        if (!touched.equals(targets)) {
            // --object: the structs no exit touches keep their order
            space = OrderSpace.of(set, before, touched, blocks);
            chains = AccessChains.of(before, space);
            heat = UnitHeat.of(space, chains, weights);
            targets = touched;
        }
        LineScore score = new LineScore(space, chains, weights);
        Constraints constraints = new Constraints(req.constraints(), space);
        Arrangement current = space.current();

        progress.accept("ordering " + String.join(", ", targets));
        LocalSearch search = new LocalSearch(space, score, constraints, heat);
        List<Arrangement> starts = new ArrayList<>(new WholeOrder(space, heat, exitNames, weights)
                .candidates(current, score, constraints));
        if (constraints.allows(current, space)) {
            starts.add(current);
        }
        starts.sort(Comparator.comparing(score::score));
        // the first of equals: chains come in start order
        Arrangement best = chains(starts, space, score, constraints, heat, search, req.searchSteps(), progress)
                .stream().min(Comparator.comparing(score::score)).orElse(null);
        if (best == null) {
            Arrangement tried = current;
            for (OrderSpace.Node n : space.nodes()) {
                if (n.target) {
                    tried = tried.with(n.id, constraints.repair(n, tried.order(n.id)));
                }
            }
            List<Constraint> broken = constraints.violated(tried, Relayout.of(space, tried));
            Constraint c = broken.isEmpty() ? constraints.applicable().get(0) : broken.get(0);
            throw new InputException(c.origin() + ": constraint '" + c.text() + "' cannot be met (no member order"
                    + " of " + c.struct() + " found that keeps it and the others)");
        }
        best = keepUnhelpfulOrders(space, score, constraints, current, best);
        MoveBudget budget = new MoveBudget(space, score, constraints, heat);
        best = budget.tidy(current, best);
        double unconstrained = score.score(best).lines();
        List<OptimizeReport.FrontPoint> front = new ArrayList<>();
        Arrangement proposal = best;
        if (req.maxMoves() != null || req.pareto()) {
            List<MoveBudget.Step> steps = new ArrayList<>(budget.back(current, best));
            steps.addAll(budget.steps(current, req.maxMoves() != null ? req.maxMoves() : FORWARD_STEPS,
                    moved -> progress.accept("churn: " + moved + " member(s) moved")));
            steps.sort(Comparator.comparingInt(MoveBudget.Step::moved)
                    .thenComparing(MoveBudget.Step::score));
            double was = score.score(current).lines();
            front.add(new OptimizeReport.FrontPoint(0, Shares.round(was), 0));
            double last = was;
            for (MoveBudget.Step s : steps) {
                if (s.score().lines() < last - 1e-9) {
                    front.add(new OptimizeReport.FrontPoint(s.moved(), Shares.round(s.score().lines()),
                            Shares.round(share(was, s.score().lines(), unconstrained))));
                    last = s.score().lines();
                }
            }
            if (req.maxMoves() != null) {
                proposal = current;
                for (MoveBudget.Step s : steps) {
                    if (s.moved() <= req.maxMoves() && s.score().compareTo(score.score(proposal)) < 0) {
                        proposal = s.arrangement();
                    }
                }
            }
        }
        String text = ProposedLayout.render(files, set, space, proposal);
        LayoutSet afterSet = LayoutSet.composeWith(files, text, ProposedLayout.SOURCE);
        BoundTrace after = TraceBinder.bind(trace, afterSet, req.allowMissing(), new ArrayList<>());
        OptimizeReport report = report(trace, before, after, set, afterSet, space, chains, heat, current, proposal,
                constraints, front, unconstrained, req.maxMoves(), exitNames, weights);
        double fast = score.score(proposal).lines();
        if (Math.abs(fast - report.linesAfter()) > 1e-6) {
            throw new IllegalStateException("the search counted " + fast + " lines per exit, trace stats counts "
                    + report.linesAfter() + " for the same layout");
        }
        return new Result(report, text);
    }

    /**
     * Each of the best {@link #CHAINS} starts annealed (its own seed) and then improved by single
     * moves, the chains in parallel; the results in start order, so the choice among them does not
     * depend on which chain finishes first.
     */
    private static List<Arrangement> chains(List<Arrangement> starts, OrderSpace space, LineScore score,
            Constraints constraints, UnitHeat heat, LocalSearch search, int steps, Consumer<String> progress) {
        List<Arrangement> from = starts.subList(0, Math.min(CHAINS, starts.size()));
        if (steps > 0 && !from.isEmpty()) {
            progress.accept("annealing " + from.size() + " chain(s) of " + steps + " steps");
        }
        Annealing annealing = new Annealing(space, score, constraints, heat);
        return IntStream.range(0, from.size()).parallel()
                .mapToObj(k -> {
                    Arrangement a = search.improve(annealing.improve(from.get(k), k + 1, steps));
                    progress.accept(String.format(Locale.ROOT, "chain %d of %d: %.2f lines per exit", k + 1,
                            from.size(), score.score(a).lines()));
                    return a;
                })
                .toList();
    }

    /** Puts back the current order of every struct whose new order saves nothing, innermost first. */
    private static Arrangement keepUnhelpfulOrders(OrderSpace space, LineScore score, Constraints constraints,
            Arrangement current, Arrangement best) {
        LineScore.Score now = score.score(best);
        for (OrderSpace.Node n : space.nodes()) {
            if (!n.target || Arrays.equals(best.order(n.id), current.order(n.id))) {
                continue;
            }
            Arrangement back = best.with(n.id, current.order(n.id));
            LineScore.Score s = score.score(back);
            if (constraints.allows(back, space) && Math.abs(s.lines() - now.lines()) < 1e-9) {
                best = back;
                now = s;
            }
        }
        return best;
    }

    private static double share(double was, double now, double best) {
        return was - best <= 0 ? 0 : (was - now) / (was - best);
    }

    /** The structs a request names: its --struct names, or every struct held inside its --object. */
    public static Set<String> targets(Trace trace, LayoutSet set, Request req) {
        return targets(trace, set, TraceBinder.bind(trace, set, req.allowMissing(), new ArrayList<>()), req);
    }

    private static Set<String> targets(Trace trace, LayoutSet set, BoundTrace bound, Request req) {
        Set<String> out = new LinkedHashSet<>();
        if (req.object() != null) {
            int o = bound.objectIndex(req.object());
            if (o < 0 || bound.objects().get(o).structType() == null) {
                throw new InputException("--object " + req.object() + ": no struct object of that name in "
                        + trace.source() + " (objects: " + String.join(", ", bound.objects().stream()
                        .filter(b -> b.structType() != null).map(BoundObject::name).toList()) + ")");
            }
            StructLayout root = set.find(bound.objects().get(o).structType()).orElseThrow();
            collect(set, root, out);
            // A struct that a traced object of another type also holds (list_head, hrtimer, ...) is
            // shared kernel-wide: it keeps its order.
            Set<String> elsewhere = new LinkedHashSet<>();
            for (BoundObject other : bound.objects()) {
                if (other.structType() != null && !other.structType().equals(root.name())) {
                    collect(set, set.find(other.structType()).orElseThrow(), elsewhere);
                }
            }
            out.removeAll(elsewhere);
        }
        for (String name : req.structs()) {
            StructLayout s = set.find(name).orElseThrow(() -> new InputException("--struct " + name
                    + ": no struct of that name in the layout file(s) (nearest: "
                    + String.join(", ", set.nearestTypeNames(name)) + ")"));
            if (s.union()) {
                throw new InputException(s.source(), s.line(), "--struct " + name
                        + " is a union: its members all start at offset 0, there is no order to change");
            }
            out.add(name);
        }
        if (out.isEmpty()) {
            throw new InputException("give --struct NAME[,NAME...] or --object OBJECT");
        }
        return out;
    }

    /**
     * Every named struct held by value inside {@code s}, and {@code s} itself; not unions (no order)
     * nor packed structs (hardware and ABI formats, whose order is not the kernel's to change).
     */
    private static void collect(LayoutSet set, StructLayout s, Set<String> out) {
        if (!s.union() && !s.packed() && !s.name().isEmpty()) {
            out.add(s.name());
        }
        for (var m : s.members()) {
            StructLayout t = StructInstances.heldType(set, m);
            if (t != null && m.elementCount() > 0) {
                collect(set, t, out);
            }
        }
    }

    private static OptimizeReport report(Trace trace, BoundTrace before, BoundTrace after, LayoutSet set,
            LayoutSet afterSet, OrderSpace space, AccessChains chains, UnitHeat heat, Arrangement current,
            Arrangement proposal,
            Constraints constraints, List<OptimizeReport.FrontPoint> front, double unconstrained, Integer maxMoves,
            List<String> exitNames, double[] weights) {
        List<String> objects = new ArrayList<>();
        for (int o : chains.objects) {
            objects.add(before.objects().get(o).name());
        }
        List<TraceStats.ExitStats> statsBefore = TraceStats.of(before, LINE);
        List<TraceStats.ExitStats> statsAfter = TraceStats.of(after, LINE);
        List<OptimizeReport.ExitLines> exits = new ArrayList<>();
        double linesBefore = 0;
        double linesAfter = 0;
        double ideal = 0;
        for (int x = 0; x < exitNames.size(); x++) {
            long b = lines(statsBefore.get(x), objects, false);
            long a = lines(statsAfter.get(x), objects, false);
            long i = lines(statsBefore.get(x), objects, true);
            exits.add(new OptimizeReport.ExitLines(exitNames.get(x), Shares.round(weights[x]), b, a, i));
            linesBefore += weights[x] * b;
            linesAfter += weights[x] * a;
            ideal += weights[x] * i;
        }
        List<OptimizeReport.ObjectSize> sizes = new ArrayList<>();
        for (String object : objects) {
            BoundObject was = before.objects().get(before.objectIndex(object));
            BoundObject now = after.objects().get(after.objectIndex(object));
            sizes.add(new OptimizeReport.ObjectSize(object, was.structType(), was.size(), now.size()));
        }
        List<OptimizeReport.StructChange> structs = new ArrayList<>();
        for (OrderSpace.Node n : space.nodes()) {
            if (n.target) {
                structs.add(new OptimizeReport.StructChange(n.name, set.find(n.name).orElseThrow().size(),
                        afterSet.find(n.name).orElseThrow().size(), Churn.moved(space, n.id, current, proposal),
                        Churn.movedNames(space, n.id, current, proposal),
                        ProposedLayout.names(n, proposal), hotNames(n, heat, false), hotNames(n, heat, true)));
            }
        }
        List<OptimizeReport.Respected> respected = constraints.applicable().stream()
                .map(c -> new OptimizeReport.Respected(c.text(), c.origin())).toList();
        return new OptimizeReport(trace.source(), structs, sizes, Shares.round(linesBefore), Shares.round(linesAfter),
                Shares.round(ideal), exits, Churn.moved(space, current, proposal), maxMoves, respected, front,
                Shares.round(unconstrained), FalseSharing.of(before, after));
    }

    /** The members of the touched units of {@code n}; with {@code packedOnly}, of those the order packs. */
    private static List<String> hotNames(OrderSpace.Node n, UnitHeat heat, boolean packedOnly) {
        List<String> out = new ArrayList<>();
        for (int u = 0; u < n.units.size(); u++) {
            if (heat.hot(n.id, u) && (!packedOnly || heat.mostlyHot(n, u))) {
                out.addAll(n.unitNames(u));
            }
        }
        return out;
    }

    private static long lines(TraceStats.ExitStats e, List<String> objects, boolean ideal) {
        return e.objects().stream().filter(o -> objects.contains(o.object()))
                .mapToLong(o -> ideal ? o.idealLines() : o.touchedLines()).sum();
    }
}
