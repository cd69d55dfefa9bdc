package footprint.layout;

import footprint.input.InputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link LayoutSet} from parsed dumps under its override rule: which definition of a name
 * wins, which structs must be re-laid out around a redefined type, and the warnings that say so.
 * Member alignments come from the C types, the other definitions in the dumps, or
 * {@link AlignmentInference}.
 */
final class Composition {
    private final List<List<RawStruct>> perFile;
    private final Map<String, List<Def>> defs = new HashMap<>();
    private final Map<RawStruct, StructLayout> built = new HashMap<>();
    private final Set<RawStruct> inProgress = new HashSet<>();
    private final Map<String, StructLayout> expandedElsewhere = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();

    private record Def(int file, RawStruct raw) {}

    Composition(List<List<RawStruct>> perFile) {
        this.perFile = perFile;
    }

    LayoutSet build() {
        for (int f = 0; f < perFile.size(); f++) {
            for (RawStruct raw : perFile.get(f)) {
                defs.computeIfAbsent(raw.name, k -> new ArrayList<>()).add(new Def(f, raw));
            }
        }
        Map<String, StructLayout> byName = new LinkedHashMap<>();
        List<StructLayout> all = new ArrayList<>();
        for (int f = 0; f < perFile.size(); f++) {
            for (RawStruct raw : perFile.get(f)) {
                StructLayout s = build(raw, f);
                all.add(s);
                Def chosen = finalDef(raw.name);
                if (chosen.raw == raw) {
                    byName.put(raw.name, s);
                } else if (chosen.file == f) {
                    warnings.add(raw.source + ":" + raw.line + ": " + keyword(raw) + " " + raw.name
                            + " is defined again (first at line " + chosen.raw.line + "); the first is used");
                }
            }
        }
        for (String name : byName.keySet()) {
            expandedElsewhere.remove(name);
        }
        for (StructLayout s : all) {
            if (!s.relaidOut()) {
                warnings.addAll(LayoutStats.of(s).disagreements(s));
            }
        }
        return new LayoutSet(byName, expandedElsewhere, List.copyOf(all), List.copyOf(warnings));
    }

    /** The definition that wins: the first one in the last file that defines the name. */
    private Def finalDef(String name) {
        List<Def> list = defs.get(name);
        if (list == null) {
            return null;
        }
        int lastFile = list.get(list.size() - 1).file;
        for (Def d : list) {
            if (d.file == lastFile) {
                return d;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private StructLayout build(RawStruct raw, int file) {
        StructLayout done = built.get(raw);
        if (done != null) {
            return done;
        }
        if (!inProgress.add(raw)) {
            throw new InputException(raw.source, raw.line, keyword(raw) + " " + raw.name + " contains itself");
        }
        List<Member> members = new ArrayList<>(raw.members.size());
        List<String> overridden = new ArrayList<>();
        for (RawMember rm : raw.members) {
            members.add(member(raw, rm, file, overridden));
        }
        // Alignments are inferred from the struct as the dump printed it, with its members' printed
        // sizes: a redefined inner type's new size would explain the printed size by a struct
        // alignment the source never had.
        List<Member> printed = new ArrayList<>(members.size());
        Map<Integer, Long> newSizeAtLine = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            long was = raw.members.get(i).size;
            if (m.size() != was && !m.bitfield()) {
                newSizeAtLine.put(m.line(), m.size());
                m = m.withSize(was);
            }
            printed.add(m);
        }
        StructLayout s = AlignmentInference.asPrinted(raw, printed);
        if (raw.size < 0 || !overridden.isEmpty()) {
            List<Member> resized = new ArrayList<>(printed.size());
            for (Member m : printed) {
                Long size = newSizeAtLine.get(m.line());
                resized.add(size == null ? m : m.withSize(size));
            }
            s = s.relaidOut(LayoutEngine.place(s.rules(), resized), !overridden.isEmpty());
        }
        if (!overridden.isEmpty()) {
            warnings.add(raw.source + ":" + raw.line + ": " + keyword(raw) + " " + display(raw)
                    + " re-laid out (size " + (raw.size < 0 ? "?" : raw.size) + " -> " + s.size()
                    + ") because a later file redefines " + String.join(", ", overridden));
        }
        inProgress.remove(raw);
        built.put(raw, s);
        return s;
    }

    private Member member(RawStruct owner, RawMember rm, int file, List<String> overridden) {
        long count = PaholeParser.elementCount(rm.dims);
        long size = rm.size;
        StructLayout nested = null;
        int align;
        AlignmentSource source;
        if (rm.nested != null) {
            Def override = rm.nested.name.isEmpty() ? null : finalDef(rm.nested.name);
            if (override != null && override.file > file) {
                nested = build(override.raw, override.file);
                if (count > 0) {
                    size = nested.size() * count;
                }
                overridden.add(nested.typeName() + " (" + override.raw.source + ")");
            } else {
                nested = build(rm.nested, file);
                if (!rm.nested.name.isEmpty()) {
                    expandedElsewhere.putIfAbsent(rm.nested.name, nested);
                }
                size = grownBy(nested, count, size, overridden);
            }
            align = nested.alignment();
            source = nested.guesses().alignmentGuessed() ? AlignmentSource.INFERRED : AlignmentSource.EXPANDED;
        } else {
            long elementSize = count > 0 ? rm.size / count : 0;
            align = NaturalTypes.alignment(rm.type, elementSize);
            source = AlignmentSource.NATURAL;
            if (align == 0) {
                String named = structName(rm.type);
                StructLayout def = named == null ? null : definition(named, elementSize, file, owner, rm, overridden);
                if (def != null) {
                    align = def.alignment();
                    source = def.guesses().alignmentGuessed() ? AlignmentSource.INFERRED : AlignmentSource.DEFINITION;
                    if (count > 0 && def.size() * count != rm.size && finalDef(named).file > file) {
                        size = def.size() * count;
                    } else {
                        size = grownBy(def, count, size, overridden);
                    }
                } else {
                    align = AlignmentInference.memberAlignment(elementSize, rm.offset);
                    source = AlignmentSource.INFERRED;
                }
            }
        }
        if (rm.alignedAttribute > 0 && rm.alignedAttribute >= align) {
            align = rm.alignedAttribute;
            source = AlignmentSource.ATTRIBUTE;
        }
        return new Member(rm.name, rm.type, rm.offset, size, rm.bitOffset, rm.bitSize, nested, rm.bitfield,
                rm.dims, rm.alignedAttribute, align, source, rm.anonymous, rm.line);
    }

    /**
     * The size of a member whose type was re-laid out because a later file redefines a type
     * nested deeper inside it (a {@code kvm_vcpu_arch} inside the {@code kvm_vcpu} inside a
     * {@code vcpu_vmx}): the new size, noted in {@code overridden} so that the enclosing struct is
     * re-laid out too; else {@code size} unchanged.
     */
    private static long grownBy(StructLayout type, long count, long size, List<String> overridden) {
        if (!type.relaidOut() || count <= 0 || type.size() * count == size) {
            return size;
        }
        overridden.add(type.typeName() + " (re-laid out around a redefined type)");
        return type.size() * count;
    }

    /** A top-level definition for a member of type {@code struct name}: the override, else a same-size one. */
    private StructLayout definition(String name, long elementSize, int file, RawStruct owner, RawMember rm,
            List<String> overridden) {
        Def fin = finalDef(name);
        if (fin == null) {
            return null;
        }
        if (fin.file > file) {
            StructLayout s = build(fin.raw, fin.file);
            if (s.size() != elementSize) {
                overridden.add(s.typeName() + " (" + fin.raw.source + ")");
            }
            return s;
        }
        // Dumps of many compilation units can hold different structs of one name: take the one
        // whose size matches the member, preferring this file.
        List<Def> candidates = defs.get(name);
        StructLayout first = null;
        StructLayout best = null;
        boolean self = false;
        int firstFile = -1;
        for (Def d : candidates) {
            if (inProgress.contains(d.raw)) {
                self = true;
                continue;
            }
            if (d.file > file) {
                continue;
            }
            StructLayout s = build(d.raw, d.file);
            if (first == null) {
                first = s;
                firstFile = d.file;
            }
            // as printed: a definition re-laid out around a type a later file redefines has its new size
            if ((s.size() == elementSize || d.raw.size == elementSize) && (best == null || d.file == file)) {
                best = s;
            }
        }
        if (best == null && first == null && self) {
            // by value, not through a pointer: no C compiler accepts it, and paths would loop
            throw new InputException(owner.source, rm.line, "member '" + rm.name + "' of type " + rm.type
                    + " is the struct that holds it: a struct cannot contain itself");
        }
        // One dump that gives a member another size than its own definition of the type is
        // corrupt (paths would resolve to the wrong bytes); an earlier file may differ, it is
        // not the one this dump was made with. A flexible array has no element size to compare.
        if (best == null && candidates.size() == 1 && firstFile == file && elementSize > 0
                && PaholeParser.elementCount(rm.dims) != 0) {
            throw new InputException(owner.source, rm.line, "member '" + rm.name + "' is " + elementSize
                    + " bytes" + (rm.dims.isEmpty() ? "" : " per element") + " but " + rm.type + " is "
                    + first.size() + " bytes (" + first.source() + ":" + first.line() + ")");
        }
        return best != null ? best : candidates.size() == 1 ? first : null;
    }

    private static String structName(String type) {
        String t = NaturalTypes.unqualified(type);
        if (t.startsWith("struct ")) {
            return t.substring(7);
        }
        if (t.startsWith("union ")) {
            return t.substring(6);
        }
        return null;
    }

    private static String keyword(RawStruct raw) {
        return raw.union ? "union" : "struct";
    }

    private static String display(RawStruct raw) {
        return raw.name.isEmpty() ? "(anonymous)" : raw.name;
    }
}
