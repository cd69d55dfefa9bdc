package footprint.patch;

import footprint.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A struct definition in a kernel header, cut into the pieces a patch moves: each top-level
 * declaration with the comment and blank lines above it, an {@code #ifdef ... #endif} block as one
 * piece, an inline {@code struct { ... } name;} as one piece. A piece names the members it declares
 * (anonymous struct/union members as {@code __anonN}, counted in order as pahole does).
 */
public final class SourceStruct {
    /**
     * One movable piece: its lines, the members it declares, and how: inside an {@code #if} block, or
     * by a macro whose expansion the parser does not know (the member is taken to be the first
     * argument). {@code conditions} gives, for each member of an {@code #if} block, the directives
     * that enclose its declaration, outermost first; a member in an {@code #else} or {@code #elif}
     * branch has none there, as copying the directive would not reproduce its condition.
     */
    public record Piece(List<String> lines, List<String> members, int line, boolean conditional, boolean macro,
            Map<String, List<String>> conditions) {
        public Piece {
            lines = List.copyOf(lines);
            members = List.copyOf(members);
            conditions = Map.copyOf(conditions);
        }

        /** The directives a copy of a statement about {@code member} must sit in; empty when it is unconditional. */
        public Optional<List<String>> condition(String member) {
            return conditional ? Optional.ofNullable(conditions.get(member)) : Optional.of(List.of());
        }
    }

    private static final List<String> HEADERS = List.of("include/linux/kvm_host.h",
            "arch/x86/include/asm/kvm_host.h", "arch/x86/kvm/vmx/vmx.h", "arch/x86/kvm/vmx/vmcs.h",
            "arch/x86/kvm/svm/svm.h", "arch/x86/kvm/vmx/posted_intr.h", "arch/x86/kvm/vmx/capabilities.h",
            "include/linux/kvm_types.h", "arch/x86/kvm/vmx/x86_ops.h", "arch/x86/kvm/vmx/common.h");
    private static final Pattern DECLARATOR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*(\\[[^\\]]*\\]\\s*)*"
            + "(:\\s*[^;]+)?(__[a-z]\\w*\\s*(\\([^;]*\\))?\\s*)*;\\s*(/\\*.*\\*/|//.*)?$");
    private static final Pattern FUNCTION_POINTER = Pattern.compile("\\(\\s*\\*\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)");
    private static final Pattern MACRO_ARG = Pattern.compile("^\\s*[A-Z_][A-Z0-9_]*\\s*\\(\\s*([a-z_][A-Za-z0-9_]*)\\s*[,)]");
    private static final Pattern MACRO = Pattern.compile("^\\s*[A-Z_][A-Z0-9_]*\\s*\\(");
    /**
     * Kernel macros that expand to exactly one member named by their first argument
     * ({@code DECLARE_BITMAP(name, bits)} is {@code unsigned long name[BITS_TO_LONGS(bits)]}): the line
     * moves like any declaration. Other macros may declare several members or none, so they stay put.
     */
    private static final Pattern ONE_MEMBER_MACRO = Pattern.compile("^(DECLARE_BITMAP|DECLARE_HASHTABLE)\\s*\\(");

    private final Path root;
    private final Path file;
    private final String name;
    private final List<String> text;
    private final int open;
    private final int close;
    private final List<Piece> pieces;

    private SourceStruct(Path root, Path file, String name, List<String> text, int open, int close,
            List<Piece> pieces) {
        this.root = root;
        this.file = file;
        this.name = name;
        this.text = text;
        this.open = open;
        this.close = close;
        this.pieces = List.copyOf(pieces);
    }

    /** The file, relative to the source tree, as a patch names it. */
    public String relativePath() {
        return root.relativize(file).toString().replace('\\', '/');
    }

    public String name() {
        return name;
    }

    public List<String> text() {
        return text;
    }

    /** Index (0-based) of the line with {@code struct NAME {}. */
    public int open() {
        return open;
    }

    /** Index of the line with the closing brace. */
    public int close() {
        return close;
    }

    public List<Piece> pieces() {
        return pieces;
    }

    /** Finds {@code struct name} in the usual KVM headers under {@code root}, else anywhere under arch/x86 and include. */
    public static SourceStruct find(Path root, String name) {
        Pattern start = Pattern.compile("^\\s*struct\\s+" + Pattern.quote(name) + "\\s*\\{\\s*$");
        List<Path> candidates = new ArrayList<>();
        HEADERS.forEach(h -> candidates.add(root.resolve(h)));
        for (String dir : List.of("arch/x86", "include", "virt")) {
            Path d = root.resolve(dir);
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.walk(d)) {
                    s.filter(p -> p.toString().endsWith(".h")).sorted().forEach(candidates::add);
                } catch (IOException e) {
                    throw new InputException(d, 0, "cannot list: " + e.getMessage());
                }
            }
        }
        for (Path f : candidates) {
            if (!Files.isRegularFile(f)) {
                continue;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(f);
            } catch (IOException e) {
                throw new InputException(f, 0, "cannot read: " + e.getMessage());
            }
            for (int i = 0; i < lines.size(); i++) {
                if (start.matcher(lines.get(i)).matches()) {
                    return parse(root, f, name, lines, i);
                }
            }
        }
        throw new InputException(root.toString(), 0, "struct " + name + ": no definition 'struct " + name
                + " {' on a line of its own in the headers under this tree");
    }

    /** {@code struct name} in {@code lines}, the text of {@code file} (perhaps already edited). */
    public static SourceStruct in(Path root, Path file, List<String> lines, String name) {
        Pattern start = Pattern.compile("^\\s*struct\\s+" + Pattern.quote(name) + "\\s*\\{\\s*$");
        for (int i = 0; i < lines.size(); i++) {
            if (start.matcher(lines.get(i)).matches()) {
                return parse(root, file, name, lines, i);
            }
        }
        throw new InputException(file, 0, "no 'struct " + name + " {' line");
    }

    private static SourceStruct parse(Path root, Path file, String name, List<String> lines, int open) {
        List<Piece> pieces = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        int anonymous = 0;
        int i = open + 1;
        while (true) {
            if (i >= lines.size()) {
                throw new InputException(file, open + 1, "struct " + name + " does not end");
            }
            String line = lines.get(i);
            String t = line.strip();
            if (t.startsWith("};") || t.startsWith("}") && depth(line) < 0 && t.endsWith(";")) {
                if (!pending.isEmpty()) {
                    pieces.add(new Piece(pending, List.of(), i + 1 - pending.size(), false, false, Map.of()));
                }
                return new SourceStruct(root, file, name, lines, open, i, pieces);
            }
            if (t.isEmpty() || t.startsWith("/*") || t.startsWith("*") || t.startsWith("//") || t.startsWith("#define")
                    || t.startsWith("#undef")) {
                pending.add(line);
                i++;
                continue;
            }
            int first = i;
            List<String> body = new ArrayList<>(pending);
            pending.clear();
            List<String> members = new ArrayList<>();
            Map<String, List<String>> conditions = new HashMap<>();
            boolean conditional = t.startsWith("#if");
            boolean macro = false;
            if (conditional) {
                int level = 0;
                while (true) {
                    String l = lines.get(i).strip();
                    if (l.startsWith("#if")) {
                        level++;
                    } else if (l.startsWith("#endif")) {
                        level--;
                    }
                    body.add(lines.get(i));
                    i++;
                    if (level == 0) {
                        break;
                    }
                    if (i >= lines.size() || lines.get(i).strip().startsWith("};") && level > 0
                            && depthOf(body) == 0) {
                        throw new InputException(file, first + 1, "struct " + name + ": #if block not closed"
                                + " inside the struct");
                    }
                }
                int braces = 0;
                // the enclosing directives; null for a branch (#else, #elif) whose condition a copy would lose
                List<String> enclosing = new ArrayList<>();
                for (String l : body) {
                    String s = stripComment(l).strip();
                    braces += depth(l);
                    if (s.startsWith("#if")) {
                        enclosing.add(s);
                    } else if (s.startsWith("#el") && !enclosing.isEmpty()) {
                        enclosing.set(enclosing.size() - 1, null);
                    } else if (s.startsWith("#endif") && !enclosing.isEmpty()) {
                        enclosing.remove(enclosing.size() - 1);
                    }
                    if (braces == 0 && !s.startsWith("#") && !s.startsWith("*") && s.endsWith(";")) {
                        List<String> names = s.startsWith("}") && s.equals("};") ? List.of("__anon" + anonymous++)
                                : s.indexOf(',') >= 0 && !s.contains("(") ? declaredList(file, first, name, s)
                                : Stream.ofNullable(declared(s)).toList();
                        for (String m : names) {
                            members.add(m);
                            if (!enclosing.contains(null)) {
                                conditions.put(m, List.copyOf(enclosing));
                            }
                        }
                    }
                }
            } else if (t.startsWith("#")) {
                throw new InputException(file, i + 1, "struct " + name + ": preprocessor line '" + t
                        + "' outside an #if block at the top level of the struct; cannot move around it safely");
            } else {
                int level = 0;
                StringBuilder decl = new StringBuilder();
                while (true) {
                    String l = lines.get(i);
                    body.add(l);
                    level += depth(l);
                    decl.append(' ').append(stripComment(l).strip());
                    i++;
                    if (level <= 0 && stripComment(l).strip().endsWith(";")) {
                        break;
                    }
                    if (i >= lines.size()) {
                        throw new InputException(file, first + 1, "struct " + name + ": declaration does not end");
                    }
                }
                String d = decl.toString().strip();
                if (d.contains("{")) {
                    String after = d.substring(d.lastIndexOf('}') + 1).strip();
                    String m = after.equals(";") ? null : declared(after);
                    members.add(m == null ? "__anon" + anonymous++ : m);
                } else if (d.startsWith("__cacheline_group_")) {
                    macro = true; // a group marker: a zero-size member that declares nothing the layout knows
                } else if (MACRO.matcher(d).find()) {
                    macro = !ONE_MEMBER_MACRO.matcher(d).find();
                    Matcher arg = MACRO_ARG.matcher(d);
                    if (arg.find()) {
                        members.add(arg.group(1));
                    }
                } else if (d.indexOf(',') >= 0 && !d.contains("(")) {
                    members.addAll(declaredList(file, first, name, d));
                } else {
                    String m = declared(d);
                    if (m == null) {
                        throw new InputException(file, first + 1, "struct " + name + ": cannot read the member"
                                + " name from '" + d + "'");
                    }
                    members.add(m);
                }
            }
            pieces.add(new Piece(body, members, first + 1, conditional, macro, conditions));
        }
    }

    private static int depthOf(List<String> lines) {
        int d = 0;
        for (String l : lines) {
            d += depth(l);
        }
        return d;
    }

    private static int depth(String line) {
        String s = stripComment(line);
        int d = 0;
        for (char c : s.toCharArray()) {
            d += c == '{' ? 1 : c == '}' ? -1 : 0;
        }
        return d;
    }

    private static String stripComment(String line) {
        String s = line.replaceAll("/\\*.*?\\*/", "");
        int c = s.indexOf("//");
        return c >= 0 ? s.substring(0, c) : s;
    }

    /** The members of a declaration of several ({@code u16 fs_sel, gs_sel, ldt_sel;}) at 0-based line {@code index}. */
    private static List<String> declaredList(Path file, int index, String struct, String declaration) {
        String d = stripComment(declaration).strip();
        List<String> out = new ArrayList<>();
        String[] parts = d.substring(0, d.lastIndexOf(';')).split(",");
        for (int k = 0; k < parts.length; k++) {
            String m = declared(parts[k].strip() + ";");
            if (m == null) {
                throw new InputException(file, index + 1, "struct " + struct + ": cannot read the member names from '"
                        + d + "'");
            }
            out.add(m);
        }
        return out;
    }

    /** The member a declaration names, or null. */
    static String declared(String declaration) {
        String d = stripComment(declaration).strip();
        Matcher fp = FUNCTION_POINTER.matcher(d);
        if (fp.find()) {
            return fp.group(1);
        }
        Matcher m = DECLARATOR.matcher(d);
        String found = null;
        while (m.find()) {
            found = m.group(1);
        }
        return found;
    }
}
