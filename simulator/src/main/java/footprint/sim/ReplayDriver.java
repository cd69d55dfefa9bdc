package footprint.sim;

import java.util.List;

/**
 * The one replay loop that {@code simulate} and {@code compare} share: one or more layouts
 * replayed over the same exit sequence in lockstep with one shadow run of the guest, a chunk
 * of exits at a time, each chunk handed to a sink before the next refills the same columns.
 * Memory does not grow with the number of exits. Runs on the calling thread: replicates, not
 * the sides of one replicate, are what runs in parallel.
 */
public final class ReplayDriver {
    /** Exits per chunk: the replay's columns hold this many exits, whatever the run's length. */
    public static final int CHUNK = 1 << 15;

    /** Takes the chunk of every side (in the order given) and the shadow's chunk of the same exits. */
    @FunctionalInterface
    public interface ChunkSink {
        void accept(ReplayChunk[] sides, ReplayChunk shadow);
    }

    private ReplayDriver() {}

    /**
     * Exits every replay runs before it counts: a tenth of the counted exits, at least one. They
     * bring the objects' lines and the guest's into the caches, so that the counted exits meet
     * caches in steady use; without them each replicate would add its compulsory misses to the
     * first exits it counts (ten replicates, ten cold starts; a guest-sweep point with five exits
     * per replicate would be mostly cold start).
     */
    public static int warmupExits(int exits) {
        return Math.max(1, exits / 10);
    }

    /** The exits a replay's sequence must hold for {@code exits} counted ones: the warm-up's first. */
    public static int sequenceLength(int exits) {
        return exits + warmupExits(exits);
    }

    /**
     * Replays {@link #warmupExits} exits uncounted, then {@code exits} exits on every side and the
     * shadow, telling {@code progress} how many counted ones are done.
     */
    public static void run(List<ExitReplay> sides, ExitReplay shadow, int levels, int exits, ChunkSink sink,
            ReplayProgress progress) {
        int capacity = Math.min(CHUNK, Math.max(1, exits));
        ReplayChunk[] chunks = new ReplayChunk[sides.size()];
        for (int s = 0; s < chunks.length; s++) {
            chunks[s] = new ReplayChunk(capacity, levels);
        }
        ReplayChunk shadowChunk = new ReplayChunk(capacity, levels);
        for (int left = warmupExits(exits); left > 0; left -= capacity) {
            int count = Math.min(capacity, left);
            for (int s = 0; s < chunks.length; s++) {
                sides.get(s).advance(chunks[s], count);
            }
            shadow.advance(shadowChunk, count);
        }
        for (int done = 0; done < exits; done += capacity) {
            int count = Math.min(capacity, exits - done);
            for (int s = 0; s < chunks.length; s++) {
                sides.get(s).advance(chunks[s], count);
            }
            shadow.advance(shadowChunk, count);
            sink.accept(chunks, shadowChunk);
            progress.add(count);
        }
    }
}
