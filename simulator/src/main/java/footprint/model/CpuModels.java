package footprint.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footprint.cache.Geometry;
import footprint.cache.Inclusion;
import footprint.cache.Replacement;
import footprint.input.InputException;
import footprint.input.LineReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads and validates the CPU model files ({@code models/cpu/*.json}, format in that folder's
 * README). Every error names the file, the line and the field.
 */
public final class CpuModels {
    private static final Set<String> TOP_FIELDS = Set.of("id", "name", "vendor", "clockGhz", "levels",
            "memoryLatency", "memoryLevelParallelism", "prefetchers", "exitBaseCycles", "notes");
    private static final Set<String> LEVEL_FIELDS = Set.of("name", "size", "ways", "lineSize", "latency",
            "replacement", "inclusion");
    private static final Set<String> QUANTITY_FIELDS = Set.of("value", "source", "basis");
    private static final Set<String> PREFETCH_FIELDS = Set.of("nextLine", "adjacentPair", "source");

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
        return new Reader(file, LineReader.readText(file)).read();
    }

    /** Validates one file's JSON tree, reporting errors at the line where the field is written. */
    private static final class Reader {
        private final Path file;
        private final String text;
        private final Map<String, Integer> lines = new HashMap<>();
        private final Map<String, Provenance> provenance = new LinkedHashMap<>();

        Reader(Path file, String text) {
            this.file = file;
            this.text = text;
        }

        CpuModel read() {
            JsonNode root;
            try {
                indexLines();
                root = new ObjectMapper().readTree(text);
            } catch (JsonProcessingException e) {
                int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                throw new InputException(file, line, "not valid JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new InputException(file, 0, "cannot parse: " + e.getMessage());
            }
            if (root == null || !root.isObject()) {
                throw new InputException(file, 1, "a CPU model file holds one JSON object");
            }
            checkFields(root, "", TOP_FIELDS);
            String id = string(root, "", "id");
            if (!id.matches("[a-z0-9][a-z0-9.-]*")) {
                throw error("/id", "field id: '" + id + "' must be lower-case letters, digits, '.' and '-'");
            }
            String name = string(root, "", "name");
            String vendor = string(root, "", "vendor");
            double clock = number(root, "", "clockGhz");
            JsonNode levelsNode = require(root, "", "levels");
            if (!levelsNode.isArray() || levelsNode.isEmpty()) {
                throw error("/levels", "field levels: must be a non-empty array of cache levels, L1D first");
            }
            List<LevelModel> levels = new ArrayList<>();
            for (int i = 0; i < levelsNode.size(); i++) {
                levels.add(level(levelsNode.get(i), "/levels/" + i));
            }
            checkLevels(levels);
            double memNs = number(root, "", "memoryLatency");
            int memoryCycles = (int) wholeNumber(root, "", "memoryLatency", memNs);
            double mlp = number(root, "", "memoryLevelParallelism");
            if (mlp < 1) {
                throw error("/memoryLevelParallelism/value", "field memoryLevelParallelism: must be at least 1, got " + mlp);
            }
            Prefetchers prefetchers = prefetchers(root);
            Map<String, ExitCost> exits = exits(require(root, "", "exitBaseCycles"));
            Map<String, Provenance> prov = new TreeMap<>(provenance);
            return new CpuModel(id, name, vendor, clock, levels, memoryCycles, mlp, prefetchers, exits, prov,
                    file.toString());
        }

        private LevelModel level(JsonNode node, String at) {
            if (!node.isObject()) {
                throw error(at, "field " + field(at) + ": must be an object");
            }
            checkFields(node, at, LEVEL_FIELDS);
            String name = string(node, at, "name");
            long size = size(node, at);
            int ways = (int) wholeNumber(node, at, "ways", number(node, at, "ways"));
            int line = (int) wholeNumber(node, at, "lineSize", number(node, at, "lineSize"));
            int latency = (int) wholeNumber(node, at, "latency", number(node, at, "latency"));
            Replacement replacement = choice(node, at, "replacement", Replacement.class);
            Inclusion inclusion = choice(node, at, "inclusion", Inclusion.class);
            Geometry geometry;
            try {
                geometry = new Geometry(size, ways, line);
            } catch (IllegalArgumentException e) {
                throw error(at + "/size", "field " + field(at + "/size") + ": " + e.getMessage());
            }
            return new LevelModel(name, geometry, latency, replacement, inclusion);
        }

        private void checkLevels(List<LevelModel> levels) {
            for (int i = 1; i < levels.size(); i++) {
                if (levels.get(i).geometry().lineSize() != levels.get(0).geometry().lineSize()) {
                    throw error("/levels/" + i + "/lineSize", "field levels[" + i + "].lineSize: all levels must use "
                            + "the line size of levels[0] (" + levels.get(0).geometry().lineSize() + ")");
                }
            }
            if (levels.get(0).inclusion() == Inclusion.EXCLUSIVE) {
                throw error("/levels/0/inclusion", "field levels[0].inclusion: the first level cannot be EXCLUSIVE");
            }
        }

        private long size(JsonNode node, String at) {
            JsonNode v = quantity(node, at, "size");
            String where = at + "/size/value";
            if (v.isIntegralNumber()) {
                return v.asLong();
            }
            if (v.isTextual()) {
                try {
                    return Geometry.parseSize(v.asText());
                } catch (NumberFormatException | ArithmeticException e) {
                    // fall through to the error below
                }
            }
            throw error(where, "field " + field(where) + ": not a size in bytes (e.g. 32768 or \"32k\"): " + v);
        }

        private Prefetchers prefetchers(JsonNode root) {
            JsonNode p = root.get("prefetchers");
            if (p == null) {
                return Prefetchers.NONE;
            }
            if (!p.isObject()) {
                throw error("/prefetchers", "field prefetchers: must be an object");
            }
            checkFields(p, "/prefetchers", PREFETCH_FIELDS);
            return new Prefetchers(bool(p, "/prefetchers", "nextLine"), bool(p, "/prefetchers", "adjacentPair"));
        }

        private Map<String, ExitCost> exits(JsonNode node) {
            if (!node.isObject()) {
                throw error("/exitBaseCycles", "field exitBaseCycles: must be an object of exit name -> cost");
            }
            Map<String, ExitCost> exits = new TreeMap<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String exit = it.next();
                String at = "/exitBaseCycles";
                double v = number(node, at, exit);
                long cycles = wholeNumber(node, at, exit, v);
                exits.put(exit, new ExitCost(cycles, provenance.get(field(at + "/" + exit))));
            }
            if (!exits.containsKey(CpuModel.DEFAULT_EXIT)) {
                throw error("/exitBaseCycles", "missing field exitBaseCycles.default (the cost of exits without their own entry)");
            }
            return exits;
        }

        /** The value node of a {value, source, basis} quantity, recording its provenance. */
        private JsonNode quantity(JsonNode parent, String at, String name) {
            JsonNode q = require(parent, at, name);
            String here = at + "/" + name;
            if (!q.isObject()) {
                throw error(here, "field " + field(here) + ": must be {\"value\": ..., \"source\": \"...\", \"basis\": \"...\"}");
            }
            checkFields(q, here, QUANTITY_FIELDS);
            JsonNode value = require(q, here, "value");
            String source = string(q, here, "source");
            if (source.isBlank()) {
                throw error(here + "/source", "field " + field(here + "/source") + ": must name where the number comes from");
            }
            Provenance.Basis basis = choice(q, here, "basis", Provenance.Basis.class);
            provenance.put(field(here), new Provenance(source, basis));
            return value;
        }

        private double number(JsonNode parent, String at, String name) {
            JsonNode v = quantity(parent, at, name);
            String where = at + "/" + name + "/value";
            if (!v.isNumber()) {
                throw error(where, "field " + field(where) + ": not a number: " + v);
            }
            double d = v.asDouble();
            if (!(d > 0) || Double.isInfinite(d)) {
                throw error(where, "field " + field(where) + ": must be a positive number, got " + v);
            }
            return d;
        }

        private long wholeNumber(JsonNode parent, String at, String name, double value) {
            if (value != Math.rint(value) || value > Integer.MAX_VALUE) {
                String where = at + "/" + name + "/value";
                throw error(where, "field " + field(where) + ": must be a whole number, got " + value);
            }
            return (long) value;
        }

        private <E extends Enum<E>> E choice(JsonNode parent, String at, String name, Class<E> type) {
            boolean isQuantity = type != Provenance.Basis.class;
            JsonNode v = isQuantity ? quantity(parent, at, name) : require(parent, at, name);
            String where = at + "/" + name + (isQuantity ? "/value" : "");
            String text = v.isTextual() ? v.asText().trim().toUpperCase(Locale.ROOT).replace('-', '_') : "";
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(text)) {
                    return e;
                }
            }
            throw error(where, "field " + field(where) + ": " + v + " is not one of "
                    + Stream.of(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                            .collect(Collectors.joining(", ")));
        }

        private String string(JsonNode parent, String at, String name) {
            JsonNode v = require(parent, at, name);
            if (!v.isTextual()) {
                throw error(at + "/" + name, "field " + field(at + "/" + name) + ": must be a string, got " + v);
            }
            return v.asText();
        }

        private boolean bool(JsonNode parent, String at, String name) {
            JsonNode v = require(parent, at, name);
            if (!v.isBoolean()) {
                throw error(at + "/" + name, "field " + field(at + "/" + name) + ": must be true or false, got " + v);
            }
            return v.asBoolean();
        }

        private JsonNode require(JsonNode parent, String at, String name) {
            JsonNode v = parent.get(name);
            if (v == null || v.isNull()) {
                throw error(at, "missing field " + field(at + "/" + name));
            }
            return v;
        }

        private void checkFields(JsonNode node, String at, Set<String> allowed) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!allowed.contains(f)) {
                    throw error(at + "/" + f, "unknown field " + field(at + "/" + f) + " (allowed here: "
                            + allowed.stream().sorted().collect(Collectors.joining(", ")) + ")");
                }
            }
        }

        private InputException error(String pointer, String message) {
            String p = pointer;
            Integer line = null;
            while (line == null && !p.isEmpty()) {
                line = lines.get(p);
                p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
            }
            return new InputException(file, line == null ? 1 : line, message);
        }

        /** JSON pointer "/levels/0/latency" -> field path "levels[0].latency" as users read it. */
        private static String field(String pointer) {
            StringBuilder sb = new StringBuilder();
            for (String part : pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/")) {
                if (part.isEmpty()) {
                    continue;
                }
                if (part.chars().allMatch(Character::isDigit)) {
                    sb.append('[').append(part).append(']');
                } else {
                    sb.append(sb.length() == 0 ? "" : ".").append(part);
                }
            }
            return sb.toString();
        }

        /** Records the line of every field and array element, keyed by JSON pointer. */
        private void indexLines() throws IOException {
            try (JsonParser p = new JsonFactory().createParser(text)) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    String ptr;
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        ptr = p.getParsingContext().getParent() == null ? ""
                                : p.getParsingContext().getParent().pathAsPointer().toString();
                    } else {
                        ptr = p.getParsingContext().pathAsPointer().toString();
                    }
                    lines.putIfAbsent(ptr, p.currentTokenLocation().getLineNr());
                }
            }
        }
    }
}
