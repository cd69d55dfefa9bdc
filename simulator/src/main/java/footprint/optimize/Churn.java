package footprint.optimize;

/**
 * How many members an arrangement moves: per target struct, the members outside a longest common
 * subsequence of the current and the proposed member order, summed over the structs. A member
 * that keeps its place relative to most others does not count, however far its offset shifts.
 */
final class Churn {
    private Churn() {}

    static int moved(OrderSpace space, Arrangement from, Arrangement to) {
        int total = 0;
        for (OrderSpace.Node n : space.nodes()) {
            if (n.target) {
                total += moved(members(n, from.order(n.id)), members(n, to.order(n.id)));
            }
        }
        return total;
    }

    /** Moved members of one struct. */
    static int moved(OrderSpace space, int node, Arrangement from, Arrangement to) {
        OrderSpace.Node n = space.nodes().get(node);
        return moved(members(n, from.order(node)), members(n, to.order(node)));
    }

    private static int[] members(OrderSpace.Node n, int[] order) {
        int count = 0;
        for (int u : order) {
            for (int m : n.units.get(u)) {
                count += n.base.members().get(m).name().isEmpty() ? 0 : 1;
            }
        }
        int[] out = new int[count];
        int k = 0;
        for (int u : order) {
            for (int m : n.units.get(u)) {
                if (!n.base.members().get(m).name().isEmpty()) {
                    out[k++] = m;
                }
            }
        }
        return out;
    }

    private static int moved(int[] a, int[] b) {
        int[] prev = new int[b.length + 1];
        int[] row = new int[b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                row[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
            }
            int[] t = prev;
            prev = row;
            row = t;
        }
        return a.length - prev[b.length];
    }
}
