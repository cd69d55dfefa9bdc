package footprint.patch;

import footprint.input.InputException;
import footprint.layout.LayoutSet;
import footprint.layout.Member;
import footprint.layout.StructLayout;
import footprint.optimize.Constraint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Constraints the kernel source states about struct layouts, for the structs the loaded layouts
 * define: {@code BUILD_BUG_ON(offsetof(struct S, m) != K)} pins {@code m} at K;
 * {@code static_assert(offsetof(struct A, x) == offsetof(struct B, y))} pins both members where they
 * are now (which keeps them equal whatever else moves); the usercopy window of
 * {@code kmem_cache_create_usercopy(..., offsetof(struct S, a), offsetofend(struct S, b) - ...)} keeps
 * the members from a to b one block; an {@code #ifdef} block (or one declaration of several members)
 * keeps its members one block.
 */
public final class SourceConstraints {
    private static final Pattern PIN = Pattern.compile(
            "BUILD_BUG_ON\\s*\\(\\s*offsetof\\s*\\(\\s*struct\\s+(\\w+)\\s*,\\s*(\\w+)\\s*\\)\\s*!=\\s*(0x[0-9a-fA-F]+|\\d+)\\s*\\)");
    private static final Pattern SAME = Pattern.compile("static_assert\\s*\\(\\s*offsetof\\s*\\(\\s*struct\\s+(\\w+)\\s*,"
            + "\\s*(\\w+)\\s*\\)\\s*==\\s*offsetof\\s*\\(\\s*struct\\s+(\\w+)\\s*,\\s*(\\w+)\\s*\\)\\s*\\)");
    private static final Pattern USERCOPY = Pattern.compile("kmem_cache_create_usercopy\\s*\\([^;]*?offsetof\\s*\\("
            + "\\s*struct\\s+(\\w+)\\s*,\\s*(\\w+)\\s*\\)\\s*,\\s*offsetofend\\s*\\(\\s*struct\\s+(\\w+)\\s*,\\s*(\\w+)\\s*\\)",
            Pattern.DOTALL);

    private SourceConstraints() {}

    /** Mines the C files and headers under {@code root}'s arch/x86/kvm and virt/kvm. */
    public static List<Constraint> mine(Path root, LayoutSet set) {
        if (!Files.isDirectory(root)) {
            throw new InputException(root.toString(), 0, "--source: not a directory");
        }
        List<Constraint> out = new ArrayList<>();
        for (String dir : List.of("arch/x86/kvm", "virt/kvm")) {
            Path d = root.resolve(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> s = Files.walk(d)) {
                files = s.filter(p -> p.toString().endsWith(".c") || p.toString().endsWith(".h")).sorted().toList();
            } catch (IOException e) {
                throw new InputException(d, 0, "cannot list: " + e.getMessage());
            }
            for (Path f : files) {
                mineFile(root, f, set, out);
            }
        }
        return out;
    }

    private static void mineFile(Path root, Path f, LayoutSet set, List<Constraint> out) {
        String text;
        try {
            text = Files.readString(f);
        } catch (IOException e) {
            throw new InputException(f, 0, "cannot read: " + e.getMessage());
        }
        String rel = root.relativize(f).toString();
        Matcher pin = PIN.matcher(text);
        while (pin.find()) {
            if (topLevel(set, pin.group(1), pin.group(2))) {
                out.add(new Constraint.Pin(pin.group(1), pin.group(2), Long.decode(pin.group(3)),
                        rel + ":" + lineOf(text, pin.start())));
            }
        }
        Matcher same = SAME.matcher(text);
        while (same.find()) {
            String origin = rel + ":" + lineOf(text, same.start());
            for (int k = 1; k <= 3; k += 2) {
                String s = same.group(k);
                String m = same.group(k + 1);
                if (topLevel(set, s, m)) {
                    out.add(new Constraint.Pin(s, m, set.find(s).orElseThrow().member(m).orElseThrow().offset(),
                            origin));
                }
            }
        }
        Matcher copy = USERCOPY.matcher(text);
        while (copy.find()) {
            String s = copy.group(1);
            if (!s.equals(copy.group(3)) || !topLevel(set, s, copy.group(2)) || !topLevel(set, s, copy.group(4))) {
                continue;
            }
            List<String> names = set.find(s).orElseThrow().memberNames();
            int from = names.indexOf(copy.group(2));
            int to = names.indexOf(copy.group(4));
            if (from <= to) {
                out.add(new Constraint.Together(s, names.subList(from, to + 1), rel + ":" + lineOf(text, copy.start())));
            }
        }
    }

    /**
     * Every piece of {@code struct}'s source declaring two or more of its members (an {@code #ifdef}
     * block, {@code u16 a, b;}), as one block.
     */
    public static List<Constraint> blocks(SourceStruct source, StructLayout layout) {
        List<Constraint> out = new ArrayList<>();
        for (SourceStruct.Piece p : source.pieces()) {
            List<String> present = p.members().stream().filter(m -> layout.member(m).isPresent()).toList();
            if (present.size() > 1) {
                List<String> ordered = layout.memberNames().stream().filter(present::contains).toList();
                out.add(new Constraint.Together(layout.name(), ordered, source.relativePath() + ":" + p.line()));
            }
        }
        return out;
    }

    private static boolean topLevel(LayoutSet set, String struct, String member) {
        return set.find(struct).flatMap(s -> s.member(member)).map(Member::name).isPresent();
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            line += text.charAt(i) == '\n' ? 1 : 0;
        }
        return line;
    }
}
