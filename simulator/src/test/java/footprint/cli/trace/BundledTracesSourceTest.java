package footprint.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.cli.CliRun;
import footprint.testsupport.KernelSources;
import footprint.testsupport.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every bundled trace (traces/kvm-VERSION/VENDOR/*.trace) passes trace verify --source against its kernel's source. */
class BundledTracesSourceTest {

    @TestFactory
    Stream<DynamicTest> everyBundledTraceMatchesItsKernelSource() throws IOException {
        List<Path> traces;
        try (Stream<Path> files = Files.walk(RepoFiles.resolve("traces"))) {
            traces = files.filter(p -> p.toString().endsWith(".trace"))
                    .filter(p -> p.getParent().getParent().getFileName().toString().startsWith("kvm-"))
                    .sorted().toList();
        }
        assertThat(traces).isNotEmpty();
        return traces.stream().map(trace -> DynamicTest.dynamicTest(RepoFiles.root().relativize(trace).toString(), () -> {
            String version = trace.getParent().getParent().getFileName().toString().substring("kvm-".length());
            Path source = KernelSources.require(version);
            CliRun run = CliRun.of("trace", "verify", trace.toString(), "--source", source.toString());
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains(trace + ": ok");
        }));
    }
}
