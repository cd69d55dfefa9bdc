package footprint.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Improves an arrangement by simulated annealing. Each step changes one target struct: a touched
 * unit moved next to another touched unit or anywhere, any unit moved anywhere (a cold one can
 * fill a hole), every unit touched by the same exits as one unit gathered beside it, the hot block
 * moved to the struct's start or end or its touched units reversed in their places, or a nested
 * struct turned that way and moved within its holder. A step that does not raise the energy
 * (weighted lines per exit, less a small bonus for touched bytes crowding onto fewer lines) is
 * taken; one that raises it is taken with a probability that falls with the temperature, so the
 * search can cross orders that no single move improves (a nested struct has to turn round before
 * its holder's group can meet it).
 * The best arrangement seen is returned. Deterministic: the steps come from a seeded generator.
 */
final class Annealing {
    /** Temperature, in weighted lines per exit, at the first and at the last step. */
    private static final double HOT = 0.1;
    private static final double COLD = 0.01;
    /** Crowding (squared touched bytes per line) worth one line per exit: a full line earns 0.4. */
    private static final double CROWDING_PER_LINE = 10_000;

    private final OrderSpace space;
    private final LineScore score;
    private final Constraints constraints;
    private final UnitHeat heat;
    /** Per node: its touched units. */
    private final int[][] hotUnits;
    /** Per node: the node and unit that hold it by value, or null. */
    private final int[][] heldAt;
    /** Target nodes with a touched unit, each once per touched unit and at least twice (a step picks one). */
    private final int[] picks;

    Annealing(OrderSpace space, LineScore score, Constraints constraints, UnitHeat heat) {
        this.space = space;
        this.score = score;
        this.constraints = constraints;
        this.heat = heat;
        int nodes = space.nodes().size();
        hotUnits = new int[nodes][];
        heldAt = new int[nodes][];
        List<Integer> pick = new ArrayList<>();
        for (OrderSpace.Node n : space.nodes()) {
            hotUnits[n.id] = IntStream.range(0, n.units.size()).filter(u -> heat.hot(n.id, u)).toArray();
            if (n.target && hotUnits[n.id].length > 0 && n.units.size() > 1) {
                for (int k = 0; k < Math.max(hotUnits[n.id].length, 2); k++) {
                    pick.add(n.id);
                }
            }
        }
        for (OrderSpace.Node n : space.nodes()) {
            for (int u : hotUnits[n.id]) {
                int[] members = n.units.get(u);
                int child = members.length == 1 ? n.child[members[0]] : -1;
                if (n.target && child >= 0 && heldAt[child] == null) {
                    heldAt[child] = new int[] {n.id, u};
                }
            }
        }
        picks = pick.stream().mapToInt(Integer::intValue).toArray();
    }

    Arrangement improve(Arrangement start, long seed, int steps) {
        if (picks.length == 0 || steps <= 0) {
            return start;
        }
        SplittableRandom random = new SplittableRandom(seed);
        Arrangement a = start;
        Relayout laid = Relayout.of(space, a);
        LineScore.Score now = score.score(laid);
        Arrangement best = a;
        LineScore.Score bestScore = now;
        for (int i = 0; i < steps; i++) {
            // StrictMath: Math may differ by an ulp between CPUs, and one flipped step changes the proposal
            double t = HOT * StrictMath.pow(COLD / HOT, (double) i / steps);
            Arrangement c = step(a, picks[random.nextInt(picks.length)], random);
            if (c == null) {
                continue;
            }
            Relayout r = Relayout.of(space, c, a, laid);
            if (!constraints.allows(c, r)) {
                continue;
            }
            LineScore.Score s = score.score(r);
            double worse = energy(s) - energy(now);
            if (worse <= 1e-9 || random.nextDouble() < StrictMath.exp(-worse / t)) {
                a = c;
                laid = r;
                now = s;
                if (s.compareTo(bestScore) < 0) {
                    best = c;
                    bestScore = s;
                }
            }
        }
        return best;
    }

    /**
     * One random change of {@code node}'s order, or null: one step in ten turns a nested struct and
     * moves it in its holder; otherwise a touched unit goes beside another (4 in 10) or anywhere
     * (2), the hot block moves to an end or its units reverse (1), the units of one unit's exits
     * gather (3; in a struct with at most two touched units, any unit goes anywhere instead).
     */
    private Arrangement step(Arrangement a, int node, SplittableRandom random) {
        int[] order = a.order(node);
        int[] hot = hotUnits[node];
        if (heldAt[node] != null && random.nextInt(10) == 0) {
            Arrangement c = a.with(node, block(node, order, random.nextInt(3)));
            int holder = heldAt[node][0];
            int[] outer = c.order(holder);
            c.move(holder, Arrangement.position(outer, heldAt[node][1]), random.nextInt(outer.length));
            return c.equals(a) ? null : c;
        }
        int pick = random.nextInt(10);
        int[] next;
        if (pick >= 7 && hot.length > 2) {
            next = gather(node, order, hot[random.nextInt(hot.length)], random.nextBoolean());
        } else if (pick == 6) {
            next = block(node, order, random.nextInt(3));
        } else {
            int unit = pick < 6 ? hot[random.nextInt(hot.length)] : order[random.nextInt(order.length)];
            int from = Arrangement.position(order, unit);
            int to = random.nextInt(order.length);
            if (pick < 4 && hot.length > 1) {
                int beside = Arrangement.position(order, hot[random.nextInt(hot.length)])
                        + (random.nextBoolean() ? 0 : 1);
                to = from < beside ? beside - 1 : beside;
            }
            next = order.clone();
            Arrangement.shift(next, from, to);
        }
        return Arrays.equals(next, order) ? null : a.with(node, next);
    }

    /**
     * The hot units as one block at the start (0) or the end (1) of the order, or in reverse order
     * in their places (2); the cold units keep their order, so a turned struct moves few members.
     */
    private int[] block(int node, int[] order, int where) {
        int[] hot = Arrays.stream(order).filter(u -> heat.hot(node, u)).toArray();
        if (where == 2) {
            int[] out = new int[order.length];
            int h = hot.length;
            for (int k = 0; k < order.length; k++) {
                out[k] = heat.hot(node, order[k]) ? hot[--h] : order[k];
            }
            return out;
        }
        int[] cold = Arrays.stream(order).filter(u -> !heat.hot(node, u)).toArray();
        return LocalSearch.hotBlockAt(hot, cold, where == 0 ? 0 : cold.length);
    }

    /** {@code order} with every unit touched by exactly the exits of {@code unit} moved beside it, in order. */
    private int[] gather(int node, int[] order, int unit, boolean after) {
        BitSet exits = heat.exits[node][unit];
        int[] same = Arrays.stream(order).filter(u -> u != unit && heat.exits[node][u].equals(exits)).toArray();
        int[] out = new int[order.length];
        int k = 0;
        for (int u : order) {
            if (u != unit) {
                if (!heat.exits[node][u].equals(exits)) {
                    out[k++] = u;
                }
                continue;
            }
            if (after) {
                out[k++] = u;
            }
            for (int v : same) {
                out[k++] = v;
            }
            if (!after) {
                out[k++] = u;
            }
        }
        return out;
    }

    private static double energy(LineScore.Score s) {
        return s.lines() - s.crowding() / CROWDING_PER_LINE;
    }
}
