package footprint.model;

import com.fasterxml.jackson.databind.JsonNode;
import footprint.cache.Inclusion;
import footprint.cache.Replacement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A CPU model file as written ({@code models/cpu/*.json}, format in that folder's README): every
 * number a {@link Quantity} with its source. {@link CpuModels#load} reads and checks one into a
 * {@link CpuModel}; {@link #write} writes one in the same format, so a measured model has the same
 * schema as the bundled ones. {@code prefetchers} and {@code notes} may be null (and are then left
 * out); a number is written as given ({@code 4} stays {@code 4}, {@code 1.0} stays {@code 1.0}).
 */
public record CpuModelFile(
        String id,
        String name,
        String vendor,
        Quantity<Number> clockGhz,
        List<Level> levels,
        Quantity<Number> memoryLatency,
        Quantity<Number> memoryLevelParallelism,
        PrefetcherSwitches prefetchers,
        Map<String, Quantity<Number>> exitBaseCycles,
        JsonNode notes) {

    /** One cache level; {@code size} is a number of bytes or a text such as {@code "32k"}. */
    public record Level(
            String name,
            Quantity<JsonNode> size,
            Quantity<Number> ways,
            Quantity<Number> lineSize,
            Quantity<Number> latency,
            Quantity<Replacement> replacement,
            Quantity<Inclusion> inclusion) {}

    /** The modelled prefetchers' default switches, with one source for both. */
    public record PrefetcherSwitches(Boolean nextLine, Boolean adjacentPair, String source) {}

    /** Reads and checks a model file as {@link CpuModels#load} does, keeping it as written. */
    public static CpuModelFile read(Path file) {
        CpuModelReader reader = CpuModelReader.of(file);
        CpuModelFile bound = reader.bind();
        reader.check(bound);
        return bound;
    }

    /** The file's text: two-space indented JSON, {@code "key": value}, ending in a newline. */
    public String text() {
        return ModelJson.write(this);
    }

    /** Writes {@link #text()} to {@code file} (the caller decides whether {@code file} may be replaced). */
    public void write(Path file) throws IOException {
        Files.writeString(file, text(), StandardCharsets.UTF_8);
    }
}
