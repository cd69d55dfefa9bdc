package footprint.optimize;

import footprint.input.InputException;
import footprint.layout.LayoutSet;
import footprint.layout.StructLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a constraints file: one rule per line, {@code #} starts a comment, members as
 * {@code STRUCT.MEMBER} (a top-level member; anonymous ones by their {@code __anonN} name):
 *
 * <pre>
 * pin vcpu_vmx.vcpu 0                     # the member starts at this byte offset (decimal or 0x)
 * together kvm_vcpu.arch kvm_vcpu.stats_id # these members stay one block, in this order
 * before kvm_vcpu.mode kvm_vcpu.requests   # the first comes before the second
 * after kvm_vcpu.requests kvm_vcpu.mode    # the first comes after the second
 * </pre>
 *
 * Every struct and member must exist in the loaded layouts; errors name the file and line.
 */
public final class ConstraintFile {
    private ConstraintFile() {}

    public static List<Constraint> read(Path file, LayoutSet set) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file, 0, "no such file");
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read: " + e.getMessage());
        }
        List<Constraint> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (text.isEmpty()) {
                continue;
            }
            out.add(parse(text.split("\\s+"), set, file.toString(), i + 1));
        }
        return out;
    }

    private static Constraint parse(String[] w, LayoutSet set, String source, int line) {
        String origin = source + ":" + line;
        switch (w[0]) {
            case "pin" -> {
                need(w, 3, 3, "pin STRUCT.MEMBER OFFSET", source, line);
                String[] sm = member(w[1], set, source, line);
                long offset;
                try {
                    offset = Long.decode(w[2]);
                } catch (NumberFormatException e) {
                    throw new InputException(source, line, "offset '" + w[2] + "' is not a number");
                }
                return new Constraint.Pin(sm[0], sm[1], offset, origin);
            }
            case "together" -> {
                need(w, 3, Integer.MAX_VALUE, "together STRUCT.A STRUCT.B ...", source, line);
                String struct = null;
                List<String> members = new ArrayList<>();
                for (int k = 1; k < w.length; k++) {
                    String[] sm = member(w[k], set, source, line);
                    if (struct != null && !struct.equals(sm[0])) {
                        throw new InputException(source, line, "together names members of two structs (" + struct
                                + ", " + sm[0] + "): a block is inside one struct");
                    }
                    if (members.contains(sm[1])) {
                        throw new InputException(source, line, "together names " + w[k] + " twice");
                    }
                    struct = sm[0];
                    members.add(sm[1]);
                }
                return new Constraint.Together(struct, members, origin);
            }
            case "before", "after" -> {
                need(w, 3, 3, w[0] + " STRUCT.A STRUCT.B", source, line);
                String[] a = member(w[1], set, source, line);
                String[] b = member(w[2], set, source, line);
                if (!a[0].equals(b[0]) || a[1].equals(b[1])) {
                    throw new InputException(source, line, w[0] + " needs two different members of one struct");
                }
                return w[0].equals("before") ? new Constraint.Before(a[0], a[1], b[1], origin)
                        : new Constraint.Before(a[0], b[1], a[1], origin);
            }
            default -> throw new InputException(source, line, "unknown rule '" + w[0]
                    + "' (expected pin, together, before or after)");
        }
    }

    private static void need(String[] w, int min, int max, String usage, String source, int line) {
        if (w.length < min || w.length > max) {
            throw new InputException(source, line, "expected '" + usage + "'");
        }
    }

    private static String[] member(String word, LayoutSet set, String source, int line) {
        int dot = word.indexOf('.');
        if (dot <= 0 || dot == word.length() - 1) {
            throw new InputException(source, line, "'" + word + "' is not STRUCT.MEMBER");
        }
        String struct = word.substring(0, dot);
        String member = word.substring(dot + 1);
        StructLayout s = set.find(struct).orElseThrow(() -> new InputException(source, line, "no struct '" + struct
                + "' in the layout files (nearest: " + String.join(", ", set.nearestTypeNames(struct)) + ")"));
        if (!s.memberNames().contains(member)) {
            throw new InputException(source, line, "no member '" + member + "' in " + s.typeName()
                    + " (a top-level member; members: " + String.join(", ", s.memberNames().subList(0,
                    Math.min(8, s.memberNames().size()))) + (s.memberNames().size() > 8 ? ", ..." : "") + ")");
        }
        return new String[] {struct, member};
    }
}
