package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory does not grow with the stream: a separate JVM with a 32 MiB heap replays 100 million
 * din records piped to it through /dev/stdin (nothing is stored on disk), and the counts are exact.
 */
class CachesimHeapTest {
    private static final long RECORDS = 100_000_000L;

    @TempDir
    Path tmp;

    @Test
    void hundredMillionRecordsUnderA32MibHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path stdout = tmp.resolve("out.json");
        Path stderr = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(java, "-Xmx32m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "footprint.cli.Main", "cachesim", "/dev/stdin", "--input-format", "din", "--l1d", "32k:8:64",
                "--format", "json")
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try (OutputStream out = new BufferedOutputStream(p.getOutputStream(), 1 << 16)) {
            writeSweeps(out);
        }
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(stderr)).isZero();
        JsonNode j = new ObjectMapper().readTree(stdout.toFile());
        assertThat(j.get("accesses").asLong()).isEqualTo(RECORDS);
        // A cyclic 64 KiB sweep in 8-byte steps never fits a 32 KiB LRU cache: the first of the 8
        // records of every line misses, the other 7 hit.
        assertThat(j.get("levels").get(0).get("misses").asLong()).isEqualTo(RECORDS / 8);
        assertThat(j.get("writes").asLong()).isEqualTo(RECORDS / 4);
    }

    /** din records "LABEL ADDR": label 1 (write) for every 4th record, else 0 (read); ADDR sweeps 64 KiB from 0x7f000000. */
    private static void writeSweeps(OutputStream out) throws IOException {
        byte[] line = "0 7f000000\n".getBytes(StandardCharsets.US_ASCII);
        byte[] hex = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        for (long i = 0; i < RECORDS; i++) {
            long address = 0x7f00_0000L + (i * 8) % 65536;
            line[0] = (byte) ((i & 3) == 3 ? '1' : '0');
            for (int d = 0; d < 8; d++) {
                line[9 - d] = hex[(int) (address >>> (4 * d)) & 15];
            }
            out.write(line);
        }
    }
}
