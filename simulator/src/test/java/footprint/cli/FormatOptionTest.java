package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.testsupport.RepoFiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command that prints text or JSON takes --format from the one mixin, and its JSON keys have one style. */
class FormatOptionTest {
    @Test
    void everyFormatOptionComesFromTheMixin() {
        List<String> own = new ArrayList<>();
        List<String> withMixin = new ArrayList<>();
        walk(new CommandLine(new Main()), own, withMixin);
        // compare writes md and html reports as well: its --format is the report format.
        assertThat(own).containsExactly("footprint compare");
        assertThat(withMixin).contains("footprint layout", "footprint density", "footprint models", "footprint cachesim",
                "footprint simulate", "footprint optimize", "footprint check", "footprint trace stats",
                "footprint trace check", "footprint trace import perf-kvm-stat", "footprint trace import perf-typeoff");
    }

    private static void walk(CommandLine cl, List<String> own, List<String> withMixin) {
        CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
        if (spec.findOption("--format") != null) {
            boolean mixin = spec.mixins().values().stream().anyMatch(m -> m.userObject() instanceof FormatOption);
            (mixin ? withMixin : own).add(spec.qualifiedName());
        }
        cl.getSubcommands().values().forEach(sub -> walk(sub, own, withMixin));
    }

    @Test
    void jsonKeysAreCamelCaseInEveryCommand() {
        String d = RepoFiles.resolve("models/layouts/debian-6.1/debian-6.1-kvm_lapic.pahole").toString();
        for (CliRun run : List.of(CliRun.of("density", d, "--struct", "kvm_lapic", "--format", "json"),
                CliRun.of("layout", d, "--struct", "kvm_lapic", "--format", "json"),
                CliRun.of("models", "--sources", "--format", "json"))) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).doesNotContainPattern("\"[a-z]+_[a-z_]+\" :");
        }
        assertThat(CliRun.of("density", d, "--struct", "kvm_lapic", "--format", "json").out())
                .contains("\"bytesPerChar\" : 1", "\"membersStarting\" : [");
    }
}
