package footprint.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import footprint.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddressStreamsTest {
    @TempDir
    Path tmp;

    private record Access(long address, int size, boolean write) {}

    private static final class Recorder implements AddressSink {
        final List<Access> accesses = new ArrayList<>();
        int flushes;

        @Override
        public void access(long address, int size, boolean write) {
            accesses.add(new Access(address, size, write));
        }

        @Override
        public void flush() {
            flushes++;
        }
    }

    private Path file(String name, String text) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void dinReadsLabelsAddressesAndOptionalSize() throws IOException {
        Path f = file("t.din", "0 1000\n1 0x7fff0008 8\n2 400000\n3 20 this is a comment\n4 0\n0 FFFF 3 12\n");
        Recorder r = new Recorder();
        assertThat(AddressStreams.replay(f, AddressFormat.DIN, r)).isEqualTo(4);
        assertThat(r.accesses).containsExactly(
                new Access(0x1000, 1, false), new Access(0x7fff0008L, 8, true),
                new Access(0x20, 1, false), new Access(0xffff, 3, false));
        assertThat(r.flushes).isEqualTo(1);
    }

    @Test
    void lackeyReadsLoadsStoresAndModifiesAndSkipsTheRest() throws IOException {
        Path f = file("t.lackey", """
                ==1234== Lackey, an example Valgrind tool
                I  04016a7,3
                 S 7ff000b28,8
                 L 04222cac,8
                 M 0421f5c0,4
                ==1234== exit
                """);
        Recorder r = new Recorder();
        assertThat(AddressStreams.replay(f, AddressFormat.LACKEY, r)).isEqualTo(3);
        assertThat(r.accesses).containsExactly(
                new Access(0x7ff000b28L, 8, true), new Access(0x4222cacL, 8, false), new Access(0x421f5c0L, 4, true));
    }

    @Test
    void plainReadsRwAddressSizeWithCommentsAndCrlf() throws IOException {
        Path f = file("t.txt", "# header\r\nR 0x40 8\r\n\r\nw ffffffffffffffc0 64 # last line of memory\r\nR 10 1");
        Recorder r = new Recorder();
        assertThat(AddressStreams.replay(f, AddressFormat.PLAIN, r)).isEqualTo(3);
        assertThat(r.accesses).containsExactly(
                new Access(0x40, 8, false), new Access(0xffffffffffffffc0L, 64, true), new Access(0x10, 1, false));
    }

    @Test
    void linesAcrossBufferBoundariesParseLikeAnyOther() throws IOException {
        StringBuilder sb = new StringBuilder();
        long expectedSum = 0;
        for (int i = 0; i < 30_000; i++) {
            long a = 0x1000L + i * 24L;
            sb.append(i % 3 == 0 ? "W " : "R ").append(Long.toHexString(a)).append(' ').append(1 + i % 16).append('\n');
            expectedSum += a + 1 + i % 16;
        }
        Path f = file("big.txt", sb.toString());
        long[] sum = {0};
        long n = AddressStreams.replay(f, AddressFormat.PLAIN, (address, size, write) -> sum[0] += address + size);
        assertThat(n).isEqualTo(30_000);
        assertThat(sum[0]).isEqualTo(expectedSum);
    }

    @Test
    void malformedLinesNameFileAndLine() throws IOException {
        assertBad("R 40 8\nR 4g 8\n", AddressFormat.PLAIN, 2, "bad character in hexadecimal address");
        assertBad("R 40 8\nX 40 8\n", AddressFormat.PLAIN, 2, "expected 'R|W ADDRESS SIZE'");
        assertBad("R 40\n", AddressFormat.PLAIN, 1, "expected a decimal size");
        assertBad("R 40 0\n", AddressFormat.PLAIN, 1, "access size must be 1..4096");
        assertBad("R 40 8 junk\n", AddressFormat.PLAIN, 1, "unexpected text");
        assertBad("0 10\n7 10\n", AddressFormat.DIN, 2, "din label 0-4");
        assertBad("0 10\n0\n", AddressFormat.DIN, 2, "din label");
        assertBad("0 11112222333344445\n", AddressFormat.DIN, 1, "longer than 64 bits");
        assertBad(" L 10,8\n L 10\n", AddressFormat.LACKEY, 2, "',SIZE'");
    }

    private void assertBad(String text, AddressFormat format, int line, String message) throws IOException {
        Path f = file("bad-" + format.cliName(), text);
        assertThatThrownBy(() -> AddressStreams.replay(f, format, (a, s, w) -> { }))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ":" + line + ": ")
                .hasMessageContaining(message);
    }

    @Test
    void detectRecognisesEachFormat() throws IOException {
        assertThat(AddressStreams.detect(file("a", "# c\n\n0 1000\n"))).isEqualTo(AddressFormat.DIN);
        assertThat(AddressStreams.detect(file("b", "==7== Lackey\nI  0400,3\n"))).isEqualTo(AddressFormat.LACKEY);
        assertThat(AddressStreams.detect(file("c", " L 7ff0,8\n"))).isEqualTo(AddressFormat.LACKEY);
        assertThat(AddressStreams.detect(file("d", "W 0x10 4\n"))).isEqualTo(AddressFormat.PLAIN);
        Path bad = file("e", "\nhello world\n");
        assertThatThrownBy(() -> AddressStreams.detect(bad)).hasMessageStartingWith(bad + ":2: cannot tell");
    }

    @Test
    void accessesBeforeABadLineAreDeliveredBeforeTheError() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            sb.append("R ").append(Integer.toHexString(i * 64)).append(" 8\n");
        }
        sb.append("R nothex 8\n");
        Path f = file("late-error.txt", sb.toString());
        long[] seen = {0};
        assertThatThrownBy(() -> AddressStreams.replay(f, AddressFormat.PLAIN, (a, s, w) -> seen[0]++))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ":100001: ");
        assertThat(seen[0]).isEqualTo(100_000);
    }

    @Test
    void aFailingSinkStopsTheReplay() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            sb.append("0 ").append(Integer.toHexString(i)).append('\n');
        }
        Path f = file("stop.din", sb.toString());
        long[] seen = {0};
        assertThatThrownBy(() -> AddressStreams.replay(f, AddressFormat.DIN, (a, s, w) -> {
            if (++seen[0] == 10) {
                throw new IllegalStateException("enough");
            }
        })).hasMessage("enough");
        assertThat(seen[0]).isEqualTo(10);
    }

    @Test
    void flushRecordsKeepTheirPlaceInTheStream() throws IOException {
        Path f = file("flush.din", "0 10\n4 0\n1 20\n");
        List<String> events = new ArrayList<>();
        AddressStreams.replay(f, AddressFormat.DIN, new AddressSink() {
            @Override
            public void access(long address, int size, boolean write) {
                events.add((write ? "W" : "R") + Long.toHexString(address));
            }

            @Override
            public void flush() {
                events.add("flush");
            }
        });
        assertThat(events).containsExactly("R10", "flush", "W20");
    }
}
