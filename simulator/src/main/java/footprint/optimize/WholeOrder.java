package footprint.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * A constructive arrangement of every target struct: each target's hot units in groups of the
 * same exits ({@link HotOrder}: the most frequent exits' units contiguous), and around them, on
 * the side where their hot bytes meet the group, the units only partly hot: a large member with
 * its hot bytes near its end just before the group, one with them near its start just after, and
 * a nested target struct before the group with its own hot part at its end, or after the group
 * with its hot part at its start. Which end of each struct the hot part goes to (its
 * {@link Side}) is chosen per struct, by the lines the whole arrangement touches, in rounds over
 * the structs from the outermost in.
 */
final class WholeOrder {
    private static final int LINE = 64;

    /** Where a struct's hot part sits: at its start, at its end, or after the nested structs it holds. */
    enum Side { START, MIDDLE, END }

    private final OrderSpace space;
    private final UnitHeat heat;
    private final List<String> exitNames;
    private final double[] weights;

    WholeOrder(OrderSpace space, UnitHeat heat, List<String> exitNames, double[] weights) {
        this.space = space;
        this.heat = heat;
        this.exitNames = exitNames;
        this.weights = weights;
    }

    /** The best arrangement over the sides, scored by {@code score}, starting from {@code start}. */
    Arrangement derive(Arrangement start, LineScore score, Constraints constraints) {
        List<OrderSpace.Node> targets = space.nodes().stream().filter(OrderSpace.Node::target).toList();
        Side[] sides = new Side[space.nodes().size()];
        Arrays.fill(sides, Side.MIDDLE);
        Arrangement best = build(start, sides, constraints);
        LineScore.Score bestScore = constraints.allows(best, space) ? score.score(best) : null;
        for (int round = 0; round < 2; round++) {
            for (int t = targets.size() - 1; t >= 0; t--) {
                int id = targets.get(t).id;
                for (Side side : Side.values()) {
                    Side was = sides[id];
                    sides[id] = side;
                    Arrangement a = build(start, sides, constraints);
                    if (constraints.allows(a, space)) {
                        LineScore.Score s = score.score(a);
                        if (bestScore == null || s.compareTo(bestScore) < 0) {
                            best = a;
                            bestScore = s;
                            continue;
                        }
                    }
                    sides[id] = was;
                }
            }
        }
        return best;
    }

    private Arrangement build(Arrangement start, Side[] sides, Constraints constraints) {
        Arrangement a = start.copy();
        for (OrderSpace.Node n : space.nodes()) {
            if (n.target) {
                a = a.with(n.id, constraints.repair(n, order(n, sides[n.id], start.order(n.id))));
            }
        }
        return a;
    }

    private int[] order(OrderSpace.Node n, Side side, int[] current) {
        List<Integer> cold = new ArrayList<>();
        List<Integer> early = new ArrayList<>(); // hot bytes near the unit's end: just before the group
        List<Integer> late = new ArrayList<>(); // hot bytes near the unit's start: just after the group
        List<Integer> nested = new ArrayList<>();
        List<HotMember> group = new ArrayList<>();
        for (int u : current) {
            if (!heat.hot(n.id, u)) {
                cold.add(u);
                continue;
            }
            long size = UnitHeat.size(n, u);
            int[] members = n.units.get(u);
            boolean holdsNode = members.length == 1 && n.child[members[0]] >= 0 && size > LINE;
            long from = heat.hotFrom[n.id][u];
            long to = heat.hotTo[n.id][u];
            if (holdsNode) {
                nested.add(u);
            } else if (size > 2 * LINE && to - from < size / 2) {
                (from + to < size ? late : early).add(u);
            } else {
                BitSet ex = heat.exits[n.id][u];
                group.add(new HotMember(Integer.toString(u), u, n.base.members().get(members[0]).alignment(), size,
                        ex.stream().boxed().toList(), heat.weight[n.id][u]));
            }
        }
        List<Integer> hot = new ArrayList<>();
        for (HotOrder.Group g : HotOrder.derive(group, exitNames, weights).groups()) {
            g.members().forEach(m -> hot.add(Integer.parseInt(m)));
        }
        List<Integer> out = new ArrayList<>();
        switch (side) {
            case START -> {
                out.addAll(hot);
                out.addAll(nested);
                out.addAll(late);
                out.addAll(early);
                out.addAll(cold);
            }
            case MIDDLE -> {
                out.addAll(early);
                out.addAll(nested);
                out.addAll(hot);
                out.addAll(late);
                out.addAll(cold);
            }
            case END -> {
                out.addAll(cold);
                out.addAll(late);
                out.addAll(early);
                out.addAll(nested);
                Collections.reverse(hot);
                out.addAll(hot);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
