package footprint.optimize;

import footprint.layout.LayoutEngine;
import footprint.layout.Member;
import footprint.layout.StructLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every node of an {@link OrderSpace} laid out by the {@link LayoutEngine} under one arrangement,
 * inner structs first: a member holding a node's struct takes that struct's new size, and a node
 * whose units keep their order and whose inner structs keep their size keeps its loaded layout
 * (as composing layout files does).
 */
final class Relayout {
    final StructLayout[] layout;
    final long[][] offset;

    private Relayout(StructLayout[] layout, long[][] offset) {
        this.layout = layout;
        this.offset = offset;
    }

    static Relayout of(OrderSpace space, Arrangement a) {
        return of(space, a, null, null);
    }

    /**
     * {@code a} laid out, taking from {@code near} (the layout of {@code nearOrder}) every struct
     * whose order is the same there and whose inner structs keep their sizes: a search step changes
     * one or two structs, and only they and the structs around them whose offsets move are laid out.
     */
    static Relayout of(OrderSpace space, Arrangement a, Arrangement nearOrder, Relayout near) {
        List<OrderSpace.Node> nodes = space.nodes();
        StructLayout[] layout = new StructLayout[nodes.size()];
        long[][] offset = new long[nodes.size()][];
        for (OrderSpace.Node n : nodes) {
            if (near != null && sameAs(n, a, nearOrder, layout, near)) {
                layout[n.id] = near.layout[n.id];
                offset[n.id] = near.offset[n.id];
                continue;
            }
            List<Member> members = new ArrayList<>(n.base.members());
            boolean changed = false;
            for (int m = 0; m < members.size(); m++) {
                int c = n.child[m];
                if (c < 0 || layout[c].size() == nodes.get(c).base.size()) {
                    continue;
                }
                Member old = members.get(m);
                long size = layout[c].size() * old.elementCount();
                changed = true;
                members.set(m, new Member(old.name(), old.type(), old.offset(), size, old.bitOffset(), old.bitSize(),
                        old.nested() != null ? layout[c] : null, old.bitfield(), old.dims(), old.alignedAttribute(),
                        old.alignment(), old.alignmentSource(), old.anonymous(), old.line()));
            }
            int[] index = new int[members.size()];
            List<Member> ordered = new ArrayList<>(members.size());
            boolean moved = false;
            for (int u : a.order(n.id)) {
                for (int m : n.units.get(u)) {
                    moved |= m != ordered.size();
                    index[ordered.size()] = m;
                    ordered.add(members.get(m));
                }
            }
            StructLayout s = n.base;
            if (changed || moved) {
                StructLayout resized = new StructLayout(s.name(), s.rules(), s.size(), s.alignment(), members,
                        s.origin(), s.guesses(), s.relaidOut());
                s = LayoutEngine.layOut(resized, ordered);
            }
            long[] off = new long[members.size()];
            for (int k = 0; k < s.members().size(); k++) {
                off[changed || moved ? index[k] : k] = s.members().get(k).offset();
            }
            layout[n.id] = s;
            offset[n.id] = off;
        }
        return new Relayout(layout, offset);
    }

    private static boolean sameAs(OrderSpace.Node n, Arrangement a, Arrangement nearOrder, StructLayout[] layout,
            Relayout near) {
        if (!Arrays.equals(a.order(n.id), nearOrder.order(n.id))) {
            return false;
        }
        for (int c : n.child) {
            if (c >= 0 && layout[c].size() != near.layout[c].size()) {
                return false;
            }
        }
        return true;
    }
}
