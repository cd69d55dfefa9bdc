package footprint.calibrate;

import footprint.units.ByteSize;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import footprint.model.ExitCost;
import footprint.model.Provenance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link CalibratedModel} as a model file in the schema of {@code models/cpu/*.json}
 * (the loader, {@code CpuModels}, reads it back). The one place that knows the file's shape on
 * the writing side.
 */
public final class ModelFileWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFileWriter() {}

    public static String json(CalibratedModel m) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("id", m.id());
        root.put("name", m.name());
        root.put("vendor", m.vendor());
        root.put("clockGhz", quantity(m.clockGhz().value(), m.clockGhz().provenance()));
        List<Object> levels = new ArrayList<>();
        for (CalibratedModel.Level l : m.levels()) {
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("name", l.name());
            level.put("size", quantity(ByteSize.format(l.sizeBytes()), l.size()));
            level.put("ways", quantity(l.ways(), l.waysSource()));
            level.put("lineSize", quantity(ChaseRing.LINE, new Provenance(
                    "the chase puts one pointer per 64-byte line; 64-byte lines on every x86 part (Intel SDM Vol. 3A 11.1;"
                            + " AMD APM Vol. 2 7.1)", Provenance.Basis.PUBLISHED)));
            level.put("latency", quantity((long) l.latency().value(), l.latency().provenance()));
            level.put("replacement", quantity(l.replacement(), l.replacementSource()));
            level.put("inclusion", quantity(l.inclusion(), l.inclusionSource()));
            levels.add(level);
        }
        root.put("levels", levels);
        root.put("memoryLatency", quantity((long) m.memoryLatency().value(), m.memoryLatency().provenance()));
        root.put("memoryLevelParallelism", quantity(m.memoryLevelParallelism().value(),
                m.memoryLevelParallelism().provenance()));
        Map<String, Object> prefetchers = new LinkedHashMap<>();
        prefetchers.put("nextLine", m.reference().prefetchers().nextLine());
        prefetchers.put("adjacentPair", m.reference().prefetchers().adjacentPair());
        prefetchers.put("source", "copied from model " + m.reference().id() + " (calibrate does not test prefetchers)");
        root.put("prefetchers", prefetchers);
        Map<String, Object> exits = new LinkedHashMap<>();
        for (Map.Entry<String, ExitCost> e : m.reference().exitBaseCycles().entrySet()) {
            Provenance p = e.getValue().provenance();
            exits.put(e.getKey(), quantity(e.getValue().cycles(), new Provenance("not measured by calibrate (no VM exits"
                    + " are timed); copied from model " + m.reference().id() + ": " + p.source(), p.basis())));
        }
        root.put("exitBaseCycles", exits);
        List<String> notes = new ArrayList<>();
        notes.add("Latency curve (working set: ns per dependent load, lowest of the rounds' medians):");
        StringBuilder curve = new StringBuilder();
        for (LatencyPoint p : m.calibration().curve()) {
            curve.append(curve.length() == 0 ? "" : ", ").append(ByteSize.format(p.bytes()))
                    .append(' ').append(String.format(Locale.ROOT, "%.2f", p.nanos()));
        }
        notes.add(curve.toString());
        root.put("notes", notes);
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot write model JSON", e);
        }
    }

    private static Map<String, Object> quantity(Object value, Provenance p) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("value", value);
        q.put("source", p.source());
        q.put("basis", p.basis().name().toLowerCase(Locale.ROOT));
        return q;
    }
}
