package footprint.cli.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import footprint.cli.CliRun;
import footprint.measure.TimedPair;
import footprint.measure.Timing;
import footprint.testsupport.RepoFiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code footprint measure}: refuses what it cannot do up front; runs JMH and prints both sides with the prediction. */
class MeasureCommandTest {

    private static List<String> args(String... extra) {
        List<String> a = new ArrayList<>(List.of("measure", "--trace",
                RepoFiles.resolve("traces/kvm-6.1/vmx/vmx-exits.trace").toString(), "--quiet",
                "--models", RepoFiles.resolve("models/cpu").toString()));
        for (String side : List.of("--before", "--after")) {
            a.add(side);
            a.add(RepoFiles.resolve("models/layouts/debian-6.1/debian-6.1-kvm-intel.all.pahole").toString());
            SimulateCommandTest.layouts().forEach(p -> a.add(p.toString()));
        }
        a.add(RepoFiles.resolve("models/layouts/example/kvm_vcpu.reordered.pahole").toString());
        a.addAll(List.of(extra));
        return a;
    }

    @Test
    void anExitCountThatWouldRunForHoursIsRefusedUpFront() {
        CliRun r = CliRun.of(args("--model", "zen5", "--exits", "2000000000", "--guest-sweep", "0,64k").toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("would run for about", "hours").doesNotContain("Exception");
    }

    @Test
    void aGuestLargerThanMemoryIsRefusedUpFront() {
        CliRun r = CliRun.of(args("--model", "zen5", "--guest-sweep", "64k,100000g").toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("half the available memory").doesNotContain("Exception");
    }

    @Test
    void aGuestItCannotReplayIsABadInput() {
        CliRun r = CliRun.of(args("--model", "zen5", "--guest-pattern", "zipf").toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("synthetic uniform guest only");
    }

    @Test
    void measuresBothSidesWithJmhAndPrintsThePredictionBesideIt() {
        CliRun r = CliRun.of(args("--model", "zen5", "--exits", "500", "--guest-sweep", "16k", "--guest-accesses", "2000",
                "--rounds", "1", "--iteration-ms", "50", "--format", "json").toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        footprint.measure.Measurement m = footprint.report.ReportJson.read(r.out(), footprint.measure.Measurement.class);
        assertThat(m.modelId()).isEqualTo("zen5");
        assertThat(m.points()).singleElement().satisfies(p -> {
            TimedPair whole = p.withGuest();
            TimedPair alone = p.exitAlone();
            assertThat(whole.timing()).isEqualTo(Timing.WITH_GUEST);
            assertThat(alone.timing()).isEqualTo(Timing.EXIT_ALONE);
            for (TimedPair t : List.of(whole, alone)) {
                // About 190 loads and stores per exit cannot take less than 10 ns or more than 1 ms.
                assertThat(t.beforeMean()).isBetween(10.0, 1e6);
                assertThat(t.afterMean()).isBetween(10.0, 1e6);
                assertThat(t.diffNanos()).isEqualTo(t.afterMean() - t.beforeMean(), within(1e-9));
                assertThat(t.diffHalfWidthNanos()).isPositive();
            }
            // 2000 guest loads and stores (at least 1 ns each, a quarter of them stores) are timed only with the guest.
            assertThat(whole.beforeMean()).isGreaterThan(alone.beforeMean() + 1000);
            // The exit alone is predicted by its own stall, undivided with MLP 1: the model's MLP apart, the same number.
            assertThat(alone.predictedDiffCyclesMlp1()).isCloseTo(alone.predictedDiffCycles() * m.modelMlp(), within(1e-6));
        });
    }
}
