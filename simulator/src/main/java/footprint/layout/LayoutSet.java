package footprint.layout;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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

    LayoutSet(Map<String, StructLayout> byName, Map<String, StructLayout> expandedElsewhere,
            List<StructLayout> all, List<String> warnings) {
        this.byName = byName;
        this.expandedElsewhere = expandedElsewhere;
        this.all = all;
        this.warnings = warnings;
    }

    /** Loads pahole text files ({@code .gz} is read through gunzip); later files override earlier ones. */
    public static LayoutSet load(List<Path> paholeFiles) {
        return new Composition(PaholeFiles.read(paholeFiles)).build();
    }

    /**
     * Loads pahole files followed by one more dump held in memory ({@code source} names it), which
     * overrides them like a later file: how a struct re-laid out in a new member order is tried in
     * place of its definition in the files.
     */
    public static LayoutSet composeWith(List<Path> paholeFiles, String laterPaholeText, String source) {
        List<List<RawStruct>> perFile = PaholeFiles.read(paholeFiles);
        perFile.add(PaholeFiles.parse(laterPaholeText, source));
        return new Composition(perFile).build();
    }

    /** Parses pahole text held in memory (tests, generated dumps); {@code source} names it in errors. */
    public static LayoutSet parse(String paholeText, String source) {
        return new Composition(List.of(PaholeFiles.parse(paholeText, source))).build();
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
}
