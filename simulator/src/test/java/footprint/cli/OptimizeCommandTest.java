package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.compare.ComparisonReport;
import footprint.compare.ExitComparison;
import footprint.optimize.OptimizeReport;
import footprint.report.ReportJson;
import footprint.testsupport.RepoFiles;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code footprint optimize} on the hand-made fixture of {@code /optimize/README.md} and on the bundled VMX trace. */
class OptimizeCommandTest {
    private static final String VMX_TRACE = RepoFiles.resolve("traces/kvm-6.1/vmx/vmx-exits.trace").toString();
    private static final String DEBIAN = "models/layouts/debian-6.1/debian-6.1-";

    @TempDir
    Path tmp;

    static String resource(String name) {
        try {
            return Path.of(OptimizeCommandTest.class.getResource("/optimize/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> debianLayouts() {
        return List.of(RepoFiles.resolve(DEBIAN + "vcpu_vmx.expanded.pahole").toString(),
                RepoFiles.resolve(DEBIAN + "kvm_lapic.expanded.pahole").toString(),
                RepoFiles.resolve(DEBIAN + "kvm.expanded.pahole").toString(),
                RepoFiles.resolve(DEBIAN + "kvm_run.pahole").toString());
    }

    private static CliRun optimize(String trace, List<String> layouts, String struct, String... more) {
        List<String> a = new ArrayList<>(List.of("optimize", "--trace", trace, "--struct", struct, "--layout"));
        a.addAll(layouts);
        a.addAll(List.of(more));
        return CliRun.of(a.toArray(new String[0]));
    }

    private static CliRun handMade(String struct, String... more) {
        return optimize(resource("hot.trace"), List.of(resource("hot.pahole")), struct, more);
    }

    @Test
    void theOrderFileIsWhatLayoutOrderReadsAndTheSameInputsGiveTheSameBytes() throws Exception {
        Path order = tmp.resolve("hot.order");
        CliRun r = handMade("hot", "--output", order.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("stream (weighted)").doesNotContain("# touched by").doesNotContain("note:");
        assertThat(r.err()).contains("wrote " + order);
        String text = Files.readString(order);
        assertThat(text).startsWith("# Top-level member order of struct hot").contains("A 60.0%, B 30.0%, C 10.0%");
        assertThat(handMade("hot").out()).isEqualTo(r.out() + "\n" + text);

        CliRun layout = CliRun.of("layout", resource("hot.pahole"), "--struct", "hot", "--order", order.toString());
        assertThat(layout.exitCode()).as(layout.err()).isZero();
        assertThat(layout.out()).containsPattern("d;\\s+/\\*\\s+0\\s+8 \\*/")
                .containsPattern("e;\\s+/\\*\\s+18\\s+2 \\*/")
                .containsPattern("pad2\\[15\\];\\s+/\\*\\s+144\\s+120 \\*/")
                .contains("/* size: 264,");
    }

    @Test
    void anOutputThatNamesAnInputIsRefusedAndTheInputKept() throws Exception {
        Path pahole = tmp.resolve("hot.pahole");
        Files.copy(Path.of(resource("hot.pahole")), pahole);
        String before = Files.readString(pahole);
        CliRun r = optimize(resource("hot.trace"), List.of(pahole.toString()), "hot", "--output", pahole.toString());
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().strip()).doesNotContain("\n").contains("is one of the inputs");
        assertThat(Files.readString(pahole)).isEqualTo(before);
    }

    @Test
    void anUnknownStructIsABadInputNamingTheNearestOnes() {
        CliRun r = handMade("hto");
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().strip()).doesNotContain("\n").contains("--struct hto").contains("layout file")
                .contains("nearest: hot");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aStructNoObjectHoldsOrNoAccessTouchesIsABadInput() {
        CliRun unheld = handMade("unused");
        assertThat(unheld.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(unheld.err().strip()).doesNotContain("\n").contains("hot.trace")
                .contains("no object of the trace holds a struct unused");

        CliRun untouched = optimize(VMX_TRACE, debianLayouts(), "kvm_mmu_memory_cache");
        assertThat(untouched.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(untouched.err()).contains("vmx-exits.trace")
                .contains("no access of the trace's exits lands in struct kvm_mmu_memory_cache");
        assertThat(untouched.err().lines().filter(l -> l.startsWith("footprint: error:"))).hasSize(1);
        assertThat(untouched.err()).doesNotContain("Exception");
    }

    @Test
    void anOrderThatSavesNothingSaysSo() {
        // kvm_lapic on the VMX trace: lapic_timer is 136 bytes, of which the exits touch only the
        // second half; placed after the small hot members it spreads them over three lines, where
        // Debian's order needs two.
        CliRun r = optimize(VMX_TRACE, debianLayouts(), "kvm_lapic");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("note: the proposed order touches no fewer lines");
    }

    @Test
    void aUnionHasNoOrderToChange() throws Exception {
        Path pahole = tmp.resolve("u.pahole");
        Files.writeString(pahole, "union u {\n\tint i; /* 0 4 */\n\tlong int l; /* 0 8 */\n\n"
                + "\t/* size: 8, cachelines: 1, members: 2 */\n};\n");
        Path trace = tmp.resolve("u.trace");
        Files.writeString(trace, "footprint-trace 1\nobject x struct u\n\nexit E\n  R x.i 4 f e.c:1\nend\n");
        CliRun r = optimize(trace.toString(), List.of(pahole.toString()), "u");
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().strip()).doesNotContain("\n").contains("u.pahole:1").contains("is a union");
    }

    @Test
    void helpSaysWhatMovesWhatIsLeftOutAndGivesAnExample() {
        CliRun r = CliRun.of("optimize", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Only top-level members move").contains("false sharing").contains("Example:");
    }
}
