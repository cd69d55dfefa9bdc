package footprint.patch;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import footprint.input.InputException;
import footprint.layout.LayoutSet;
import footprint.layout.Member;
import footprint.layout.StructLayout;
import footprint.optimize.OptimizeReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A unified diff ({@code patch -p1} in the source tree) that puts the members of each re-ordered
 * struct in the proposed order by moving whole source pieces ({@link SourceStruct}): a declaration
 * with its comment, an {@code #ifdef} block, an inline struct. Pieces that declare no member the
 * layout knows (a block the config leaves out) stay after the piece they followed. Where
 * {@code include/linux/cache.h} defines {@code __cacheline_group_begin}, the touched members the
 * order packs together are bracketed by a group of that name, and the diff adds the matching
 * {@code CACHELINE_ASSERT_GROUP_*} lines to a check function called from an init function of the
 * code that owns the struct, as net/ipv4/tcp.c does with tcp_struct_check() from tcp_init().
 * Refuses what it cannot move or guard safely.
 */
public final class KernelPatch {
    /** The diff, whether the tree has cacheline groups (Linux 6.8+), and the groups the diff guards. */
    public record Result(String diff, boolean grouped, List<Guard> guards) {
        public Result {
            guards = List.copyOf(guards);
        }
    }

    /**
     * One cacheline group the diff adds: its struct and name, the members asserted in it, its size in
     * bytes in the proposed layout (what CACHELINE_ASSERT_GROUP_SIZE allows), and the check function
     * holding the asserts, in {@code file}, called from {@code caller}.
     */
    public record Guard(String struct, String group, List<String> members, long size, String file, String function,
            String caller) {
        public Guard {
            members = List.copyOf(members);
        }
    }

    /**
     * Where the asserts of a struct declared under {@code headers} go: a check function in
     * {@code file} called from {@code caller}. Each struct is guarded by the code that owns it rather
     * than all in vmx.c: kvm_vcpu is generic and built for every architecture, kvm_vcpu_arch for both
     * vendor modules, so their asserts in vmx.c would not fail a kvm-amd or arm64 build that breaks
     * the group. The callers run once when the module loads: vmx_init() (next to its other
     * build-time checks, KVM_SANITY_CHECK_VM_STRUCT_SIZE and vmx_check_vmcs12_offsets()),
     * svm_init(), kvm_x86_init() (the module_init of kvm.ko) and kvm_init(), which already states the
     * layout of kvm_vcpu in its usercopy window. kvm_init() is not __init, so its check is not either.
     */
    private record CheckSite(String headers, String file, String caller, String function, boolean init) {}

    private static final List<CheckSite> SITES = List.of(
            new CheckSite("arch/x86/kvm/vmx/", "arch/x86/kvm/vmx/vmx.c", "vmx_init", "vmx_struct_check", true),
            new CheckSite("arch/x86/kvm/svm/", "arch/x86/kvm/svm/svm.c", "svm_init", "svm_struct_check", true),
            new CheckSite("arch/x86/", "arch/x86/kvm/x86.c", "kvm_x86_init", "kvm_x86_struct_check", true),
            new CheckSite("include/", "virt/kvm/kvm_main.c", "kvm_init", "kvm_struct_check", false),
            new CheckSite("virt/kvm/", "virt/kvm/kvm_main.c", "kvm_init", "kvm_struct_check", false));
    /** A cacheline group's begin marker in a struct body. */
    private static final Pattern GROUP_BEGIN = Pattern.compile("__cacheline_group_begin\\(\\w+\\)");
    /** A local declaration at the top of a function body: {@code int r, cpu;}, {@code struct desc_ptr dt;}. */
    private static final Pattern LOCAL = Pattern.compile("^\\t(const |unsigned |signed |struct |enum )*"
            + "[a-z_][a-z0-9_]*( \\**[a-z_][a-z0-9_]*(\\[[^]]*\\])?,?)+;$");
    /** A build-time check statement, which the call to the check function joins. */
    private static final Pattern BUILD_CHECK = Pattern.compile("^\\t(BUILD_BUG_ON|KVM_SANITY_CHECK_\\w*|static_assert)\\s*\\(.*;$");

    private KernelPatch() {}

    /** The diff against the tree at {@code root} for {@code report}, with group sizes from {@code proposed} (its layout). */
    public static Result of(Path root, OptimizeReport report, LayoutSet proposed) {
        boolean groups = hasCachelineGroups(root);
        Map<String, List<String>> perFile = new LinkedHashMap<>();
        Map<String, List<String>> original = new LinkedHashMap<>();
        List<Guard> guards = new ArrayList<>();
        Map<CheckSite, List<String>> asserts = new LinkedHashMap<>();
        for (OptimizeReport.StructChange change : report.structs()) {
            if (change.moved() == 0) {
                continue;
            }
            SourceStruct src = SourceStruct.find(root, change.struct());
            String file = src.relativePath();
            List<String> text = perFile.computeIfAbsent(file, f -> new ArrayList<>(src.text()));
            original.putIfAbsent(file, src.text());
            // the file may already hold an earlier struct's new order: read the struct from the edited text
            SourceStruct now = SourceStruct.in(root, root.resolve(file), text, change.struct());
            refuseExistingGroups(now);
            Body body = reorder(now, change, groups);
            List<String> next = new ArrayList<>(text.subList(0, now.open() + 1));
            next.addAll(body.lines());
            next.addAll(text.subList(now.close(), text.size()));
            perFile.put(file, next);
            if (groups && !body.group().isEmpty()) {
                CheckSite site = site(now);
                Guard guard = guard(now, change, body, proposed, site);
                guards.add(guard);
                asserts.computeIfAbsent(site, s -> new ArrayList<>()).addAll(assertLines(now, guard));
            }
        }
        for (Map.Entry<CheckSite, List<String>> e : asserts.entrySet()) {
            CheckSite site = e.getKey();
            Path c = root.resolve(site.file());
            if (!perFile.containsKey(site.file())) {
                List<String> text = read(c);
                original.put(site.file(), text);
                perFile.put(site.file(), text);
            }
            perFile.put(site.file(), withCheck(c, perFile.get(site.file()), site, e.getValue()));
        }
        StringBuilder diff = new StringBuilder();
        for (Map.Entry<String, List<String>> e : perFile.entrySet()) {
            List<String> before = original.get(e.getKey());
            List<String> lines = UnifiedDiffUtils.generateUnifiedDiff("a/" + e.getKey(), "b/" + e.getKey(), before,
                    DiffUtils.diff(before, e.getValue()), 3);
            lines.forEach(l -> diff.append(l).append('\n'));
        }
        return new Result(diff.toString(), groups, guards);
    }

    private static CheckSite site(SourceStruct src) {
        String header = src.relativePath();
        return SITES.stream().filter(s -> header.startsWith(s.headers())).findFirst()
                .orElseThrow(() -> new InputException(header, src.open() + 1, "struct " + src.name() + ": no init"
                        + " function known for the CACHELINE_ASSERT_GROUP_* lines of a struct declared here (known: "
                        + String.join(", ", SITES.stream().map(s -> s.headers() + " -> " + s.caller() + "()")
                                .toList()) + ")"));
    }

    /**
     * The group in the proposed layout: the begin marker (zero bytes, byte-aligned) sits where the
     * member before the group ends, the end marker where the group's last member ends.
     */
    private static Guard guard(SourceStruct src, OptimizeReport.StructChange change, Body body, LayoutSet proposed,
            CheckSite site) {
        StructLayout layout = proposed.find(change.struct()).orElseThrow();
        long firstBit = Long.MAX_VALUE;
        long endBit = 0;
        for (Member m : layout.members()) {
            if (body.group().contains(m.name())) {
                firstBit = Math.min(firstBit, m.startBit());
                endBit = Math.max(endBit, m.endBit());
            }
        }
        long beginBit = 0;
        for (Member m : layout.members()) {
            if (!body.group().contains(m.name()) && m.startBit() < firstBit) {
                beginBit = Math.max(beginBit, m.endBit());
            }
        }
        long size = (endBit + 7) / 8 - (beginBit + 7) / 8;
        List<String> members = change.order().stream()
                .filter(m -> grouped(change).contains(m) && !m.startsWith(Member.ANON_PREFIX)).toList();
        return new Guard(change.struct(), change.struct() + "_hot", members, size, site.file(), site.function(),
                site.caller());
    }

    /**
     * The asserts of one group; a member declared in an #if block is asserted inside the same
     * directives. The size holds for the build the layout came from: the bundled layouts are x86-64
     * ones, and kvm_main.c is built for every architecture, whose kvm_vcpu_arch differs; so the size
     * assert is made for CONFIG_X86_64 only.
     */
    private static List<String> assertLines(SourceStruct src, Guard g) {
        List<String> out = new ArrayList<>();
        out.add("\t/* struct " + g.struct() + ": " + g.members().size() + " touched members within " + g.size()
                + " bytes */");
        List<String> open = List.of();
        for (String m : g.members()) {
            SourceStruct.Piece piece = src.pieces().stream().filter(p -> p.members().contains(m)).findFirst()
                    .orElseThrow();
            List<String> condition = piece.condition(m).orElseThrow(() -> new InputException(src.relativePath(),
                    piece.line(), "struct " + src.name() + ": member '" + m + "' is declared in an #else or #elif"
                    + " branch; its group assert cannot be conditioned the same way"));
            if (!condition.equals(open)) {
                open.forEach(c -> out.add("#endif"));
                out.addAll(condition);
                open = condition;
            }
            out.add("\tCACHELINE_ASSERT_GROUP_MEMBER(struct " + g.struct() + ", " + g.group() + ", " + m + ");");
        }
        open.forEach(c -> out.add("#endif"));
        out.add("#ifdef CONFIG_X86_64");
        out.add("\tCACHELINE_ASSERT_GROUP_SIZE(struct " + g.struct() + ", " + g.group() + ", " + g.size() + ");");
        out.add("#endif");
        return out;
    }

    /**
     * A struct that already has cacheline groups (an earlier footprint patch, or the kernel's own)
     * is guarded by CACHELINE_ASSERT_GROUP_* checks this diff does not know: a new order could move
     * a member out of its group, and a second group of the same name would not compile.
     */
    private static void refuseExistingGroups(SourceStruct src) {
        for (SourceStruct.Piece piece : src.pieces()) {
            for (String line : piece.lines()) {
                Matcher m = GROUP_BEGIN.matcher(line);
                if (m.find()) {
                    throw new InputException(src.relativePath(), piece.line(), "struct " + src.name()
                            + " already has a cacheline group (" + m.group() + "), which checks elsewhere may guard;"
                            + " footprint does not re-order a struct with groups: revert the patch that added it (an"
                            + " earlier optimize --patch?), or keep this struct's order (--struct without it,"
                            + " or --max-moves)");
                }
            }
        }
    }

    /**
     * {@code text} of {@code file} with the check function before {@code site.caller()}'s definition
     * (and the comment above it), and a call to it after the caller's local declarations and
     * build-time checks.
     */
    private static List<String> withCheck(Path file, List<String> text, CheckSite site, List<String> asserts) {
        Pattern existing = Pattern.compile("\\b" + Pattern.quote(site.function()) + "\\s*\\(void\\)\\s*$");
        for (int i = 0; i < text.size(); i++) {
            if (existing.matcher(text.get(i)).find()) {
                throw new InputException(file, i + 1, site.function() + "() is already defined here (an earlier"
                        + " optimize --patch?); revert that patch first");
            }
        }
        Pattern definition = Pattern.compile("^[a-z_].*\\b" + Pattern.quote(site.caller()) + "\\s*\\([^;]*$");
        int def = -1;
        for (int i = 0; i < text.size() && def < 0; i++) {
            if (definition.matcher(text.get(i)).find()) {
                def = i;
            }
        }
        int open = def;
        while (open >= 0 && open < text.size() && !text.get(open).equals("{")) {
            open++;
        }
        if (def < 0 || open >= text.size() || open > def + 3) {
            throw new InputException(file, 0, "no definition of " + site.caller() + "() to call the group asserts"
                    + " from (a function whose body opens with '{' on a line of its own)");
        }
        int call = open + 1;
        while (call < text.size() && LOCAL.matcher(text.get(call)).matches()) {
            call++;
        }
        if (call > open + 1 && call < text.size() && text.get(call).isEmpty()) {
            call++;
        }
        boolean afterChecks = false;
        while (call < text.size() && BUILD_CHECK.matcher(text.get(call)).matches()) {
            call++;
            afterChecks = true;
        }
        int above = def;
        if (above > 0 && text.get(above - 1).strip().endsWith("*/")) {
            while (above > 0 && !text.get(above - 1).strip().startsWith("/*")) {
                above--;
            }
            above--;
        }
        List<String> out = new ArrayList<>(text.subList(0, above));
        out.add("/*");
        out.add(" * Fail the build when a member leaves its cacheline group or a group grows: the");
        out.add(" * groups hold the fields the most frequent VM exits touch, packed into few lines.");
        out.add(" */");
        out.add("static void " + (site.init() ? "__init " : "") + site.function() + "(void)");
        out.add("{");
        out.addAll(asserts);
        out.add("}");
        out.add("");
        out.addAll(text.subList(above, call));
        out.add("\t" + site.function() + "();");
        if (!afterChecks && !text.get(call).isEmpty()) {
            out.add("");
        }
        out.addAll(text.subList(call, text.size()));
        return out;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read the file that calls the group asserts: " + e.getMessage());
        }
    }

    /** A struct body in the proposed order, and the members its cacheline group brackets (empty without one). */
    record Body(List<String> lines, Set<String> group) {}

    /** The struct body (between the braces) in the proposed order. */
    static Body reorder(SourceStruct src, OptimizeReport.StructChange change, boolean groups) {
        List<SourceStruct.Piece> pieces = src.pieces();
        Map<String, Integer> pieceOf = new LinkedHashMap<>();
        for (int p = 0; p < pieces.size(); p++) {
            for (String m : pieces.get(p).members()) {
                pieceOf.put(m, p);
            }
        }
        for (String m : change.order()) {
            if (!pieceOf.containsKey(m)) {
                throw new InputException(src.relativePath(), src.open() + 1, "struct " + change.struct()
                        + ": member '" + m + "' is not declared by name in the source; cannot write the patch");
            }
            SourceStruct.Piece piece = pieces.get(pieceOf.get(m));
            if (piece.macro() && change.movedMembers().contains(m)) {
                throw new InputException(src.relativePath(), piece.line(), "struct " + change.struct() + ": member '"
                        + m + "' is declared by a macro (" + piece.lines().get(piece.lines().size() - 1).strip()
                        + "), which cannot be moved safely; keep it with a constraint or fewer --max-moves");
            }
        }
        List<Integer> order = new ArrayList<>();
        Set<Integer> placed = new HashSet<>();
        for (String m : change.order()) {
            int p = pieceOf.get(m);
            if (placed.add(p)) {
                order.add(p);
            } else if (order.get(order.size() - 1) != p) {
                throw new InputException(src.relativePath(), pieces.get(p).line(), "struct " + change.struct()
                        + ": the proposed order splits the block declaring " + String.join(", ",
                        pieces.get(p).members()) + " (an #ifdef or inline struct moves as one); cannot write the patch");
            }
        }
        // A plain declaration the layout does not know is not a config choice: the source is another kernel.
        for (int p = 0; p < pieces.size(); p++) {
            SourceStruct.Piece piece = pieces.get(p);
            if (!placed.contains(p) && !piece.conditional() && !piece.macro() && !piece.members().isEmpty()) {
                throw new InputException(src.relativePath(), piece.line(), "struct " + change.struct() + ": member '"
                        + String.join("', '", piece.members()) + "' is declared here but not in the layout files, so"
                        + " they describe another kernel than this tree; give the layout of this tree's build (pahole"
                        + " of its object) or the tree the layout came from");
            }
        }
        // pieces naming no known member (blocks the config compiles out) stay after the piece they followed (or first)
        List<Integer> withOrphans = new ArrayList<>();
        for (int p = 0; p < pieces.size() && !placed.contains(p); p++) {
            withOrphans.add(p);
        }
        for (int p : order) {
            withOrphans.add(p);
            for (int q = p + 1; q < pieces.size() && !placed.contains(q); q++) {
                withOrphans.add(q);
            }
        }
        int firstHot = -1;
        int lastHot = -1;
        for (int k = 0; k < withOrphans.size(); k++) {
            boolean hot = pieces.get(withOrphans.get(k)).members().stream().anyMatch(grouped(change)::contains);
            if (hot) {
                firstHot = firstHot < 0 ? k : firstHot;
                lastHot = k;
            }
        }
        List<String> out = new ArrayList<>();
        Set<String> group = new HashSet<>();
        for (int k = 0; k < withOrphans.size(); k++) {
            if (groups && k >= firstHot && k <= lastHot) {
                group.addAll(pieces.get(withOrphans.get(k)).members());
            }
            if (groups && k == firstHot) {
                out.add("\t__cacheline_group_begin(" + change.struct() + "_hot);");
            }
            out.addAll(pieces.get(withOrphans.get(k)).lines());
            if (groups && k == lastHot) {
                out.add("\t__cacheline_group_end(" + change.struct() + "_hot);");
            }
        }
        return new Body(out, group);
    }

    /**
     * The members a struct's group brackets and asserts: the ones the order packs. A large member
     * with a few touched bytes (kvm_vcpu inside vcpu_vmx) would stretch the group over kilobytes
     * and its size check would guard nothing; it sits next to the group instead. A struct whose
     * touched members are all of that kind brackets them all.
     */
    private static List<String> grouped(OptimizeReport.StructChange change) {
        return change.packed().isEmpty() ? change.hot() : change.packed();
    }

    /** Whether the tree's include/linux/cache.h defines the cacheline group markers (Linux 6.8+). */
    static boolean hasCachelineGroups(Path root) {
        Path cache = root.resolve("include/linux/cache.h");
        try {
            return Files.isRegularFile(cache) && Files.readString(cache).contains("#define __cacheline_group_begin(");
        } catch (IOException e) {
            return false;
        }
    }
}
