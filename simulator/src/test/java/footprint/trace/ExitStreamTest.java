package footprint.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.PrimitiveIterator;
import org.junit.jupiter.api.Test;

class ExitStreamTest {
    private static final String EXITS = "footprint-trace 1\nexit A\nend\nexit B\nend\nexit C\nend\n";

    private static ExitStream stream(String streamText) {
        return ExitStream.of(TraceReader.parse("s.trace", EXITS + streamText));
    }

    private static String drain(PrimitiveIterator.OfInt it) {
        StringBuilder b = new StringBuilder();
        it.forEachRemaining((int i) -> b.append((char) ('A' + i)));
        return b.toString();
    }

    @Test
    void sequenceRepeatsEntriesAndCyclesForALongerCount() {
        ExitStream s = stream("stream sequence B*2 A C*3\n");
        assertThat(s.count()).isEqualTo(6);
        assertThat(drain(s.iterator(0, Long.MIN_VALUE))).isEqualTo("BBACCC");
        assertThat(drain(s.iterator(8, Long.MIN_VALUE))).isEqualTo("BBACCCBB");
        assertThat(s.weights()).containsExactly(1 / 6.0, 2 / 6.0, 3 / 6.0);
    }

    @Test
    void noStreamRunsEachExitOnce() {
        ExitStream s = ExitStream.of(TraceReader.parse("s.trace", EXITS));
        assertThat(drain(s.iterator(0, Long.MIN_VALUE))).isEqualTo("ABC");
    }

    @Test
    void mixIsDeterministicForASeedAndFollowsTheWeights() {
        ExitStream s = stream("stream mix count=200000 seed=42\n  A 6\n  B 3\n  C 1\nend\n");
        assertThat(s.weights()).containsExactly(0.6, 0.3, 0.1);
        long[] counts = new long[3];
        s.iterator(0, Long.MIN_VALUE).forEachRemaining((int i) -> counts[i]++);
        assertThat(counts[0] + counts[1] + counts[2]).isEqualTo(200000);
        // binomial standard deviation at n=200000, p=0.6 is ~219; allow 5 sigma
        assertThat(counts[0]).isBetween(120000L - 1100, 120000L + 1100);
        assertThat(counts[1]).isBetween(60000L - 1100, 60000L + 1100);
        assertThat(counts[2]).isBetween(20000L - 700, 20000L + 700);
        assertThat(drain(s.iterator(50, Long.MIN_VALUE))).isEqualTo(drain(s.iterator(50, 42)));
        assertThat(drain(s.iterator(50, 43))).isNotEqualTo(drain(s.iterator(50, 42)));
    }

    @Test
    void frozenDrawsForSeedOne() {
        // Frozen output: a change to the draw algorithm changes every simulation result.
        ExitStream s = stream("stream mix count=24 seed=1\n  A 60\n  B 25\n  C 15\nend\n");
        assertThat(drain(s.iterator(0, Long.MIN_VALUE))).isEqualTo(FROZEN);
    }

    private static final String FROZEN = "ABAAAAABAABACAAABAABBAAA";

    @Test
    void zeroWeightExitIsNeverDrawn() {
        ExitStream s = stream("stream mix count=10000 seed=3\n  A 1\n  B 0\n  C 1\nend\n");
        assertThat(drain(s.iterator(0, Long.MIN_VALUE))).doesNotContain("B");
    }
}
