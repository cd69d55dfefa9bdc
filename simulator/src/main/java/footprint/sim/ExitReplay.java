package footprint.sim;

import footprint.units.LineSpan;
import java.util.Arrays;
import java.util.PrimitiveIterator;

/**
 * The replay loop, resumable: for each exit of the sequence, the handler's accesses at the
 * placed addresses, then one guest phase, all on one cache. Each call to {@link #advance}
 * replays the next exits into a reused {@link ReplayChunk}; the cache, the guest and the
 * sequence keep their state between calls, so chunk after chunk gives exactly the numbers of
 * one long replay. Works on primitive arrays of the lines each exit touches at the run's
 * placement and allocates nothing per access.
 */
public final class ExitReplay {
    /** The lines of every exit at this placement; null for the shadow run, which has no exits. */
    private final PlacedLines placed;
    private final LineCache cache;
    private final GuestRunner runner;
    private final PrimitiveIterator.OfInt sequence;
    private final int[] missScratch;

    private ExitReplay(PlacedLines placed, LineCache cache, GuestModel guest, long guestSeed,
            PrimitiveIterator.OfInt sequence) {
        this.placed = placed;
        this.cache = cache;
        this.sequence = sequence;
        missScratch = new int[cache.levels()];
        runner = guest.isNone() ? null : new GuestRunner(guest, cache, guestSeed);
        // A guest phase before the first exit, unrecorded, warms the guest's lines.
        if (runner != null) {
            runner.phase(cache, missScratch);
        }
    }

    /** The replay of the exits drawn from {@code sequence}; a guest phase follows every exit. */
    public static ExitReplay of(ExitProgram program, long[] bases, LineCache cache, GuestModel guest, long guestSeed,
            PrimitiveIterator.OfInt sequence) {
        return new ExitReplay(new PlacedLines(program, bases, cache.lineSize()), cache, guest, guestSeed, sequence);
    }

    /** The guest alone on its own cache, phase for phase as in {@link #of}: the baseline of guest misses. */
    public static ExitReplay shadow(LineCache cache, GuestModel guest, long guestSeed) {
        return new ExitReplay(null, cache, guest, guestSeed, null);
    }

    /**
     * Replays the next {@code count} exits into {@code out} (positions 0 to count - 1), which
     * must hold at least that many; the shadow run records exit -1.
     */
    public ReplayChunk advance(ReplayChunk out, int count) {
        if (count > out.capacity()) {
            throw new IllegalArgumentException("chunk of " + out.capacity() + " exits cannot take " + count);
        }
        out.size = count;
        if (runner == null) {
            Arrays.fill(out.guestStall, 0, count, 0);
            for (int[] column : out.guestMisses) {
                Arrays.fill(column, 0, count, 0);
            }
        }
        if (placed == null) {
            Arrays.fill(out.exit, 0, count, -1);
            Arrays.fill(out.hostStall, 0, count, 0);
            for (int[] column : out.hostMisses) {
                Arrays.fill(column, 0, count, 0);
            }
            if (runner != null) {
                for (int n = 0; n < count; n++) {
                    guestPhase(out, n);
                }
            }
            return out;
        }
        int[] start = placed.start;
        long[] lineAddress = placed.address;
        boolean[] lineWrite = placed.write;
        int[][] hostMisses = out.hostMisses;
        for (int n = 0; n < count; n++) {
            int e = sequence.nextInt();
            out.exit[n] = e;
            Arrays.fill(missScratch, 0);
            out.hostStall[n] = cache.accessAll(lineAddress, lineWrite, start[e], start[e + 1], missScratch);
            for (int m = 0; m < missScratch.length; m++) {
                hostMisses[m][n] = missScratch[m];
            }
            if (runner != null) {
                guestPhase(out, n);
            }
        }
        return out;
    }

    /**
     * Every exit's accesses as the lines they touch at this placement, in access order (an
     * access that straddles lines touches each), computed once per run, not once per exit.
     * A line that repeats the one just before it in the same exit is left out: the repeat is an
     * L1D hit on the most recently used line, which costs no stall and changes no cache state
     * (write-backs are not modelled, so a store to it changes nothing either).
     */
    private static final class PlacedLines {
        final int[] start;
        final long[] address;
        final boolean[] write;

        PlacedLines(ExitProgram program, long[] bases, int lineSize) {
            int shift = LineSpan.shift(lineSize);
            int exits = program.exitCount();
            int total = 0;
            for (int e = 0; e < exits; e++) {
                for (int i = program.firstAccess(e); i < program.endAccess(e); i++) {
                    total += (int) LineSpan.count(bases[program.object(i)] + program.offset(i), program.size(i), shift);
                }
            }
            start = new int[exits + 1];
            long[] lines = new long[total];
            boolean[] writes = new boolean[total];
            int j = 0;
            for (int e = 0; e < exits; e++) {
                start[e] = j;
                for (int i = program.firstAccess(e); i < program.endAccess(e); i++) {
                    long a = bases[program.object(i)] + program.offset(i);
                    long first = LineSpan.first(a, shift);
                    long count = LineSpan.count(a, program.size(i), shift);
                    for (int k = 0; k < count; k++) {
                        long line = (first + k) << shift;
                        if (j == start[e] || lines[j - 1] != line) {
                            lines[j] = line;
                            writes[j] = program.isWrite(i);
                            j++;
                        }
                    }
                }
            }
            start[exits] = j;
            address = Arrays.copyOf(lines, j);
            write = Arrays.copyOf(writes, j);
        }
    }

    private void guestPhase(ReplayChunk out, int n) {
        Arrays.fill(missScratch, 0);
        out.guestStall[n] = runner.phase(cache, missScratch);
        for (int m = 0; m < missScratch.length; m++) {
            out.guestMisses[m][n] = missScratch[m];
        }
    }
}
