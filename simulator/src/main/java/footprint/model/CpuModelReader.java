package footprint.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import footprint.cache.Geometry;
import footprint.cache.Inclusion;
import footprint.input.InputException;
import footprint.input.LineReader;
import footprint.units.ByteSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads one model file: Jackson binds it to a {@link CpuModelFile} (types, unknown fields), then
 * the checks here turn it into a {@link CpuModel} (missing fields, ranges, sources, geometry).
 * Every error names the file, the line where the field is written, and the field.
 */
final class CpuModelReader {
    private final Path file;
    private final String text;
    /** The line of every field and array element, keyed by JSON pointer. */
    private final Map<String, Integer> lines = new HashMap<>();
    private final Map<String, Provenance> provenance = new TreeMap<>();

    private CpuModelReader(Path file, String text) {
        this.file = file;
        this.text = text;
    }

    /** A reader of {@code file}'s text. */
    static CpuModelReader of(Path file) {
        return new CpuModelReader(file, LineReader.readText(file));
    }

    /** The file bound to its records, not yet checked. */
    CpuModelFile bind() {
        try {
            if (indexLines() != JsonToken.START_OBJECT) {
                throw new InputException(file, 1, "a CPU model file holds one JSON object");
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputException(file, line, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot parse: " + e.getMessage());
        }
        // The parser stays open while the error is described: it still holds the offending token.
        try (JsonParser p = ModelJson.MAPPER.createParser(text)) {
            try {
                return ModelJson.MAPPER.readValue(p, CpuModelFile.class);
            } catch (JsonMappingException e) {
                throw mappingError(e, p);
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputException(file, line, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot parse: " + e.getMessage());
        }
    }

    /** The model {@code f} (bound from this reader's file) describes; errors point into the file. */
    CpuModel check(CpuModelFile f) {
        String id = string(f.id(), "/id");
        if (!id.matches("[a-z0-9][a-z0-9.-]*")) {
            throw error("/id", "field id: '" + id + "' must be lower-case letters, digits, '.' and '-'");
        }
        String name = string(f.name(), "/name");
        String vendor = string(f.vendor(), "/vendor");
        double clock = number(f.clockGhz(), "/clockGhz");
        if (f.levels() == null || f.levels().isEmpty()) {
            throw error(f.levels() == null ? "" : "/levels", f.levels() == null ? "missing field levels"
                    : "field levels: must be a non-empty array of cache levels, L1D first");
        }
        List<LevelModel> levels = new ArrayList<>();
        for (int i = 0; i < f.levels().size(); i++) {
            levels.add(level(f.levels().get(i), "/levels/" + i));
        }
        checkLevels(levels);
        int memoryCycles = (int) wholeNumber(f.memoryLatency(), "/memoryLatency");
        double mlp = number(f.memoryLevelParallelism(), "/memoryLevelParallelism");
        if (mlp < 1) {
            throw error("/memoryLevelParallelism/value", "field memoryLevelParallelism: must be at least 1, got " + mlp);
        }
        Prefetchers prefetchers = prefetchers(f.prefetchers());
        Map<String, ExitCost> exits = exits(f.exitBaseCycles());
        return new CpuModel(id, name, vendor, clock, levels, memoryCycles, mlp, prefetchers, exits, provenance,
                file.toString());
    }

    private LevelModel level(CpuModelFile.Level level, String at) {
        if (level == null) {
            throw error(at, "field " + field(at) + ": must be an object");
        }
        String name = string(level.name(), at + "/name");
        long size = size(level.size(), at + "/size");
        int ways = (int) wholeNumber(level.ways(), at + "/ways");
        int line = (int) wholeNumber(level.lineSize(), at + "/lineSize");
        int latency = (int) wholeNumber(level.latency(), at + "/latency");
        var replacement = present(level.replacement(), at + "/replacement");
        var inclusion = present(level.inclusion(), at + "/inclusion");
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

    private long size(Quantity<com.fasterxml.jackson.databind.JsonNode> q, String at) {
        var v = present(q, at);
        String where = at + "/value";
        if (v.isNull()) {
            throw missing(where);
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isTextual()) {
            try {
                return ByteSize.parse(v.asText()).bytes();
            } catch (IllegalArgumentException e) {
                // fall through to the error below
            }
        }
        throw error(where, "field " + field(where) + ": not a size in bytes (e.g. 32768 or \"32k\"): " + v);
    }

    private Prefetchers prefetchers(CpuModelFile.PrefetcherSwitches p) {
        if (p == null) {
            return Prefetchers.NONE;
        }
        return new Prefetchers(bool(p.nextLine(), "/prefetchers/nextLine"),
                bool(p.adjacentPair(), "/prefetchers/adjacentPair"));
    }

    private Map<String, ExitCost> exits(Map<String, Quantity<Number>> costs) {
        if (costs == null) {
            throw error("", "missing field exitBaseCycles");
        }
        Map<String, ExitCost> exits = new TreeMap<>();
        for (Map.Entry<String, Quantity<Number>> e : costs.entrySet()) {
            String at = "/exitBaseCycles/" + e.getKey();
            long cycles = wholeNumber(e.getValue(), at);
            exits.put(e.getKey(), new ExitCost(cycles, provenance.get(field(at))));
        }
        if (!exits.containsKey(CpuModel.DEFAULT_EXIT)) {
            throw error("/exitBaseCycles", "missing field exitBaseCycles.default (the cost of exits without their own entry)");
        }
        return exits;
    }

    /** The value of a quantity at {@code at}, with its source recorded. */
    private <T> T present(Quantity<T> q, String at) {
        if (q == null) {
            throw missing(at);
        }
        if (q.value() == null) {
            throw missing(at + "/value");
        }
        String source = string(q.source(), at + "/source");
        if (source.isBlank()) {
            throw error(at + "/source", "field " + field(at + "/source") + ": must name where the number comes from");
        }
        if (q.basis() == null) {
            throw missing(at + "/basis");
        }
        provenance.put(field(at), new Provenance(source, q.basis()));
        return q.value();
    }

    private double number(Quantity<Number> q, String at) {
        Number v = present(q, at);
        double d = v.doubleValue();
        if (!(d > 0) || Double.isInfinite(d)) {
            String where = at + "/value";
            throw error(where, "field " + field(where) + ": must be a positive number, got " + v);
        }
        return d;
    }

    private long wholeNumber(Quantity<Number> q, String at) {
        double value = number(q, at);
        if (value != Math.rint(value) || value > Integer.MAX_VALUE) {
            String where = at + "/value";
            throw error(where, "field " + field(where) + ": must be a whole number, got " + value);
        }
        return (long) value;
    }

    private String string(String v, String at) {
        if (v == null) {
            throw missing(at);
        }
        return v;
    }

    private boolean bool(Boolean v, String at) {
        if (v == null) {
            throw missing(at);
        }
        return v;
    }

    /** A missing field, reported at the line of the object that should hold it. */
    private InputException missing(String at) {
        return error(at.substring(0, at.lastIndexOf('/')), "missing field " + field(at));
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

    /** A value Jackson could not bind: its line (Jackson's location), field and what was expected. */
    private InputException mappingError(JsonMappingException e, JsonParser p) {
        StringBuilder at = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            at.append('/').append(r.getFieldName() != null ? r.getFieldName() : Integer.toString(r.getIndex()));
        }
        // Jackson reports a record's unknown field at the end of the object; the index knows its own line.
        Integer indexed = at.length() == 0 ? null : lines.get(at.toString());
        int line = indexed != null ? indexed : e.getLocation() == null ? 1 : e.getLocation().getLineNr();
        String name = field(at.toString());
        if (name.isEmpty()) {
            return new InputException(file, line, "a CPU model file holds one JSON object");
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return new InputException(file, line, "unknown field " + name + " (allowed here: " + u.getKnownPropertyIds()
                    .stream().map(Object::toString).sorted().collect(Collectors.joining(", ")) + ")");
        }
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        String got = e instanceof InvalidFormatException f && f.getValue() instanceof String s ? quoted(s)
                : offendingToken(p);
        String problem;
        if (target != null && target.isEnum()) {
            @SuppressWarnings("unchecked")
            Class<? extends Enum<?>> type = (Class<? extends Enum<?>>) target;
            problem = got + " is not one of " + ModelJson.words(type);
        } else if (target != null && Number.class.isAssignableFrom(target)) {
            problem = "not a number: " + got;
        } else if (target == String.class) {
            problem = "must be a string, got " + got;
        } else if (target == Boolean.class) {
            problem = "must be true or false, got " + got;
        } else if (target == Quantity.class) {
            problem = "must be {\"value\": ..., \"source\": \"...\", \"basis\": \"...\"}";
        } else if (target != null && List.class.isAssignableFrom(target)) {
            problem = "must be an array";
        } else {
            problem = "must be an object";
        }
        return new InputException(file, line, "field " + name + ": " + problem);
    }

    private static String offendingToken(JsonParser p) {
        if (p.currentToken() != null) {
            try {
                return switch (p.currentToken()) {
                    case VALUE_STRING -> quoted(p.getText());
                    case START_OBJECT -> "an object";
                    case START_ARRAY -> "an array";
                    default -> p.getText();
                };
            } catch (IOException ignored) {
                // the token is gone; say what was expected only
            }
        }
        return "another type";
    }

    private static String quoted(String s) {
        try {
            return ModelJson.MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot quote a string", e);
        }
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

    /** Records the line of every field and array element, keyed by JSON pointer; returns the first token. */
    private JsonToken indexLines() throws IOException {
        JsonToken first = null;
        try (JsonParser p = ModelJson.MAPPER.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                first = first == null ? t : first;
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
        return first;
    }
}
