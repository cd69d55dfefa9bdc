package footprint.sim;

import java.util.List;

/**
 * The per-exit metrics of {@link Metrics#all} for one program, placement and cost model: the
 * value of a metric for one exit of a replay chunk and the same exit of its shadow chunk, as
 * DESIGN.md "Metric definitions" defines them. Metrics addressed by their index in
 * {@link #all()}, so the per-exit path looks nothing up.
 */
public final class ExitMetrics {
    private final List<Metric> metrics;
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
        metrics = Metrics.all(levels);
        level = metrics.stream().mapToInt(m -> m.level() == null ? -1 : levels.indexOf(m.level())).toArray();
    }

    /** All metrics in report order; a metric's index here is its index in the other methods. */
    public List<Metric> all() {
        return metrics;
    }

    /** The index of a metric; unknown metrics are refused. */
    public int index(Metric metric) {
        int m = metrics.indexOf(metric);
        if (m < 0) {
            throw new IllegalArgumentException("unknown metric " + metric + " (have " + metrics + ")");
        }
        return m;
    }

    /** Whether the metric depends only on the exit kind (lines, line accesses, base cost), not on the cache. */
    public boolean byKindOnly(int metric) {
        return switch (metrics.get(metric).kind()) {
            case TOUCHED_LINES, IDEAL_LINES, HOST_LINE_ACCESSES, BASE_CYCLES -> true;
            default -> false;
        };
    }

    /** The value of a metric that depends only on the exit kind, for exits of kind {@code exit}. */
    public double ofKind(int metric, int exit) {
        return switch (metrics.get(metric).kind()) {
            case TOUCHED_LINES -> footprint.touchedTotal(exit);
            case IDEAL_LINES -> footprint.idealTotal(exit);
            case HOST_LINE_ACCESSES -> footprint.lineAccesses(exit);
            case BASE_CYCLES -> base[exit];
            default -> throw new IllegalArgumentException(
                    metrics.get(metric) + " depends on the cache, not only on the exit kind");
        };
    }

    /**
     * The metric for exit {@code n} of a chunk; {@code shadow} holds the guest-alone run's same
     * phases. The guest's stall and misses are those with exits minus the shadow's.
     */
    public double value(int metric, ReplayChunk main, ReplayChunk shadow, int n) {
        int l = level[metric];
        return switch (metrics.get(metric).kind()) {
            case MISSES -> main.hostMisses[l][n];
            case GUEST_EXTRA_MISSES -> main.guestMisses[l][n] - shadow.guestMisses[l][n];
            case HOST_STALL_CYCLES -> main.hostStall[n] / mlp;
            case GUEST_STALL_CYCLES -> (main.guestStall[n] - shadow.guestStall[n]) / mlp;
            case ESTIMATED_CYCLES -> base[main.exit[n]] + (main.hostStall[n] + main.guestStall[n] - shadow.guestStall[n]) / mlp;
            default -> ofKind(metric, main.exit[n]);
        };
    }
}
