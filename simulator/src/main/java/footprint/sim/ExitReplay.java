package footprint.sim;

import java.util.PrimitiveIterator;

/**
 * The replay loop: for each exit of the sequence, the handler's accesses at the placed
 * addresses, then one guest phase, all on one cache. Works on primitive arrays of the lines
 * each exit touches at the run's placement and allocates nothing per access.
 */
public final class ExitReplay {
    private ExitReplay() {}

    /**
     * Replays {@code count} exits drawn from {@code sequence}. A guest phase runs before the
     * first exit (unrecorded, to warm the guest's lines) and after every exit.
     */
    public static ReplaySamples run(ExitProgram program, long[] bases, LineCache cache, GuestModel guest,
            long guestSeed, PrimitiveIterator.OfInt sequence, int count) {
        int levels = cache.levels();
        ReplaySamples s = new ReplaySamples(count, levels);
        PlacedLines placed = new PlacedLines(program, bases, cache.lineSize());
        int[] start = placed.start;
        long[] lineAddress = placed.address;
        boolean[] lineWrite = placed.write;
        int[] missScratch = new int[levels];
        GuestRunner runner = guest.isNone() ? null : new GuestRunner(guest, cache, guestSeed);
        if (runner != null) {
            runner.phase(cache, missScratch);
        }
        int[][] hostMisses = s.hostMisses;
        for (int n = 0; n < count; n++) {
            int e = sequence.nextInt();
            s.exit[n] = e;
            java.util.Arrays.fill(missScratch, 0);
            s.hostStall[n] = cache.accessAll(lineAddress, lineWrite, start[e], start[e + 1], missScratch);
            for (int m = 0; m < levels; m++) {
                hostMisses[m][n] = missScratch[m];
            }
            if (runner != null) {
                guestPhase(runner, cache, s, n, missScratch);
            }
        }
        return s;
    }

    /** The guest alone on its own cache, phase for phase as in {@link #run}: the baseline of guest misses. */
    public static ReplaySamples shadow(LineCache cache, GuestModel guest, long guestSeed, int count) {
        ReplaySamples s = new ReplaySamples(count, cache.levels());
        if (guest.isNone()) {
            return s;
        }
        int[] missScratch = new int[cache.levels()];
        GuestRunner runner = new GuestRunner(guest, cache, guestSeed);
        runner.phase(cache, missScratch);
        for (int n = 0; n < count; n++) {
            s.exit[n] = -1;
            guestPhase(runner, cache, s, n, missScratch);
        }
        return s;
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
            int shift = Integer.numberOfTrailingZeros(lineSize);
            int exits = program.exitCount();
            int total = 0;
            for (int e = 0; e < exits; e++) {
                for (int i = program.firstAccess(e); i < program.endAccess(e); i++) {
                    total += lineCount(bases[program.object(i)] + program.offset(i), program.size(i), shift);
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
                    long first = a >>> shift;
                    for (int k = 0; k < lineCount(a, program.size(i), shift); k++) {
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
            address = java.util.Arrays.copyOf(lines, j);
            write = java.util.Arrays.copyOf(writes, j);
        }

        private static int lineCount(long address, int size, int shift) {
            return (int) Math.max(0, ((address + size - 1) >>> shift) - (address >>> shift) + 1);
        }
    }

    private static void guestPhase(GuestRunner runner, LineCache cache, ReplaySamples s, int n, int[] missScratch) {
        java.util.Arrays.fill(missScratch, 0);
        s.guestStall[n] = runner.phase(cache, missScratch);
        for (int m = 0; m < missScratch.length; m++) {
            s.guestMisses[m][n] = missScratch[m];
        }
    }
}
