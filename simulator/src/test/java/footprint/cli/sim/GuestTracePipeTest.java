package footprint.cli.sim;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.sim.GuestTrace;
import footprint.sim.GuestTraces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A guest trace from a pipe (what --guest-trace /dev/stdin reads) is read once, its first lines included. */
class GuestTracePipeTest {
    @TempDir
    Path tmp;

    @Test
    void everyAccessOfAPipeIsKeptNotOnlyThoseAfterFormatDetection() throws Exception {
        Path fifo = tmp.resolve("guest.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is needed to make a pipe");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append(i % 3 == 0 ? "W " : "R ").append("0x").append(Long.toHexString(0x10000L + 64L * i)).append(" 8\n");
        }
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                Files.writeString(fifo, text);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        GuestTrace trace = GuestTraces.load(fifo);
        writer.get(30, TimeUnit.SECONDS);
        assertThat(trace.length()).isEqualTo(3000);
    }
}
