package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footprint.testsupport.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole program, recorded by valgrind's lackey and replayed by cachesim, misses the D1 about
 * as often as cachegrind says. Both tools instrument the same run, but they do not log exactly
 * the same references (cachegrind merges or skips a handful around some instructions; here a
 * few tens in 180,000), so the counts are compared within 0.5%; the exact comparison is
 * {@link CachegrindDifferentialTest}.
 */
class LackeyTraceTest {
    @TempDir
    Path tmp;

    @Test
    void lackeyTraceOfAProgramMissesAsCachegrindCounts() throws Exception {
        ExternalTools.require("gcc", "compiles the traced program");
        ExternalTools.require("valgrind", "records the lackey trace and runs cachegrind");
        Path c = tmp.resolve("walk.c");
        Files.writeString(c, """
                #include <stdio.h>
                #include <stdlib.h>
                #include <string.h>
                int main(void) {
                  static long a[20000];
                  long s = 0;
                  for (int r = 0; r < 3; r++)
                    for (int i = 0; i < 20000; i += 3) { a[(i * 7919) % 20000] += i; s += a[i]; }
                  char *p = malloc(100000);
                  memset(p, 1, 100000);
                  for (int i = 0; i < 100000; i += 61) s += p[i];
                  printf("%ld\\n", s);
                  return 0;
                }
                """);
        Path exe = tmp.resolve("walk");
        run("gcc", "-O1", "-o", exe.toString(), c.toString());
        Path lackey = tmp.resolve("walk.lackey");
        run("valgrind", "--tool=lackey", "--trace-mem=yes", "--log-file=" + lackey, exe.toString());
        String summary = run("valgrind", "--tool=cachegrind", "--cache-sim=yes", "--D1=32768,8,64", "--I1=32768,8,64",
                "--LL=4194304,16,64", "--cachegrind-out-file=" + tmp.resolve("cg.out"), exe.toString());
        long cgRefs = number(summary, "D\\s+refs:\\s+([\\d,]+)");
        long cgMisses = number(summary, "D1\\s+misses:\\s+([\\d,]+)");

        CliRun run = CliRun.of("cachesim", lackey.toString(), "--l1d", "32k:8:64", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(run.out());
        assertThat(j.get("inputFormat").asText()).isEqualTo("lackey");
        assertThat((double) j.get("accesses").asLong()).isCloseTo(cgRefs, within(cgRefs * 0.001));
        long misses = j.get("levels").get(0).get("misses").asLong();
        assertThat(misses).isGreaterThan(10_000);
        assertThat((double) misses).isCloseTo(cgMisses, within(cgMisses * 0.005));
    }

    private static long number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in%n%s", regex, text).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private String run(String... command) throws IOException, InterruptedException {
        Path log = tmp.resolve("tool.log");
        Process p = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " timed out");
        }
        String out = Files.readString(log);
        assertThat(p.exitValue()).as("%s failed:%n%s", String.join(" ", command), out).isZero();
        return out;
    }
}
