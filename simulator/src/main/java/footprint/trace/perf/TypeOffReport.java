package footprint.trace.perf;

import footprint.input.InputException;
import footprint.input.WholeNumbers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code perf report --stdio --sort type,typeoff} output of perf's data-type profiling
 * ({@code perf mem record -K}, Linux 6.8+): per data type, the share of samples at each member
 * offset. The typeoff column is {@code TYPE +OFFSET (FIELD)} (tools/perf/util/sort.c,
 * {@code hist_entry__typeoff_snprintf}: decimal {@code %+d} in 6.8, hex {@code +%#x} from 6.12);
 * pseudo types such as {@code (stack operation)} and {@code (unknown)} carry no field and are
 * kept apart.
 */
public record TypeOffReport(String source, List<TypeWeights> types, List<Unattributed> unattributed) {

    /** One data type: its total share and its fields by offset. */
    public record TypeWeights(String type, double percent, long samples, List<FieldWeight> fields) {}

    /** One member offset of a type: the share of all samples and of the type's samples. */
    public record FieldWeight(long offset, String field, double percent, long samples, double shareOfType) {}

    /** Samples perf could not attribute to a member (stack operations, unknown types). */
    public record Unattributed(String type, double percent, long samples) {}

    private static final Pattern ROW = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)%\\s+(?:(\\d+)\\s+)?(\\S.*?)\\s*");
    private static final Pattern TYPED = Pattern.compile("(.+?)\\s+\\1 ([+-](?:0x[0-9a-fA-F]+|\\d+)) \\((.*)\\)");
    private static final Pattern PSEUDO = Pattern.compile("(\\(.+?\\))(?:\\s+\\1(?: .*)?)?");

    private record Row(String type, long offset, String field, double percent, long samples) {}

    public static TypeOffReport read(Path file) {
        List<Row> rows = new ArrayList<>();
        Map<String, double[]> pseudo = new LinkedHashMap<>();
        TextLines.forEach(file, (text, n) -> {
            String s = text.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                return;
            }
            Matcher m = ROW.matcher(text);
            if (!m.matches()) {
                throw new InputException(file, n, "not a row of 'perf report --stdio --sort type,typeoff' output"
                        + " (expected 'PERCENT%  TYPE  TYPE +OFFSET (FIELD)'): " + s);
            }
            double percent = Double.parseDouble(m.group(1));
            long samples = m.group(2) == null ? 0 : WholeNumbers.parse(m.group(2), 10, file, n, "sample count");
            String rest = m.group(3);
            Matcher p = PSEUDO.matcher(rest);
            if (p.matches()) {
                double[] acc = pseudo.computeIfAbsent(p.group(1), k -> new double[2]);
                acc[0] += percent;
                acc[1] += samples;
                return;
            }
            Matcher t = TYPED.matcher(rest);
            if (t.matches()) {
                String off = t.group(2);
                boolean neg = off.startsWith("-");
                String digits = off.substring(1);
                long offset = digits.startsWith("0x") ? WholeNumbers.parse(digits.substring(2), 16, file, n, "offset")
                        : WholeNumbers.parse(digits, 10, file, n, "offset");
                rows.add(new Row(t.group(1), neg ? -offset : offset, t.group(3), percent, samples));
                return;
            }
            throw new InputException(file, n, "cannot split '" + rest + "' into the type and typeoff columns"
                    + " (expected 'TYPE  TYPE +OFFSET (FIELD)'; sort keys must be exactly type,typeoff, without -H)");
        });
        if (rows.isEmpty() && pseudo.isEmpty()) {
            throw new InputException(file, 0, "no rows found; is this 'perf report --stdio --sort type,typeoff' output?");
        }
        Map<String, List<Row>> byType = new LinkedHashMap<>();
        for (Row r : rows) {
            byType.computeIfAbsent(r.type(), k -> new ArrayList<>()).add(r);
        }
        List<TypeWeights> types = new ArrayList<>();
        byType.forEach((type, list) -> {
            // perf prints two decimals; rounding the sum keeps 27.34 from printing as 27.339999999999996
            double total = round(list.stream().mapToDouble(Row::percent).sum());
            long samples = list.stream().mapToLong(Row::samples).sum();
            Map<Long, FieldWeight> fields = new LinkedHashMap<>();
            for (Row r : list) { // one row per offset, unless perf split it (e.g. by a hidden sort key): merge
                fields.merge(r.offset(), new FieldWeight(r.offset(), r.field(), r.percent(), r.samples(), 0),
                        (a, b) -> new FieldWeight(a.offset(), a.field(), round(a.percent() + b.percent()),
                                a.samples() + b.samples(), 0));
            }
            List<FieldWeight> sorted = fields.values().stream()
                    .sorted(Comparator.comparingLong(FieldWeight::offset))
                    .map(f -> new FieldWeight(f.offset(), f.field(), f.percent(), f.samples(),
                            total > 0 ? f.percent() / total : 0))
                    .toList();
            types.add(new TypeWeights(type, total, samples, sorted));
        });
        types.sort(Comparator.comparingDouble(TypeWeights::percent).reversed().thenComparing(TypeWeights::type));
        List<Unattributed> un = new ArrayList<>();
        pseudo.forEach((type, acc) -> un.add(new Unattributed(type, round(acc[0]), (long) acc[1])));
        return new TypeOffReport(file.toString(), types, un);
    }

    private static double round(double percent) {
        return Math.round(percent * 1e6) / 1e6;
    }
}
