package footprint.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.SplittableRandom;

/**
 * The order in which exits happen, as exit indices (the order of {@link Trace#exits()}): an
 * explicit sequence, or {@code count} draws from a weighted mix. Iterators stream: they hold the
 * sequence's entries or the mix's alias table, never an array of {@code count} exits.
 *
 * <p>A mix is drawn with Vose's alias method over {@code java.util.SplittableRandom(seed)}: each
 * draw takes {@code i = nextInt(n)} and {@code u = nextDouble()} and yields {@code i} when
 * {@code u < prob[i]}, else {@code alias[i]}; so the same weights and seed give the same exits
 * on every JVM. A trace without a stream runs each exit once, in file order.
 */
public final class ExitStream {
    private final int exits;
    private final boolean mix;
    private final long count;
    private final long seed;
    private final int[] sequenceExit;
    private final long[] sequenceRepeat;
    private final double[] weights;
    private final double[] prob;
    private final int[] alias;

    private ExitStream(int exits, boolean mix, long count, long seed, int[] sequenceExit, long[] sequenceRepeat,
            double[] rawWeights) {
        this.exits = exits;
        this.mix = mix;
        this.count = count;
        this.seed = seed;
        this.sequenceExit = sequenceExit;
        this.sequenceRepeat = sequenceRepeat;
        double sum = Arrays.stream(rawWeights).sum();
        this.weights = Arrays.stream(rawWeights).map(w -> w / sum).toArray();
        this.prob = new double[exits];
        this.alias = new int[exits];
        if (mix) {
            buildAliasTable();
        }
    }

    /** The stream of a trace; its exit names have been checked by {@link TraceReader}. */
    public static ExitStream of(Trace trace) {
        List<String> names = trace.exits().stream().map(ExitDef::name).toList();
        int n = names.size();
        StreamDef def = trace.stream().orElse(null);
        if (def instanceof MixStream m) {
            double[] w = new double[n];
            for (MixStream.Entry e : m.entries()) {
                w[names.indexOf(e.exit())] += e.weight();
            }
            return new ExitStream(n, true, m.count(), m.seed(), new int[0], new long[0], w);
        }
        List<SequenceStream.Entry> entries = new ArrayList<>();
        if (def instanceof SequenceStream s) {
            entries.addAll(s.entries());
        } else {
            names.forEach(name -> entries.add(new SequenceStream.Entry(name, 1)));
        }
        int[] exit = new int[entries.size()];
        long[] repeat = new long[entries.size()];
        double[] w = new double[n];
        long total = 0;
        for (int i = 0; i < exit.length; i++) {
            exit[i] = names.indexOf(entries.get(i).exit());
            repeat[i] = entries.get(i).repeat();
            w[exit[i]] += repeat[i];
            total += repeat[i];
        }
        return new ExitStream(n, false, total, 0, exit, repeat, total == 0 ? new double[n] : w);
    }

    /** Exits one pass of the stream yields: the mix's count, or the sequence's length. */
    public long count() {
        return count;
    }

    /** The mix's seed (0 for a sequence, which draws nothing). */
    public long seed() {
        return seed;
    }

    public boolean isMix() {
        return mix;
    }

    /**
     * Exit indices. {@code countOverride > 0} replaces the count (a sequence then repeats from the
     * start until that many exits); {@code seedOverride != Long.MIN_VALUE} replaces a mix's seed.
     */
    public PrimitiveIterator.OfInt iterator(long countOverride, long seedOverride) {
        long n = countOverride > 0 ? countOverride : count;
        if (mix) {
            return new MixIterator(n, new SplittableRandom(seedOverride == Long.MIN_VALUE ? seed : seedOverride));
        }
        return new SequenceIterator(n);
    }

    /** Per exit index, the fraction of exits it makes up (mix weights or sequence frequencies, summing to 1). */
    public double[] weights() {
        return weights.clone();
    }

    // Vose's alias method (M. D. Vose, IEEE TSE 17(9), 1991): O(n) table, O(1) per draw.
    private void buildAliasTable() {
        double[] scaled = new double[exits];
        int[] small = new int[exits];
        int[] large = new int[exits];
        int ns = 0;
        int nl = 0;
        for (int i = 0; i < exits; i++) {
            scaled[i] = weights[i] * exits;
            if (scaled[i] < 1.0) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            prob[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1.0;
            if (scaled[l] < 1.0) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        while (nl > 0) {
            int l = large[--nl];
            prob[l] = 1.0;
            alias[l] = l;
        }
        while (ns > 0) { // rounding leftovers: their scaled weight is 1 up to rounding
            int s = small[--ns];
            prob[s] = 1.0;
            alias[s] = s;
        }
    }

    private final class MixIterator implements PrimitiveIterator.OfInt {
        private final SplittableRandom random;
        private long left;

        MixIterator(long count, SplittableRandom random) {
            this.left = count;
            this.random = random;
        }

        @Override
        public boolean hasNext() {
            return left > 0;
        }

        @Override
        public int nextInt() {
            if (left <= 0) {
                throw new NoSuchElementException();
            }
            left--;
            int i = random.nextInt(exits);
            return random.nextDouble() < prob[i] ? i : alias[i];
        }
    }

    private final class SequenceIterator implements PrimitiveIterator.OfInt {
        private long left;
        private int entry;
        private long repeated;

        SequenceIterator(long count) {
            this.left = sequenceExit.length == 0 ? 0 : count;
        }

        @Override
        public boolean hasNext() {
            return left > 0;
        }

        @Override
        public int nextInt() {
            if (left <= 0) {
                throw new NoSuchElementException();
            }
            left--;
            int exit = sequenceExit[entry];
            if (++repeated == sequenceRepeat[entry]) {
                repeated = 0;
                entry = (entry + 1) % sequenceExit.length;
            }
            return exit;
        }
    }
}
