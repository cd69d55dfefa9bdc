package footprint.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.cli.CliRun;
import footprint.testsupport.RepoFiles;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutation fuzzing of every reader through the real CLI: a well-formed input of each
 * format is mutated (huge and negative numbers, deleted, repeated and swapped lines, stray
 * punctuation, invalid UTF-8, truncation, deep repetition) and fed to the command that reads it.
 * Each run must end in exit 0 or 2 (1 where the command checks something) within a time bound,
 * with no Java exception name and no overlong line on stderr. The seed is fixed, so a failure
 * names the case that reproduces it.
 */
class MutationFuzzTest {
    private static final long SEED = 0x5eed_f007L;
    private static final int CASES_PER_READER = 300;
    private static final long SECONDS_PER_CASE = 20;
    private static final Pattern JAVA_NAME = Pattern.compile(
            "\\b(java|javax|com\\.fasterxml|picocli)\\.[a-z]|\\b[A-Z][A-Za-z]*(Exception|Error)\\b");
    private static final int MAX_STDERR_LINE = 1000;

    @TempDir
    static Path tmp;

    private static ExecutorService runner;

    @BeforeAll
    static void start() {
        runner = Executors.newSingleThreadExecutor(r -> {
            // a deep stack like the launcher's default, so a depth limit, not the test's thread, decides
            Thread t = new Thread(null, r, "fuzz", 8L << 20);
            t.setDaemon(true);
            return t;
        });
    }

    /** A few plain accesses for the runs that fuzz something else than the address trace. */
    private static Path addresses() {
        Path file = tmp.resolve("addresses.txt");
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, "R 0x1000 8\nW 0x1040 4\nR 0x100000 64\n");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }

    @AfterAll
    static void stop() {
        runner.shutdownNow();
    }

    /** One reader: its name, a well-formed input, the file name it is written to, and the command that reads it. */
    record Reader(String name, String seed, String fileName, boolean mayFailCheck, Function<Path, List<String>> command) {
        @Override
        public String toString() {
            return name;
        }
    }

    static String resource(String name) {
        try {
            return Path.of(MutationFuzzTest.class.getResource(name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Reader> readers() {
        String hotPahole = resource("/optimize/hot.pahole");
        String hotTrace = resource("/optimize/hot.trace");
        String perf = "/footprint/trace/perf/";
        String budget = "# budget\nA o 2\nB o 2\nC o 2\nD o 1\nD r 1\n";
        String models = RepoFiles.resolve("models/cpu").toString();
        return Stream.of(
                new Reader("pahole", read(hotPahole) + read(resource("/compare/before.pahole")), "x.pahole", false,
                        f -> List.of("layout", f.toString())),
                new Reader("pahole-density", read(hotPahole), "d.pahole", false,
                        f -> List.of("density", f.toString(), "--struct", "outer")),
                new Reader("trace", read(resource("/compare/moved-field.trace")), "t.trace", false,
                        f -> List.of("trace", "stats", f.toString(), "--layout", resource("/compare/before.pahole"))),
                new Reader("trace-raw", "footprint-trace 1\nobject h struct hot\nobject p raw 4096 align=4096\n\n"
                        + "exit S\n  R h+0x80 4 f x.c:1\n  W h+264 2 f x.c:2\n  R p+0x300 4 f x.c:3\nend\n", "r.trace", false,
                        f -> List.of("trace", "symbolize", f.toString(), "--layout", hotPahole)),
                new Reader("din", "0 7fff0000\n1 7fff0040\n2 400000\n0 10 # c\n1 7fff0000\n", "a.din", false,
                        f -> List.of("cachesim", f.toString(), "--input-format", "din", "--l1d", "4k:4:64")),
                new Reader("lackey", "==1== Lackey\nI  04000000,3\n L 7ff000100,8\n S 7ff000108,4\n M 0421d7f0,4\n",
                        "a.lackey", false, f -> List.of("cachesim", f.toString(), "--l1d", "4k:4:64")),
                new Reader("plain", "R 0x1000 8\nW 0x1040 4\nR 0x2000 64\nr 4096 1\n", "a.txt", false,
                        f -> List.of("cachesim", f.toString(), "--input-format", "plain", "--l1d", "4k:4:64")),
                new Reader("model", read(models + "/zen4.json"), "models/m.json", false,
                        f -> List.of("cachesim", addresses().toString(), "--input-format", "plain", "--models",
                                f.getParent().toString(), "--model", "zen4")),
                new Reader("order", "# order\nd\ne\nb\nc\na\npad1\npad2\n", "o.order", false,
                        f -> List.of("layout", hotPahole, "--struct", "hot", "--order", f.toString())),
                new Reader("budget", budget, "b.budget", true,
                        f -> List.of("check", "--trace", hotTrace, "--layout", hotPahole, "--budget", f.toString())),
                new Reader("perf-kvm-stat", read(resource(perf + "kvm-stat-report.txt")), "k.txt", false,
                        f -> List.of("trace", "import", "perf-kvm-stat", f.toString(), "--map", resource(perf + "vmx.map"))),
                new Reader("perf-kvm-stat-map", read(resource(perf + "vmx.map")), "k.map", false,
                        f -> List.of("trace", "import", "perf-kvm-stat", resource(perf + "kvm-stat-report.txt"), "--map",
                                f.toString())),
                new Reader("perf-mem", read(resource(perf + "mem.script")), "m.script", false,
                        f -> List.of("trace", "import", "perf-mem", f.toString(), "--object", "vmx", "--type", "vcpu_vmx",
                                "--base", "0xffff9e2c4a8e4000", "--size", "9088")),
                new Reader("perf-typeoff", read(resource(perf + "typeoff-report.txt")), "t.txt", false,
                        f -> List.of("trace", "import", "perf-typeoff", f.toString())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void everyMutatedInputIsAnsweredOrRefusedCleanly(Reader reader) throws Exception {
        assertThat(CliRun.of(reader.command().apply(write(reader, reader.seed())).toArray(new String[0])).exitCode())
                .as("the unmutated %s input", reader.name()).isZero();
        Map<String, String> failures = new TreeMap<>();
        for (int i = 0; i < CASES_PER_READER; i++) {
            SplittableRandom random = new SplittableRandom(SEED + 1000L * reader.name().hashCode() + i);
            Mutation m = Mutations.apply(reader.seed(), random);
            Path file = write(reader, m.text());
            String[] args = reader.command().apply(file).toArray(new String[0]);
            String problem = problem(reader, args);
            if (problem != null) {
                failures.putIfAbsent(problem, "case " + i + " (" + m.description() + ")");
            }
        }
        assertThat(failures).as("%s: %d distinct failures (problem -> first case)", reader.name(), failures.size()).isEmpty();
    }

    private static Path write(Reader reader, String text) throws IOException {
        Path file = tmp.resolve(reader.name()).resolve(reader.fileName());
        Files.createDirectories(file.getParent());
        Files.write(file, Mutations.bytes(text));
        return file;
    }

    /** What is wrong with the run, normalised so that one cause is counted once; null when nothing is. */
    private static String problem(Reader reader, String[] args) throws Exception {
        Future<CliRun> f = runner.submit(() -> CliRun.of(args));
        CliRun run;
        try {
            run = f.get(SECONDS_PER_CASE, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            runner.shutdownNow();
            start();
            return "no answer within " + SECONDS_PER_CASE + " s";
        }
        int code = run.exitCode();
        boolean codeOk = code == 0 || code == 2 || (code == 1 && reader.mayFailCheck());
        String firstLine = run.err().lines().filter(l -> !l.startsWith("footprint: warning")).findFirst().orElse("");
        if (!codeOk) {
            return "exit " + code + ": " + normalise(firstLine);
        }
        var java = JAVA_NAME.matcher(run.err());
        if (java.find()) {
            return "exit " + code + " names Java: " + normalise(run.err().lines().filter(l -> JAVA_NAME.matcher(l).find())
                    .findFirst().orElse(""));
        }
        if (run.err().lines().anyMatch(l -> l.length() > MAX_STDERR_LINE)) {
            return "exit " + code + ": a stderr line longer than " + MAX_STDERR_LINE + " characters";
        }
        return null;
    }

    /** The first line without paths, numbers and quoted text, so that one cause gives one key. */
    private static String normalise(String line) {
        String s = line.length() > 300 ? line.substring(0, 300) : line;
        return s.replaceAll("/[^ :]+", "FILE").replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"")
                .replaceAll("\\d+", "N");
    }
}
