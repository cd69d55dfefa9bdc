package footprint.trace.verify;

import footprint.layout.LayoutPathException;
import footprint.layout.LayoutSet;
import footprint.trace.Access;
import footprint.trace.ExitDef;
import footprint.trace.ObjectDecl;
import footprint.trace.Target;
import footprint.trace.Trace;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks a trace's accesses against compiled modules: for each access, the instructions the
 * debug information attributes to its {@code file:line} (inlined code included) are searched for
 * a memory operand whose displacement is the field's offset within its object, or within any
 * member on the field's path (the compiler may address {@code vcpu->arch.regs[2]} from a pointer
 * to {@code vcpu}, to {@code arch} or to the array). A miss is a heuristic result, not an error:
 * it is explained when a wider operand at the line covers the offset (merged accesses) or the
 * offset appears within {@value #MOVE_WINDOW} lines of the same file (a moved access), and
 * otherwise listed with the instructions found.
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
        for (ExitDef e : trace.exits()) {
            int[] count = new int[Kind.values().length];
            List<Access> accesses = trace.accesses(e);
            for (Access a : accesses) {
                Outcome o = outcomes.computeIfAbsent(a, this::classify);
                count[o.kind.ordinal()]++;
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
        return new BinaryReport(trace.source(), modules, exits, List.copyOf(explained.values()),
                List.copyOf(unconfirmed.values()), List.copyOf(absent.values()));
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
        if (matches(here, offsets)) {
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
                List<Instruction> there = code.at(file, near);
                if (matches(there, offsets)) {
                    return new Outcome(Kind.EXPLAINED, finding(a, offsets, "moved: the offset is accessed at " + file + ":"
                            + near, there.stream().filter(i -> matches(List.of(i), offsets)).toList()));
                }
            }
        }
        String reason = here.isEmpty() ? "no instructions are attributed to " + a.location()
                : "no memory operand at " + String.join(" or ", offsets.stream().map(BinaryVerifier::hex).toList())
                        + " among the " + here.size() + " instructions of " + a.location();
        return new Outcome(Kind.UNCONFIRMED, finding(a, offsets, reason, here));
    }

    /**
     * The displacements that would address the access: its offset from the object's start and
     * from each member on its path (also from an indexed array's first element), never 0 from the
     * field itself, which any dereference of any pointer would match.
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
                if (target - base > 0 || target == 0) {
                    out.add(target - base);
                }
            }
        }
        return out;
    }

    private static boolean matches(List<Instruction> instructions, List<Long> offsets) {
        for (Instruction insn : instructions) {
            for (Instruction.MemoryOperand op : insn.operands()) {
                if (offsets.contains(op.displacement())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static BinaryReport.Finding finding(Access a, List<Long> offsets, String reason, List<Instruction> seen) {
        return new BinaryReport.Finding(a.line(), a.op() + " " + a.target(), a.site(), offsets, reason,
                seen.stream().limit(LISTED_INSTRUCTIONS).map(Instruction::toString).toList());
    }

    private static String hex(long v) {
        return v < 0 ? "-0x" + Long.toHexString(-v) : "0x" + Long.toHexString(v);
    }

    private enum Kind { CONFIRMED, EXPLAINED, UNCONFIRMED, UNCHECKED }

    private record Outcome(Kind kind, BinaryReport.Finding finding) {}
}
