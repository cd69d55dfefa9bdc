package footprint.optimize;

import java.util.Arrays;

/**
 * Improves an arrangement by moves of single units: each hot unit of each target struct is tried
 * at every position of its struct, the best position kept when it touches fewer weighted lines
 * (or as many, more crowded) and breaks no constraint; passes repeat until one changes nothing.
 * Deterministic: units and positions are tried in a fixed order.
 */
final class LocalSearch {
    private static final int MAX_PASSES = 8;

    private final OrderSpace space;
    private final LineScore score;
    private final Constraints constraints;
    private final UnitHeat heat;

    LocalSearch(OrderSpace space, LineScore score, Constraints constraints, UnitHeat heat) {
        this.space = space;
        this.score = score;
        this.constraints = constraints;
        this.heat = heat;
    }

    Arrangement improve(Arrangement start) {
        Arrangement a = start.copy();
        LineScore.Score now = score.score(a);
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            boolean changed = false;
            for (OrderSpace.Node n : space.nodes()) {
                if (!n.target) {
                    continue;
                }
                Best block = bestBlockPosition(a, n, now);
                if (block != null) {
                    a = block.arrangement;
                    now = block.score;
                    changed = true;
                }
                for (int u = 0; u < n.units.size(); u++) {
                    if (!heat.hot(n.id, u)) {
                        continue;
                    }
                    Best best = bestPosition(a, n.id, u, now);
                    if (best != null) {
                        a = best.arrangement;
                        now = best.score;
                        changed = true;
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        return a;
    }

    /** A better arrangement with unit {@code u} of {@code node} elsewhere, or null. */
    Best bestPosition(Arrangement a, int node, int u, LineScore.Score now) {
        int[] order = a.order(node);
        int from = Arrangement.position(order, u);
        Best best = null;
        Relayout laid = Relayout.of(space, a);
        for (int to = 0; to < order.length; to++) {
            if (to == from) {
                continue;
            }
            Arrangement c = a.copy();
            c.move(node, from, to);
            best = better(c, best, now, a, laid);
        }
        return best;
    }

    /**
     * A better arrangement with all hot units of {@code n}, in their present order, moved as one
     * block to another place among the cold ones, or mirrored with the struct's order; or null.
     */
    private Best bestBlockPosition(Arrangement a, OrderSpace.Node n, LineScore.Score now) {
        int[] order = a.order(n.id);
        int[] hot = Arrays.stream(order).filter(u -> heat.hot(n.id, u)).toArray();
        int[] cold = Arrays.stream(order).filter(u -> !heat.hot(n.id, u)).toArray();
        Best best = null;
        Relayout laid = Relayout.of(space, a);
        for (int at = 0; at <= cold.length + 1; at++) {
            int[] next;
            if (at <= cold.length) {
                next = hotBlockAt(hot, cold, at);
            } else {
                next = new int[order.length];
                for (int k = 0; k < order.length; k++) {
                    next[k] = order[order.length - 1 - k];
                }
            }
            if (Arrays.equals(next, order)) {
                continue;
            }
            best = better(a.with(n.id, next), best, now, a, laid);
        }
        return best;
    }

    /** The cold units in their order with the hot ones, in theirs, inserted as one block before {@code cold[at]}. */
    static int[] hotBlockAt(int[] hot, int[] cold, int at) {
        int[] out = new int[hot.length + cold.length];
        System.arraycopy(cold, 0, out, 0, at);
        System.arraycopy(hot, 0, out, at, hot.length);
        System.arraycopy(cold, at, out, at + hot.length, cold.length - at);
        return out;
    }

    /**
     * {@code c} with its score when it keeps the constraints and beats {@code best} (or {@code now});
     * else {@code best}. {@code c} differs from {@code near}, laid out as {@code nearLayout}, in
     * few structs: the others are taken from there.
     */
    Best better(Arrangement c, Best best, LineScore.Score now, Arrangement near, Relayout nearLayout) {
        Relayout r = Relayout.of(space, c, near, nearLayout);
        if (!constraints.allows(c, r)) {
            return best;
        }
        LineScore.Score s = score.score(r);
        return s.compareTo(best == null ? now : best.score) < 0 ? new Best(c, s) : best;
    }

    record Best(Arrangement arrangement, LineScore.Score score) {}
}
