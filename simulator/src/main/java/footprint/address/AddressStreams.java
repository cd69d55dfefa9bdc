package footprint.address;

import footprint.input.InputException;
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

    /** Replays every data access of {@code file} into {@code sink}; returns how many there were. */
    public static long replay(Path file, AddressFormat format, AddressSink sink) {
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
        try (var reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null && n < 1000) {
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

    /** One pass over the file: splits the byte buffer into lines and decodes each in place. */
    private static final class Parser {
        private final Path file;
        private final AddressFormat format;
        private final AddressSink sink;
        private byte[] buf = new byte[CHUNK];
        private int lineNo;
        private long count;
        // Cursor into the current line; set by the token helpers.
        private int pos;

        Parser(Path file, AddressFormat format, AddressSink sink) {
            this.file = file;
            this.format = format;
            this.sink = sink;
        }

        long run(InputStream in) throws IOException {
            int filled = 0;
            while (true) {
                if (filled == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
                }
                int r = in.read(buf, filled, buf.length - filled);
                if (r < 0) {
                    break;
                }
                filled += r;
                int start = 0;
                for (int i = 0; i < filled; i++) {
                    if (buf[i] == '\n') {
                        line(start, i);
                        start = i + 1;
                    }
                }
                System.arraycopy(buf, start, buf, 0, filled - start);
                filled -= start;
            }
            if (filled > 0) {
                line(0, filled);
            }
            return count;
        }

        private void line(int start, int end) {
            lineNo++;
            if (end > start && buf[end - 1] == '\r') {
                end--;
            }
            switch (format) {
                case DIN -> din(start, end);
                case LACKEY -> lackey(start, end);
                case PLAIN -> plain(start, end);
            }
        }

        private void din(int start, int end) {
            pos = start;
            skipBlanks(end);
            if (pos == end || buf[pos] == '#') {
                return;
            }
            byte label = buf[pos++];
            if (label < '0' || label > '4' || pos == end || !isBlank(buf[pos])) {
                throw bad(start, end, "expected a din label 0-4 (read, write, ifetch, unknown, flush)");
            }
            skipBlanks(end);
            long address = hex(start, end);
            int size = 1;
            skipBlanks(end);
            if (pos < end && isDigit(buf[pos])) {
                int mark = pos;
                long s = decimalOrMinus(end);
                if (s > 0 && (pos == end || isBlank(buf[pos]))) {
                    size = checkSize(start, end, s);
                } else {
                    pos = mark; // a comment that happens to start with a digit
                }
            }
            switch (label) {
                case '0', '3' -> emit(address, size, false);
                case '1' -> emit(address, size, true);
                case '4' -> sink.flush();
                default -> { } // '2': instruction fetch, not a data access
            }
        }

        private void lackey(int start, int end) {
            pos = start;
            skipBlanks(end);
            if (pos == end || buf[pos] == '#') {
                return;
            }
            if (buf[pos] == '=' && pos + 1 < end && buf[pos + 1] == '=') {
                return; // valgrind's own messages (==PID== ...)
            }
            byte kind = buf[pos++];
            if ((kind != 'I' && kind != 'L' && kind != 'S' && kind != 'M') || pos == end || !isBlank(buf[pos])) {
                throw bad(start, end, "expected a lackey record 'I|L|S|M ADDRESS,SIZE'");
            }
            skipBlanks(end);
            long address = hex(start, end);
            if (pos == end || buf[pos] != ',') {
                throw bad(start, end, "expected ',SIZE' after the address");
            }
            pos++;
            long s = decimalOrMinus(end);
            if (s < 0) {
                throw bad(start, end, "expected a decimal size after ','");
            }
            int size = checkSize(start, end, s);
            trailing(start, end);
            if (kind != 'I') {
                emit(address, size, kind != 'L');
            }
        }

        private void plain(int start, int end) {
            pos = start;
            skipBlanks(end);
            if (pos == end || buf[pos] == '#') {
                return;
            }
            byte kind = buf[pos++];
            boolean write;
            if (kind == 'R' || kind == 'r') {
                write = false;
            } else if (kind == 'W' || kind == 'w') {
                write = true;
            } else {
                throw bad(start, end, "expected 'R|W ADDRESS SIZE'");
            }
            if (pos == end || !isBlank(buf[pos])) {
                throw bad(start, end, "expected 'R|W ADDRESS SIZE'");
            }
            skipBlanks(end);
            long address = hex(start, end);
            skipBlanks(end);
            long s = decimalOrMinus(end);
            if (s < 0) {
                throw bad(start, end, "expected a decimal size after the address");
            }
            int size = checkSize(start, end, s);
            trailing(start, end);
            emit(address, size, write);
        }

        private void emit(long address, int size, boolean write) {
            count++;
            sink.access(address, size, write);
        }

        private void trailing(int start, int end) {
            skipBlanks(end);
            if (pos < end && buf[pos] != '#') {
                throw bad(start, end, "unexpected text after the access");
            }
        }

        private int checkSize(int start, int end, long s) {
            if (s < 1 || s > 4096) {
                throw bad(start, end, "access size must be 1..4096 bytes, got " + s);
            }
            return (int) s;
        }

        private long hex(int start, int end) {
            if (pos + 1 < end && buf[pos] == '0' && (buf[pos + 1] == 'x' || buf[pos + 1] == 'X')) {
                pos += 2;
            }
            long v = 0;
            int digits = 0;
            while (pos < end) {
                int d = hexDigit(buf[pos]);
                if (d < 0) {
                    break;
                }
                if (++digits > 16) {
                    throw bad(start, end, "address longer than 64 bits");
                }
                v = (v << 4) | d;
                pos++;
            }
            if (digits == 0) {
                throw bad(start, end, "expected a hexadecimal address");
            }
            if (pos < end && !isBlank(buf[pos]) && buf[pos] != ',' && buf[pos] != '#') {
                throw bad(start, end, "bad character in hexadecimal address");
            }
            return v;
        }

        /** A decimal number at the cursor, or -1 when there is none. */
        private long decimalOrMinus(int end) {
            long v = 0;
            int digits = 0;
            while (pos < end && isDigit(buf[pos]) && digits < 12) {
                v = v * 10 + (buf[pos++] - '0');
                digits++;
            }
            return digits == 0 || (pos < end && isDigit(buf[pos])) ? -1 : v;
        }

        private void skipBlanks(int end) {
            while (pos < end && isBlank(buf[pos])) {
                pos++;
            }
        }

        private static boolean isBlank(byte b) {
            return b == ' ' || b == '\t';
        }

        private static boolean isDigit(byte b) {
            return b >= '0' && b <= '9';
        }

        private static int hexDigit(byte b) {
            if (b >= '0' && b <= '9') {
                return b - '0';
            }
            if (b >= 'a' && b <= 'f') {
                return b - 'a' + 10;
            }
            if (b >= 'A' && b <= 'F') {
                return b - 'A' + 10;
            }
            return -1;
        }

        private InputException bad(int start, int end, String what) {
            String text = new String(buf, start, Math.min(end - start, 80), StandardCharsets.ISO_8859_1);
            return new InputException(file, lineNo, what + " (" + format.cliName() + " format): '" + text + "'");
        }
    }
}
