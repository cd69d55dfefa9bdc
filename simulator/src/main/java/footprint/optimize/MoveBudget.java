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

    MoveBudget(OrderSpace space, LineScore score, Constraints constraints, UnitHeat heat) {
        this.space = space;
        this.score = score;
        this.constraints = constraints;
        this.heat = heat;
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

    /** The best single unit move from {@code a} that keeps the moved members within {@code maxMoves}. */
    private Arrangement bestMove(Arrangement current, Arrangement a, LineScore.Score now, int maxMoves) {
        List<LocalSearch.Best> candidates = new ArrayList<>();
        for (OrderSpace.Node n : space.nodes()) {
            if (!n.target) {
                continue;
            }
            for (int u = 0; u < n.units.size(); u++) {
                if (heat.hot(n.id, u)) {
                    candidates.addAll(improvingPositions(a, n.id, u, now));
                }
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
        int from = 0;
        while (order[from] != u) {
            from++;
        }
        for (int to = 0; to < order.length; to++) {
            if (to == from) {
                continue;
            }
            Arrangement c = a.copy();
            c.move(node, from, to);
            Relayout r = Relayout.of(space, c);
            if (constraints.allows(c, r)) {
                LineScore.Score s = score.score(r);
                if (s.compareTo(now) < 0) {
                    out.add(new LocalSearch.Best(c, s));
                }
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
