package footprint.trace.diff;

import footprint.layout.FieldRef;
import footprint.layout.LayoutPathException;
import footprint.layout.LayoutSet;
import footprint.trace.Access;
import footprint.trace.ExitDef;
import footprint.trace.ObjectDecl;
import footprint.trace.Target;
import footprint.trace.Trace;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two traces exit by exit. A field is an object and a member path (or a raw offset);
 * a field of the old trace missing from the new one and a field of the new one missing from the
 * old that share the object and the last path component (with array index) are one field moved
 * to another path, paired by the longest common path suffix; the rest are removed and added.
 */
public final class TraceDiffer {
    private TraceDiffer() {}

    /** {@code oldLayouts} and {@code newLayouts} may be null: then structs and offsets are not reported. */
    public static TraceDiff diff(Trace oldTrace, Trace newTrace, LayoutSet oldLayouts, LayoutSet newLayouts) {
        Map<String, ExitDef> oldExits = byName(oldTrace);
        Map<String, ExitDef> newExits = byName(newTrace);
        List<String> added = newExits.keySet().stream().filter(n -> !oldExits.containsKey(n)).toList();
        List<String> removed = oldExits.keySet().stream().filter(n -> !newExits.containsKey(n)).toList();
        List<TraceDiff.ExitDiff> exits = new ArrayList<>();
        for (ExitDef o : oldExits.values()) {
            ExitDef n = newExits.get(o.name());
            if (n != null) {
                exits.add(exitDiff(oldTrace, o, oldLayouts, newTrace, n, newLayouts));
            }
        }
        return new TraceDiff(oldTrace.source(), newTrace.source(), added, removed, exits);
    }

    private static TraceDiff.ExitDiff exitDiff(Trace oldTrace, ExitDef o, LayoutSet oldLayouts, Trace newTrace, ExitDef n,
            LayoutSet newLayouts) {
        List<Access> oldAccesses = oldTrace.accesses(o);
        List<Access> newAccesses = newTrace.accesses(n);
        Set<Target> before = targets(oldAccesses);
        Set<Target> after = targets(newAccesses);
        List<Target> gone = before.stream().filter(t -> !after.contains(t)).toList();
        List<Target> come = new ArrayList<>(after.stream().filter(t -> !before.contains(t)).toList());
        List<TraceDiff.Field> removed = new ArrayList<>();
        List<TraceDiff.Move> moved = new ArrayList<>();
        for (Target g : gone) {
            Target to = bestMove(g, come);
            if (to == null) {
                removed.add(field(oldTrace, oldLayouts, g));
            } else {
                come.remove(to);
                moved.add(new TraceDiff.Move(field(oldTrace, oldLayouts, g), field(newTrace, newLayouts, to)));
            }
        }
        List<TraceDiff.Field> addedFields = come.stream().map(t -> field(newTrace, newLayouts, t)).toList();
        return new TraceDiff.ExitDiff(o.name(), oldAccesses.size(), newAccesses.size(), addedFields, removed, moved);
    }

    /** The added field that is {@code from} under another path: same object and leaf, longest common suffix. */
    private static Target bestMove(Target from, List<Target> candidates) {
        if (from.path() == null) {
            return null;
        }
        String[] a = from.path().split("\\.");
        Target best = null;
        int bestCommon = 0;
        for (Iterator<Target> it = candidates.iterator(); it.hasNext();) {
            Target c = it.next();
            if (c.path() == null || !c.object().equals(from.object()) || c.offset() != from.offset()) {
                continue;
            }
            String[] b = c.path().split("\\.");
            int common = 0;
            while (common < a.length && common < b.length && a[a.length - 1 - common].equals(b[b.length - 1 - common])) {
                common++;
            }
            if (common > bestCommon) {
                best = c;
                bestCommon = common;
            }
        }
        return best;
    }

    private static TraceDiff.Field field(Trace trace, LayoutSet layouts, Target t) {
        ObjectDecl object = trace.object(t.object()).orElseThrow();
        if (layouts == null || object.isRaw() || t.path() == null) {
            return new TraceDiff.Field(t.toString(), null, layouts != null ? t.offset() : null);
        }
        try {
            FieldRef ref = layouts.resolve(object.structType(), t.path());
            int dot = t.path().lastIndexOf('.');
            String holder = dot < 0 ? object.structType()
                    : bare(layouts.resolve(object.structType(), t.path().substring(0, dot)).type());
            return new TraceDiff.Field(t.toString(), holder, ref.offset() + t.offset());
        } catch (LayoutPathException e) {
            return new TraceDiff.Field(t.toString(), null, null);
        }
    }

    private static String bare(String type) {
        return type.replaceFirst("^(struct|union) ", "");
    }

    private static Set<Target> targets(List<Access> accesses) {
        Set<Target> out = new LinkedHashSet<>();
        for (Access a : accesses) {
            out.add(new Target(a.target().object(), a.target().path(), a.target().offset(), false));
        }
        return out;
    }

    private static Map<String, ExitDef> byName(Trace trace) {
        Map<String, ExitDef> out = new LinkedHashMap<>();
        trace.exits().forEach(e -> out.put(e.name(), e));
        return out;
    }
}
