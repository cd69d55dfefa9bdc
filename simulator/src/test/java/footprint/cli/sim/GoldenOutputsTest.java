package footprint.cli.sim;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.cli.CliRun;
import footprint.testsupport.RepoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Frozen results (DESIGN.md "Numbers that hold"): one seeded {@code simulate} and one seeded
 * {@code compare} per bundled CPU model, on the bundled VMX trace and Debian 6.1 layouts
 * (compare: the hole-closing kvm_vcpu reorder of the README), must print exactly the text in
 * src/test/resources/golden/. A change that shifts numbers updates them on purpose, in its own
 * commit: {@code mvn -o -pl simulator test -Dtest=GoldenOutputsTest -Dgolden.update=true}.
 */
class GoldenOutputsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final String TRACE = "traces/kvm-6.1/vmx/vmx-exits.trace";

    private static List<String> layouts() {
        List<String> out = new ArrayList<>(List.of(repo("models/layouts/debian-6.1/debian-6.1-kvm-intel.all.pahole")));
        SimulateCommandTest.layouts().forEach(p -> out.add(relative(p)));
        return out;
    }

    /** Paths relative to the working folder, so the report (which wraps them) does not depend on the checkout's place. */
    private static String repo(String path) {
        return relative(RepoFiles.resolve(path));
    }

    private static String relative(Path p) {
        return Path.of("").toAbsolutePath().relativize(p.toAbsolutePath()).toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"skylake-sp", "icelake-sp", "sapphire-rapids", "zen3", "zen4", "zen5"})
    void seededSimulateOfEachBundledModelPrintsItsFrozenResult(String model) throws Exception {
        List<String> a = new ArrayList<>(List.of("simulate", "--trace", repo(TRACE), "--model", model, "--exits", "2000",
                "--replicates", "4", "--guest-ws", "48k", "--seed", "7", "--quiet", "--layout"));
        a.addAll(layouts());
        check(model + "-simulate.txt", a);
    }

    @ParameterizedTest
    @ValueSource(strings = {"skylake-sp", "icelake-sp", "sapphire-rapids", "zen3", "zen4", "zen5"})
    void seededCompareOfEachBundledModelPrintsItsFrozenResult(String model) throws Exception {
        List<String> a = new ArrayList<>(List.of("compare", "--trace", repo(TRACE), "--model", model, "--exits", "2000",
                "--replicates", "4", "--guest-sweep", "0,64k", "--placements", "3", "--seed", "7", "--quiet",
                // the report names the model file: relative, like the other inputs
                "--models", repo("models/cpu"), "--before"));
        a.addAll(layouts());
        a.add("--after");
        a.addAll(layouts());
        a.add(repo("models/layouts/example/kvm_vcpu.reordered.pahole"));
        check(model + "-compare.txt", a);
    }

    private static void check(String name, List<String> args) throws Exception {
        CliRun r = CliRun.of(args.toArray(new String[0]));
        assertThat(r.exitCode()).as(r.err()).isZero();
        String out = r.out();
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, out);
        }
        assertThat(file).as("golden output %s (update with -Dgolden.update=true)", name).exists();
        assertThat(out).as("%s differs from the frozen result; if the change is meant, update it with"
                + " -Dgolden.update=true in a commit of its own", name).isEqualTo(Files.readString(file));
    }
}
