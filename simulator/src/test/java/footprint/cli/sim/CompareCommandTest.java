package footprint.cli.sim;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.cli.CliRun;
import footprint.cli.Main;
import footprint.compare.ComparisonReport;
import footprint.compare.ExitComparison;
import footprint.report.ReportJson;
import footprint.sim.Metrics;
import footprint.testsupport.RepoFiles;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    @TempDir
    Path tmp;

    static String resource(String name) {
        try {
            return Path.of(CompareCommandTest.class.getResource("/compare/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> args(String before, String after, String... more) {
        List<String> a = new ArrayList<>(List.of("compare", "--trace", resource("moved-field.trace"), "--before",
                resource(before), "--after", resource(after), "--model", "skylake-sp", "--exits", "1000",
                "--placements", "4", "--guest-sweep", "0,64k", "--quiet"));
        a.addAll(List.of(more));
        return a;
    }

    static CliRun run(List<String> args) {
        return CliRun.of(args.toArray(new String[0]));
    }

    @Test
    void movingAHotFieldOntoATouchedLineSavesExactlyOneLineForTheExitThatTouchesIt() {
        CliRun r = run(args("before.pahole", "after.pahole", "--format", "json"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        ComparisonReport report = ReportJson.read(r.out(), ComparisonReport.class);
        List<ExitComparison> rows = report.models().get(0).rows();
        assertThat(rows).extracting(ExitComparison::exit).containsExactly("X", "Y", "mix");
        assertThat(rows.get(0).linesAfter() - rows.get(0).linesBefore()).isEqualTo(-1);
        assertThat(rows.get(1).linesAfter() - rows.get(1).linesBefore()).isZero();
        assertThat(rows.get(0).metric(Metrics.ESTIMATED).lower()).isTrue();
        assertThat(report.inputs()).extracting(i -> i.role()).contains("trace", "before", "after", "model skylake-sp");
        assertThat(report.commandLine()).startsWith("footprint compare --trace ");
    }

    @Test
    void aLayoutComparedWithItselfReportsNoDifference() {
        CliRun r = run(args("before.pahole", "before.pahole"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("no measurable difference");
    }

    @Test
    void theBundledDebianLayoutsComparedWithThemselvesShowNoDifferenceAnywhere() {
        List<String> a = new ArrayList<>(List.of("compare", "--trace",
                RepoFiles.resolve("traces/kvm-6.1/vmx/vmx-exits.trace").toString(), "--model", "skylake-sp", "--exits", "600",
                "--placements", "2", "--guest-sweep", "0,64k", "--quiet", "--format", "json"));
        for (String side : List.of("--before", "--after")) {
            a.add(side);
            SimulateCommandTest.layouts().forEach(p -> a.add(p.toString()));
        }
        CliRun r = run(a);
        assertThat(r.exitCode()).as(r.err()).isZero();
        ComparisonReport report = ReportJson.read(r.out(), ComparisonReport.class);
        var m = report.models().get(0);
        List<ExitComparison> rows = new ArrayList<>(m.rows());
        m.guestSweep().forEach(p -> rows.addAll(p.rows()));
        assertThat(rows).hasSizeGreaterThan(10).allSatisfy(row -> {
            assertThat(row.linesAfter()).isEqualTo(row.linesBefore());
            row.metrics().values().forEach(d -> assertThat(d.diff()).isZero());
        });
        assertThat(m.placementSweep().same()).isEqualTo(2);
        // models/cpu/skylake-sp.json: tscdeadline_immed with APICv after the fastpath patch (published).
        assertThat(m.baseCosts()).contains(new footprint.compare.BaseCost("TSC_DEADLINE_WRITE", 2468, "published"));
        assertThat(report.fieldMoves()).isEmpty();
        assertThat(report.verdict().get(0)).contains("no measurable difference");
    }

    @Test
    void aMissingStructOnOneSideIsABadInputNamingTheSide() throws Exception {
        Path empty = tmp.resolve("empty.pahole");
        Files.writeString(empty, "struct bar {\n\tint x; /* 0 4 */\n\n\t/* size: 4, cachelines: 1, members: 1 */\n};\n");
        List<String> a = args("before.pahole", "after.pahole");
        a.set(a.indexOf(resource("after.pahole")), empty.toString());
        CliRun r = run(a);
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).startsWith("footprint: error: ").contains("moved-field.trace:2").contains("foo")
                .contains("--after").doesNotContain("Exception");
    }

    @Test
    void twoSidesDescribingDifferentStructsAreABadInput() {
        CliRun r = run(args("before.pahole", "other-struct.pahole"));
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("describe different structs 'foo'").contains("only after: d");
    }

    @Test
    void failIfWorseExitsOneWhenAfterIsWorse() {
        CliRun worse = run(args("after.pahole", "before.pahole", "--fail-if-worse"));
        assertThat(worse.exitCode()).isEqualTo(Main.EXIT_CHECK_FAILED);
        assertThat(worse.err()).contains("--fail-if-worse");
        assertThat(run(args("before.pahole", "after.pahole", "--fail-if-worse")).exitCode()).isZero();
    }

    @Test
    void everyFormatIsByteIdenticalAcrossRunsAndOutputIsWrittenWhole() throws Exception {
        for (String format : List.of("text", "md", "json", "html")) {
            // Same file name both times: the report quotes its own command line.
            Path report = tmp.resolve("report." + format);
            assertThat(run(args("before.pahole", "after.pahole", "--format", format, "--output", report.toString())).exitCode()).isZero();
            byte[] first = Files.readAllBytes(report);
            Files.delete(report);
            assertThat(run(args("before.pahole", "after.pahole", "--format", format, "--output", report.toString())).exitCode()).isZero();
            assertThat(Files.readAllBytes(report)).as(format).isEqualTo(first);
        }
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void theReportIsNeverWrittenOverAnInput() throws Exception {
        Path before = tmp.resolve("before.pahole");
        Files.copy(Path.of(resource("before.pahole")), before);
        byte[] original = Files.readAllBytes(before);
        List<String> a = args("before.pahole", "after.pahole", "--output", before.toString());
        a.set(a.indexOf(resource("before.pahole")), before.toString());
        CliRun r = run(a);
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("is one of the inputs");
        assertThat(Files.readAllBytes(before)).isEqualTo(original);
    }

    @Test
    void severalModelsAreComparedInTheOrderGiven() {
        List<String> a = args("before.pahole", "after.pahole", "--model", "zen4", "--format", "json");
        CliRun r = run(a);
        assertThat(r.exitCode()).as(r.err()).isZero();
        ComparisonReport report = ReportJson.read(r.out(), ComparisonReport.class);
        assertThat(report.models()).extracting(m -> m.model()).containsExactly("skylake-sp", "zen4");
        assertThat(report.verdict()).anyMatch(v -> v.startsWith("zen4: "));
    }

    @Test
    void aRecordedGuestStreamRunsBetweenTheExits() throws Exception {
        Path guest = tmp.resolve("guest.txt");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1024; i++) {
            sb.append(i % 4 == 3 ? "W " : "R ").append("0x").append(Long.toHexString(0x7f0000000000L + 64L * i)).append(" 8\n");
        }
        Files.writeString(guest, sb.toString());
        List<String> a = args("before.pahole", "after.pahole", "--guest-trace", guest.toString(), "--format", "json");
        a.set(a.indexOf("--guest-sweep") + 1, "none");
        a.set(a.indexOf("--placements") + 1, "0");
        CliRun r = run(a);
        assertThat(r.exitCode()).as(r.err()).isZero();
        ComparisonReport report = ReportJson.read(r.out(), ComparisonReport.class);
        assertThat(report.settings().guest()).startsWith("recorded ").endsWith("500 accesses per exit");
        assertThat(report.inputs()).extracting(i -> i.role()).contains("guest trace");
        // 1024 distinct lines (64 KiB) cycled 500 at a time overflow the L1D: the exits' lines miss too.
        assertThat(report.models().get(0).mix().metric(Metrics.misses("L1D")).before()).isGreaterThan(1);
        assertThat(report.models().get(0).guestSweep()).isEmpty();
        assertThat(report.models().get(0).placementSweep()).isNull();
    }

    @Test
    void helpShowsAnExampleAndThePercentSigns() {
        CliRun r = CliRun.of("compare", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Example").contains("95%").doesNotContain("95%%")
                .doesNotContain("%n");
    }

    @Test
    void anUnknownFormatOrSizeIsAUsageError() {
        assertThat(run(args("before.pahole", "after.pahole", "--format", "pdf")).err()).contains("valid: text, md, json, html");
        CliRun size = run(args("before.pahole", "after.pahole", "--guest-ws", "12q"));
        assertThat(size.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(size.err()).contains("--guest-ws").contains("not a size");
    }
}
