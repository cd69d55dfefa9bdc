package footprint.trace.verify;

import footprint.layout.LayoutPathException;
import footprint.layout.LayoutSet;
import footprint.trace.Access;
import footprint.trace.ExitDef;
import footprint.trace.ObjectDecl;
import footprint.trace.Target;
import footprint.trace.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks a trace's accesses against compiled modules: for each access, the instructions the
 * debug information attributes to its {@code file:line} (inlined code included) are searched for
 * a memory operand whose displacement is the field's offset within its object, or within any
 * member on the field's path (the compiler may address {@code vcpu->arch.regs[2]} from a pointer
 * to {@code vcpu}, to {@code arch} or to the array). A miss is a heuristic result, not an error:
 * it is explained when a wider operand at the line covers the offset (merged accesses), when the
 * offset appears within {@value #MOVE_WINDOW} lines of the same file or elsewhere in the cited
 * function (a moved access), or when the line's operands are computed addresses (base+index, a
 * bare pointer) that no displacement can confirm; otherwise it is listed with the instructions
 * found. Code expanded from a macro carries the line of the macro's invocation, so when no
 * instruction carries the cited line, those of the cited (inlined) function are searched.
 */
public final class BinaryVerifier {
    /** How many source lines away a load or store may have been scheduled and still count as "moved". */
    static final int MOVE_WINDOW = 8;
    private static final int LISTED_INSTRUCTIONS = 8;

    private final Trace trace;
    private final LayoutSet layouts;
    private final Disassembly code;
    private final Map<Access, Outcome> outcomes = new IdentityHashMap<>();

    private BinaryVerifier(Trace trace, LayoutSet layouts, Disassembly code) {
        this.trace = trace;
        this.layouts = layouts;
        this.code = code;
    }

    /** Classifies every access of {@code trace}; one whose field {@code layouts} lack is left unchecked. */
    public static BinaryReport verify(Trace trace, LayoutSet layouts, Disassembly code, List<String> modules) {
        return new BinaryVerifier(trace, layouts, code).run(modules);
    }

    private BinaryReport run(List<String> modules) {
        List<BinaryReport.ExitCount> exits = new ArrayList<>();
        Map<Integer, BinaryReport.Finding> explained = new TreeMap<>();
        Map<Integer, BinaryReport.Finding> unconfirmed = new TreeMap<>();
        Map<Integer, BinaryReport.Finding> absent = new TreeMap<>();
        Map<Integer, Set<String>> exitsOfLine = new HashMap<>();
        for (ExitDef e : trace.exits()) {
            int[] count = new int[Kind.values().length];
            List<Access> accesses = trace.accesses(e);
            for (Access a : accesses) {
                Outcome o = outcomes.computeIfAbsent(a, this::classify);
                count[o.kind.ordinal()]++;
                exitsOfLine.computeIfAbsent(a.line(), k -> new LinkedHashSet<>()).add(e.name());
                switch (o.kind) {
                    case EXPLAINED -> explained.putIfAbsent(a.line(), o.finding);
                    case UNCONFIRMED -> unconfirmed.putIfAbsent(a.line(), o.finding);
                    case UNCHECKED -> absent.putIfAbsent(a.line(), o.finding);
                    default -> { }
                }
            }
            exits.add(new BinaryReport.ExitCount(e.name(), e.fastpath(), accesses.size(), count[0], count[1], count[2],
                    count[3]));
        }
        return new BinaryReport(trace.source(), modules, exits, withExits(explained, exitsOfLine),
                withExits(unconfirmed, exitsOfLine), withExits(absent, exitsOfLine));
    }

    private static List<BinaryReport.Finding> withExits(Map<Integer, BinaryReport.Finding> findings,
            Map<Integer, Set<String>> exitsOfLine) {
        return findings.values().stream().map(f -> f.in(List.copyOf(exitsOfLine.get(f.line())))).toList();
    }

    private Outcome classify(Access a) {
        int colon = a.location().lastIndexOf(':');
        String file = a.location().substring(0, colon);
        int line = Integer.parseInt(a.location().substring(colon + 1));
        List<Long> offsets;
        try {
            offsets = new ArrayList<>(displacements(a));
        } catch (LayoutPathException e) {
            return new Outcome(Kind.UNCHECKED, finding(a, List.of(), "not in the layouts: " + e.getMessage(), List.of()));
        }
        if (!code.hasFile(file)) {
            return new Outcome(Kind.UNCHECKED, finding(a, offsets, file + " is not compiled into these modules",
                    List.of()));
        }
        List<Instruction> here = code.at(file, line);
        String where = a.location();
        if (here.isEmpty()) {
            // code expanded from a macro is attributed to the line that invokes the macro
            here = code.in(a.function());
            where = a.function() + " (no code at " + a.location() + ")";
        }
        if (matches(here, offsets, a.size())) {
            return new Outcome(Kind.CONFIRMED, null);
        }
        for (Instruction insn : here) {
            for (Instruction.MemoryOperand op : insn.operands()) {
                for (long off : offsets) {
                    if (op.displacement() < off && off < op.displacement() + op.width()) {
                        return new Outcome(Kind.EXPLAINED, finding(a, offsets, "merged: a wider operand at "
                                + hex(op.displacement()) + " covers offset " + hex(off), List.of(insn)));
                    }
                }
            }
        }
        for (int d = 1; d <= MOVE_WINDOW; d++) {
            for (int near : new int[] {line - d, line + d}) {
                List<Instruction> there = matching(code.at(file, near), offsets, a.size());
                if (!there.isEmpty()) {
                    return new Outcome(Kind.EXPLAINED, finding(a, offsets, "moved: the offset is accessed at " + file + ":"
                            + near, there));
                }
            }
        }
        List<Instruction> inFunction = matching(code.in(a.function()), offsets, a.size());
        if (!inFunction.isEmpty()) {
            return new Outcome(Kind.EXPLAINED, finding(a, offsets, "moved: the offset is accessed elsewhere in "
                    + a.function(), inFunction));
        }
        List<Instruction> computed = here.stream()
                .filter(i -> i.operands().stream().anyMatch(Instruction.MemoryOperand::computed)).toList();
        if (!computed.isEmpty()) {
            return new Outcome(Kind.EXPLAINED, finding(a, offsets, "computed address: the line's operands are base+index"
                    + " or a bare pointer, whose displacement cannot show the field", computed));
        }
        String reason = here.isEmpty() ? "no instructions are attributed to " + a.location() + " or to " + a.function()
                : "no memory operand at " + String.join(" or ", offsets.stream().map(BinaryVerifier::hex).toList())
                        + " among the " + here.size() + " instructions of " + where;
        return new Outcome(Kind.UNCONFIRMED, finding(a, offsets, reason, here));
    }

    /**
     * The displacements that would address the access: its offset from the object's start and
     * from each member that encloses it on its path (also from an indexed array's first element);
     * 0 only where the field starts its object or an enclosing member, since a bare dereference of
     * any pointer has displacement 0.
     */
    private TreeSet<Long> displacements(Access a) {
        Target t = a.target();
        ObjectDecl object = trace.object(t.object()).orElseThrow();
        TreeSet<Long> out = new TreeSet<>();
        if (t.path() == null || object.isRaw()) {
            out.add(t.offset());
            return out;
        }
        String type = object.structType();
        long total = layouts.resolve(type, t.path()).offset() + t.offset();
        List<Long> targets = new ArrayList<>(List.of(total));
        String last = t.path().substring(t.path().lastIndexOf('.') + 1);
        if (last.contains("[")) {
            String arrayPath = t.path().substring(0, t.path().length() - last.length()) + last.substring(0, last.indexOf('['));
            targets.add(layouts.resolve(type, arrayPath).offset());
        }
        List<Long> bases = new ArrayList<>(List.of(0L));
        String[] parts = t.path().split("\\.");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            prefix.append(i == 0 ? "" : ".").append(parts[i]);
            bases.add(layouts.resolve(type, prefix.toString()).offset());
        }
        for (long target : targets) {
            for (long base : bases) {
                if (target >= base) {
                    out.add(target - base);
                }
            }
        }
        return out;
    }

    /** Whether an operand addresses bytes of the access: at one of its offsets, or inside it (a narrower read of a bitfield's byte). */
    private static boolean matches(List<Instruction> instructions, List<Long> offsets, int size) {
        return !matching(instructions, offsets, size).isEmpty();
    }

    private static List<Instruction> matching(List<Instruction> instructions, List<Long> offsets, int size) {
        List<Instruction> out = new ArrayList<>();
        for (Instruction insn : instructions) {
            boolean hit = false;
            for (Instruction.MemoryOperand op : insn.operands()) {
                for (long off : offsets) {
                    // base+index with the displacement of an array field: the element is chosen at run time
                    boolean addressable = op.displacement() != 0 || off == 0 && !op.indexed();
                    hit |= addressable && op.displacement() >= off && op.displacement() < off + size;
                }
            }
            if (hit) {
                out.add(insn);
            }
        }
        return out;
    }

    private static BinaryReport.Finding finding(Access a, List<Long> offsets, String reason, List<Instruction> seen) {
        return new BinaryReport.Finding(a.line(), a.op() + " " + a.target(), a.site(), List.of(), offsets, reason,
                seen.stream().limit(LISTED_INSTRUCTIONS).map(Instruction::toString).toList());
    }

    private static String hex(long v) {
        return v < 0 ? "-0x" + Long.toHexString(-v) : "0x" + Long.toHexString(v);
    }

    private enum Kind { CONFIRMED, EXPLAINED, UNCONFIRMED, UNCHECKED }

    private record Outcome(Kind kind, BinaryReport.Finding finding) {}
}
