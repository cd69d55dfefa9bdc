package footprint.optimize;

import java.util.BitSet;

/**
 * Per node and unit of an {@link OrderSpace}: the exits (of positive stream weight) whose accesses
 * land in the unit, their summed weight, and the span of the unit's bytes they touch, relative to
 * the unit's start in the loaded layout (where in a large member its hot bytes lie).
 */
final class UnitHeat {
    final BitSet[][] exits;
    final double[][] weight;
    final long[][] hotFrom;
    final long[][] hotTo;

    private UnitHeat(BitSet[][] exits, double[][] weight, long[][] hotFrom, long[][] hotTo) {
        this.exits = exits;
        this.weight = weight;
        this.hotFrom = hotFrom;
        this.hotTo = hotTo;
    }

    boolean hot(int node, int unit) {
        return !exits[node][unit].isEmpty();
    }

    /** Bytes of the unit in the loaded layout. */
    static long size(OrderSpace.Node n, int unit) {
        int[] members = n.units.get(unit);
        var first = n.base.members().get(members[0]);
        var last = n.base.members().get(members[members.length - 1]);
        return Math.max(last.offset() + last.size() - first.offset(), 0);
    }

    static UnitHeat of(OrderSpace space, AccessChains chains, double[] weights) {
        int nn = space.nodes().size();
        BitSet[][] exits = new BitSet[nn][];
        double[][] weight = new double[nn][];
        long[][] from = new long[nn][];
        long[][] to = new long[nn][];
        int[][] unitOf = new int[nn][];
        for (OrderSpace.Node n : space.nodes()) {
            int nu = n.units.size();
            exits[n.id] = new BitSet[nu];
            weight[n.id] = new double[nu];
            from[n.id] = new long[nu];
            to[n.id] = new long[nu];
            for (int u = 0; u < nu; u++) {
                exits[n.id][u] = new BitSet();
                from[n.id][u] = Long.MAX_VALUE;
                to[n.id][u] = Long.MIN_VALUE;
            }
            unitOf[n.id] = new int[n.base.members().size()];
            for (int u = 0; u < nu; u++) {
                for (int m : n.units.get(u)) {
                    unitOf[n.id][m] = u;
                }
            }
        }
        for (int x = 0; x < chains.object.length; x++) {
            if (weights[x] <= 0) {
                continue;
            }
            for (int k = 0; k < chains.object[x].length; k++) {
                long rel = chains.residual[x][k];
                for (int s = chains.stepStart[x][k + 1] - 1; s >= chains.stepStart[x][k]; s--) {
                    OrderSpace.Node n = space.nodes().get(chains.stepNode[s]);
                    int m = chains.stepMember[s];
                    int element = chains.stepElement[s];
                    long inMember = rel + (element > 0 ? element * space.nodes().get(n.child[m]).base.size() : 0);
                    int u = unitOf[n.id][m];
                    long unitStart = n.base.members().get(n.units.get(u)[0]).offset();
                    long start = n.base.members().get(m).offset() + inMember - unitStart;
                    if (!exits[n.id][u].get(x)) {
                        exits[n.id][u].set(x);
                        weight[n.id][u] += weights[x];
                    }
                    from[n.id][u] = Math.min(from[n.id][u], start);
                    to[n.id][u] = Math.max(to[n.id][u], start + chains.size[x][k]);
                    rel = n.base.members().get(m).offset() + inMember;
                }
            }
        }
        return new UnitHeat(exits, weight, from, to);
    }
}
