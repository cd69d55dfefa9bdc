package footprint.calibrate;

import footprint.units.ByteSize;
import footprint.cache.Geometry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** Runs the measurements of {@code calibrate} on the CPU this JVM runs on. */
public final class Calibrator {
    private final CalibrationSettings settings;
    private final Consumer<String> progress;
    private List<MlpPoint> mlp = List.of();

    public Calibrator(CalibrationSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Measures; {@code command} and {@code date} go into the sources of every number written. */
    public Calibration run(String command, String date, CpuIdentity cpu, List<ReportedCache> reported) {
        ChaseTimer timer = new ChaseTimer(settings.runNanos(), settings.runs());
        progress.accept("warming up the JIT");
        timer.warmUp();
        double multiply = timer.multiplyNanos();
        double clock = MultiplyChain.IMUL_LATENCY_CYCLES / multiply;
        progress.accept(String.format(Locale.ROOT, "core clock %.2f GHz (dependent multiply %.3f ns)", clock, multiply));
        List<LatencyPoint> curve = latencyCurve(timer);
        LevelSteps steps = new LevelSteps(curve);
        long mlpBytes = curve.get(curve.size() - 1).bytes();
        return new Calibration(cpu, command, date, multiply, clock, curve, steps.levels(), steps.memoryNanos(),
                steps.memoryFromBytes(), mlpBytes, mlp, reported);
    }

    /** Builds every ring once (the large ones take longest), then times them all in each round. */
    private List<LatencyPoint> latencyCurve(ChaseTimer timer) {
        List<Long> sizes = settings.workingSets();
        double[] best = new double[sizes.size()];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        List<ChaseRing> rings = new ArrayList<>();
        try {
            progress.accept(String.format(Locale.ROOT, "building %d working sets, %s to %s", sizes.size(),
                    ByteSize.format(sizes.get(0)), ByteSize.format(sizes.get(sizes.size() - 1))));
            for (long size : sizes) {
                rings.add(new ChaseRing(size, settings.seed() + size));
            }
            for (int round = 0; round < settings.rounds(); round++) {
                progress.accept(String.format(Locale.ROOT, "latency round %d of %d", round + 1, settings.rounds()));
                for (int i = 0; i < sizes.size(); i++) {
                    best[i] = Math.min(best[i], timer.latencyNanos(rings.get(i)));
                }
            }
            progress.accept("memory-level parallelism: " + settings.chains() + " independent chases over "
                    + ByteSize.format(sizes.get(sizes.size() - 1)));
            mlp = parallelism(timer, rings.get(rings.size() - 1));
        } finally {
            rings.forEach(ChaseRing::close);
        }
        List<LatencyPoint> curve = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            curve.add(new LatencyPoint(sizes.get(i), best[i]));
        }
        return curve;
    }

    private List<MlpPoint> parallelism(ChaseTimer timer, ChaseRing ring) {
        List<MlpPoint> out = new ArrayList<>();
        double one = timer.latencyNanos(ring);
        for (int k : settings.chains()) {
            double perLoad = k == 1 ? one : timer.throughputNanos(ring, k);
            out.add(new MlpPoint(k, perLoad, one / perLoad));
        }
        return out;
    }

    /** Where /proc/cpuinfo, sysfs and the CPUID device are on Linux. */
    public static final Path CPUINFO = Path.of("/proc/cpuinfo");
    public static final Path SYS_CACHE = Path.of("/sys/devices/system/cpu/cpu0/cache");
    public static final Path CPUID_DEVICE = Path.of("/dev/cpu/0/cpuid");
}
