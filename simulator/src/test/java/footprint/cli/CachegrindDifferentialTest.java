package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footprint.testsupport.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code footprint cachesim} must count exactly the D1 misses valgrind's cachegrind counts for
 * the same access stream, LRU, same geometry.
 *
 * <p>Each random stream (1-8 byte reads and writes, about 15% straddling a line boundary) becomes
 * straight-line code: one access to a static buffer per source line. How the program's own
 * accesses are kept out of the comparison:
 * <ul>
 *   <li>cachegrind attributes events to source lines ({@code -g}); only the lines of a stream's
 *       accesses are summed, so the C runtime, the dynamic loader and {@code main}'s return are
 *       left out;</li>
 *   <li>the stream code touches nothing but the buffer: addresses are RIP-relative constants,
 *       loaded values are summed in a register (cachegrind drops loads whose value is never used,
 *       so each load feeds the sum), the sum is stored once at the end on a line of its own;
 *       the test checks that cachegrind saw exactly one data reference per stream access;</li>
 *   <li>the cache state at the start of a stream is made the same in both simulators: just before
 *       each stream the program reads one byte of every line of a second, D1-sized, page-aligned
 *       buffer. Under LRU that leaves every way of every set holding those lines in a known
 *       order, whatever came before. The trace given to cachesim starts with the same reads, which
 *       all miss in its cold cache; their count (D1 size / line size) is subtracted.</li>
 * </ul>
 * Both buffers are page-aligned and every geometry's way size (sets x line) divides 4 KiB, so
 * the set index of each access is the same at the program's addresses and at the trace's.
 */
class CachegrindDifferentialTest {
    private static final int STREAMS = 30;
    private static final int ACCESSES = 600;
    private static final long FLUSH_BASE = 0x10_0000L;
    private static final long BUF_BASE = 0x40_0000L;

    @TempDir
    Path tmp;

    static Stream<Arguments> geometries() {
        return Stream.of(
                Arguments.of(32 * 1024, 8, 64, 11L),   // Skylake L1D
                Arguments.of(48 * 1024, 12, 64, 12L),  // Ice Lake / Golden Cove L1D
                Arguments.of(16 * 1024, 4, 64, 13L),
                Arguments.of(8 * 1024, 2, 32, 14L),
                Arguments.of(4 * 1024, 1, 64, 15L),    // direct-mapped
                Arguments.of(64 * 1024, 16, 128, 16L),
                Arguments.of(2 * 1024, 2, 64, 17L),    // tiny: mostly misses
                Arguments.of(32 * 1024, 8, 64, 18L));
    }

    private record Access(boolean write, long offset, int size) {}

    @ParameterizedTest(name = "D1 {0} B, {1}-way, {2} B lines, seed {3}")
    @MethodSource("geometries")
    void d1MissesEqualCachegrinds(int size, int ways, int line, long seed) throws Exception {
        ExternalTools.require("gcc", "compiles the access streams for the cachegrind differential test");
        ExternalTools.require("valgrind", "runs cachegrind, the reference for the D1 miss counts");
        assertThat((size / (ways * line)) * line).as("way size divides 4 KiB").isLessThanOrEqualTo(4096);
        long bufSize = Math.min(4L * size, 256 * 1024);
        List<List<Access>> streams = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (int s = 0; s < STREAMS; s++) {
            streams.add(randomStream(random, bufSize, line));
        }
        int[][] lineRange = new int[STREAMS][];
        Path c = tmp.resolve("stream.c");
        Files.writeString(c, program(streams, size, line, bufSize, lineRange));
        Path exe = tmp.resolve("stream");
        run(tmp, "gcc", "-O1", "-g", "-no-pie", "-fno-stack-protector", "-o", exe.toString(), c.toString());
        Path out = tmp.resolve("cachegrind.out");
        String d1 = size + "," + ways + "," + line;
        run(tmp, "valgrind", "--tool=cachegrind", "--cache-sim=yes", "--D1=" + d1, "--I1=32768,8," + line,
                "--LL=4194304,16," + line, "--cachegrind-out-file=" + out, exe.toString());
        long[][] perLine = perLineCounts(out, c.getFileName().toString());

        int flushLines = size / line;
        List<String> mismatches = new ArrayList<>();
        long totalMisses = 0;
        for (int s = 0; s < STREAMS; s++) {
            long refs = 0;
            long misses = 0;
            for (int l = lineRange[s][0]; l <= lineRange[s][1]; l++) {
                if (l < perLine.length && perLine[l] != null) {
                    refs += perLine[l][0];
                    misses += perLine[l][1];
                }
            }
            assertThat(refs).as("cachegrind data references of stream %d (isolation check)", s).isEqualTo(ACCESSES);
            Path trace = tmp.resolve("stream" + s + ".txt");
            Files.writeString(trace, plainTrace(streams.get(s), size, line));
            CliRun run = CliRun.of("cachesim", trace.toString(), "--input-format", "plain", "--l1d",
                    size + ":" + ways + ":" + line, "--policy", "lru", "--format", "json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode l1 = new ObjectMapper().readTree(run.out()).get("levels").get(0);
            long ours = l1.get("misses").asLong() - flushLines;
            assertThat(l1.get("accesses").asLong() - flushLines).isEqualTo(ACCESSES);
            if (ours != misses) {
                mismatches.add("stream " + s + ": cachegrind " + misses + ", cachesim " + ours);
            }
            totalMisses += misses;
        }
        assertThat(mismatches).isEmpty();
        assertThat(totalMisses).as("the streams must exercise misses").isGreaterThan(STREAMS);
    }

    private static List<Access> randomStream(SplittableRandom r, long bufSize, int line) {
        int[] sizes = {1, 2, 4, 8};
        List<Access> list = new ArrayList<>();
        long[] recent = new long[24];
        for (int i = 0; i < ACCESSES; i++) {
            int size = sizes[r.nextInt(sizes.length)];
            long lineNo;
            if (i > 0 && r.nextInt(10) < 6) {
                lineNo = recent[r.nextInt(Math.min(i, recent.length))]; // temporal reuse
            } else {
                lineNo = r.nextLong(bufSize / line - 1);
            }
            recent[i % recent.length] = lineNo;
            long offset;
            if (size > 1 && r.nextInt(100) < 15) {
                offset = lineNo * line + line - size / 2; // straddles into the next line
            } else {
                offset = lineNo * line + r.nextInt(line - size + 1);
            }
            list.add(new Access(r.nextInt(10) < 3, offset, size));
        }
        return list;
    }

    private static final String[] LOAD = {null, "movzbl %s(%%%%rip), %%%%eax", "movzwl %s(%%%%rip), %%%%eax", null,
        "movl %s(%%%%rip), %%%%eax", null, null, null, "movq %s(%%%%rip), %%%%rax"};
    private static final String[] STORE = {null, "movb", "movw", null, "movl", null, null, null, "movq"};

    /**
     * The C program: each stream access is one inline-assembly statement on its own line, a
     * RIP-relative load (whose value is added to rbx, so it stays live) or a store of a constant.
     * Inline assembly keeps the compiler from reordering, merging or spilling around them.
     */
    private static String program(List<List<Access>> streams, int d1Size, int line, long bufSize, int[][] lineRange) {
        List<String> src = new ArrayList<>(List.of(
                "#include <stdint.h>",
                "char buf[" + bufSize + "] __attribute__((aligned(4096)));",
                "char flushbuf[" + d1Size + "] __attribute__((aligned(4096)));",
                "uint64_t sink, flushsink;",
                "int main(void) {",
                "  uint64_t fl = 0;"));
        for (int s = 0; s < streams.size(); s++) {
            src.add("  for (long i = 0; i < " + d1Size + "; i += " + line + ") fl += *(volatile uint8_t *)(flushbuf + i);");
            src.add("  __asm__ volatile(\"xorl %%ebx, %%ebx\" ::: \"rbx\", \"memory\");");
            int first = src.size() + 1;
            for (Access a : streams.get(s)) {
                String target = "buf+" + a.offset();
                String asm = a.write()
                        ? STORE[a.size()] + " $" + (1 + a.offset() % 100) + ", " + target + "(%%rip)"
                        : String.format(Locale.ROOT, LOAD[a.size()], target) + "\\n\\taddq %%rax, %%rbx";
                src.add("  __asm__ volatile(\"" + asm + "\" ::: \"rax\", \"rbx\", \"memory\");");
            }
            lineRange[s] = new int[] {first, src.size()};
            src.add("  __asm__ volatile(\"movq %%rbx, sink(%%rip)\" ::: \"memory\");");
        }
        src.add("  flushsink = fl;");
        src.add("  return 0;");
        src.add("}");
        return String.join("\n", src) + "\n";
    }

    private static String plainTrace(List<Access> stream, int d1Size, int line) {
        StringBuilder sb = new StringBuilder("# D1 flush: one byte of every line of a D1-sized buffer\n");
        for (long i = 0; i < d1Size; i += line) {
            sb.append("R ").append(Long.toHexString(FLUSH_BASE + i)).append(" 1\n");
        }
        for (Access a : stream) {
            sb.append(a.write() ? "W " : "R ").append(Long.toHexString(BUF_BASE + a.offset())).append(' ')
                    .append(a.size()).append('\n');
        }
        return sb.toString();
    }

    /** Per source line of {@code fileName}: {data references, D1 misses} from a cachegrind out file. */
    private static long[][] perLineCounts(Path out, String fileName) throws IOException {
        List<String> lines = Files.readAllLines(out);
        List<String> events = null;
        long[][] perLine = new long[0][];
        boolean inFile = false;
        for (String l : lines) {
            if (l.startsWith("events:")) {
                events = Arrays.asList(l.substring(7).trim().split("\\s+"));
            } else if (l.startsWith("fl=")) {
                inFile = l.endsWith("/" + fileName) || l.equals("fl=" + fileName);
            } else if (inFile && !l.isEmpty() && Character.isDigit(l.charAt(0))) {
                String[] f = l.trim().split("\\s+");
                int lineNo = Integer.parseInt(f[0]);
                long[] v = new long[2];
                v[0] = count(f, events, "Dr") + count(f, events, "Dw");
                v[1] = count(f, events, "D1mr") + count(f, events, "D1mw");
                if (lineNo >= perLine.length) {
                    perLine = Arrays.copyOf(perLine, lineNo + 1024);
                }
                if (perLine[lineNo] == null) {
                    perLine[lineNo] = v;
                } else {
                    perLine[lineNo][0] += v[0];
                    perLine[lineNo][1] += v[1];
                }
            }
        }
        assertThat(events).as("events line in " + out).isNotNull().contains("D1mr", "D1mw");
        return perLine;
    }

    private static long count(String[] fields, List<String> events, String event) {
        int i = events.indexOf(event) + 1; // fields[0] is the line number
        return i < fields.length ? Long.parseLong(fields[i]) : 0; // trailing zero columns may be omitted
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("tool.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " timed out");
        }
        assertThat(p.exitValue()).as("%s failed:%n%s", String.join(" ", command),
                Files.readString(dir.resolve("tool.log"))).isZero();
    }

}
