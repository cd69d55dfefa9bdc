package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs a hostile but realistic user gives: absurd numbers, deep nesting, huge lines, bytes
 * that are not UTF-8. Each is exit 2 with one line naming the file and line, never an exception.
 */
class HostileInputTest {
    @TempDir
    Path tmp;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    private static void refused(CliRun r, String... parts) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).startsWith("footprint: error: ").doesNotContain("Exception").doesNotContain("java.");
        assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
        for (String p : parts) {
            assertThat(r.err()).contains(p);
        }
    }

    private Path member(String declaration) throws IOException {
        return file("m.pahole", "struct a {\n\tint y; /* 0 4 */\n\t" + declaration + "\n};\n");
    }

    @Test
    void absurdNumbersInAPaholeDumpAreNamedWithTheirLine() throws IOException {
        refused(CliRun.of("layout", member("int x __attribute__((__aligned__(4294967296))); /* 64 4 */").toString()),
                "m.pahole:3: alignment 4294967296");
        refused(CliRun.of("layout", member("int x __attribute__((__aligned__(24))); /* 64 4 */").toString()),
                "m.pahole:3: alignment 24 is not a power of two");
        refused(CliRun.of("layout", member("int x[99999999999999999999]; /* 4 4 */").toString()),
                "m.pahole:3: array dimension 99999999999999999999 is too large");
        refused(CliRun.of("layout", member("int x[4000000][4000000][4000000]; /* 4 4 */").toString()),
                "m.pahole:3: array '[4000000][4000000][4000000]' has more than 2^40 elements");
        refused(CliRun.of("layout", member("int x:99999999999999999999; /* 4: 0  4 */").toString()),
                "m.pahole:3: bitfield width 99999999999999999999 is wider than 128 bits");
        refused(CliRun.of("layout", member("char x[8]; /* 4 99999999999999 */").toString()),
                "m.pahole:3: size too large");
        refused(CliRun.of("layout", member("void (*fn[4)(int); /* 8 8 */").toString()), "m.pahole:3: ");
    }

    @Test
    void nestingDeeperThanAnyRealStructIsRefusedNotAStackOverflow() throws IOException {
        int depth = 2000;
        String text = "struct a {\n" + "\tstruct {\n".repeat(depth) + "\tint x; /* 0 4 */\n"
                + "\t}; /* 0 4 */\n".repeat(depth) + "};\n";
        refused(CliRun.of("layout", file("deep.pahole", text).toString()), "deep.pahole:65: structs nest deeper than 64");
    }

    @Test
    void aPaholeStreamWithoutEndIsRefusedBeforeTheHeapRunsOut() throws Exception {
        Path fifo = tmp.resolve("endless.pahole");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Thread writer = new Thread(() -> {
            try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(fifo), 1 << 16)) {
                out.write("struct a {\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                byte[] member = "\tint a; /* 0 4 */\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                while (!Thread.currentThread().isInterrupted()) {
                    out.write(member);
                }
            } catch (IOException closedByTheReader) {
                // the reader stopped reading: the stream ends here
            }
        });
        writer.setDaemon(true);
        writer.start();
        refused(CliRun.of("layout", fifo.toString()), "endless.pahole:4194305: more than 4194304 lines");
        writer.interrupt();
    }

    @Test
    void bytesThatAreNotUtf8AreNamedWithLineAndColumn() throws IOException {
        Path p = tmp.resolve("bad.trace");
        Files.write(p, new byte[] {'f', 'o', 'o', '\n', 'a', (byte) 0xff, 'b', '\n'});
        refused(CliRun.of("trace", "check", p.toString(), "--layout", member("int x; /* 4 4 */").toString()),
                "bad.trace:2: not UTF-8 text (byte 0xff at column 2)");
        Path pahole = tmp.resolve("bad.pahole");
        Files.write(pahole, new byte[] {'s', 't', 'r', 'u', 'c', 't', ' ', (byte) 0xc3, '{', '\n'});
        refused(CliRun.of("layout", pahole.toString()), "bad.pahole:1: not UTF-8 text (byte 0xc3 at column 8)");
    }

    @Test
    void aHugeLineIsRefusedAndNeverEchoedWhole() throws IOException {
        Path huge = file("huge.pahole", "struct a {\n" + "x".repeat(3 << 20) + "\n};\n");
        refused(CliRun.of("layout", huge.toString()), "huge.pahole:2: line longer than 1048576 bytes");
        Path long1 = file("long.order", "y\n" + "z".repeat(500_000) + "\n");
        CliRun r = CliRun.of("layout", member("int x; /* 4 4 */").toString(), "--struct", "a", "--order", long1.toString());
        refused(r, "long.order:2: ");
        assertThat(r.err().length()).isLessThan(1000);
        Path din = file("huge.din", "0 1000\n" + "1".repeat(3 << 20) + "\n");
        refused(CliRun.of("cachesim", din.toString(), "--input-format", "din", "--l1d", "4k:4:64"),
                "huge.din:2: line longer than 1048576 bytes");
    }

    @Test
    void controlCharactersOfAnInputAreNotPrintedRaw() throws IOException {
        Path order = file("esc.order", "y\n\u001b[2Jx\n");
        CliRun r = CliRun.of("layout", member("int x; /* 4 4 */").toString(), "--struct", "a", "--order", order.toString());
        refused(r, "\\x1b[2Jx");
        assertThat(r.err()).doesNotContain("\u001b");
    }

    private static String perf(String name) {
        try {
            return Path.of(HostileInputTest.class.getResource("/footprint/trace/perf/" + name).toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void absurdCountsAndOffsetsInPerfOutputAreNamedWithTheirLine() throws IOException {
        String report = Files.readString(Path.of(perf("kvm-stat-report.txt")));
        Path huge = file("huge.txt", report.replace("152986", "100000000000000000000000"));
        refused(CliRun.of("trace", "import", "perf-kvm-stat", huge.toString()),
                "huge.txt:7: sample count 100000000000000000000000 is out of range");
        String typeoff = Files.readString(Path.of(perf("typeoff-report.txt")));
        Path off = file("off.txt", typeoff.replace("+7808", "+99999999999999999999"));
        refused(CliRun.of("trace", "import", "perf-typeoff", off.toString()),
                "off.txt:13: offset 99999999999999999999 is out of range");
    }

    @Test
    void aKvmStatReportWhoseSamplesAreAllZeroIsRefusedUpFront() throws IOException {
        String report = Files.readString(Path.of(perf("kvm-stat-report.txt")))
                .replaceAll("(?m)^(\\s*[A-Z_]+\\s+)\\d+(\\s)", "$10$2");
        Path zero = file("zero.txt", report);
        refused(CliRun.of("trace", "import", "perf-kvm-stat", zero.toString()), "zero.txt: every mapped exit reason has 0 samples");
    }

    @Test
    void perfMemBaseIsComparedAsAnUnsignedAddress() {
        CliRun r = CliRun.of("trace", "import", "perf-mem", perf("mem.script"), "--object", "vmx", "--base", "0x1000",
                "--size", "9088");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("(0 of 10 samples inside vmx)").doesNotContain("vmx+0x");
    }

    @Test
    void anAccessWrappingPastTheTopOfTheAddressSpaceIsRefused() throws IOException {
        Path plain = file("wrap.txt", "R 0x1000 8\nR 0xffffffffffffffff 8\n");
        refused(CliRun.of("cachesim", plain.toString(), "--input-format", "plain", "--l1d", "4k:4:64"),
                "wrap.txt:2: a 8-byte access at 0xffffffffffffffff runs past the top of the 64-bit address space");
        Path top = file("top.txt", "R 0xfffffffffffffff8 8\n");
        CliRun r = CliRun.of("cachesim", top.toString(), "--input-format", "plain", "--l1d", "4k:4:64");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("0 straddle");
    }

    @Test
    void rawObjectsBeyondAnyRealSizeOrAlignmentAreRefused() throws IOException {
        Path size = file("size.trace", "footprint-trace 1\nobject p raw 4611686018427387904\nexit X\n  R p+0 8 f x.c:1\nend\n");
        refused(CliRun.of("trace", "check", size.toString(), "--layout", member("int x; /* 4 4 */").toString()),
                "size.trace:2: raw block size 4611686018427387904 is over 1 TiB");
        Path align = file("align.trace", "footprint-trace 1\nobject p raw 64 align=4294967296\nexit X\n  R p+0 8 f x.c:1\nend\n");
        refused(CliRun.of("trace", "check", align.toString(), "--layout", member("int x; /* 4 4 */").toString()),
                "align.trace:2: align=4294967296 is over 1 GiB");
    }

    @Test
    void aStructThatContainsItselfOrAMemberOfTheWrongSizeIsRefused() throws IOException {
        Path self = file("self.pahole", "struct a {\n\tint y; /* 0 4 */\n\tstruct a x; /* 4 8 */\n\n"
                + "\t/* size: 12, cachelines: 1, members: 2 */\n};\n");
        Path trace = file("self.trace", "footprint-trace 1\nobject o struct a\nexit X\n  R o.x.y 4 f x.c:1\nend\n");
        refused(CliRun.of("trace", "check", trace.toString(), "--layout", self.toString()),
                "self.pahole:3: member 'x' of type struct a is the struct that holds it");
        Path size = file("size.pahole", "struct b {\n\tint y; /* 0 4 */\n\n\t/* size: 4, cachelines: 1, members: 1 */\n};\n"
                + "struct a {\n\tint y; /* 0 4 */\n\tstruct b x; /* 4 8 */\n\n\t/* size: 12, cachelines: 1, members: 2 */\n};\n");
        refused(CliRun.of("layout", size.toString()), "size.pahole:8: member 'x' is 8 bytes but struct b is 4 bytes");
    }

    @Test
    void smallerItems() throws IOException {
        CliRun help = CliRun.of("check", "--help");
        assertThat(help.out()).contains("LAY=\"${L}vcpu_vmx.expanded.pahole").doesNotContain("null");
        CliRun policy = CliRun.of("cachesim", "x.din", "--l1d", "4k:4:64", "--policy", "fifo");
        refusedUsage(policy, "'fifo' is not one of lru, tree-plru, random");
        refusedUsage(CliRun.of("cachesim", "x.din", "--l1d", "4k:4:64", "--llc-inclusion", "most"),
                "'most' is not one of inclusive, non-inclusive, exclusive");
        CliRun big = CliRun.of("cachesim", file("a.txt", "R 0x1000 8\n").toString(), "--l1d", "64g:16:64");
        refused(big, "--l1d 64g:16:64: cache too large: 1073741824 lines");
    }

    @Test
    void aTraceWithoutExitsSaysSoInsteadOfBlamingExits() throws IOException {
        Path trace = file("none.trace", "footprint-trace 1\nobject a struct a\n");
        Path layout = member("int x; /* 4 4 */");
        refused(CliRun.of("simulate", "--trace", trace.toString(), "--layout", layout.toString(), "--model", "zen4", "--quiet"),
                "none.trace: the trace defines no exit to replay");
        CliRun compare = CliRun.of("compare", "--trace", trace.toString(), "--before", layout.toString(), "--after",
                layout.toString(), "--model", "zen4", "--quiet");
        refused(compare, "none.trace: the trace defines no exit to replay");
    }

    @Test
    void aGuestSweepThatWouldRunForHoursIsRefusedUpFront() throws IOException {
        Path trace = file("one.trace", "footprint-trace 1\nobject a struct a\nexit X\n  R a.x 4 f x.c:1\nend\n");
        Path layout = member("int x; /* 4 4 */");
        refused(CliRun.of("compare", "--trace", trace.toString(), "--before", layout.toString(), "--after", layout.toString(),
                "--model", "zen4", "--quiet", "--guest-sweep", "0,64G"), "--guest-sweep 64G: ", "the largest point is 1G");
    }

    private static void refusedUsage(CliRun r, String part) {
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains(part).doesNotContain("enum constant").doesNotContain("Exception");
    }

    @Test
    void densityOfAStructFarLargerThanAnyRealOneIsRefused() throws IOException {
        Path huge = file("huge.pahole", "struct big {\n\tchar x[107374182400]; /* 0 107374182400 */\n\n"
                + "\t/* size: 107374182400, cachelines: 1677721600, members: 1 */\n};\n");
        refused(CliRun.of("density", huge.toString(), "--struct", "big"),
                "huge.pahole:1: struct big is 107374182400 bytes; density maps draw structs up to 64 MiB");
    }
}
