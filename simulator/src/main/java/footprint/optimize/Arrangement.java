package footprint.optimize;

import java.util.Arrays;

/** An order of the units of every node of an {@link OrderSpace}: {@code order(n)[k]} is the k-th unit of node n. */
public final class Arrangement {
    private final int[][] orders;

    Arrangement(int[][] orders) {
        this.orders = orders;
    }

    int[] order(int node) {
        return orders[node];
    }

    Arrangement copy() {
        int[][] c = new int[orders.length][];
        for (int n = 0; n < c.length; n++) {
            c[n] = orders[n].clone();
        }
        return new Arrangement(c);
    }

    /** The same arrangement with node {@code node} in {@code order}. */
    Arrangement with(int node, int[] order) {
        Arrangement c = copy();
        c.orders[node] = order.clone();
        return c;
    }

    /** Takes the unit at position {@code from} of node {@code node} out and inserts it at position {@code to}, in place. */
    void move(int node, int from, int to) {
        shift(orders[node], from, to);
    }

    /** The index of {@code unit} in {@code order}; every unit of a node is in its order. */
    static int position(int[] order, int unit) {
        for (int k = 0; k < order.length; k++) {
            if (order[k] == unit) {
                return k;
            }
        }
        throw new IllegalStateException("unit " + unit + " is not in its struct's order");
    }

    /** Takes {@code o[from]} out and inserts it at index {@code to}, in place. */
    static void shift(int[] o, int from, int to) {
        int u = o[from];
        if (from < to) {
            System.arraycopy(o, from + 1, o, from, to - from);
        } else {
            System.arraycopy(o, to, o, to + 1, from - to);
        }
        o[to] = u;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Arrangement a && Arrays.deepEquals(orders, a.orders);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(orders);
    }
}
