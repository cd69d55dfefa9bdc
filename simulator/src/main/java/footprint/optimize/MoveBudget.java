package footprint.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Arrangements that move few members, built greedily from the current order: each step makes the
 * one unit move that saves the most weighted lines (ties: the more crowded lines), then re-places
 * units already moved while that moves no more members; the steps trace the front of lines saved
 * against members moved ({@link Churn}).
 */
final class MoveBudget {
    /** After a step: the arrangement, the members it moves and its score. */
    record Step(Arrangement arrangement, int moved, LineScore.Score score) {}

    private final OrderSpace space;
    private final LineScore score;
    private final Constraints constraints;
    private final UnitHeat heat;
    private final LocalSearch search;

    MoveBudget(OrderSpace space, LineScore score, Constraints constraints, UnitHeat heat) {
        this.space = space;
        this.score = score;
        this.constraints = constraints;
        this.heat = heat;
        this.search = new LocalSearch(space, score, constraints, heat);
    }

    /** Steps from {@code current} while a step saves lines and at most {@code maxMoves} members move. */
    List<Step> steps(Arrangement current, int maxMoves, IntConsumer progress) {
        List<Step> out = new ArrayList<>();
        Arrangement a = current;
        LineScore.Score now = score.score(a);
        int moved = 0;
        while (true) {
            Arrangement next = bestMove(current, a, now, maxMoves);
            if (next == null) {
                break;
            }
            a = settle(current, next);
            now = score.score(a);
            moved = Churn.moved(space, current, a);
            out.add(new Step(a, moved, now));
            progress.accept(moved);
        }
        return out;
    }

    /**
     * Steps back from {@code best} to {@code current}: each step puts back the one moved unit
     * (outside a longest common subsequence of the two unit orders) whose return costs the fewest
     * lines, next to the unit that precedes it in the current order; one step per returned unit.
     */
    List<Step> back(Arrangement current, Arrangement best) {
        List<Step> out = new ArrayList<>();
        Arrangement a = best;
        out.add(new Step(a, Churn.moved(space, current, a), score.score(a)));
        while (true) {
            LocalSearch.Best bestBack = null;
            for (LocalSearch.Best c : putBacks(current, a)) {
                if (bestBack == null || c.score().compareTo(bestBack.score()) < 0) {
                    bestBack = c;
                }
            }
            if (bestBack == null) {
                break;
            }
            a = bestBack.arrangement();
            out.add(new Step(a, Churn.moved(space, current, a), bestBack.score()));
        }
        return out;
    }

    /**
     * {@code best} with every moved unit put back (as {@link #back} puts units back) whose return
     * touches no more weighted lines: the annealing's walk leaves members moved that buy nothing,
     * and a reviewer should not have to read them.
     */
    Arrangement tidy(Arrangement current, Arrangement best) {
        Arrangement a = best;
        double lines = score.score(a).lines();
        int moved = Churn.moved(space, current, a);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (LocalSearch.Best c : putBacks(current, a)) {
                int fewer = Churn.moved(space, current, c.arrangement());
                if (c.score().lines() <= lines + 1e-9 && fewer < moved) {
                    a = c.arrangement();
                    moved = fewer;
                    changed = true;
                    break;
                }
            }
        }
        return a;
    }

    /**
     * Every arrangement that keeps the constraints and puts one unit of {@code a} that lies outside
     * a longest common subsequence with {@code current} back next to the unit that precedes it in
     * the current order, with its score.
     */
    private List<LocalSearch.Best> putBacks(Arrangement current, Arrangement a) {
        List<LocalSearch.Best> out = new ArrayList<>();
        Relayout laid = Relayout.of(space, a);
        for (OrderSpace.Node n : space.nodes()) {
            if (!n.target) {
                continue;
            }
            int[] from = current.order(n.id);
            int[] now = a.order(n.id);
            boolean[] kept = Churn.common(from, now);
            for (int k = 0; k < now.length; k++) {
                if (kept[k]) {
                    continue;
                }
                Arrangement c = a.with(n.id, putBack(from, now, kept, k));
                Relayout r = Relayout.of(space, c, a, laid);
                if (constraints.allows(c, r)) {
                    out.add(new LocalSearch.Best(c, score.score(r)));
                }
            }
        }
        return out;
    }

    /** {@code now} with its k-th unit moved to just after the unit before it in {@code from} that kept its place. */
    private static int[] putBack(int[] from, int[] now, boolean[] kept, int k) {
        int unit = now[k];
        int at = Arrangement.position(from, unit);
        int anchor = -1;
        for (int p = at - 1; p >= 0 && anchor < 0; p--) {
            for (int q = 0; q < now.length; q++) {
                if (now[q] == from[p] && kept[q]) {
                    anchor = q;
                }
            }
        }
        int[] out = now.clone();
        Arrangement.shift(out, k, anchor < k ? anchor + 1 : anchor);
        return out;
    }

    /** The best single unit move from {@code a} that keeps the moved members within {@code maxMoves}. */
    private Arrangement bestMove(Arrangement current, Arrangement a, LineScore.Score now, int maxMoves) {
        List<LocalSearch.Best> candidates = new ArrayList<>();
        for (OrderSpace.Node n : space.nodes()) {
            if (!n.target) {
                continue;
            }
            for (int u = 0; u < n.units.size(); u++) {
                candidates.addAll(improvingPositions(a, n.id, u, now));
            }
        }
        candidates.sort((x, y) -> x.score().compareTo(y.score()));
        for (LocalSearch.Best c : candidates) {
            if (Churn.moved(space, current, c.arrangement()) <= maxMoves) {
                return c.arrangement();
            }
        }
        return null;
    }

    private List<LocalSearch.Best> improvingPositions(Arrangement a, int node, int u, LineScore.Score now) {
        List<LocalSearch.Best> out = new ArrayList<>();
        int[] order = a.order(node);
        int from = Arrangement.position(order, u);
        Relayout laid = Relayout.of(space, a);
        for (int to = 0; to < order.length; to++) {
            if (to == from) {
                continue;
            }
            Arrangement c = a.copy();
            c.move(node, from, to);
            LocalSearch.Best b = search.better(c, null, now, a, laid);
            if (b != null) {
                out.add(b);
            }
        }
        return out;
    }

    /** Re-places units while that saves lines without moving more members than {@code a} does. */
    private Arrangement settle(Arrangement current, Arrangement a) {
        int budget = Churn.moved(space, current, a);
        LineScore.Score now = score.score(a);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (OrderSpace.Node n : space.nodes()) {
                if (!n.target) {
                    continue;
                }
                for (int u = 0; u < n.units.size(); u++) {
                    if (!heat.hot(n.id, u)) {
                        continue;
                    }
                    for (LocalSearch.Best b : improvingPositions(a, n.id, u, now)) {
                        if (b.score().compareTo(now) < 0 && Churn.moved(space, current, b.arrangement()) <= budget) {
                            a = b.arrangement();
                            now = b.score();
                            changed = true;
                            break;
                        }
                    }
                }
            }
        }
        return a;
    }
}
