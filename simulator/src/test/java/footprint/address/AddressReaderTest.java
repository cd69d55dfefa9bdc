package footprint.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import footprint.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddressReaderTest {
    @TempDir
    Path tmp;

    /** Address and write flag, the two things a reader keeps of an access. */
    private record Access(long address, boolean write) {}

    /**
     * A lackey trace of about 400 KiB (several of the parser's 64 KiB reads, so records
     * straddle reads), with instruction fetches, messages, comments and no final newline.
     */
    private Path lackeyTrace() throws IOException {
        Random random = new Random(11);
        StringBuilder sb = new StringBuilder("==42== Lackey\n");
        for (int i = 0; i < 20_000; i++) {
            long a = 0x7ff000000000L + random.nextInt(1 << 20);
            switch (random.nextInt(5)) {
                case 0 -> sb.append("I  ").append(Long.toHexString(a)).append(",3\n");
                case 1 -> sb.append(" S ").append(Long.toHexString(a)).append(",8\n");
                case 2 -> sb.append(" M ").append(Long.toHexString(a)).append(",4\n");
                case 3 -> sb.append("# a comment line\n");
                default -> sb.append(" L ").append(Long.toHexString(a)).append(",").append(1 + random.nextInt(16)).append('\n');
            }
        }
        sb.append(" L 1234,8");
        Path f = tmp.resolve("t.lackey");
        Files.writeString(f, sb);
        return f;
    }

    private static List<Access> readInBlocks(Path f, AddressFormat format, int block) {
        AddressReader reader = AddressReader.open(f, format);
        long[] addresses = new long[block + 3];
        boolean[] writes = new boolean[block + 3];
        List<Access> got = new ArrayList<>();
        int k;
        while ((k = reader.read(addresses, writes, 3, block)) > 0) {
            assertThat(k).isLessThanOrEqualTo(block);
            for (int i = 3; i < 3 + k; i++) {
                got.add(new Access(addresses[i], writes[i]));
            }
        }
        return got;
    }

    @Test
    void readsTheAccessesTheSinkParserDeliversInBlocksOfAnySize() throws IOException {
        Path f = lackeyTrace();
        List<Access> want = new ArrayList<>();
        AddressStreams.replay(f, AddressFormat.LACKEY, (address, size, write) -> want.add(new Access(address, write)));
        assertThat(want).hasSizeGreaterThan(10_000).endsWith(new Access(0x1234, false));
        for (int block : new int[] {1, 7, 512, 100_000}) {
            assertThat(readInBlocks(f, AddressFormat.LACKEY, block)).as("block %d", block).isEqualTo(want);
        }
    }

    @Test
    void aMalformedLineIsAnErrorWithItsLineNumber() throws IOException {
        Path f = tmp.resolve("bad.plain");
        Files.writeString(f, "R 10 8\nW 20 8\nR 30 eight\n");
        AddressReader reader = AddressReader.open(f, AddressFormat.PLAIN);
        assertThatThrownBy(() -> reader.read(new long[8], new boolean[8], 0, 8))
                .isInstanceOf(InputException.class).hasMessageContaining(f + ":3:");
    }

    @Test
    void anEmptyFileHasNoAccesses() throws IOException {
        Path f = tmp.resolve("empty.din");
        Files.writeString(f, "# nothing\n");
        assertThat(AddressReader.open(f, AddressFormat.DIN).read(new long[4], new boolean[4], 0, 4)).isZero();
    }
}
