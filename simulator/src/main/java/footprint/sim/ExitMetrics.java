package footprint.sim;

import java.util.List;

/**
 * The per-exit metrics of {@link Metrics#all} for one program, placement and cost model: the
 * value of a metric for one exit of a replay chunk and the same exit of its shadow chunk, as
 * DESIGN.md "Metric definitions" defines them. Metrics addressed by their index in
 * {@link #names()}, so the per-exit path compares no strings.
 */
public final class ExitMetrics {
    private enum Kind { TOUCHED, IDEAL, LINE_ACCESSES, MISSES, HOST_STALL, GUEST_MISSES, GUEST_STALL, BASE, ESTIMATED }

    private final List<String> names;
    private final Kind[] kind;
    private final int[] level;
    private final LineFootprint footprint;
    private final double mlp;
    private final double[] base;

    public ExitMetrics(ExitProgram program, LineFootprint footprint, CostModel cost) {
        this.footprint = footprint;
        this.mlp = cost.memoryLevelParallelism();
        base = new double[program.exitCount()];
        for (int e = 0; e < base.length; e++) {
            base[e] = cost.baseCycles(program.exitName(e));
        }
        List<String> levels = cost.levelNames();
        names = Metrics.all(levels);
        kind = new Kind[names.size()];
        level = new int[names.size()];
        for (int m = 0; m < names.size(); m++) {
            String name = names.get(m);
            level[m] = -1;
            for (int l = 0; l < levels.size(); l++) {
                if (name.equals(Metrics.misses(levels.get(l)))) {
                    kind[m] = Kind.MISSES;
                    level[m] = l;
                } else if (name.equals(Metrics.guestExtraMisses(levels.get(l)))) {
                    kind[m] = Kind.GUEST_MISSES;
                    level[m] = l;
                }
            }
            if (level[m] < 0) {
                kind[m] = switch (name) {
                    case Metrics.TOUCHED_LINES -> Kind.TOUCHED;
                    case Metrics.IDEAL_LINES -> Kind.IDEAL;
                    case Metrics.LINE_ACCESSES -> Kind.LINE_ACCESSES;
                    case Metrics.HOST_STALL -> Kind.HOST_STALL;
                    case Metrics.GUEST_STALL -> Kind.GUEST_STALL;
                    case Metrics.BASE -> Kind.BASE;
                    case Metrics.ESTIMATED -> Kind.ESTIMATED;
                    default -> throw new IllegalStateException("metric without a definition: " + name);
                };
            }
        }
    }

    /** All metric names in report order; a metric's index here is its index in the other methods. */
    public List<String> names() {
        return names;
    }

    /** The index of a metric; unknown names are refused. */
    public int index(String metric) {
        int m = names.indexOf(metric);
        if (m < 0) {
            throw new IllegalArgumentException("unknown metric " + metric + " (have " + names + ")");
        }
        return m;
    }

    /** Whether the metric depends only on the exit kind (lines, line accesses, base cost), not on the cache. */
    public boolean byKindOnly(int metric) {
        return switch (kind[metric]) {
            case TOUCHED, IDEAL, LINE_ACCESSES, BASE -> true;
            default -> false;
        };
    }

    /** The value of a metric that depends only on the exit kind, for exits of kind {@code exit}. */
    public double ofKind(int metric, int exit) {
        return switch (kind[metric]) {
            case TOUCHED -> footprint.touchedTotal(exit);
            case IDEAL -> footprint.idealTotal(exit);
            case LINE_ACCESSES -> footprint.lineAccesses(exit);
            case BASE -> base[exit];
            default -> throw new IllegalArgumentException(
                    names.get(metric) + " depends on the cache, not only on the exit kind");
        };
    }

    /**
     * The metric for exit {@code n} of a chunk; {@code shadow} holds the guest-alone run's same
     * phases. The guest's stall and misses are those with exits minus the shadow's.
     */
    public double value(int metric, ReplayChunk main, ReplayChunk shadow, int n) {
        int l = level[metric];
        return switch (kind[metric]) {
            case MISSES -> main.hostMisses[l][n];
            case GUEST_MISSES -> main.guestMisses[l][n] - shadow.guestMisses[l][n];
            case HOST_STALL -> main.hostStall[n] / mlp;
            case GUEST_STALL -> (main.guestStall[n] - shadow.guestStall[n]) / mlp;
            case ESTIMATED -> base[main.exit[n]] + (main.hostStall[n] + main.guestStall[n] - shadow.guestStall[n]) / mlp;
            default -> ofKind(metric, main.exit[n]);
        };
    }
}
