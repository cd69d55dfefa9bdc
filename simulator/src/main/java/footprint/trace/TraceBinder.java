package footprint.trace;

import footprint.input.InputException;
import footprint.layout.FieldRef;
import footprint.layout.LayoutPathException;
import footprint.layout.LayoutSet;
import footprint.layout.StructLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Resolves a trace against layouts: each object's struct type to its size and alignment, each
 * access's field path to a byte offset (nested paths, array indices, anonymous members, a
 * bitfield's storage unit, all by {@link LayoutSet#resolve}). A path that does not resolve, or an
 * access that runs past the end of its object, is an error at the access's line; with
 * {@code allowMissing} it becomes a warning and the access is left out.
 */
public final class TraceBinder {
    private final Trace trace;
    private final LayoutSet layouts;
    private final boolean allowMissing;
    private final List<String> warnings;
    private final Map<String, Integer> objectIndex = new HashMap<>();
    private final List<BoundObject> objects = new ArrayList<>();
    private final Map<Access, Long> resolved = new IdentityHashMap<>();
    private final Map<Access, Boolean> skipped = new IdentityHashMap<>();
    /** Wide-access warnings by message, with every line they occur on: a segment used by many exits warns once. */
    private final Map<String, SortedSet<Integer>> wideAccesses = new HashMap<>();

    private TraceBinder(Trace trace, LayoutSet layouts, boolean allowMissing, List<String> warnings) {
        this.trace = trace;
        this.layouts = layouts;
        this.allowMissing = allowMissing;
        this.warnings = warnings;
    }

    /** Binds {@code trace}; warnings ({@code FILE:LINE: ...}) are appended to {@code warnings}. */
    public static BoundTrace bind(Trace trace, LayoutSet layouts, boolean allowMissing, List<String> warnings) {
        return new TraceBinder(trace, layouts, allowMissing, warnings).run();
    }

    private BoundTrace run() {
        for (ObjectDecl d : trace.objects()) {
            objectIndex.put(d.name(), objects.size());
            objects.add(bindObject(d));
        }
        List<BoundExit> exits = new ArrayList<>();
        for (ExitDef e : trace.exits()) {
            exits.add(bindExit(e));
        }
        wideAccesses.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(Comparator.comparing(SortedSet::first)))
                .forEach(w -> warnings.add(wideAccessWarning(w.getKey(), w.getValue())));
        return new BoundTrace(trace, objects, exits, ExitStream.of(trace));
    }

    private BoundObject bindObject(ObjectDecl d) {
        if (d.isRaw()) {
            return new BoundObject(d.name(), null, d.rawSize(), d.align() > 0 ? d.align() : 8);
        }
        StructLayout s = layouts.find(d.structType()).orElse(null);
        if (s == null) {
            List<String> near = List.of();
            try {
                layouts.resolve(d.structType(), d.structType());
            } catch (LayoutPathException e) {
                near = e.suggestions();
            }
            throw new InputException(trace.source(), d.line(), "unknown struct '" + d.structType()
                    + "' of object '" + d.name() + "': no layout file defines it"
                    + (near.isEmpty() ? "" : " (nearest: " + String.join(", ", near) + ")"));
        }
        return new BoundObject(d.name(), d.structType(), s.size(), d.align() > 0 ? d.align() : s.alignment());
    }

    private BoundExit bindExit(ExitDef e) {
        List<Access> accesses = new ArrayList<>();
        int[] vmcs = new int[2];
        flatten(e.steps(), accesses, vmcs);
        List<Access> kept = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        for (Access a : accesses) {
            Long off = resolve(a);
            if (off != null) {
                kept.add(a);
                offsets.add(off);
            }
        }
        int n = kept.size();
        int[] object = new int[n];
        long[] offset = new long[n];
        int[] size = new int[n];
        AccessOp[] ops = new AccessOp[n];
        String[] path = new String[n];
        String[] site = new String[n];
        for (int i = 0; i < n; i++) {
            Access a = kept.get(i);
            object[i] = objectIndex.get(a.target().object());
            offset[i] = offsets.get(i);
            size[i] = a.size();
            ops[i] = a.op();
            path[i] = a.target().toString();
            site[i] = a.site();
        }
        return new BoundExit(e.name(), e.fastpath(), e.reason(), object, offset, size, ops, path, site, vmcs[0], vmcs[1]);
    }

    private void flatten(List<Step> steps, List<Access> out, int[] vmcs) {
        for (Step s : steps) {
            if (s instanceof Access a) {
                out.add(a);
            } else if (s instanceof Use u) {
                flatten(trace.segment(u.segment()).orElseThrow().steps(), out, vmcs);
            } else if (s instanceof VmcsCount v) {
                vmcs[0] += v.reads();
                vmcs[1] += v.writes();
            }
        }
    }

    /** {@code a + b + c} of a field offset (under 2^41), an offset and a size, written unsigned: exact below 2^64. */
    private static String end(long a, long b, long c) {
        return Long.toUnsignedString(a + b + c);
    }

    /** The access's offset in its object, or null when it is skipped; resolved once per access line. */
    private Long resolve(Access a) {
        if (skipped.containsKey(a)) {
            return null;
        }
        Long known = resolved.get(a);
        if (known != null) {
            return known;
        }
        Target t = a.target();
        BoundObject o = objects.get(objectIndex.get(t.object()));
        long offset = t.offset();
        long fieldOffset = 0;
        if (t.path() != null) {
            FieldRef ref;
            try {
                ref = layouts.resolve(o.structType(), t.path());
            } catch (LayoutPathException ex) {
                return missing(a, "object '" + o.name() + "': " + ex.getMessage());
            }
            fieldOffset = ref.offset();
            if (t.offset() == 0 && a.size() > ref.size()) {
                // No type spelling: a field declared u32 in one dump and unsigned int in another is the
                // same finding, and compare binds the trace to both sides.
                wideAccesses.computeIfAbsent(a.size() + "-byte access to " + t + " is wider than the field ("
                        + ref.size() + " bytes)", k -> new TreeSet<>()).add(a.line());
            }
        }
        // compared without adding: an offset near 2^63 plus a field offset or size would overflow
        if (offset > o.size() - a.size() - fieldOffset) {
            return missing(a, "access past the end of object '" + o.name() + "' (" + describe(o) + ", " + o.size()
                    + " bytes): bytes [" + end(fieldOffset, offset, 0) + ", " + end(fieldOffset, offset, a.size()) + ")");
        }
        offset += fieldOffset;
        resolved.put(a, offset);
        return offset;
    }

    private Long missing(Access a, String message) {
        if (!allowMissing) {
            throw new InputException(trace.source(), a.line(), message);
        }
        warnings.add(trace.source() + ":" + a.line() + ": warning: " + message + "; access skipped (--allow-missing)");
        skipped.put(a, Boolean.TRUE);
        return null;
    }

    private static String describe(BoundObject o) {
        return o.structType() == null ? "raw block" : "struct " + o.structType();
    }

    private String wideAccessWarning(String message, SortedSet<Integer> lines) {
        StringBuilder w = new StringBuilder(trace.source()).append(':').append(lines.first()).append(": warning: ")
                .append(message);
        if (lines.size() > 1) {
            w.append("; also at line");
            w.append(lines.size() > 2 ? "s " : " ");
            w.append(lines.tailSet(lines.first() + 1).stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")));
        }
        return w.toString();
    }
}
