package footprint.layout;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.testsupport.ExternalTools;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random C structs (scalars, pointers, arrays, nested structs and unions, bitfields, aligned and
 * packed attributes) are compiled by gcc twice, in their own and in a shuffled member order; the
 * engine re-computes the shuffled layout from pahole's listing of the original and must agree with
 * what gcc produced for the shuffled declaration. Seeded, so a failure reproduces.
 */
class DifferentialTest {
    private static final long SEED = 0x5eed_2023_0213L;
    private static final int FILES = 3;
    private static final int STRUCTS_PER_FILE = 400;

    private static final String[] SCALARS = {"char", "signed char", "unsigned char", "short", "unsigned short", "int",
        "unsigned int", "long", "unsigned long", "long long", "unsigned long long", "_Bool", "float", "double",
        "long double", "void *", "char *", "int (*)(int)", "enum e8", "enum e4"};
    private static final String[] BITFIELD_TYPES = {"unsigned char", "unsigned short", "unsigned int",
        "unsigned long long", "int", "_Bool"};
    private static final int[] BITFIELD_WIDTH = {8, 16, 32, 64, 32, 1};

    @TempDir
    Path dir;

    /** One member of a generated struct: its C text, the name the parser gives it, the helper it embeds (or -1). */
    private record Decl(String text, String parsedName, int helper) {
        Decl(String text, String parsedName) {
            this(text, parsedName, -1);
        }
    }

    @Test
    void theEngineReproducesGccForShuffledMemberOrders() throws Exception {
        ExternalTools.require("gcc", "the differential layout test compiles random structs");
        ExternalTools.require("pahole", "the differential layout test reads gcc's layouts back");
        Random rnd = new Random(SEED);
        int cases = 0;
        int undecidable = 0;
        List<String> failures = new ArrayList<>();
        for (int f = 0; f < FILES; f++) {
            StringBuilder c = new StringBuilder();
            c.append("enum e8 { E8A, E8B = 0x100000000LL };\nenum e4 { E4A, E4B };\n");
            int helpers = 8;
            boolean[] helperPacked = new boolean[helpers];
            for (int h = 0; h < helpers; h++) {
                List<Decl> members = new ArrayList<>();
                helperPacked[h] = rnd.nextInt(6) == 0;
                if (helperPacked[h]) {
                    // A leading char misaligns what follows, so the listing shows the packing.
                    members.add(new Decl("char hp;", "hp"));
                }
                int n = 1 + rnd.nextInt(4);
                for (int i = 0; i < n; i++) {
                    members.add(new Decl(declare(scalar(rnd), "h" + i) + attr(rnd, 0.1) + ";", "h" + i));
                }
                c.append("struct h").append(f).append('_').append(h).append(" {\n");
                members.forEach(d -> c.append("\t").append(d.text()).append('\n'));
                c.append("}").append(helperPacked[h] ? " __attribute__((packed))" : "").append(";\n");
            }
            List<List<Decl>> orders = new ArrayList<>();
            List<List<Integer>> perms = new ArrayList<>();
            List<Boolean> packedInSource = new ArrayList<>();
            for (int k = 0; k < STRUCTS_PER_FILE; k++) {
                List<Decl> members = members(rnd, f, helpers);
                List<Integer> perm = new ArrayList<>();
                for (int i = 0; i < members.size(); i++) {
                    perm.add(i);
                }
                Collections.shuffle(perm, rnd);
                packedInSource.add(rnd.nextInt(8) == 0);
                String tail = (packedInSource.get(k) ? " __attribute__((packed))" : "")
                        + (rnd.nextInt(12) == 0 ? " __attribute__((aligned(" + (8 << rnd.nextInt(3)) + ")))" : "");
                String name = "s" + f + "_" + k;
                emit(c, name, members, tail);
                List<Decl> shuffled = new ArrayList<>();
                perm.forEach(i -> shuffled.add(members.get(i)));
                emit(c, name + "_x", shuffled, tail);
                c.append("struct ").append(name).append(" v").append(name).append(";\n");
                c.append("struct ").append(name).append("_x v").append(name).append("_x;\n");
                orders.add(members);
                perms.add(perm);
            }
            LayoutSet set = compile(f, c.toString());
            for (int k = 0; k < STRUCTS_PER_FILE; k++) {
                String name = "s" + f + "_" + k;
                StructLayout original = set.find(name).orElseThrow();
                StructLayout shuffled = set.find(name + "_x").orElseThrow();
                List<String> names = new ArrayList<>();
                for (int i : perms.get(k)) {
                    names.add(orders.get(k).get(i).parsedName());
                }
                if (!revealed(set, f, original, packedInSource.get(k), orders.get(k), helperPacked)) {
                    undecidable++;
                    continue;
                }
                StructLayout computed = MemberOrder.apply(original, names, name);
                String diff = compare(computed, shuffled);
                cases++;
                if (diff != null) {
                    failures.add("dump " + f + ", struct " + name + ": " + diff);
                }
            }
        }
        System.out.println("differential layout test: " + cases + " shuffled structs agree with gcc, " + undecidable
                + " skipped because pahole's listing does not show their __packed__");
        assertThat(cases + undecidable).isEqualTo(FILES * STRUCTS_PER_FILE);
        assertThat(undecidable).isLessThan(FILES * STRUCTS_PER_FILE / 10);
        assertThat(failures).isEmpty();
    }

    /**
     * DWARF does not record __packed__; pahole prints it only where it can tell. Where neither pahole
     * nor the offsets reveal it (a packed struct whose members all happen to sit aligned), nothing in
     * the listing distinguishes it from an unpacked one, and no tool could re-lay it out correctly.
     */
    private static boolean revealed(LayoutSet set, int file, StructLayout s, boolean packed, List<Decl> members,
            boolean[] helperPacked) {
        if (s.packed() != packed) {
            return false;
        }
        for (Decl d : members) {
            if (d.helper() >= 0 && set.find("h" + file + "_" + d.helper()).orElseThrow().packed() != helperPacked[d.helper()]) {
                return false;
            }
        }
        return true;
    }

    private static List<Decl> members(Random rnd, int file, int helpers) {
        List<Decl> out = new ArrayList<>();
        int n = 2 + rnd.nextInt(10);
        int anon = 0;
        for (int i = 0; i < n; i++) {
            String m = "m" + i;
            int kind = rnd.nextInt(100);
            if (kind < 40) {
                out.add(new Decl(declare(scalar(rnd), m) + attr(rnd, 0.06) + ";", m));
            } else if (kind < 52) {
                String dims = "[" + (1 + rnd.nextInt(5)) + "]" + (rnd.nextInt(4) == 0 ? "[" + (1 + rnd.nextInt(3)) + "]" : "");
                int helper = rnd.nextInt(4) == 0 ? rnd.nextInt(helpers) : -1;
                String type = helper >= 0 ? "struct h" + file + "_" + helper : plainScalar(rnd);
                out.add(new Decl(type + " " + m + dims + attr(rnd, 0.05) + ";", m, helper));
            } else if (kind < 70) {
                int t = rnd.nextInt(BITFIELD_TYPES.length);
                int width = 1 + rnd.nextInt(BITFIELD_WIDTH[t]);
                out.add(new Decl(BITFIELD_TYPES[t] + " " + m + ":" + width + ";", m));
            } else if (kind < 82) {
                String keyword = rnd.nextBoolean() ? "struct" : "union";
                StringBuilder body = new StringBuilder(keyword + " {");
                int inner = 1 + rnd.nextInt(3);
                for (int j = 0; j < inner; j++) {
                    if (rnd.nextInt(4) == 0) {
                        int t = rnd.nextInt(4);
                        body.append(' ').append(BITFIELD_TYPES[t]).append(" i").append(i).append('_').append(j).append(':')
                                .append(1 + rnd.nextInt(BITFIELD_WIDTH[t])).append(';');
                    } else {
                        body.append(' ').append(plainScalar(rnd)).append(" i").append(i).append('_').append(j).append(';');
                    }
                }
                body.append(" }");
                if (rnd.nextBoolean()) {
                    out.add(new Decl(body + " " + m + attr(rnd, 0.1) + ";", m));
                } else {
                    out.add(new Decl(body + ";", Member.ANON_PREFIX + anon++));
                }
            } else if (kind < 95) {
                int helper = rnd.nextInt(helpers);
                out.add(new Decl("struct h" + file + "_" + helper + " " + m + attr(rnd, 0.08) + ";", m, helper));
            } else {
                out.add(new Decl("enum e" + (rnd.nextBoolean() ? 4 : 8) + " " + m + ";", m));
            }
        }
        return out;
    }

    /** Anonymous members are renumbered by position, so the shuffled copy names them afresh. */
    private static void emit(StringBuilder c, String name, List<Decl> members, String tail) {
        c.append("struct ").append(name).append(" {\n");
        for (Decl d : members) {
            c.append('\t').append(d.text()).append('\n');
        }
        c.append('}').append(tail).append(";\n");
    }

    private static String scalar(Random rnd) {
        return SCALARS[rnd.nextInt(SCALARS.length)];
    }

    private static String declare(String type, String name) {
        return type.equals("int (*)(int)") ? "int (*" + name + ")(int)" : type + " " + name;
    }

    private static String plainScalar(Random rnd) {
        String t;
        do {
            t = SCALARS[rnd.nextInt(SCALARS.length)];
        } while (t.contains("("));
        return t;
    }

    private static String attr(Random rnd, double p) {
        return rnd.nextDouble() < p ? " __attribute__((aligned(" + (1 << rnd.nextInt(7)) + ")))" : "";
    }

    private LayoutSet compile(int f, String source) throws Exception {
        Path c = dir.resolve("gen" + f + ".c");
        Path o = dir.resolve("gen" + f + ".o");
        Path txt = dir.resolve("gen" + f + ".pahole");
        Files.writeString(c, source);
        run(new ProcessBuilder("gcc", "-g", "-c", "-w", "-o", o.toString(), c.toString()), null);
        run(new ProcessBuilder("pahole", o.toString()), txt);
        return LayoutSet.load(List.of(txt));
    }

    private static void run(ProcessBuilder pb, Path stdout) throws Exception {
        pb.redirectErrorStream(stdout == null);
        if (stdout != null) {
            pb.redirectOutput(stdout.toFile());
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        } else {
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(new File("/dev/stderr")));
        }
        Process p = pb.start();
        assertThat(p.waitFor()).as(String.join(" ", pb.command())).isZero();
    }

    private static String compare(StructLayout computed, StructLayout gcc) {
        List<Member> a = named(computed);
        List<Member> b = named(gcc);
        if (a.size() != b.size()) {
            return "member count " + a.size() + " vs gcc " + b.size();
        }
        for (int i = 0; i < a.size(); i++) {
            Member x = a.get(i);
            Member y = b.get(i);
            if (x.offset() != y.offset() || x.bitOffset() != y.bitOffset() || x.size() != y.size()) {
                return "member " + i + " (" + x.name() + "): computed " + x.offset() + ":" + x.bitOffset() + " size "
                        + x.size() + ", gcc " + y.offset() + ":" + y.bitOffset() + " size " + y.size();
            }
        }
        if (computed.size() != gcc.size()) {
            return "size: computed " + computed.size() + ", gcc " + gcc.size();
        }
        return null;
    }

    private static List<Member> named(StructLayout s) {
        List<Member> out = new ArrayList<>();
        for (Member m : s.members()) {
            if (!(m.bitfield() && m.name().isEmpty())) {
                out.add(m);
            }
        }
        return out;
    }
}
