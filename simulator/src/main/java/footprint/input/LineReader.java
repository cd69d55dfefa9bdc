package footprint.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the lines of a UTF-8 text input with their numbers, so that every reader says where a
 * problem is: bytes that are not UTF-8, or a line longer than {@link #MAX_LINE_BYTES} (no input
 * of this tool has one; reading it whole could exhaust the heap), are an {@link InputException}
 * naming the source and line. A line ends at {@code \n}; a {@code \r} before it is dropped.
 */
public final class LineReader implements Closeable {
    /** The longest line accepted, in bytes. */
    public static final int MAX_LINE_BYTES = 1 << 20;
    /** The most a whole-file reader ({@link #readAll}) holds, in bytes: far above any trace, order, budget or model. */
    public static final long MAX_FILE_BYTES = 256L << 20;

    private final InputStream in;
    private final String source;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] line = new byte[256];
    private int number;
    private long bytesRead;

    public LineReader(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    /** Opens {@code file}; a missing file is an input error. */
    public static LineReader open(Path file) {
        try {
            return new LineReader(Files.newInputStream(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new InputException(file, 0, "no such file");
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    /** Every line of {@code file}, refusing one of more than {@link #MAX_FILE_BYTES}. */
    public static List<String> readAll(Path file) {
        try (LineReader r = open(file)) {
            List<String> out = new ArrayList<>();
            for (String l; (l = r.next()) != null; ) {
                if (r.bytesRead > MAX_FILE_BYTES) {
                    throw new InputException(file, r.number, "the file is larger than " + (MAX_FILE_BYTES >> 20)
                            + " MiB; no input of this kind is that large");
                }
                out.add(l);
            }
            return out;
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    /** The whole text of {@code file} ({@link #readAll}), each line ended by {@code \n}. */
    public static String readText(Path file) {
        StringBuilder sb = new StringBuilder();
        for (String l : readAll(file)) {
            sb.append(l).append('\n');
        }
        return sb.toString();
    }

    /** The number of the line {@link #next} returned last (1-based). */
    public int lineNumber() {
        return number;
    }

    /** The next line without its end, or null at the end of the input. */
    public String next() throws IOException {
        int length = 0;
        boolean ascii = true;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                int r = in.read(buf, 0, buf.length);
                if (r <= 0) {
                    if (!any) {
                        return null;
                    }
                    break; // the last line has no newline
                }
                pos = 0;
                limit = r;
                bytesRead += r;
            }
            any = true;
            int end = pos;
            while (end < limit && buf[end] != '\n') {
                ascii &= buf[end] >= 0;
                end++;
            }
            int n = end - pos;
            if (length + n > MAX_LINE_BYTES) {
                throw new InputException(source, number + 1, "line longer than " + MAX_LINE_BYTES
                        + " bytes; no input of this tool has such lines");
            }
            if (length + n > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
            }
            System.arraycopy(buf, pos, line, length, n);
            length += n;
            pos = end;
            if (end < limit) {
                pos++;
                break;
            }
        }
        number++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (ascii) {
            return new String(line, 0, length, StandardCharsets.ISO_8859_1);
        }
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        CharBuffer chars = CharBuffer.allocate(length);
        CoderResult r = utf8.reset().decode(bytes, chars, true);
        if (r.isError()) {
            throw new InputException(source, number, String.format("not UTF-8 text (byte 0x%02x at column %d)",
                    line[bytes.position()] & 0xff, bytes.position() + 1));
        }
        utf8.flush(chars);
        return chars.flip().toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
