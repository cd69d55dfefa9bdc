package footprint.optimize;

import footprint.trace.BoundExit;
import footprint.trace.BoundObject;
import footprint.trace.BoundTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Lines where another CPU's writes meet the owner's. A trace object whose name ends in
 * {@code _dest} is another vCPU's copy of a struct (the IPI destination: traces/README.md), so the
 * fields the trace writes there are the fields another CPU writes into this vCPU's struct while it
 * runs (posted-interrupt bits, requests, mode, ...). Under a layout, a line of an object of the same
 * type that the owner's exits write and that also holds such a field is shared between a remote
 * writer and the owner's hot path: each write from either side takes the line from the other CPU.
 */
final class FalseSharing {
    private static final int LINE = 64;
    private static final String REMOTE = "_dest";

    private FalseSharing() {}

    /** The mixed lines of the layout before and after, in object and line order. */
    static List<OptimizeReport.SharedLine> of(BoundTrace before, BoundTrace after) {
        List<OptimizeReport.SharedLine> out = new ArrayList<>();
        out.addAll(mixed(before, true));
        out.addAll(mixed(after, false));
        return out;
    }

    private static List<OptimizeReport.SharedLine> mixed(BoundTrace bound, boolean isBefore) {
        List<OptimizeReport.SharedLine> out = new ArrayList<>();
        for (int o = 0; o < bound.objects().size(); o++) {
            BoundObject owner = bound.objects().get(o);
            if (owner.structType() == null || owner.name().endsWith(REMOTE)) {
                continue;
            }
            Map<Long, TreeSet<String>> remote = new TreeMap<>();
            Map<Long, TreeSet<String>> local = new TreeMap<>();
            for (int r = 0; r < bound.objects().size(); r++) {
                BoundObject other = bound.objects().get(r);
                if (other.name().endsWith(REMOTE) && owner.structType().equals(other.structType())) {
                    writtenLines(bound, r, remote);
                }
            }
            if (remote.isEmpty()) {
                continue;
            }
            writtenLines(bound, o, local);
            for (Map.Entry<Long, TreeSet<String>> e : remote.entrySet()) {
                TreeSet<String> mine = local.get(e.getKey());
                if (mine != null) {
                    out.add(new OptimizeReport.SharedLine(owner.name(), e.getKey(), List.copyOf(e.getValue()),
                            List.copyOf(mine), isBefore));
                }
            }
        }
        return out;
    }

    /** Every line object {@code o} is written on, with the written fields (paths without the object name). */
    private static void writtenLines(BoundTrace bound, int o, Map<Long, TreeSet<String>> into) {
        int cut = bound.objects().get(o).name().length() + 1;
        for (BoundExit e : bound.exits()) {
            for (int i = 0; i < e.accessCount(); i++) {
                if (e.object(i) != o || !e.isWrite(i)) {
                    continue;
                }
                String field = e.path(i).substring(Math.min(cut, e.path(i).length()));
                for (long l = e.offset(i) / LINE; l <= (e.offset(i) + e.size(i) - 1) / LINE; l++) {
                    into.computeIfAbsent(l, k -> new TreeSet<>()).add(field);
                }
            }
        }
    }
}
