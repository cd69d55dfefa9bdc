package footprint.measure;

import footprint.calibrate.NativeMemory;

/**
 * Replays a {@link ReplayPlan} on the real CPU: before each exit the guest's accesses (uniform
 * random lines of its working set, SplitMix64 as the simulator draws them, a store every fourth),
 * then the exit's accesses as loads and stores of the traced width. Loaded values feed a sink
 * so that no load is dead; nothing is allocated per exit. The arena and the guest's memory may be
 * shared with the replayer of the other side of a comparison, so that both sides run on the same
 * pages.
 */
public final class ExitReplayer implements AutoCloseable {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final int LINE_SHIFT = 6;

    private final NativeMemory ownArena;
    private final NativeMemory ownGuest;
    private final long guestBase;
    private final long guestLines;
    private final int guestAccesses;
    private final int[] start;
    private final long[] address;
    private final int[] size;
    private final boolean[] write;
    private final int[] sequence;
    private long state;
    private int position;
    private long sink;

    /** A replayer with an arena and a guest memory of its own. */
    public ExitReplayer(ReplayPlan plan) {
        this(plan, guestMemory(plan), arenaMemory(plan.arenaBytes()), true, true);
    }

    /**
     * A replayer whose objects lie in {@code arena} and whose guest runs in {@code guest} (from
     * {@link #arenaMemory} and {@link #guestMemory}), which the caller closes. The two sides of a
     * comparison share both: then an object's offset falls on the same physical page for either
     * side, and the page colours a physically indexed L2 sees (bits above the 4 KiB page) are the
     * same, where separate allocations would give each side its own draw of conflicts in every fork.
     */
    public ExitReplayer(ReplayPlan plan, NativeMemory guest, NativeMemory arena) {
        this(plan, guest, arena, false, false);
    }

    /** A replayer with an arena of its own whose guest runs in {@code guest}, which the caller closes. */
    public static ExitReplayer withOwnArena(ReplayPlan plan, NativeMemory guest) {
        return new ExitReplayer(plan, guest, arenaMemory(plan.arenaBytes()), true, false);
    }

    private ExitReplayer(ReplayPlan plan, NativeMemory guest, NativeMemory arena, boolean ownsArena,
                         boolean ownsGuest) {
        if (plan.guestBytes() > 0 && (guest == null || guest.size() < plan.guestBytes())) {
            throw new IllegalArgumentException("the guest memory is smaller than the plan's working set");
        }
        if (arena.size() < plan.arenaBytes()) {
            throw new IllegalArgumentException("the arena is smaller than the plan's objects");
        }
        this.ownArena = ownsArena ? arena : null;
        this.ownGuest = ownsGuest ? guest : null;
        this.guestBase = guest == null ? 0 : guest.base();
        this.guestLines = Math.max(1, plan.guestBytes() >> LINE_SHIFT);
        this.guestAccesses = plan.guestBytes() > 0 ? plan.guestAccesses() : 0;
        this.start = plan.exitStart();
        this.address = new long[plan.offset().length];
        for (int i = 0; i < address.length; i++) {
            address[i] = arena.base() + plan.offset()[i];
        }
        this.size = plan.size();
        this.write = plan.write();
        this.sequence = plan.sequence();
        this.state = plan.seed() ^ GOLDEN_GAMMA;
    }

    /** Page-aligned memory for the plan's guest working set; null when the plan has no guest. */
    public static NativeMemory guestMemory(ReplayPlan plan) {
        return plan.guestBytes() > 0 ? new NativeMemory(plan.guestBytes(), NativeMemory.PAGE) : null;
    }

    /** Page-aligned memory for objects of {@code bytes} (the larger arena of the plans that share it). */
    public static NativeMemory arenaMemory(long bytes) {
        return new NativeMemory(bytes, NativeMemory.PAGE);
    }

    /** One guest phase and the next exit of the sequence (wrapping around); returns the sink. */
    public long replayNext() {
        guestPhase();
        return exitNext();
    }

    /** The guest's accesses between two exits (none without a guest). */
    public void guestPhase() {
        if (guestAccesses > 0) {
            sink = runGuest(sink);
        }
    }

    /** The next exit's accesses of the sequence (wrapping around); returns the sink. */
    public long exitNext() {
        long s = sink;
        int e = sequence[position];
        if (++position == sequence.length) {
            position = 0;
        }
        for (int a = start[e], end = start[e + 1]; a < end; a++) {
            s = access(address[a], size[a], write[a], s);
        }
        sink = s;
        return s;
    }

    private long runGuest(long s) {
        long r = state;
        for (int i = 0; i < guestAccesses; i++) {
            r += GOLDEN_GAMMA;
            long line = ((mix64(r) >>> 32) * guestLines) >>> 32;
            long at = guestBase + (line << LINE_SHIFT);
            if ((i & 3) == 3) {
                NativeMemory.putLong(at, s);
            } else {
                s += NativeMemory.getLong(at);
            }
        }
        state = r;
        return s;
    }

    private static long access(long at, int width, boolean store, long s) {
        switch (width) {
            case 1 -> {
                if (store) {
                    NativeMemory.putByte(at, (byte) s);
                } else {
                    s += NativeMemory.getByte(at);
                }
            }
            case 2 -> {
                if (store) {
                    NativeMemory.putShort(at, (short) s);
                } else {
                    s += NativeMemory.getShort(at);
                }
            }
            case 4 -> {
                if (store) {
                    NativeMemory.putInt(at, (int) s);
                } else {
                    s += NativeMemory.getInt(at);
                }
            }
            default -> {
                // 8 bytes, or a wider field (a struct copy) in 8-byte pieces and a byte tail.
                int done = 0;
                for (; done + 8 <= width; done += 8) {
                    if (store) {
                        NativeMemory.putLong(at + done, s);
                    } else {
                        s += NativeMemory.getLong(at + done);
                    }
                }
                for (; done < width; done++) {
                    if (store) {
                        NativeMemory.putByte(at + done, (byte) s);
                    } else {
                        s += NativeMemory.getByte(at + done);
                    }
                }
            }
        }
        return s;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public void close() {
        if (ownArena != null) {
            ownArena.close();
        }
        if (ownGuest != null) {
            ownGuest.close();
        }
    }
}
