package footprint.sim;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Independent replicates of a replay: each has its own seed (exit order, guest addresses,
 * placement draw, random replacement), derived from the user's seed, and they run in parallel
 * on the machine's cores. Results come back in replicate order, so the report does not depend
 * on which replicate finished first.
 */
public final class Replicates {
    private Replicates() {}

    /** {@code count} replicate seeds drawn from {@code seed}: the same seed always gives the same list. */
    public static long[] seeds(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] out = new long[count];
        for (int r = 0; r < count; r++) {
            out[r] = random.nextLong();
        }
        return out;
    }

    /** Runs {@code replicate} for 0..count-1 in parallel; the list is in replicate order. */
    public static <T> List<T> map(int count, IntFunction<T> replicate) {
        return IntStream.range(0, count).parallel().mapToObj(replicate).toList();
    }

    /** Exits per replicate when {@code exits} are split over {@code replicates} (rounded up, at least one). */
    public static int exitsEach(int exits, int replicates) {
        return Math.max(1, (exits + replicates - 1) / replicates);
    }
}
