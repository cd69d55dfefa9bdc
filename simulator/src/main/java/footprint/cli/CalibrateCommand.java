package footprint.cli;

import footprint.calibrate.CalibratedModel;
import footprint.calibrate.Calibration;
import footprint.calibrate.CalibrationSettings;
import footprint.calibrate.CalibrationText;
import footprint.calibrate.Calibrator;
import footprint.calibrate.CpuIdentity;
import footprint.calibrate.ModelDifference;
import footprint.calibrate.ModelFileWriter;
import footprint.calibrate.ReferenceModels;
import footprint.calibrate.ReportedCache;
import footprint.input.InputException;
import footprint.model.CpuModel;
import footprint.model.CpuModels;
import footprint.report.ReportFile;
import footprint.report.ReportJson;
import footprint.units.ByteSize;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code footprint calibrate}: measures this CPU's caches and writes a model file. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {
            "Measures the CPU it runs on: load-to-use latency of each cache level and of memory (dependent pointer"
                + " chasing over growing working sets in random line order), the level capacities from where the"
                + " latency steps, the core clock (a dependent multiply chain) and the memory-level parallelism"
                + " (k independent chases against one). Prints the numbers beside the bundled model of the same"
                + " microarchitecture and, with --output, writes a model file (basis 'measured'; what a latency sweep"
                + " cannot see is copied from the reference model and says so). About 20-40 s; progress on stderr."},
        footer = {"%nExamples:",
            "  footprint calibrate",
            "  mkdir host && footprint calibrate --output host/this-host.json --id this-host",
            "  footprint simulate --models host --model this-host ...",
            "  footprint calibrate --reference zen4 --format json"})
public final class CalibrateCommand implements Callable<Integer> {

    @Option(names = "--output", paramLabel = "FILE", description = "Write the calibrated model here (never over an"
            + " existing file or into the bundled models folder without --force).")
    Path output;

    @Option(names = "--force", description = "Allow --output to replace an existing file or write into the models folder.")
    boolean force;

    @Option(names = "--reference", paramLabel = "ID", description = "Bundled model to compare with and to copy"
            + " unmeasurable numbers from (default: the model of this CPU's family, e.g. zen5 for AMD family 26).")
    String reference;

    @Option(names = "--models", paramLabel = "DIR", description = "Folder of CPU model files (default: the bundled models/cpu).")
    Path models;

    @Option(names = "--id", defaultValue = "calibrated", description = "Model id written to the file (default ${DEFAULT-VALUE}).")
    String id;

    @Option(names = "--max-working-set", paramLabel = "SIZE", defaultValue = "256m",
            description = "Largest working set chased; must be well past the last cache level (default ${DEFAULT-VALUE}).")
    String maxWorkingSet;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds over all working sets (default ${DEFAULT-VALUE}).")
    int rounds;

    @Mixin
    FormatOption format;

    @Option(names = "--quiet", description = "No progress lines on stderr.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path dir = models != null ? models : CpuModels.defaultDirectory();
        checkOutput(dir);
        CpuIdentity cpu = CpuIdentity.read(Calibrator.CPUINFO);
        String refId = reference != null ? reference : ReferenceModels.forCpu(cpu).orElseThrow(() -> new InputException(
                "no bundled model matches " + cpu.describe() + "; name one with --reference ID"));
        CpuModel ref = CpuModels.find(dir, refId);
        long max;
        try {
            max = ByteSize.parse(maxWorkingSet).bytes();
        } catch (IllegalArgumentException e) {
            throw new InputException("--max-working-set: " + e.getMessage());
        }
        if (max < 1024 * 1024 || rounds < 1 || rounds > 20) {
            throw new InputException("--max-working-set must be at least 1M and --rounds 1 to 20");
        }
        CalibrationSettings d = CalibrationSettings.DEFAULT;
        CalibrationSettings settings = new CalibrationSettings(d.minBytes(), max, rounds, d.runs(), d.runNanos(),
                d.chains(), d.seed());
        PrintWriter err = spec.commandLine().getErr();
        List<ReportedCache> reported = ReportedCache.read(Calibrator.SYS_CACHE, Calibrator.CPUID_DEVICE);
        String command = "footprint calibrate " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Calibration c = new Calibrator(settings, message -> {
            if (!quiet) {
                err.println("footprint: " + message);
                err.flush();
            }
        }).run(command.trim(), date, cpu, reported);
        if (c.levels().isEmpty()) {
            throw new IllegalStateException("no cache level found in the latency curve " + c.curve());
        }
        CalibratedModel model = CalibratedModel.of(id, c, ref);
        List<ModelDifference> differences = ModelDifference.of(model, ref);
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("calibration", c);
            o.put("reference", ref.id());
            o.put("differences", differences);
            o.put("output", output == null ? null : output.toString());
            out.print(ReportJson.write(o));
        } else {
            CalibrationText.print(out, model, differences);
        }
        if (output != null) {
            ReportFile.write(output, ModelFileWriter.json(model));
            CpuModels.load(output);
            err.println("footprint: wrote " + output + " (model id '" + id + "')");
        }
        out.flush();
        err.flush();
        return Main.EXIT_OK;
    }

    /** Refuses an output that would replace a file or land among the bundled models, before minutes of measuring. */
    private void checkOutput(Path modelsDir) throws IOException {
        if (output == null || force) {
            return;
        }
        if (Files.exists(output, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException(output, 0, "already exists; calibrate does not overwrite it (--force to replace it)");
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new InputException(output, 0, "its folder does not exist");
        }
        if (Files.isDirectory(modelsDir) && Files.isSameFile(parent, modelsDir)) {
            throw new InputException(output, 0, "is in the bundled models folder " + modelsDir
                    + "; write elsewhere, or --force to add it there");
        }
    }
}
