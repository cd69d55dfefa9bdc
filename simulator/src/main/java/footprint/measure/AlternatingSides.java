package footprint.measure;

import java.util.ArrayList;
import java.util.List;

/**
 * Which side of a comparison a JMH iteration replays when one fork times both: iterations go
 * before, after, after, before, before, after, ... (ABBA), so that every pair of iterations
 * holds one of each and a drift of the machine that is linear over four iterations cancels.
 * Both sides share the fork's JIT state, heap, guest pages and neighbours on the host: what
 * differs between forks (page placement, the host's load) falls out of the paired difference.
 */
public final class AlternatingSides {
    /** The side of the k-th iteration (warm-up ones counted): 0 before, 1 after. */
    public static int side(int k) {
        return ((k + 1) >> 1) & 1;
    }

    private AlternatingSides() {}

    /**
     * Splits the measured iterations' scores (ns per exit, in order, after {@code warmups} warm-up
     * iterations) into the two sides and pairs them: iterations 2i and 2i+1 of the measurement.
     */
    public static PairedFork split(List<Double> measured, int warmups) {
        if (warmups % 2 != 0) {
            throw new IllegalArgumentException("an odd number of warm-up iterations (" + warmups
                    + ") puts two iterations of one side in a pair");
        }
        double[] sum = new double[2];
        int[] count = new int[2];
        List<Double> pairs = new ArrayList<>();
        for (int j = 0; j < measured.size(); j++) {
            int s = side(warmups + j);
            sum[s] += measured.get(j);
            count[s]++;
            if (j % 2 == 1) {
                double here = measured.get(j);
                double there = measured.get(j - 1);
                pairs.add(s == 1 ? here - there : there - here);
            }
        }
        if (count[0] == 0 || count[1] == 0) {
            throw new IllegalArgumentException("a paired fork needs at least two measured iterations, got "
                    + measured.size());
        }
        return new PairedFork(sum[0] / count[0], sum[1] / count[1], pairs);
    }
}
