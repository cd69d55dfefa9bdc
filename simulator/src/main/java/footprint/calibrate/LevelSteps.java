package footprint.calibrate;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the cache levels in a latency curve. Noise on a shared machine only ever adds time, so
 * the curve is first made non-decreasing from the right (each point takes the lowest latency
 * at its size or any larger one), which removes upward spikes without moving a real step. A
 * plateau is a run of working sets whose latency stays within {@link #PLATEAU} of the run's
 * first point and that spans at least a factor {@link #MIN_SPAN} in size; the trailing points
 * within {@link #MEMORY_SHARE} of the largest working sets' latency are memory. A level's
 * capacity is where the curve crosses the geometric middle between its plateau and the next,
 * interpolated in log size: a physically indexed cache with 4 KiB pages starts to miss before
 * it is full (random page colours), a virtually indexed L1D only once it is.
 */
public final class LevelSteps {
    static final double PLATEAU = 1.2;
    static final double MIN_SPAN = 1.3;
    static final double MEMORY_SHARE = 0.6;

    private final List<LatencyPoint> monotone;
    private final int memoryStart;
    private final List<FoundLevel> levels;

    public LevelSteps(List<LatencyPoint> curve) {
        if (curve.size() < 4) {
            throw new IllegalArgumentException("a latency curve needs at least 4 working sets");
        }
        this.monotone = nonDecreasing(curve);
        // The median of the three largest working sets: the last point alone has no later one to
        // correct a spike.
        int n = monotone.size();
        double last = ChaseTimer.median(new double[] {monotone.get(n - 3).nanos(), monotone.get(n - 2).nanos(),
            monotone.get(n - 1).nanos()});
        int m = monotone.size() - 1;
        while (m > 0 && monotone.get(m - 1).nanos() >= MEMORY_SHARE * last) {
            m--;
        }
        this.memoryStart = m;
        this.levels = plateaus();
    }

    public List<LatencyPoint> monotone() {
        return monotone;
    }

    public List<FoundLevel> levels() {
        return levels;
    }

    /** The median latency of the working sets past the last cache level. */
    public double memoryNanos() {
        List<LatencyPoint> mem = monotone.subList(memoryStart, monotone.size());
        double[] v = mem.stream().mapToDouble(LatencyPoint::nanos).toArray();
        return ChaseTimer.median(v);
    }

    public long memoryFromBytes() {
        return monotone.get(memoryStart).bytes();
    }

    static List<LatencyPoint> nonDecreasing(List<LatencyPoint> curve) {
        List<LatencyPoint> sorted = new ArrayList<>(curve);
        sorted.sort((a, b) -> Long.compare(a.bytes(), b.bytes()));
        LatencyPoint[] out = new LatencyPoint[sorted.size()];
        double min = Double.POSITIVE_INFINITY;
        for (int i = sorted.size() - 1; i >= 0; i--) {
            min = Math.min(min, sorted.get(i).nanos());
            out[i] = new LatencyPoint(sorted.get(i).bytes(), min);
        }
        return List.of(out);
    }

    private List<FoundLevel> plateaus() {
        List<int[]> runs = new ArrayList<>();
        int i = 0;
        while (i < memoryStart) {
            int start = i;
            double base = monotone.get(i).nanos();
            while (i + 1 < memoryStart && monotone.get(i + 1).nanos() <= base * PLATEAU) {
                i++;
            }
            if (monotone.get(i).bytes() >= MIN_SPAN * monotone.get(start).bytes()) {
                runs.add(new int[] {start, i});
            }
            i++;
        }
        List<FoundLevel> out = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            int[] run = runs.get(r);
            double nanos = median(run[0], run[1]);
            double next = r + 1 < runs.size() ? median(runs.get(r + 1)[0], runs.get(r + 1)[1]) : memoryNanos();
            long step = crossing(run[1], Math.sqrt(nanos * next));
            out.add(new FoundLevel("L" + (r + 1), nanos, monotone.get(run[0]).bytes(), monotone.get(run[1]).bytes(), step));
        }
        return List.copyOf(out);
    }

    private double median(int from, int to) {
        double[] v = new double[to - from + 1];
        for (int k = from; k <= to; k++) {
            v[k - from] = monotone.get(k).nanos();
        }
        return ChaseTimer.median(v);
    }

    /** The working set, interpolated in log size and log latency, where the curve first reaches {@code target}. */
    private long crossing(int from, double target) {
        for (int k = from; k + 1 < monotone.size(); k++) {
            LatencyPoint a = monotone.get(k);
            LatencyPoint b = monotone.get(k + 1);
            if (b.nanos() >= target) {
                double f = a.nanos() >= target ? 0
                        : (Math.log(target) - Math.log(a.nanos())) / (Math.log(b.nanos()) - Math.log(a.nanos()));
                return Math.round(Math.exp(Math.log(a.bytes()) + f * (Math.log(b.bytes()) - Math.log(a.bytes()))));
            }
        }
        return monotone.get(monotone.size() - 1).bytes();
    }
}
