package footprint.optimize;

import footprint.layout.LayoutSet;
import footprint.layout.Member;
import footprint.layout.StructInstances;
import footprint.layout.StructLayout;
import footprint.trace.BoundObject;
import footprint.trace.BoundTrace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The structs whose layout an optimisation can change: the target structs (their members may be
 * re-ordered) and every struct or union that holds one by value on the way down from a trace
 * object (re-laid out in its own order when a target inside it changes size). Nodes are listed
 * children first, so laying them out in list order sees every inner struct before its holder.
 */
public final class OrderSpace {
    /**
     * One struct that can change: its layout as loaded, its units (runs of member indices that move
     * together: an unnamed bitfield with the member after it, a run of bitfields sharing storage), and
     * per member the node of the struct it holds by value, or -1.
     */
    public static final class Node {
        final int id;
        final String name;
        final StructLayout base;
        final boolean target;
        final int[] child;
        final List<int[]> units;

        Node(int id, String name, StructLayout base, boolean target, int[] child, List<int[]> units) {
            this.id = id;
            this.name = name;
            this.base = base;
            this.target = target;
            this.child = child;
            this.units = units;
        }

        public String name() {
            return name;
        }

        public StructLayout base() {
            return base;
        }

        public boolean target() {
            return target;
        }

        /** Member names of unit {@code u} (anonymous members by their {@code __anonN} name). */
        public List<String> unitNames(int u) {
            List<String> out = new ArrayList<>();
            for (int m : units.get(u)) {
                String n = base.members().get(m).name();
                if (!n.isEmpty()) {
                    out.add(n);
                }
            }
            return out;
        }

        /** The unit holding the member of this name, or -1. */
        public int unitOf(String member) {
            for (int u = 0; u < units.size(); u++) {
                if (unitNames(u).contains(member)) {
                    return u;
                }
            }
            return -1;
        }
    }

    private final List<Node> nodes;
    private final int[] rootOfObject;

    private OrderSpace(List<Node> nodes, int[] rootOfObject) {
        this.nodes = List.copyOf(nodes);
        this.rootOfObject = rootOfObject;
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** The node of the struct a trace object is, or -1 when the object holds no target. */
    public int rootOf(int object) {
        return rootOfObject[object];
    }

    /** The node of the struct of this name, or -1. */
    public int nodeOf(String name) {
        for (Node n : nodes) {
            if (n.name.equals(name)) {
                return n.id;
            }
        }
        return -1;
    }

    /** The arrangement that keeps every struct in its current order. */
    public Arrangement current() {
        int[][] orders = new int[nodes.size()][];
        for (Node n : nodes) {
            orders[n.id] = new int[n.units.size()];
            for (int u = 0; u < orders[n.id].length; u++) {
                orders[n.id][u] = u;
            }
        }
        return new Arrangement(orders);
    }

    /** The space of {@code targets} (struct names) under the objects of {@code bound}, laid out by {@code set}. */
    public static OrderSpace of(LayoutSet set, BoundTrace bound, Set<String> targets,
            List<Constraint.Together> blocks) {
        Builder b = new Builder(set, targets, blocks);
        int[] roots = new int[bound.objects().size()];
        for (int o = 0; o < roots.length; o++) {
            BoundObject obj = bound.objects().get(o);
            StructLayout s = obj.structType() == null ? null : set.find(obj.structType()).orElse(null);
            roots[o] = s != null && b.contains(s) ? b.node(s, s.name()) : -1;
        }
        return new OrderSpace(b.nodes, roots);
    }

    private static final class Builder {
        private final LayoutSet set;
        private final Set<String> targets;
        private final List<Constraint.Together> blocks;
        private final List<Node> nodes = new ArrayList<>();
        private final Map<String, Integer> byKey = new LinkedHashMap<>();
        private final Map<StructLayout, Boolean> contains = new IdentityHashMap<>();

        Builder(LayoutSet set, Set<String> targets, List<Constraint.Together> blocks) {
            this.set = set;
            this.targets = targets;
            this.blocks = blocks;
        }

        int node(StructLayout s, String key) {
            Integer known = byKey.get(key);
            if (known != null) {
                return known;
            }
            boolean target = !s.name().isEmpty() && targets.contains(s.name());
            StructLayout base = target ? set.find(s.name()).orElse(s) : s;
            int[] child = new int[base.members().size()];
            for (int m = 0; m < child.length; m++) {
                Member mem = base.members().get(m);
                StructLayout t = typeOf(mem);
                child[m] = t != null && mem.elementCount() > 0 && contains(t)
                        ? node(t, t.name().isEmpty() ? key + "." + mem.name() : t.name()) : -1;
            }
            int id = nodes.size();
            nodes.add(new Node(id, key, base, target, child, target && !base.union() ? merge(base, units(base))
                    : List.<int[]>of(range(0, base.members().size()))));
            byKey.put(key, id);
            return id;
        }

        boolean contains(StructLayout s) {
            Boolean known = contains.get(s);
            if (known != null) {
                return known;
            }
            contains.put(s, Boolean.FALSE);
            boolean found = !s.name().isEmpty() && targets.contains(s.name());
            for (Member m : s.members()) {
                StructLayout t = typeOf(m);
                if (!found && t != null && m.elementCount() > 0) {
                    found = contains(t);
                }
            }
            contains.put(s, found);
            return found;
        }

        private StructLayout typeOf(Member m) {
            return StructInstances.heldType(set, m);
        }

        /** Joins the units of each {@code together} block of this struct into one, in the block's order. */
        private List<int[]> merge(StructLayout s, List<int[]> units) {
            List<int[]> out = new ArrayList<>(units);
            for (Constraint.Together t : blocks) {
                if (!t.struct().equals(s.name())) {
                    continue;
                }
                List<int[]> parts = new ArrayList<>();
                for (String name : t.members()) {
                    for (int[] u : out) {
                        boolean holds = false;
                        for (int m : u) {
                            holds |= s.members().get(m).name().equals(name);
                        }
                        if (holds && !parts.contains(u)) {
                            parts.add(u);
                        }
                    }
                }
                int at = out.size();
                for (int[] p : parts) {
                    at = Math.min(at, out.indexOf(p));
                }
                out.removeAll(parts);
                out.add(Math.min(at, out.size()), parts.stream().flatMapToInt(Arrays::stream).toArray());
            }
            return out;
        }

        /** Unnamed bitfields go with the member after them; named bitfields sharing a storage unit stay together. */
        private static List<int[]> units(StructLayout s) {
            List<int[]> out = new ArrayList<>();
            List<Member> ms = s.members();
            int start = 0;
            for (int m = 0; m < ms.size(); m++) {
                Member mem = ms.get(m);
                if (mem.bitfield() && mem.name().isEmpty()) {
                    continue;
                }
                boolean runOn = mem.bitfield() && m + 1 < ms.size() && ms.get(m + 1).bitfield()
                        && !ms.get(m + 1).isZeroWidthBitfield();
                if (runOn) {
                    continue;
                }
                out.add(range(start, m + 1));
                start = m + 1;
            }
            if (start < ms.size()) {
                if (out.isEmpty()) {
                    out.add(range(start, ms.size()));
                } else {
                    int[] last = out.remove(out.size() - 1);
                    out.add(range(last[0], ms.size()));
                }
            }
            return out;
        }
    }

    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
