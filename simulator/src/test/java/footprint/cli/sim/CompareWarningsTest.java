package footprint.cli.sim;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.cli.CliRun;
import footprint.testsupport.RepoFiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** compare binds the trace to both sides; a warning about the trace is still printed once. */
class CompareWarningsTest {
    @Test
    void aWideAccessIsWarnedOnceAlthoughBothSidesBindTheTrace() {
        String d = "models/layouts/debian-6.1/debian-6.1-";
        List<String> base = new ArrayList<>();
        for (String f : List.of("kvm-intel.all", "vcpu_vmx.expanded", "kvm_lapic.expanded", "kvm.expanded", "kvm_run")) {
            base.add(RepoFiles.resolve(d + f + ".pahole").toString());
        }
        List<String> args = new ArrayList<>(List.of("compare", "--trace",
                RepoFiles.resolve("traces/kvm-6.1/vmx/vmx-exits.trace").toString(), "--model", "skylake-sp",
                "--exits", "100", "--guest-sweep", "none", "--placements", "0", "--quiet", "--before"));
        args.addAll(base);
        args.add("--after");
        args.addAll(base);
        // The reordered kvm_vcpu spells regs_avail's type u32 where Debian's dump says unsigned int.
        args.add(RepoFiles.resolve("models/layouts/example/kvm_vcpu.reordered.pahole").toString());
        CliRun run = CliRun.of(args.toArray(new String[0]));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err().lines().filter(l -> l.contains("regs_avail is wider than the field"))).hasSize(1);
        assertThat(run.err().lines().filter(l -> l.contains("regs_dirty is wider than the field"))).hasSize(1);
    }
}
