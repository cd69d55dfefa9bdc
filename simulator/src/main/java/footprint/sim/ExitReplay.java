package footprint.sim;

import java.util.PrimitiveIterator;

/**
 * The replay loop: for each exit of the sequence, the handler's accesses at the placed
 * addresses, then one guest phase, all on one cache. Works on the program's primitive arrays
 * and allocates nothing per access.
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
        int[] obj = program.objectArray();
        long[] off = program.offsetArray();
        int[] size = program.sizeArray();
        boolean[] write = program.writeArray();
        int[] start = program.startArray();
        int lineShift = Integer.numberOfTrailingZeros(cache.lineSize());
        int[] latency = new int[levels + 1];
        for (int l = 0; l <= levels; l++) {
            latency[l] = cache.latency(l) - cache.latency(0);
        }
        int[] missScratch = new int[levels];
        GuestRunner runner = guest.isNone() ? null : new GuestRunner(guest, cache, guestSeed);
        if (runner != null) {
            runner.phase(cache, missScratch);
        }
        int[][] hostMisses = s.hostMisses;
        for (int n = 0; n < count; n++) {
            int e = sequence.nextInt();
            s.exit[n] = e;
            int stall = 0;
            for (int i = start[e], end = start[e + 1]; i < end; i++) {
                long address = bases[obj[i]] + off[i];
                long first = address >>> lineShift;
                long last = (address + size[i] - 1) >>> lineShift;
                for (long line = first; line <= last; line++) {
                    int level = cache.accessLine(line << lineShift, write[i]);
                    stall += latency[level];
                    for (int m = 0; m < level; m++) {
                        hostMisses[m][n]++;
                    }
                }
            }
            s.hostStall[n] = stall;
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

    private static void guestPhase(GuestRunner runner, LineCache cache, ReplaySamples s, int n, int[] missScratch) {
        java.util.Arrays.fill(missScratch, 0);
        s.guestStall[n] = runner.phase(cache, missScratch);
        for (int m = 0; m < missScratch.length; m++) {
            s.guestMisses[m][n] = missScratch[m];
        }
    }
}
