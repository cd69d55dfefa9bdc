package footprint.optimize;

import footprint.layout.Member;
import footprint.layout.StructLayout;
import footprint.trace.BoundExit;
import footprint.trace.BoundTrace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Each access of a bound trace to an object that holds a target, as the chain of members its field
 * path runs through: the struct of each step is a node of the {@link OrderSpace}, so the access's
 * offset under any arrangement is the sum of the steps' member offsets (plus array element times
 * the inner struct's new size) and the bytes past the last member's start, which no re-order
 * changes. The chain follows the field path's names (an anonymous member by the bytes it covers),
 * so a path naming a whole nested struct ends at that struct, as the trace binder resolves it.
 */
final class AccessChains {
    /** The trace objects that hold a target, in trace order, as indices into the bound trace's objects. */
    final int[] objects;
    /** Per exit: per kept access, its object (index into {@link #objects}), size, residual bytes and steps. */
    final int[][] object;
    final int[][] size;
    final long[][] residual;
    final int[][] stepStart;
    /** Per step: node, member index, array element of the inner struct (-1 for the last step). */
    final int[] stepNode;
    final int[] stepMember;
    final int[] stepElement;

    private AccessChains(int[] objects, int[][] object, int[][] size, long[][] residual, int[][] stepStart,
            int[] stepNode, int[] stepMember, int[] stepElement) {
        this.objects = objects;
        this.object = object;
        this.size = size;
        this.residual = residual;
        this.stepStart = stepStart;
        this.stepNode = stepNode;
        this.stepMember = stepMember;
        this.stepElement = stepElement;
    }

    static AccessChains of(BoundTrace bound, OrderSpace space) {
        List<Integer> objs = new ArrayList<>();
        int[] slot = new int[bound.objects().size()];
        for (int o = 0; o < slot.length; o++) {
            slot[o] = space.rootOf(o) >= 0 ? objs.size() : -1;
            if (slot[o] >= 0) {
                objs.add(o);
            }
        }
        Steps steps = new Steps();
        int nx = bound.exits().size();
        int[][] object = new int[nx][];
        int[][] size = new int[nx][];
        long[][] residual = new long[nx][];
        int[][] stepStart = new int[nx][];
        for (int x = 0; x < nx; x++) {
            BoundExit e = bound.exits().get(x);
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < e.accessCount(); i++) {
                if (slot[e.object(i)] >= 0) {
                    kept.add(i);
                }
            }
            object[x] = new int[kept.size()];
            size[x] = new int[kept.size()];
            residual[x] = new long[kept.size()];
            stepStart[x] = new int[kept.size() + 1];
            for (int k = 0; k < kept.size(); k++) {
                int i = kept.get(k);
                int o = e.object(i);
                object[x][k] = slot[o];
                size[x][k] = e.size(i);
                stepStart[x][k] = steps.count;
                String objectName = bound.objects().get(o).name();
                residual[x][k] = walk(space, space.rootOf(o), e.path(i).substring(objectName.length()), e.offset(i),
                        steps);
            }
            stepStart[x][kept.size()] = steps.count;
        }
        return new AccessChains(objs.stream().mapToInt(Integer::intValue).toArray(), object, size, residual, stepStart,
                Arrays.copyOf(steps.node, steps.count), Arrays.copyOf(steps.member, steps.count),
                Arrays.copyOf(steps.element, steps.count));
    }

    /**
     * Records the steps of an access whose target, after the object name, is {@code rest}
     * ({@code .vcpu.arch.regs[2]}, {@code .exit_reason+4}, {@code +0x10}) and which starts at
     * {@code offset} of the object; returns the bytes past the last step's member start.
     */
    private static long walk(OrderSpace space, int root, String rest, long offset, Steps steps) {
        int plus = rest.indexOf('+');
        String path = plus >= 0 ? rest.substring(0, plus) : rest;
        if (path.isEmpty()) {
            return offset;
        }
        long extra = plus >= 0 ? Long.decode(rest.substring(plus + 1)) : 0;
        String[] names = path.substring(1).split("\\.");
        for (int c = 0; c < names.length; c++) {
            int bracket = names[c].indexOf('[');
            names[c] = bracket >= 0 ? names[c].substring(0, bracket) : names[c];
        }
        int node = root;
        long r = offset - extra;
        int c = 0;
        while (true) {
            OrderSpace.Node n = space.nodes().get(node);
            int m = member(n.base, names[c], r);
            Member mem = n.base.members().get(m);
            boolean named = mem.name().equals(names[c]);
            if (named && c + 1 == names.length || n.child[m] < 0) {
                steps.add(node, m, -1);
                return r - mem.offset() + extra;
            }
            long stride = mem.size() / mem.elementCount();
            long element = (r - mem.offset()) / stride;
            steps.add(node, m, (int) element);
            r -= mem.offset() + element * stride;
            node = n.child[m];
            c += named ? 1 : 0;
        }
    }

    /** The member named {@code name} at this level, else the anonymous member covering byte {@code r}. */
    private static int member(StructLayout s, String name, long r) {
        int anonymous = -1;
        for (int m = 0; m < s.members().size(); m++) {
            Member mem = s.members().get(m);
            if (mem.name().equals(name)) {
                return m;
            }
            if (anonymous < 0 && mem.anonymous() && mem.offset() <= r && r < mem.offset() + Math.max(1, mem.size())) {
                anonymous = m;
            }
        }
        if (anonymous < 0) {
            throw new IllegalStateException("no member '" + name + "' at offset " + r + " of " + s.typeName());
        }
        return anonymous;
    }

    /** Growing step arrays. */
    private static final class Steps {
        int[] node = new int[1024];
        int[] member = new int[1024];
        int[] element = new int[1024];
        int count;

        void add(int n, int m, int e) {
            if (count == node.length) {
                node = Arrays.copyOf(node, 2 * count);
                member = Arrays.copyOf(member, 2 * count);
                element = Arrays.copyOf(element, 2 * count);
            }
            node[count] = n;
            member[count] = m;
            element[count] = e;
            count++;
        }
    }
}
