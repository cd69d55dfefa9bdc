package footprint.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import footprint.address.AddressFormat;
import footprint.input.InputException;
import footprint.testsupport.SmallLruCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuestTracesTest {
    @TempDir
    Path tmp;

    private final ExitProgram program = Programs.twoExits();
    private final long[] bases = Placement.of(PlacementKind.PAGE).place(program.objects(), 1);

    /**
     * A plain trace of {@code accesses} records over 40 KiB (more than the test L1D), one store
     * in three, some straddling two lines (one access each, as in memory), with comments between.
     */
    private Path guestTrace(int accesses) throws IOException {
        Random random = new Random(3);
        StringBuilder sb = new StringBuilder("# guest\n");
        for (int i = 0; i < accesses; i++) {
            long a = 0x7f0000000000L + random.nextInt(40 << 10);
            sb.append(i % 3 == 2 ? "W " : "R ").append(Long.toHexString(a)).append(i % 50 == 0 ? " 64\n" : " 8\n");
            if (i % 1000 == 0) {
                sb.append("# more\n");
            }
        }
        Path f = tmp.resolve("guest.plain");
        Files.writeString(f, sb);
        return f;
    }

    private List<ExitSummary> summaries(GuestTrace trace, int accessesPerExit, int exits) {
        return SimulationRun.run(program, bases, SmallLruCache.twoLevelFactory(), Programs.cost(),
                GuestModel.recorded(trace, accessesPerExit), Programs.alternating(), exits, 7, ReplayProgress.silent()).summaries();
    }

    @Test
    void streamedAndInMemoryReplaysGiveTheSameSummaries() throws IOException {
        Path f = guestTrace(3001);
        GuestTrace inMemory = GuestTraces.load(f, AddressFormat.PLAIN);
        GuestTrace streamed = GuestTraces.load(f, AddressFormat.PLAIN, 100);
        assertThat(inMemory).isInstanceOf(RecordedGuest.class);
        assertThat(streamed).isInstanceOf(StreamedGuest.class);
        assertThat(streamed.length()).isEqualTo(inMemory.length()).isEqualTo(3001);
        // 700 accesses per exit: neither a multiple of the runner's block nor a divisor of the
        // trace's length, so passes end mid-block; 60 exits go round the file about 14 times.
        List<ExitSummary> want = summaries(inMemory, 700, 60);
        assertThat(summaries(streamed, 700, 60)).isEqualTo(want);
        ExitSummary mix = want.get(want.size() - 1);
        assertThat(mix.metric(Metrics.GUEST_STALL).mean()).isPositive();
        assertThat(mix.metric(Metrics.misses("L1D")).mean()).isGreaterThan(1);
        // The comparison sees the guest: another phase length over the same trace gives other numbers.
        assertThat(summaries(inMemory, 300, 60)).isNotEqualTo(summaries(inMemory, 700, 60));
    }

    @Test
    void aMalformedLineLateInALongTraceIsReportedBeforeAnyReplay() throws IOException {
        Path f = guestTrace(20_000);
        Files.writeString(f, "R 7f0000000000 8\nR 7f00000000zz 8\n", java.nio.file.StandardOpenOption.APPEND);
        long lines = Files.readAllLines(f).size();
        for (long limit : new long[] {100, GuestTraces.IN_MEMORY_LIMIT}) {
            assertThatThrownBy(() -> GuestTraces.load(f, AddressFormat.PLAIN, limit))
                    .isInstanceOf(InputException.class).hasMessageContaining(f + ":" + lines + ":");
        }
    }

    @Test
    void aTraceWithoutAccessesIsAnError() throws IOException {
        Path f = tmp.resolve("empty.plain");
        Files.writeString(f, "# only a comment\n");
        assertThatThrownBy(() -> GuestTraces.load(f, AddressFormat.PLAIN, 100))
                .isInstanceOf(InputException.class).hasMessageContaining("no accesses");
    }

    @Test
    void aStreamedTraceThatShrinksAfterItsCheckIsAnErrorNotAnEndlessLoop() throws IOException {
        Path f = guestTrace(3001);
        GuestTrace streamed = GuestTraces.load(f, AddressFormat.PLAIN, 100);
        Files.writeString(f, "# emptied\n");
        assertThatThrownBy(() -> summaries(streamed, 700, 10))
                .isInstanceOf(InputException.class).hasMessageContaining("changed during the replay");
    }
}
