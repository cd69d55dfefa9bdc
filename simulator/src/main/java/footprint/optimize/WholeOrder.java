package footprint.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A constructive arrangement of every target struct: each target's hot units in groups of the
 * same exits ({@link HotOrder}: the most frequent exits' units contiguous), the groups the most
 * frequent exit touches (the core) where the nested structs' hot parts meet them and the others
 * beyond the nested structs, so that the core runs unbroken from level to level; and around them, on
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

    /**
     * Starting points for the local search: the sides propagated from each side of the outermost
     * structs (a struct whose hot part is at its start holds its nested structs after its group,
     * with their hot part at their start; at its end, before the group, hot part at their end; in
     * the middle, the heaviest before the group and the next after it), and the best of one round
     * over the structs, from the outermost in, trying each side of one struct at a time. Only
     * arrangements that keep the constraints are returned.
     */
    List<Arrangement> candidates(Arrangement start, LineScore score, Constraints constraints) {
        List<Arrangement> out = new ArrayList<>();
        Arrangement best = null;
        LineScore.Score bestScore = null;
        Side[] bestSides = null;
        for (Side outer : Side.values()) {
            Side[] sides = propagate(outer);
            Arrangement a = build(start, sides, constraints);
            if (constraints.allows(a, space)) {
                out.add(a);
                LineScore.Score s = score.score(a);
                if (bestScore == null || s.compareTo(bestScore) < 0) {
                    best = a;
                    bestScore = s;
                    bestSides = sides;
                }
            }
        }
        Side[] sides = bestSides != null ? bestSides : propagate(Side.MIDDLE);
        for (int id = space.nodes().size() - 1; id >= 0; id--) {
            if (!space.nodes().get(id).target) {
                continue;
            }
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
        if (best != null && !out.contains(best)) {
            out.add(best);
        }
        return out;
    }

    /** Sides from the outermost structs in (parents come after their children in the node list). */
    private Side[] propagate(Side outer) {
        Side[] sides = new Side[space.nodes().size()];
        Arrays.fill(sides, outer);
        for (int k = space.nodes().size() - 1; k >= 0; k--) {
            OrderSpace.Node n = space.nodes().get(k);
            int id = n.id;
            List<Integer> held = new ArrayList<>();
            for (int u = 0; u < n.units.size(); u++) {
                int[] members = n.units.get(u);
                if (heat.hot(id, u) && members.length == 1 && n.child[members[0]] >= 0 && !heat.mostlyHot(n, u)) {
                    held.add(u);
                }
            }
            held.sort(heavier(n));
            for (int h = 0; h < held.size(); h++) {
                int u = held.get(h);
                int child = n.child[n.units.get(u)[0]];
                Side mine = n.target ? sides[id] : Side.MIDDLE;
                sides[child] = switch (mine) {
                    case START -> Side.START;
                    case END -> Side.END;
                    case MIDDLE -> h == 0 ? Side.END : h == 1 ? Side.START
                            : heat.hotAtEnd(n, u) ? Side.END : Side.START;
                };
            }
        }
        return sides;
    }

    /** The exit of the largest stream weight (the first in trace order among equals). */
    private String topExit() {
        int top = 0;
        for (int x = 1; x < weights.length; x++) {
            if (weights[x] > weights[top]) {
                top = x;
            }
        }
        return exitNames.get(top);
    }

    /** Heavier units first: by summed exit weight, then by touched bytes. */
    private Comparator<Integer> heavier(OrderSpace.Node n) {
        return Comparator.comparingDouble((Integer u) -> -heat.weight[n.id][u])
                .thenComparingInt(u -> -heat.hotBytes[n.id][u].cardinality());
    }

    private Arrangement build(Arrangement start, Side[] sides, Constraints constraints) {
        Arrangement a = start.copy();
        for (OrderSpace.Node n : space.nodes()) {
            if (n.target) {
                a = a.with(n.id, constraints.repair(n, order(n, sides, start.order(n.id))));
            }
        }
        return a;
    }

    private int[] order(OrderSpace.Node n, Side[] sides, int[] current) {
        List<Integer> cold = new ArrayList<>();
        List<Integer> early = new ArrayList<>(); // hot bytes near the unit's end: just before the group
        List<Integer> late = new ArrayList<>(); // hot bytes near the unit's start: just after the group
        List<HotMember> group = new ArrayList<>();
        for (int u : current) {
            if (!heat.hot(n.id, u)) {
                cold.add(u);
                continue;
            }
            long size = UnitHeat.size(n, u);
            int[] members = n.units.get(u);
            int child = members.length == 1 ? n.child[members[0]] : -1;
            Side childSide = child >= 0 && space.nodes().get(child).target ? sides[child] : Side.MIDDLE;
            long from = heat.hotFrom[n.id][u];
            long to = heat.hotTo[n.id][u];
            if (heat.mostlyHot(n, u)) {
                BitSet ex = heat.exits[n.id][u];
                group.add(new HotMember(Integer.toString(u), u, n.base.members().get(members[0]).alignment(), size,
                        ex.stream().boxed().toList(), heat.weight[n.id][u]));
            } else if (childSide == Side.END || childSide == Side.MIDDLE && heat.hotAtEnd(n, u)) {
                early.add(u);
            } else {
                late.add(u);
            }
        }
        // the heaviest partly hot unit meets the group
        early.sort(heavier(n).reversed());
        late.sort(heavier(n));
        List<Integer> core = new ArrayList<>();
        List<Integer> rare = new ArrayList<>();
        String top = topExit();
        for (HotOrder.Group g : HotOrder.derive(group, exitNames, weights).groups()) {
            List<Integer> into = g.exits().get(0).equals(top) ? core : rare;
            g.members().forEach(m -> into.add(Integer.parseInt(m)));
        }
        List<Integer> out = new ArrayList<>();
        switch (sides[n.id]) {
            case START -> {
                out.addAll(core);
                out.addAll(late);
                out.addAll(rare);
                out.addAll(early);
                out.addAll(cold);
            }
            case MIDDLE -> {
                out.addAll(early);
                out.addAll(core);
                out.addAll(late);
                out.addAll(rare);
                out.addAll(cold);
            }
            case END -> {
                out.addAll(cold);
                out.addAll(late);
                out.addAll(rare);
                out.addAll(early);
                Collections.reverse(core);
                out.addAll(core);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
