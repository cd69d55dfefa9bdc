package footprint.layout;

import footprint.input.InputException;
import footprint.input.LineReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads pahole dumps into raw structs, one list per dump, in the order given. */
final class PaholeFiles {
    private PaholeFiles() {}

    /** Each file's structs ({@code .gz} is read through gunzip), in file order. */
    static List<List<RawStruct>> read(List<Path> paholeFiles) {
        List<List<RawStruct>> perFile = new ArrayList<>();
        for (Path file : paholeFiles) {
            try (LineReader in = open(file)) {
                perFile.add(PaholeParser.parse(in, file.toString()));
            } catch (NoSuchFileException e) {
                throw new InputException(file, 0, "no such file");
            } catch (IOException e) {
                throw new InputException(file, 0, "cannot read: " + e.getMessage());
            }
        }
        return perFile;
    }

    /** The structs of pahole text held in memory; {@code source} names it in errors. */
    static List<RawStruct> parse(String paholeText, String source) {
        try (LineReader in = new LineReader(
                new ByteArrayInputStream(paholeText.getBytes(StandardCharsets.UTF_8)), source)) {
            return PaholeParser.parse(in, source);
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    private static LineReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new LineReader(in, file.toString());
    }
}
