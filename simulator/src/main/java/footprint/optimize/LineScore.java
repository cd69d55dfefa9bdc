package footprint.optimize;

import java.util.Arrays;

/**
 * Counts, under an arrangement, the 64-byte lines each exit touches in each object that holds a
 * target (as {@code trace stats} counts them: each object on a line boundary, an access touching
 * every line its bytes fall on), and the stream's weighted sum. A second figure breaks ties
 * between arrangements touching as many lines: the weighted sum over touched lines of the square
 * of the touched bytes on the line, which grows as the touched bytes crowd onto fewer lines.
 */
final class LineScore {
    private static final int LINE = 64;

    private final OrderSpace space;
    private final AccessChains chains;
    private final double[] weights;

    LineScore(OrderSpace space, AccessChains chains, double[] weights) {
        this.space = space;
        this.chains = chains;
        this.weights = weights;
    }

    /** The weighted lines per exit over the stream and the tie-breaker, for one arrangement. */
    record Score(double lines, double crowding) implements Comparable<Score> {
        /** Fewer lines first, then more crowding; lines compared to 1e-9 so sums in another order tie. */
        @Override
        public int compareTo(Score o) {
            if (Math.abs(lines - o.lines) > 1e-9) {
                return Double.compare(lines, o.lines);
            }
            if (Math.abs(crowding - o.crowding) > 1e-9) {
                return Double.compare(o.crowding, crowding);
            }
            return 0;
        }
    }

    Score score(Arrangement a) {
        return score(Relayout.of(space, a));
    }

    Score score(Relayout r) {
        long[][] perExit = lines(r);
        double lines = 0;
        double crowding = 0;
        for (int x = 0; x < perExit.length; x++) {
            if (weights[x] <= 0) {
                continue;
            }
            for (int o = 0; o < chains.objects.length; o++) {
                lines += weights[x] * perExit[x][o];
            }
            crowding += weights[x] * perExit[x][chains.objects.length];
        }
        return new Score(lines, crowding);
    }

    /** Per exit: touched lines per object (in {@link AccessChains#objects} order), then the exit's crowding. */
    long[][] lines(Relayout r) {
        int nObjects = chains.objects.length;
        long[][] words = new long[nObjects][];
        for (int o = 0; o < nObjects; o++) {
            long size = r.layout[space.rootOf(chains.objects[o])].size();
            words[o] = new long[(int) (size / LINE) + 2];
        }
        long[][] out = new long[chains.object.length][nObjects + 1];
        for (int x = 0; x < chains.object.length; x++) {
            for (long[] w : words) {
                Arrays.fill(w, 0);
            }
            int[] obj = chains.object[x];
            for (int k = 0; k < obj.length; k++) {
                long off = chains.residual[x][k];
                for (int s = chains.stepStart[x][k]; s < chains.stepStart[x][k + 1]; s++) {
                    int node = chains.stepNode[s];
                    int member = chains.stepMember[s];
                    off += r.offset[node][member];
                    int element = chains.stepElement[s];
                    if (element > 0) {
                        off += element * r.layout[space.nodes().get(node).child[member]].size();
                    }
                }
                mark(words[obj[k]], off, off + chains.size[x][k]);
            }
            long crowding = 0;
            for (int o = 0; o < nObjects; o++) {
                long lines = 0;
                for (long w : words[o]) {
                    if (w != 0) {
                        lines++;
                        int bytes = Long.bitCount(w);
                        crowding += (long) bytes * bytes;
                    }
                }
                out[x][o] = lines;
            }
            out[x][nObjects] = crowding;
        }
        return out;
    }

    private static void mark(long[] words, long from, long to) {
        for (long b = from; b < to; ) {
            int w = (int) Math.min(b / LINE, words.length - 1);
            int bit = (int) (b % LINE);
            int n = (int) Math.min(LINE - bit, to - b);
            long mask = n == LINE ? -1L : ((1L << n) - 1) << bit;
            words[w] |= mask;
            b += n;
        }
    }
}
