package footprint.model;

import footprint.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads and validates the CPU model files ({@code models/cpu/*.json}, format in that folder's
 * README). Every error names the file, the line and the field.
 */
public final class CpuModels {
    private CpuModels() {}

    /**
     * Where the bundled models live: system property {@code footprint.models}, else environment
     * variable {@code FOOTPRINT_MODELS}, else {@code models/cpu} in the nearest folder above the
     * running jar (or class folder) that has one, else {@code models/cpu} in the working directory.
     */
    public static Path defaultDirectory() {
        String configured = System.getProperty("footprint.models", System.getenv("FOOTPRINT_MODELS"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try {
            var source = CpuModels.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                for (Path p = Path.of(source.getLocation().toURI()).toAbsolutePath(); p != null; p = p.getParent()) {
                    Path candidate = p.resolve("models").resolve("cpu");
                    if (Files.isDirectory(candidate)) {
                        return relativeToWorkingDirectory(candidate);
                    }
                }
            }
        } catch (java.net.URISyntaxException | SecurityException | java.nio.file.FileSystemNotFoundException e) {
            // Fall back to the working directory below.
        }
        return Path.of("models", "cpu");
    }

    /**
     * Reports name the model files they used; a path relative to the working directory reads the
     * same in every checkout, so the same inputs give the same report bytes.
     */
    private static Path relativeToWorkingDirectory(Path dir) {
        Path cwd = Path.of("").toAbsolutePath();
        return dir.startsWith(cwd) ? cwd.relativize(dir) : dir;
    }

    /** Every {@code *.json} model in {@code dir}, sorted by id; ids must be unique. */
    public static List<CpuModel> loadAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir, 0, "CPU model directory not found");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new InputException(dir, 0, "cannot list CPU models: " + e.getMessage());
        }
        Map<String, CpuModel> byId = new TreeMap<>();
        for (Path f : files) {
            CpuModel m = load(f);
            CpuModel before = byId.putIfAbsent(m.id(), m);
            if (before != null) {
                throw new InputException(f, 0, "model id '" + m.id() + "' is already used by " + before.file());
            }
        }
        return List.copyOf(byId.values());
    }

    /** The model with this id in {@code dir}; an unknown id is an input error listing the valid ids. */
    public static CpuModel find(Path dir, String id) {
        List<CpuModel> all = loadAll(dir);
        for (CpuModel m : all) {
            if (m.id().equalsIgnoreCase(id)) {
                return m;
            }
        }
        throw new InputException("unknown CPU model '" + id + "'; valid ids: "
                + all.stream().map(CpuModel::id).collect(Collectors.joining(", ")) + " (in " + dir + ")");
    }

    /** Loads one model file. */
    public static CpuModel load(Path file) {
        CpuModelReader reader = CpuModelReader.of(file);
        return reader.check(reader.bind());
    }
}
