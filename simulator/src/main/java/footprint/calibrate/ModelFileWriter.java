package footprint.calibrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import footprint.model.CpuModelFile;
import footprint.model.ExitCost;
import footprint.model.Provenance;
import footprint.model.Quantity;
import footprint.units.ByteSize;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link CalibratedModel} as a {@link CpuModelFile}, the record the bundled model files bind to,
 * so that a measured model is written by the same code, in the same schema and format, as the
 * loader ({@code CpuModels}) reads.
 */
public final class ModelFileWriter {
    private ModelFileWriter() {}

    public static String json(CalibratedModel m) {
        return file(m).text();
    }

    static CpuModelFile file(CalibratedModel m) {
        List<CpuModelFile.Level> levels = new ArrayList<>();
        for (CalibratedModel.Level l : m.levels()) {
            levels.add(new CpuModelFile.Level(l.name(),
                    quantity(JsonNodeFactory.instance.textNode(ByteSize.format(l.sizeBytes())), l.size()),
                    quantity(l.ways(), l.waysSource()),
                    quantity(ChaseRing.LINE, new Provenance("the chase puts one pointer per 64-byte line; 64-byte lines"
                            + " on every x86 part (Intel SDM Vol. 3A 11.1; AMD APM Vol. 2 7.1)", Provenance.Basis.PUBLISHED)),
                    quantity((long) l.latency().value(), l.latency().provenance()),
                    quantity(l.replacement(), l.replacementSource()),
                    quantity(l.inclusion(), l.inclusionSource())));
        }
        Map<String, Quantity<Number>> exits = new LinkedHashMap<>();
        for (Map.Entry<String, ExitCost> e : m.reference().exitBaseCycles().entrySet()) {
            Provenance p = e.getValue().provenance();
            exits.put(e.getKey(), quantity(e.getValue().cycles(), new Provenance("not measured by calibrate (no VM exits"
                    + " are timed); copied from model " + m.reference().id() + ": " + p.source(), p.basis())));
        }
        CpuModelFile.PrefetcherSwitches prefetchers = new CpuModelFile.PrefetcherSwitches(
                m.reference().prefetchers().nextLine(), m.reference().prefetchers().adjacentPair(),
                "copied from model " + m.reference().id() + " (calibrate does not test prefetchers)");
        return new CpuModelFile(m.id(), m.name(), m.vendor(), quantity(m.clockGhz().value(), m.clockGhz().provenance()),
                levels, quantity((long) m.memoryLatency().value(), m.memoryLatency().provenance()),
                quantity(m.memoryLevelParallelism().value(), m.memoryLevelParallelism().provenance()), prefetchers, exits,
                notes(m));
    }

    private static JsonNode notes(CalibratedModel m) {
        StringBuilder curve = new StringBuilder();
        for (LatencyPoint p : m.calibration().curve()) {
            curve.append(curve.length() == 0 ? "" : ", ").append(ByteSize.format(p.bytes()))
                    .append(' ').append(String.format(Locale.ROOT, "%.2f", p.nanos()));
        }
        ArrayNode notes = JsonNodeFactory.instance.arrayNode();
        notes.add("Latency curve (working set: ns per dependent load, lowest of the rounds' medians):");
        notes.add(curve.toString());
        return notes;
    }

    private static <T> Quantity<T> quantity(T value, Provenance p) {
        return new Quantity<>(value, p.source(), p.basis());
    }
}
