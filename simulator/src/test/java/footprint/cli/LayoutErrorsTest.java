package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.testsupport.RepoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed input: one line naming file and line, exit code 2, no stack trace. */
class LayoutErrorsTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static void assertBadInput(CliRun run, String expectedStart) {
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err()).startsWith("footprint: error: " + expectedStart);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aTruncatedStruct() throws Exception {
        Path p = file("t.pahole", "struct a {\n\tint x; /* 0 4 */\n\tstruct {\n\t\tint y; /* 4 4 */\n");
        assertBadInput(CliRun.of("layout", p.toString()), p + ":1: struct a is not closed: the file ends at line 4");
    }

    @Test
    void aMemberLineThatIsNotPaholes() throws Exception {
        Path p = file("m.pahole", "struct a {\n\tint x; /* 0 4 */\n\tthis is not a member\n};\n");
        assertBadInput(CliRun.of("layout", p.toString()), p + ":3: not a pahole member line");
        Path q = file("c.pahole", "struct a {\n\tint x; /* zero four */\n};\n");
        assertBadInput(CliRun.of("layout", q.toString()), q + ":2: expected a number for the offset");
        Path r = file("r.pahole", "int x;\n");
        assertBadInput(CliRun.of("layout", r.toString()), r + ":1: expected 'struct NAME {'");
    }

    @Test
    void aNegativeOffset() throws Exception {
        Path p = file("n.pahole", "struct a {\n\tint x; /* 0 4 */\n\tint y; /* -8 4 */\n};\n");
        assertBadInput(CliRun.of("layout", p.toString()), p + ":3: negative offset");
    }

    @Test
    void anOverlappingOffset() throws Exception {
        Path p = file("o.pahole", "struct a {\n\tlong x; /* 0 8 */\n\tint y; /* 4 4 */\n\n"
                + "\t/* size: 8, cachelines: 1, members: 2 */\n};\n");
        assertBadInput(CliRun.of("layout", p.toString()), p + ":3: member 'y' at offset 4 overlaps 'x'");
    }

    @Test
    void aMemberPastTheEndOfTheStruct() throws Exception {
        Path p = file("e.pahole", "struct a {\n\tlong x; /* 0 8 */\n\tint y; /* 8 4 */\n\n"
                + "\t/* size: 8, cachelines: 1, members: 2 */\n};\n");
        assertBadInput(CliRun.of("layout", p.toString()), p + ":3: member 'y' ends at byte 12, past the end");
    }

    @Test
    void anUnknownStructName() {
        Path p = RepoFiles.resolve("models/layouts/debian-6.1/debian-6.1-vcpu_vmx.pahole");
        CliRun run = CliRun.of("layout", p.toString(), "--struct", "vcpu_vnx");
        assertBadInput(run, p + ": no struct or union 'vcpu_vnx'");
        assertThat(run.err()).contains("vcpu_vmx");
        assertBadInput(CliRun.of("density", p.toString(), "--struct", "nope"), p + ": no struct or union 'nope'");
    }

    @Test
    void anOrderThatDropsOrInventsAMember() throws Exception {
        String cache = RepoFiles.resolve("models/layouts/debian-6.1/debian-6.1-kvm_mmu_memory_cache.pahole").toString();
        Path drops = file("drops.txt", "nobjs\ngfp_zero\ngfp_custom\ncapacity\nkmem_cache\n");
        assertBadInput(CliRun.of("layout", cache, "--order", drops.toString()),
                drops + ":5: the order leaves out 1 member(s) of struct kvm_mmu_memory_cache: objects");
        Path invents = file("invents.txt", "nobjs\ngfp_zero\ngfp_custum\n");
        assertBadInput(CliRun.of("layout", cache, "--order", invents.toString()),
                invents + ":3: no member 'gfp_custum' in struct kvm_mmu_memory_cache (nearest: gfp_custom");
        Path twice = file("twice.txt", "nobjs\nnobjs\n");
        assertBadInput(CliRun.of("layout", cache, "--order", twice.toString()),
                twice + ":2: member 'nobjs' is listed twice (first at line 1)");
    }

    @Test
    void aMissingFile() {
        assertBadInput(CliRun.of("layout", dir.resolve("nope.pahole").toString()), dir.resolve("nope.pahole") + ": no such file");
    }
}
