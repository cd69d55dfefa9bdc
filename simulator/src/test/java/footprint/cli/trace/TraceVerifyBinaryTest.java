package footprint.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footprint.cli.CliRun;
import footprint.testsupport.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * trace verify --binary on an object gcc compiles here: functions that read and write known
 * fields at known lines, the layout from pahole on the same object, the check through objdump.
 */
class TraceVerifyBinaryTest {
    private static final String C = """
            struct inner { int a; long b; };
            struct obj { long pad[4]; struct inner in; int counter; char flag; long arr[4]; };

            int read_counter(struct obj *o)
            {
            	return o->counter;
            }

            long read_b(struct inner *i)
            {
            	return i->b;
            }

            void write_flag(struct obj *o, char f)
            {
            	o->flag = f;
            }

            long read_arr(struct obj *o, int k)
            {
            	return o->arr[k];
            }

            static inline int get_counter(struct obj *o)
            {
            	int c = o->counter;
            	if (o->flag)
            		c += o->in.a;
            	return c;
            }

            int scaled(struct obj *o, int k)
            {
            	return get_counter(o) * k;
            }
            """;

    @TempDir
    Path dir;
    Path object;
    Path layout;

    @BeforeEach
    void compile() throws IOException, InterruptedException {
        ExternalTools.require("gcc", "compiles the object the binary check reads");
        ExternalTools.require("objdump", "reads the object's code and line table");
        ExternalTools.require("pahole", "dumps the object's struct layout");
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/fields.c"), C);
        object = dir.resolve("fields.o");
        run("gcc", "-g", "-O2", "-c", "src/fields.c", "-o", object.toString());
        layout = dir.resolve("fields.pahole");
        Files.writeString(layout, run("pahole", object.toString()));
    }

    private String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    private Path trace(String... accesses) throws IOException {
        StringBuilder t = new StringBuilder("footprint-trace 1\nobject o struct obj\nexit E fastpath\n");
        for (String a : accesses) {
            t.append("  ").append(a).append('\n');
        }
        Path file = dir.resolve("t.trace");
        Files.writeString(file, t.append("end\n").toString());
        return file;
    }

    private CliRun verify(Path trace, String... extra) {
        String[] head = {"trace", "verify", trace.toString(), "--binary", object.toString(), "--layout", layout.toString()};
        String[] args = new String[head.length + extra.length];
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(extra, 0, args, head.length, extra.length);
        return CliRun.of(args);
    }

    @Test
    void fieldsReadAndWrittenAtTheirLinesAreConfirmedThroughTheObjectAMemberOrAnArray() throws IOException {
        Path t = trace("R o.counter 4 read_counter src/fields.c:6", "R o.in.b 8 read_b src/fields.c:11",
                "W o.flag 1 write_flag src/fields.c:16", "R o.arr[2] 8 read_arr src/fields.c:21",
                // the inlined helper's line, and the line of the call it was inlined into
                "R o.counter 4 get_counter src/fields.c:26", "R o.flag 1 get_counter src/fields.c:27",
                "R o.in.a 4 get_counter src/fields.c:28", "R o.counter 4 scaled src/fields.c:34");
        CliRun run = verify(t, "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(run.out());
        JsonNode e = r.get("exits").get(0);
        assertThat(e.get("accesses").asInt()).isEqualTo(8);
        assertThat(e.get("confirmed").asInt()).as(run.out()).isEqualTo(8);
        assertThat(r.get("confirmedPercent").asDouble()).isEqualTo(100.0);
    }

    @Test
    void aFieldTheLineDoesNotTouchIsListedUnconfirmedWithTheInstructionsAndDoesNotFail() throws IOException {
        Path t = trace("R o.counter 4 read_counter src/fields.c:6", "R o.flag 1 read_counter src/fields.c:6",
                "R o.pad[1] 8 nowhere src/other.c:3");
        CliRun run = verify(t);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("E\\s+fastpath\\s+3\\s+1\\s+0\\s+1\\s+1\\s+33\\.3%")
                .contains(t + ":5: R o.flag (read_counter src/fields.c:6): no memory operand at 0x34 among the 1 instructions"
                        + " of src/fields.c:6")
                .contains("fields.o read_counter: mov 0x30(%rdi),%eax")
                .contains(t + ":6: R o.pad[1] (nowhere src/other.c:3): src/other.c is not compiled into these modules");
    }

    @Test
    void minConfirmedBelowTheShareFailsWithExit1() throws IOException {
        Path t = trace("R o.counter 4 read_counter src/fields.c:6", "R o.flag 1 read_counter src/fields.c:6");
        assertThat(verify(t, "--min-confirmed", "50").exitCode()).isZero();
        CliRun run = verify(t, "--min-confirmed", "60");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("50.0% of the accesses confirmed, below --min-confirmed 60");
    }

    @Test
    void aModuleWithoutDebugInfoIsExit2WithItsPath() throws IOException, InterruptedException {
        Path bare = dir.resolve("bare.o");
        run("gcc", "-O2", "-c", "src/fields.c", "-o", bare.toString());
        Path t = trace("R o.counter 4 read_counter src/fields.c:6");
        CliRun run = CliRun.of("trace", "verify", t.toString(), "--binary", bare.toString(), "--layout", layout.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("footprint: error: " + bare + ": has no debug line information");
    }

    @Test
    void binaryWithoutLayoutIsAUsageError() throws IOException {
        CliRun run = CliRun.of("trace", "verify", trace("R o.counter 4 read_counter src/fields.c:6").toString(),
                "--binary", object.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--binary needs --layout");
    }
}
