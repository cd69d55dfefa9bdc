package footprint.optimize;

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
        int from = 0;
        while (order[from] != u) {
            from++;
        }
        Best best = null;
        for (int to = 0; to < order.length; to++) {
            if (to == from) {
                continue;
            }
            Arrangement c = a.copy();
            c.move(node, from, to);
            Relayout r = Relayout.of(space, c);
            if (!constraints.allows(c, r)) {
                continue;
            }
            LineScore.Score s = score.score(r);
            if (s.compareTo(best == null ? now : best.score) < 0) {
                best = new Best(c, s);
            }
        }
        return best;
    }

    record Best(Arrangement arrangement, LineScore.Score score) {}
}
