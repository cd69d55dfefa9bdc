package footprint.address;

import footprint.input.InputException;
import footprint.input.LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Streams raw address traces into an {@link AddressSink}. The parser works on the bytes of a
 * reused buffer (no String or object per line), so memory stays flat for any trace length; a
 * malformed line is an {@link InputException} naming the file and line.
 */
public final class AddressStreams {
    private static final int CHUNK = 1 << 16;

    private AddressStreams() {}

    /**
     * Replays every data access of {@code file} into {@code sink}, in file order, on the calling
     * thread; returns how many there were. A reader thread parses ahead into a few reused
     * batches, so parsing and simulating overlap on two cores.
     */
    public static long replay(Path file, AddressFormat format, AddressSink sink) {
        return PipelinedReplay.run(sink, target -> parse(file, format, target));
    }

    /** Parses {@code file} into {@code sink} on the calling thread; returns the number of accesses. */
    static long parse(Path file, AddressFormat format, AddressSink sink) {
        try (InputStream in = Files.newInputStream(file)) {
            return new Parser(file, format, sink).run(in);
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Guesses the format from the first lines that carry data: {@code ==} messages or
     * {@code I/L/S/M ADDR,SIZE} mean lackey, {@code R|W} plain, a digit label din.
     */
    public static AddressFormat detect(Path file) {
        try (LineReader reader = LineReader.open(file)) {
            String line;
            int n = 0;
            while ((line = reader.next()) != null && n < 1000) {
                n++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                if (t.startsWith("==") || t.matches("[ILSM]\\s+(0x)?[0-9a-fA-F]+,\\d+.*")) {
                    return AddressFormat.LACKEY;
                }
                if (t.matches("[RrWw]\\s+(0x)?[0-9a-fA-F]+\\s+\\d+.*")) {
                    return AddressFormat.PLAIN;
                }
                if (t.matches("[0-4]\\s+(0x)?[0-9a-fA-F]+(\\s.*)?")) {
                    return AddressFormat.DIN;
                }
                throw new InputException(file, n, "cannot tell the trace format from this line (expected din "
                        + "'0 7fff1234', lackey ' L 7fff1234,8' or plain 'R 7fff1234 8'); give --input-format");
            }
            throw new InputException(file, 0, "no accesses in the first " + n + " lines; give --input-format");
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    /**
     * One pass over the file. The buffer is refilled so that it always ends at a newline; each
     * line is then decoded in place by a loop over local indices that stops at the newline, so
     * the bytes are looked at once and nothing is allocated per line.
     */
    static final class Parser {
        /** Where the bytes come from: a read into {@code b[off, off + len)}, -1 at the end, as {@link InputStream#read(byte[], int, int)}. */
        interface Input {
            int read(byte[] b, int off, int len) throws IOException;
        }

        private static final byte[] HEX = new byte[256];

        static {
            java.util.Arrays.fill(HEX, (byte) -1);
            for (int d = 0; d < 10; d++) {
                HEX['0' + d] = (byte) d;
            }
            for (int d = 0; d < 6; d++) {
                HEX['a' + d] = (byte) (10 + d);
                HEX['A' + d] = (byte) (10 + d);
            }
        }

        private final Path file;
        private final AddressFormat format;
        private final AddressSink sink;
        private byte[] buf = new byte[CHUNK];
        /** Bytes of {@link #buf} that hold input not yet decoded (at most a partial line between steps). */
        private int filled;
        private boolean eof;
        private int lineNo;
        private long count;
        /** The value of the last number {@link #hex} read. */
        private long hex;

        Parser(Path file, AddressFormat format, AddressSink sink) {
            this.file = file;
            this.format = format;
            this.sink = sink;
        }

        long run(InputStream in) throws IOException {
            while (step(in::read)) {
                // each step decodes the lines of one more read
            }
            return count;
        }

        /**
         * Reads once more from {@code in} and decodes the complete lines the buffer then holds,
         * keeping a partial last line for the next step; false once the input is used up.
         */
        boolean step(Input in) throws IOException {
            if (eof) {
                return false;
            }
            if (filled == buf.length) {
                if (buf.length > LineReader.MAX_LINE_BYTES) {
                    throw new InputException(file, lineNo + 1, "line longer than " + LineReader.MAX_LINE_BYTES
                            + " bytes; no address trace has such lines");
                }
                buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
            }
            int r = in.read(buf, filled, buf.length - filled);
            if (r < 0) {
                eof = true;
                if (filled == 0 || buf[filled - 1] == '\n') {
                    return false;
                }
                if (filled == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length + 1);
                }
                buf[filled++] = '\n'; // the last line has no newline
            } else {
                filled += r;
            }
            int end = filled;
            while (end > 0 && buf[end - 1] != '\n') {
                end--;
            }
            int next = end == 0 ? 0 : lines(end);
            System.arraycopy(buf, next, buf, 0, filled - next);
            filled -= next;
            return !eof;
        }

        /** Decodes the complete lines in {@code buf[0, end)} (the last byte is a newline); returns end. */
        private int lines(int end) {
            byte[] b = buf;
            int i = 0;
            switch (format) {
                case DIN -> {
                    while (i < end) {
                        lineNo++;
                        i = din(b, i);
                    }
                }
                case LACKEY -> {
                    while (i < end) {
                        lineNo++;
                        i = lackey(b, i);
                    }
                }
                case PLAIN -> {
                    while (i < end) {
                        lineNo++;
                        i = plain(b, i);
                    }
                }
            }
            return i;
        }

        private int din(byte[] b, int start) {
            int i = skipBlanks(b, start);
            byte c = b[i];
            if (c == '\n' || c == '\r' || c == '#') {
                return nextLine(b, i);
            }
            byte label = c;
            c = b[++i];
            if (label < '0' || label > '4' || (c != ' ' && c != '\t')) {
                throw bad(start, "expected a din label 0-4 (read, write, ifetch, unknown, flush)");
            }
            i = skipBlanks(b, i);
            int h = hex(b, i, start);
            long address = hex;
            i = skipBlanks(b, h);
            int size = 1;
            if (isDigit(b[i])) {
                int e = i;
                long v = 0;
                while (isDigit(b[e]) && e - i < 12) {
                    v = v * 10 + (b[e++] - '0');
                }
                // A decimal third field is the size; anything else is the free comment din allows.
                if (v > 0 && isEnd(b[e])) {
                    size = checkSize(start, v);
                }
            }
            switch (label) {
                case '0', '3' -> emit(address, size, false);
                case '1' -> emit(address, size, true);
                case '4' -> sink.flush();
                default -> { } // '2': instruction fetch, not a data access
            }
            return nextLine(b, i);
        }

        private int lackey(byte[] b, int start) {
            int i = skipBlanks(b, start);
            byte c = b[i];
            if (c == '\n' || c == '\r' || c == '#' || (c == '=' && b[i + 1] == '=')) {
                return nextLine(b, i); // blank, comment, or valgrind's own ==PID== message
            }
            byte kind = c;
            c = b[++i];
            if ((kind != 'I' && kind != 'L' && kind != 'S' && kind != 'M') || (c != ' ' && c != '\t')) {
                throw bad(start, "expected a lackey record 'I|L|S|M ADDRESS,SIZE'");
            }
            i = skipBlanks(b, i);
            int h = hex(b, i, start);
            long address = hex;
            if (b[h] != ',') {
                throw bad(start, "expected ',SIZE' after the address");
            }
            i = h + 1;
            int e = i;
            long v = 0;
            while (isDigit(b[e]) && e - i < 12) {
                v = v * 10 + (b[e++] - '0');
            }
            if (e == i) {
                throw bad(start, "expected a decimal size after ','");
            }
            int size = checkSize(start, v);
            i = trailing(b, e, start);
            if (kind != 'I') {
                emit(address, size, kind != 'L');
            }
            return i;
        }

        private int plain(byte[] b, int start) {
            int i = skipBlanks(b, start);
            byte c = b[i];
            if (c == '\n' || c == '\r' || c == '#') {
                return nextLine(b, i);
            }
            boolean write;
            if (c == 'R' || c == 'r') {
                write = false;
            } else if (c == 'W' || c == 'w') {
                write = true;
            } else {
                throw bad(start, "expected 'R|W ADDRESS SIZE'");
            }
            c = b[++i];
            if (c != ' ' && c != '\t') {
                throw bad(start, "expected 'R|W ADDRESS SIZE'");
            }
            i = skipBlanks(b, i);
            int h = hex(b, i, start);
            long address = hex;
            i = skipBlanks(b, h);
            int e = i;
            long v = 0;
            while (isDigit(b[e]) && e - i < 12) {
                v = v * 10 + (b[e++] - '0');
            }
            if (e == i || isDigit(b[e])) {
                throw bad(start, "expected a decimal size after the address");
            }
            int size = checkSize(start, v);
            i = trailing(b, e, start);
            emit(address, size, write);
            return i;
        }

        private void emit(long address, int size, boolean write) {
            count++;
            sink.access(address, size, write);
        }

        /** After the last field only blanks, a comment or the line end may follow; returns the next line's start. */
        private int trailing(byte[] b, int i, int start) {
            i = skipBlanks(b, i);
            if (!isEnd(b[i])) {
                throw bad(start, "unexpected text after the access");
            }
            return nextLine(b, i);
        }

        private static boolean isEnd(byte c) {
            return c == '\n' || c == '\r' || c == ' ' || c == '\t' || c == '#';
        }

        private int checkSize(int start, long s) {
            if (s < 1 || s > 4096) {
                throw bad(start, "access size must be 1..4096 bytes, got " + s);
            }
            return (int) s;
        }

        /**
         * Reads the hexadecimal number at {@code i} (0x optional) into {@link #hex}; returns the
         * index after it.
         */
        private int hex(byte[] b, int i, int start) {
            if (b[i] == '0' && (b[i + 1] == 'x' || b[i + 1] == 'X')) {
                i += 2;
            }
            int from = i;
            long v = 0;
            int d;
            while ((d = HEX[b[i] & 0xff]) >= 0) {
                v = (v << 4) | d;
                i++;
            }
            if (i == from) {
                throw bad(start, "expected a hexadecimal address");
            }
            if (i - from > 16) {
                throw bad(start, "address longer than 64 bits");
            }
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' && c != '#') {
                throw bad(start, "bad character in hexadecimal address");
            }
            hex = v;
            return i;
        }

        private static int skipBlanks(byte[] b, int i) {
            while (b[i] == ' ' || b[i] == '\t') {
                i++;
            }
            return i;
        }

        private static int nextLine(byte[] b, int i) {
            while (b[i] != '\n') {
                i++;
            }
            return i + 1;
        }

        private static boolean isDigit(byte c) {
            return c >= '0' && c <= '9';
        }

        private InputException bad(int start, String what) {
            int end = start;
            while (buf[end] != '\n') {
                end++;
            }
            if (end > start && buf[end - 1] == '\r') {
                end--;
            }
            String text = new String(buf, start, Math.min(end - start, 80), StandardCharsets.ISO_8859_1);
            return new InputException(file, lineNo, what + " (" + format.cliName() + " format): '" + text + "'");
        }
    }
}
