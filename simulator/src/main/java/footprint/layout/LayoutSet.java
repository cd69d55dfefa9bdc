package footprint.layout;

import footprint.input.InputException;
import footprint.input.LineReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * The structs of one or more pahole dumps, with every member's alignment resolved.
 *
 * <p>Composition: a struct defined at top level in a later file overrides earlier definitions of
 * the same name, also copies that {@code pahole -E} expanded inside other structs; every struct
 * that contains an overridden type whose size or content changed is re-laid out by the
 * {@link LayoutEngine} in its own member order, with a warning. A patched {@code kvm_vcpu} can so
 * be tried inside an unchanged {@code vcpu_vmx}.
 */
public final class LayoutSet {
    private final Map<String, StructLayout> byName;
    private final Map<String, StructLayout> expandedElsewhere;
    private final List<StructLayout> all;
    private final List<String> warnings;

    private LayoutSet(Map<String, StructLayout> byName, Map<String, StructLayout> expandedElsewhere,
            List<StructLayout> all, List<String> warnings) {
        this.byName = byName;
        this.expandedElsewhere = expandedElsewhere;
        this.all = all;
        this.warnings = warnings;
    }

    /** Loads pahole text files ({@code .gz} is read through gunzip); later files override earlier ones. */
    public static LayoutSet load(List<Path> paholeFiles) {
        return new Builder(parseAll(paholeFiles)).build();
    }

    /**
     * Loads pahole files followed by one more dump held in memory ({@code source} names it), which
     * overrides them like a later file: how a struct re-laid out in a new member order is tried in
     * place of its definition in the files.
     */
    public static LayoutSet composeWith(List<Path> paholeFiles, String laterPaholeText, String source) {
        List<List<RawStruct>> perFile = parseAll(paholeFiles);
        try (LineReader in = inMemory(laterPaholeText, source)) {
            perFile.add(PaholeParser.parse(in, source));
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
        return new Builder(perFile).build();
    }

    private static List<List<RawStruct>> parseAll(List<Path> paholeFiles) {
        List<List<RawStruct>> perFile = new ArrayList<>();
        for (Path file : paholeFiles) {
            try (LineReader in = open(file)) {
                perFile.add(PaholeParser.parse(in, file.toString()));
            } catch (NoSuchFileException e) {
                throw new InputException(file, 0, "no such file");
            } catch (IOException e) {
                throw new InputException(file, 0, "cannot read: " + e.getMessage());
            }
        }
        return perFile;
    }

    /** Parses pahole text held in memory (tests, generated dumps); {@code source} names it in errors. */
    public static LayoutSet parse(String paholeText, String source) {
        try (LineReader in = inMemory(paholeText, source)) {
            return new Builder(List.of(PaholeParser.parse(in, source))).build();
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    private static LineReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new LineReader(in, file.toString());
    }

    private static LineReader inMemory(String text, String source) {
        return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), source);
    }

    /** The struct or union of this name (no struct/union keyword): the last file's top-level one. */
    public Optional<StructLayout> find(String typeName) {
        StructLayout s = byName.get(typeName);
        if (s == null) {
            s = expandedElsewhere.get(typeName);
        }
        return Optional.ofNullable(s);
    }

    /** Resolves a field path such as {@code vcpu.arch.regs[2]} in {@code typeName}. */
    public FieldRef resolve(String typeName, String path) {
        StructLayout s = find(typeName).orElseThrow(() -> new LayoutPathException(typeName, path,
                "no struct or union '" + typeName + "' in the loaded layouts", nearestTypeNames(typeName)));
        return FieldPaths.resolve(this, s, typeName, path);
    }

    /** Up to three known struct/union names closest to {@code typeName}, for error messages. */
    public List<String> nearestTypeNames(String typeName) {
        return FieldPaths.nearest(typeName, typeNames());
    }

    /** Notes about the input: pahole summaries that disagree, duplicate definitions, re-layouts. */
    public List<String> warnings() {
        return warnings;
    }

    /** Names of all structs and unions that {@link #find} knows, sorted. */
    public Set<String> typeNames() {
        Set<String> names = new TreeSet<>(byName.keySet());
        names.addAll(expandedElsewhere.keySet());
        return Collections.unmodifiableSet(names);
    }

    /** Every top-level struct of every file in file order, duplicates included (for {@code --verify}). */
    public List<StructLayout> all() {
        return all;
    }

    /** Resolves alignments and applies the composition rule. */
    private static final class Builder {
        private final List<List<RawStruct>> perFile;
        private final Map<String, List<Def>> defs = new HashMap<>();
        private final Map<RawStruct, StructLayout> built = new HashMap<>();
        private final Set<RawStruct> inProgress = new HashSet<>();
        private final Map<String, StructLayout> expandedElsewhere = new HashMap<>();
        private final List<String> warnings = new ArrayList<>();

        private record Def(int file, RawStruct raw) {}

        Builder(List<List<RawStruct>> perFile) {
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
            if (raw.size >= 0 && !raw.union) {
                dropUnneededZeroWidthBitfields(raw, members);
            }
            boolean packingInferred = !raw.packed && !raw.union && raw.size >= 0 && onlyPackingExplains(members);
            boolean packed = raw.packed || packingInferred;
            if (!packed) {
                capByObservedLayout(raw, members);
                if (raw.size >= 0 && !raw.union) {
                    learnFromObservedOffsets(raw, members);
                }
            }
            int alignedAttribute = raw.alignedAttribute;
            int alignmentFromSize = 0;
            if (raw.size > 0) {
                alignmentFromSize = alignmentFromSize(raw, members, packed);
                alignedAttribute = Math.max(alignedAttribute, alignmentFromSize);
            }
            int alignment = LayoutEngine.alignment(members, packed, alignedAttribute);
            long size = raw.size;
            StructLayout s = new StructLayout(raw.name, raw.union, size, alignment, members, alignedAttribute,
                    packed, raw.summary, raw.source, raw.line, false,
                    alignmentFromSize > 0 || !packed && alignmentGuessed(members, raw), packingInferred,
                    alignmentFromSize);
            if (size < 0 || !overridden.isEmpty()) {
                StructLayout again = LayoutEngine.layOut(s, members);
                s = again.withMembers(again.members(), again.size(), again.alignment(), !overridden.isEmpty());
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

        /**
         * An inferred alignment that places a member before the offset pahole printed is too small:
         * raise it to the largest power of two (up to 64) dividing the observed offset. Still a guess.
         * Zero-size members get the same treatment: BTF keeps no alignment attributes, so the
         * kernel's {@code __aligned} cacheline-group markers and flexible arrays show only as holes.
         */
        private static void learnFromObservedOffsets(RawStruct raw, List<Member> members) {
            StructLayout probe = new StructLayout(raw.name, false, raw.size, 1, members, raw.alignedAttribute,
                    false, null, raw.source, raw.line, false, false, false, 0);
            for (int round = 0; round < members.size(); round++) {
                List<Member> placed = LayoutEngine.layOut(probe, members).members();
                int fix = -1;
                for (int i = 0; i < members.size() && fix < 0; i++) {
                    Member m = members.get(i);
                    if (m.bitfield() || placed.get(i).offset() == m.offset()) {
                        continue;
                    }
                    boolean guessable = m.alignmentSource() == AlignmentSource.INFERRED || m.size() == 0;
                    if (placed.get(i).offset() < m.offset() && guessable && m.offset() > 0) {
                        fix = i;
                    } else {
                        return;
                    }
                }
                if (fix < 0) {
                    return;
                }
                Member m = members.get(fix);
                int learned = (int) Math.min(64, Long.lowestOneBit(m.offset()));
                if (learned <= m.alignment()) {
                    return;
                }
                members.set(fix, m.withAlignment(learned, AlignmentSource.INFERRED));
            }
        }

        /**
         * Debug info holds no unnamed bitfields: every {@code :0} in pahole's output is pahole's own
         * guess, printed whenever a bitfield starts a new storage unit, even where the ABI's
         * no-straddle rule already moves it there. Such a {@code :0} would pin the next member to a
         * fresh unit in any re-layout, so keep only those the own-order layout needs (as in
         * task_struct, whose source has "unsigned :0").
         */
        private static void dropUnneededZeroWidthBitfields(RawStruct raw, List<Member> members) {
            for (int i = members.size() - 1; i >= 0; i--) {
                if (!members.get(i).isZeroWidthBitfield() || !members.get(i).name().isEmpty()) {
                    continue;
                }
                List<Member> without = new ArrayList<>(members);
                without.remove(i);
                StructLayout probe = new StructLayout(raw.name, false, raw.size, 1, members, raw.alignedAttribute,
                        raw.packed, null, raw.source, raw.line, false, false, false, 0);
                List<Member> with = LayoutEngine.layOut(probe, members).members();
                List<Member> again = LayoutEngine.layOut(probe, without).members();
                boolean same = true;
                for (int j = i + 1; j < members.size() && same; j++) {
                    Member a = with.get(j);
                    Member b = again.get(j - 1);
                    same = a.offset() == b.offset() && a.bitOffset() == b.bitOffset();
                }
                if (same) {
                    members.remove(i);
                }
            }
        }

        /**
         * A size larger than the members and their alignments explain means a struct alignment
         * the dump does not print (DWARF keeps no {@code __aligned__} of a packed struct): the
         * smallest power of two that pads the members to the printed size. 0 when nothing is missing.
         */
        private static int alignmentFromSize(RawStruct raw, List<Member> members, boolean packed) {
            for (int a = 1; a <= 64; a *= 2) {
                StructLayout probe = new StructLayout(raw.name, raw.union, raw.size, 1, members,
                        Math.max(raw.alignedAttribute, a), packed, null, raw.source, raw.line, false, false, false, 0);
                long size = LayoutEngine.layOut(probe, members).size();
                if (size == raw.size) {
                    return a == 1 || a <= LayoutEngine.alignment(members, packed, raw.alignedAttribute) ? 0 : a;
                }
                if (size > raw.size) {
                    return 0;
                }
            }
            return 0;
        }

        /**
         * A member whose known alignment does not divide its offset, or a bitfield that runs past its
         * storage unit, exists only in a packed struct. DWARF does not record {@code __packed__}, so
         * pahole often does not print it; the offsets give it away.
         */
        private static boolean onlyPackingExplains(List<Member> members) {
            for (Member m : members) {
                if (m.bitfield()) {
                    if (!m.name().isEmpty() && m.bitOffset() + m.bitSize() > m.size() * 8) {
                        return true;
                    }
                    continue;
                }
                AlignmentSource src = m.alignmentSource();
                // Only alignments the ABI or an attribute fixes count as evidence: a looked-up or
                // expanded type may itself be packed without pahole saying so.
                boolean known = src == AlignmentSource.NATURAL || src == AlignmentSource.ATTRIBUTE;
                if (known && m.alignment() > 1 && m.offset() % m.alignment() != 0) {
                    return true;
                }
            }
            return false;
        }

        /**
         * A member's alignment divides its offset and the size of the struct around it. Where a
         * guessed, expanded or looked-up alignment contradicts that (a typedef guessed too large, a
         * nested {@code __packed__} type whose attribute pahole -E does not print), lower it to what
         * the dump shows, as a guess.
         */
        private static void capByObservedLayout(RawStruct raw, List<Member> members) {
            for (int i = 0; i < members.size(); i++) {
                Member m = members.get(i);
                AlignmentSource src = m.alignmentSource();
                if (m.bitfield() || src == AlignmentSource.NATURAL || src == AlignmentSource.ATTRIBUTE) {
                    continue;
                }
                long cap = 64;
                if (!raw.union && m.offset() > 0) {
                    cap = Math.min(cap, Long.lowestOneBit(m.offset()));
                }
                if (raw.size > 0) {
                    cap = Math.min(cap, Long.lowestOneBit(raw.size));
                }
                if (m.alignment() > cap) {
                    members.set(i, m.withAlignment((int) cap, AlignmentSource.INFERRED));
                }
            }
        }

        /** True when an inferred member alignment could change the struct's alignment. */
        private static boolean alignmentGuessed(List<Member> members, RawStruct raw) {
            if (raw.packed) {
                return false;
            }
            int known = raw.alignedAttribute;
            long possible = 0;
            for (Member m : members) {
                if (m.bitfield() && m.name().isEmpty()) {
                    continue;
                }
                if (m.alignmentSource() == AlignmentSource.INFERRED) {
                    // The true alignment divides the element size, the offset and the struct size.
                    long count = m.elementCount();
                    long element = count > 0 ? m.size() / count : 0;
                    long bound = element > 0 ? Math.min(64, Long.lowestOneBit(element)) : 1;
                    if (!raw.union && m.offset() > 0) {
                        bound = Math.min(bound, Long.lowestOneBit(m.offset()));
                    }
                    if (raw.size > 0) {
                        bound = Math.min(bound, Long.lowestOneBit(raw.size));
                    }
                    possible = Math.max(possible, Math.max(bound, m.alignment()));
                } else {
                    known = Math.max(known, m.alignment());
                }
            }
            return possible > known;
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
                source = nested.alignmentGuessed() ? AlignmentSource.INFERRED : AlignmentSource.EXPANDED;
            } else {
                long elementSize = count > 0 ? rm.size / count : 0;
                align = NaturalTypes.alignment(rm.type, elementSize);
                source = AlignmentSource.NATURAL;
                if (align == 0) {
                    String named = structName(rm.type);
                    StructLayout def = named == null ? null : definition(named, elementSize, file, owner, rm, overridden);
                    if (def != null) {
                        align = def.alignment();
                        source = def.alignmentGuessed() ? AlignmentSource.INFERRED : AlignmentSource.DEFINITION;
                        if (count > 0 && def.size() * count != rm.size && finalDef(named).file > file) {
                            size = def.size() * count;
                        } else {
                            size = grownBy(def, count, size, overridden);
                        }
                    } else {
                        align = inferAlignment(elementSize, rm.offset);
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
                if (s.size() == elementSize && (best == null || d.file == file)) {
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

        /**
         * A guess for a type the dump does not define (a typedef in plain pahole output): the largest
         * power of two up to 8 that divides both the element size and the observed offset; 1 for an
         * empty or zero-length member.
         */
        private static int inferAlignment(long elementSize, long offset) {
            long a = 8;
            if (elementSize == 0) {
                return 1; // an empty type (e.g. lockdep_map_p without lockdep) has nothing to align
            }
            if (elementSize > 0) {
                a = Math.min(a, Long.lowestOneBit(elementSize));
            }
            if (offset > 0) {
                a = Math.min(a, Long.lowestOneBit(offset));
            }
            return (int) a;
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
}
