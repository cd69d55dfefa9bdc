package footprint.sim;

import footprint.units.LineSpan;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The cachelines each exit touches, per object, at given base addresses, next to the ideal:
 * the fewest lines its touched bytes could fill (distinct touched bytes / line size, rounded up).
 */
public final class LineFootprint {
    private final int[][] touched;
    private final int[][] ideal;
    private final int[] lineAccesses;

    private LineFootprint(int[][] touched, int[][] ideal, int[] lineAccesses) {
        this.touched = touched;
        this.ideal = ideal;
        this.lineAccesses = lineAccesses;
    }

    public static LineFootprint of(ExitProgram program, long[] bases, int lineSize) {
        int objects = program.objects().size();
        int[][] touched = new int[program.exitCount()][objects];
        int[][] ideal = new int[program.exitCount()][objects];
        int[] lineAccesses = new int[program.exitCount()];
        for (int e = 0; e < program.exitCount(); e++) {
            for (int i = program.firstAccess(e); i < program.endAccess(e); i++) {
                long a = bases[program.object(i)] + program.offset(i);
                lineAccesses[e] += (int) LineSpan.of(a, program.size(i), lineSize).count();
            }
            for (int o = 0; o < objects; o++) {
                Set<Long> lines = new HashSet<>();
                BitSet bytes = hotBytes(program, e, o);
                for (int i = program.firstAccess(e); i < program.endAccess(e); i++) {
                    if (program.object(i) != o) {
                        continue;
                    }
                    LineSpan span = LineSpan.of(bases[o] + program.offset(i), program.size(i), lineSize);
                    for (long line = span.first(); line <= span.last(); line++) {
                        lines.add(line);
                    }
                }
                touched[e][o] = lines.size();
                ideal[e][o] = (bytes.cardinality() + lineSize - 1) / lineSize;
            }
        }
        return new LineFootprint(touched, ideal, lineAccesses);
    }

    /** The bytes of object {@code o} that exit {@code e} accesses, by offset in the object. */
    public static BitSet hotBytes(ExitProgram program, int e, int o) {
        BitSet bytes = new BitSet();
        for (int i = program.firstAccess(e); i < program.endAccess(e); i++) {
            if (program.object(i) == o) {
                bytes.set((int) program.offset(i), (int) (program.offset(i) + program.size(i)));
            }
        }
        return bytes;
    }

    /** Cache accesses the exit makes: one per line each access spans (a straddling access makes two). */
    public int lineAccesses(int exit) {
        return lineAccesses[exit];
    }

    public int touched(int exit, int object) {
        return touched[exit][object];
    }

    public int ideal(int exit, int object) {
        return ideal[exit][object];
    }

    public int touchedTotal(int exit) {
        int sum = 0;
        for (int t : touched[exit]) {
            sum += t;
        }
        return sum;
    }

    public int idealTotal(int exit) {
        int sum = 0;
        for (int t : ideal[exit]) {
            sum += t;
        }
        return sum;
    }
}
