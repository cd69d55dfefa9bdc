package footprint.measure;

import footprint.calibrate.NativeMemory;
import footprint.sim.ExitProgram;
import footprint.sim.GuestModel;
import footprint.sim.GuestPattern;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the JMH harness replays on the real CPU, for one side of a comparison: the objects laid
 * out in one arena at the simulator's placement (each object keeps its base's offset within the
 * page, so L1D set indices match; objects follow each other page by page), every exit's
 * accesses as (arena offset, width, store?) in program order, the exit sequence, and the
 * synthetic guest that runs between exits (uniform over its working set, a store every fourth
 * access, as {@code GuestRunner} draws it). Written to a file so the forked benchmark JVM reads
 * exactly what the command built.
 */
public record ReplayPlan(long arenaBytes, int[] exitStart, long[] offset, int[] size, boolean[] write, int[] sequence,
                         long guestBytes, int guestAccesses, long seed) {

    /** Lays out {@code program}'s objects at {@code bases} (page offsets kept) and flattens its accesses. */
    public static ReplayPlan of(ExitProgram program, long[] bases, int[] sequence, GuestModel guest, long seed) {
        if (!guest.isNone() && (guest.recorded() != null || guest.pattern() != GuestPattern.UNIFORM)) {
            throw new IllegalArgumentException("measure replays the synthetic uniform guest only");
        }
        List<ExitProgram.ProgramObject> objects = program.objects();
        long[] arenaBase = new long[objects.size()];
        long next = 0;
        for (int o = 0; o < objects.size(); o++) {
            arenaBase[o] = next + Math.floorMod(bases[o], NativeMemory.PAGE);
            next = roundUp(arenaBase[o] + Math.max(1, objects.get(o).size()), NativeMemory.PAGE);
        }
        int exits = program.exitCount();
        int[] start = new int[exits + 1];
        int n = program.endAccess(exits - 1);
        long[] offset = new long[n];
        int[] size = new int[n];
        boolean[] write = new boolean[n];
        for (int e = 0; e < exits; e++) {
            start[e] = program.firstAccess(e);
            for (int a = program.firstAccess(e); a < program.endAccess(e); a++) {
                offset[a] = arenaBase[program.object(a)] + program.offset(a);
                size[a] = program.size(a);
                write[a] = program.isWrite(a);
            }
        }
        start[exits] = n;
        return new ReplayPlan(Math.max(next, NativeMemory.PAGE), start, offset, size, write, sequence.clone(),
                guest.isNone() ? 0 : guest.workingSetBytes(), guest.isNone() ? 0 : guest.accessesPerExit(), seed);
    }

    /** Accesses of one exit of the sequence on average (its line accesses may be more: an access can span two lines). */
    public double accessesPerExit() {
        long sum = 0;
        for (int e : sequence) {
            sum += exitStart[e + 1] - exitStart[e];
        }
        return sequence.length == 0 ? 0 : (double) sum / sequence.length;
    }

    public void write(Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeLong(arenaBytes);
            out.writeLong(guestBytes);
            out.writeInt(guestAccesses);
            out.writeLong(seed);
            out.writeInt(exitStart.length);
            for (int s : exitStart) {
                out.writeInt(s);
            }
            out.writeInt(offset.length);
            for (int i = 0; i < offset.length; i++) {
                out.writeLong(offset[i]);
                out.writeInt(size[i]);
                out.writeBoolean(write[i]);
            }
            out.writeInt(sequence.length);
            for (int e : sequence) {
                out.writeInt(e);
            }
        }
    }

    public static ReplayPlan read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            long arena = in.readLong();
            long guestBytes = in.readLong();
            int guestAccesses = in.readInt();
            long seed = in.readLong();
            int[] start = new int[in.readInt()];
            for (int i = 0; i < start.length; i++) {
                start[i] = in.readInt();
            }
            int n = in.readInt();
            long[] offset = new long[n];
            int[] size = new int[n];
            boolean[] write = new boolean[n];
            for (int i = 0; i < n; i++) {
                offset[i] = in.readLong();
                size[i] = in.readInt();
                write[i] = in.readBoolean();
            }
            int[] sequence = new int[in.readInt()];
            for (int i = 0; i < sequence.length; i++) {
                sequence[i] = in.readInt();
            }
            return new ReplayPlan(arena, start, offset, size, write, sequence, guestBytes, guestAccesses, seed);
        }
    }

    private static long roundUp(long v, long to) {
        return (v + to - 1) / to * to;
    }
}
