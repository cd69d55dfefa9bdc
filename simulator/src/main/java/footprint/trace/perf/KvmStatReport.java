package footprint.trace.perf;

import footprint.input.InputException;
import footprint.input.WholeNumbers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table {@code perf kvm stat report} prints (tools/perf/builtin-kvm.c, {@code print_result}):
 * one row per exit reason with its sample count, shares of samples and time, and min/max/average
 * handling time; plus the {@code Total Samples:} line.
 */
public record KvmStatReport(String source, String eventColumn, List<Row> rows, long totalSamples) {

    /** One exit reason: {@code MSR_WRITE  15098  44.74%  0.42%  0.51us  29.84us  1.86us ( +- 0.55% )}. */
    public record Row(String reason, long samples, double samplesPercent, double timePercent, double minMicros,
            double maxMicros, double avgMicros, int line) {}

    private static final String NUM = "(\\d+(?:\\.\\d+)?)";
    private static final Pattern ROW = Pattern.compile("\\s*(\\S+)\\s+(\\d+)\\s+" + NUM + "%\\s+" + NUM + "%\\s+" + NUM
            + "us\\s+" + NUM + "us\\s+" + NUM + "us\\s+\\(\\s*\\+-\\s*(?:" + NUM + "|nan|-nan)%\\s*\\)\\s*");
    private static final Pattern HEADER = Pattern.compile("\\s*(\\S.*?)\\s+Samples\\s+Samples%\\s+Time%.*");
    private static final Pattern TOTAL = Pattern.compile("\\s*Total Samples:\\s*(\\d+),.*");

    /** Reads the report; a line that is none of the report's parts is an error naming it. */
    public static KvmStatReport read(Path file) {
        List<Row> rows = new ArrayList<>();
        long[] total = {-1};
        String[] column = {null};
        TextLines.forEach(file, (text, n) -> {
            String s = text.strip();
            if (s.isEmpty() || s.startsWith("#") || s.startsWith("Analyze events for")) {
                return;
            }
            Matcher m = HEADER.matcher(text);
            if (m.matches()) {
                column[0] = m.group(1);
                return;
            }
            m = TOTAL.matcher(text);
            if (m.matches()) {
                total[0] = WholeNumbers.parse(m.group(1), 10, file, n, "total samples");
                return;
            }
            m = ROW.matcher(text);
            if (!m.matches()) {
                throw new InputException(file, n, "not a line of 'perf kvm stat report' output (expected"
                        + " 'REASON SAMPLES SAMPLES% TIME% MINus MAXus AVGus ( +- STDDEV% )'): " + s);
            }
            if (column[0] == null) {
                throw new InputException(file, n, "exit-reason row before the 'VM-EXIT  Samples  Samples%  Time% ...'"
                        + " header line");
            }
            rows.add(new Row(m.group(1), WholeNumbers.parse(m.group(2), 10, file, n, "sample count"), Double.parseDouble(m.group(3)),
                    Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6)),
                    Double.parseDouble(m.group(7)), n));
        });
        if (rows.isEmpty()) {
            throw new InputException(file, 0, "no exit-reason rows found; is this the output of 'perf kvm stat report'?");
        }
        long sum = rows.stream().mapToLong(Row::samples).sum();
        return new KvmStatReport(file.toString(), column[0], rows, total[0] < 0 ? sum : total[0]);
    }
}
