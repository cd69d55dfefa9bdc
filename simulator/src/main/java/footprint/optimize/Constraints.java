package footprint.optimize;

import java.util.ArrayList;
import java.util.List;

/**
 * The constraints that bear on an {@link OrderSpace} (those of its structs), resolved to nodes,
 * units and members: {@code together} blocks are already units of the space; pins are checked on
 * the laid-out arrangement, {@code before} on the unit order.
 */
final class Constraints {
    private record PinAt(int node, int member, long offset, Constraint rule) {}

    private record Order(int node, int first, int second, Constraint rule) {}

    private final List<Constraint> applicable = new ArrayList<>();
    private final List<PinAt> pins = new ArrayList<>();
    private final List<Order> orders = new ArrayList<>();

    Constraints(List<Constraint> all, OrderSpace space) {
        for (Constraint c : all) {
            int node = space.nodeOf(c.struct());
            if (node < 0) {
                continue;
            }
            OrderSpace.Node n = space.nodes().get(node);
            applicable.add(c);
            if (c instanceof Constraint.Pin p) {
                pins.add(new PinAt(node, memberIndex(n, p.member()), p.offset(), c));
            } else if (c instanceof Constraint.Before b) {
                orders.add(new Order(node, n.unitOf(b.first()), n.unitOf(b.second()), c));
            }
        }
    }

    private static int memberIndex(OrderSpace.Node n, String name) {
        for (int m = 0; m < n.base.members().size(); m++) {
            if (n.base.members().get(m).name().equals(name)) {
                return m;
            }
        }
        throw new IllegalStateException("checked by the constraint reader: " + name);
    }

    /** The constraints on structs of the space, in the order given. */
    List<Constraint> applicable() {
        return List.copyOf(applicable);
    }

    boolean allows(Arrangement a, OrderSpace space) {
        return violated(a, pins.isEmpty() ? null : Relayout.of(space, a)).isEmpty();
    }

    boolean allows(Arrangement a, Relayout r) {
        return violated(a, r).isEmpty();
    }

    /** The constraints {@code a} breaks; {@code r} is {@code a} laid out (may be null when nothing is pinned). */
    List<Constraint> violated(Arrangement a, Relayout r) {
        List<Constraint> out = new ArrayList<>();
        for (PinAt p : pins) {
            if (r.offset[p.node][p.member] != p.offset) {
                out.add(p.rule);
            }
        }
        for (Order o : orders) {
            int[] order = a.order(o.node);
            if (Arrangement.position(order, o.first) > Arrangement.position(order, o.second)) {
                out.add(o.rule);
            }
        }
        return out;
    }

    /**
     * {@code order} for node {@code n} with every unit pinned at offset 0 moved to the front and
     * every {@code before} pair put right (the second unit moved just after the first).
     */
    int[] repair(OrderSpace.Node n, int[] order) {
        int[] out = order.clone();
        for (PinAt p : pins) {
            if (p.node == n.id && p.offset == 0) {
                int u = n.unitOf(n.base.members().get(p.member).name());
                Arrangement.shift(out, Arrangement.position(out, u), 0);
            }
        }
        for (Order o : orders) {
            if (o.node != n.id) {
                continue;
            }
            int first = Arrangement.position(out, o.first);
            int second = Arrangement.position(out, o.second);
            if (first > second) {
                Arrangement.shift(out, second, first);
            }
        }
        return out;
    }
}
