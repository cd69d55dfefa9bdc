package footprint.trace;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import footprint.units.LineSpan;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What each exit of a bound trace touches, per object: accesses, distinct fields, distinct bytes,
 * touched lines and ideal lines (DESIGN.md metric definitions). Each object is assumed to start
 * on a cacheline boundary (offset 0 of a line-aligned base); placement can only add lines.
 */
public final class TraceStats {
    /** The placement every figure assumes, as the JSON report states it. */
    public static final String PLACEMENT = "each object at offset 0 of a line-aligned base";

    private TraceStats() {}

    /** The stats of a trace's exits under one line size, in the shape {@code trace stats --format json} prints. */
    public record Report(String trace, int lineSize, String placement, List<ExitStats> exits) {}

    /** One exit: its totals and, per object it touches, the details. */
    @JsonPropertyOrder({"exit", "fastpath", "accesses", "reads", "writes", "vmcsReads", "vmcsWrites", "bytes",
        "touchedLines", "idealLines", "objects"})
    public record ExitStats(String exit, boolean fastpath, int accesses, int reads, int writes, int vmcsReads,
            int vmcsWrites, List<ObjectStats> objects) {

        @JsonProperty(access = JsonProperty.Access.READ_ONLY)
        public long bytes() {
            return objects.stream().mapToLong(ObjectStats::bytes).sum();
        }

        @JsonProperty(access = JsonProperty.Access.READ_ONLY)
        public long touchedLines() {
            return objects.stream().mapToLong(ObjectStats::touchedLines).sum();
        }

        @JsonProperty(access = JsonProperty.Access.READ_ONLY)
        public long idealLines() {
            return objects.stream().mapToLong(ObjectStats::idealLines).sum();
        }

        public int distinctFields() {
            return objects.stream().mapToInt(ObjectStats::distinctFields).sum();
        }
    }

    /** One object within one exit. */
    public record ObjectStats(String object, @JsonProperty("type") String structType, int accesses,
            int distinctFields, long bytes, long touchedLines, long idealLines, List<FieldTouch> fields) {}

    /** A field (or raw offset) an exit touches: its bytes, how, and which lines of the object they lie on. */
    public record FieldTouch(String path, long offset, int size, @JsonProperty("op") String ops, List<Long> lines) {}

    public static List<ExitStats> of(BoundTrace trace, int lineSize) {
        List<ExitStats> out = new ArrayList<>();
        for (BoundExit e : trace.exits()) {
            out.add(exit(trace, e, lineSize));
        }
        return out;
    }

    private static ExitStats exit(BoundTrace trace, BoundExit e, int lineSize) {
        int nObjects = trace.objects().size();
        int[] accesses = new int[nObjects];
        BitSet[] bytes = new BitSet[nObjects];
        List<Map<String, long[]>> fields = new ArrayList<>();
        for (int o = 0; o < nObjects; o++) {
            bytes[o] = new BitSet();
            fields.add(new LinkedHashMap<>());
        }
        int reads = 0;
        int writes = 0;
        for (int i = 0; i < e.accessCount(); i++) {
            int o = e.object(i);
            accesses[o]++;
            reads += e.isRead(i) ? 1 : 0;
            writes += e.isWrite(i) ? 1 : 0;
            long off = e.offset(i);
            bytes[o].set((int) off, (int) (off + e.size(i)));
            String field = e.path(i).substring(trace.objects().get(o).name().length() + 1);
            if (e.path(i).charAt(trace.objects().get(o).name().length()) == '+') {
                field = "+" + field;
            }
            long[] f = fields.get(o).computeIfAbsent(field, k -> new long[] {off, 0, 0});
            f[1] = Math.max(f[1], e.size(i));
            f[2] |= (e.isRead(i) ? 1 : 0) | (e.isWrite(i) ? 2 : 0);
        }
        List<ObjectStats> objects = new ArrayList<>();
        for (int o = 0; o < nObjects; o++) {
            if (accesses[o] == 0) {
                continue;
            }
            TreeSet<Long> lines = new TreeSet<>();
            for (int b = bytes[o].nextSetBit(0); b >= 0; b = bytes[o].nextSetBit(b + 1)) {
                lines.add((long) b / lineSize);
            }
            long distinct = bytes[o].cardinality();
            List<FieldTouch> touches = new ArrayList<>();
            fields.get(o).forEach((path, f) -> {
                List<Long> fl = new ArrayList<>();
                LineSpan span = LineSpan.of(f[0], f[1], lineSize);
                for (long l = span.first(); l <= span.last(); l++) {
                    fl.add(l);
                }
                String ops = f[2] == 3 ? "RW" : f[2] == 2 ? "W" : "R";
                touches.add(new FieldTouch(path, f[0], (int) f[1], ops, fl));
            });
            touches.sort(Comparator.comparingLong(FieldTouch::offset).thenComparing(FieldTouch::path));
            BoundObject bo = trace.objects().get(o);
            objects.add(new ObjectStats(bo.name(), bo.structType(), accesses[o], touches.size(), distinct,
                    lines.size(), (distinct + lineSize - 1) / lineSize, touches));
        }
        return new ExitStats(e.name(), e.fastpath(), e.accessCount(), reads, writes, e.vmcsReads(), e.vmcsWrites(),
                objects);
    }
}
