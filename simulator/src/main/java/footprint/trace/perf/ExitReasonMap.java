package footprint.trace.perf;

import footprint.input.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps the exit reasons perf reports (VMX names such as {@code MSR_WRITE}, {@code EPT_MISCONFIG})
 * to the exit names of a trace. File format, one mapping a line, {@code #} comments:
 * {@code REASON EXIT [SHARE]}; a reason split over several exits (MSR_WRITE: TSC deadline and
 * ICR writes) gives each a share, the shares of a reason summing to at most 1.
 */
public record ExitReasonMap(Map<String, List<Target>> targets) {

    /** One exit a reason maps to, with the share of that reason's samples it gets. */
    public record Target(String exit, double share) {}

    private static final Pattern EXIT = Pattern.compile("[A-Za-z0-9_]+");

    /** No file: every reason maps to an exit of the same name. */
    public static ExitReasonMap identity() {
        return new ExitReasonMap(null);
    }

    public static ExitReasonMap read(Path file) {
        Map<String, List<Target>> map = new LinkedHashMap<>();
        TextLines.forEach(file, (text, n) -> {
            int hash = text.indexOf('#');
            String s = (hash >= 0 ? text.substring(0, hash) : text).strip();
            if (s.isEmpty()) {
                return;
            }
            String[] t = s.split("\\s+");
            if (t.length < 2 || t.length > 3 || !EXIT.matcher(t[1]).matches()) {
                throw new InputException(file, n, "expected 'REASON EXIT [SHARE]'");
            }
            double share = 1.0;
            if (t.length == 3) {
                try {
                    share = Double.parseDouble(t[2]);
                } catch (NumberFormatException e) {
                    share = Double.NaN;
                }
                if (!(share > 0 && share <= 1)) {
                    throw new InputException(file, n, "share '" + t[2] + "' must be a number in (0, 1]");
                }
            }
            List<Target> list = map.computeIfAbsent(t[0], k -> new ArrayList<>());
            double sum = list.stream().mapToDouble(Target::share).sum() + share;
            if (sum > 1 + 1e-9) {
                throw new InputException(file, n, "the shares of " + t[0] + " add up to " + sum + " (more than 1)");
            }
            list.add(new Target(t[1], share));
        });
        if (map.isEmpty()) {
            throw new InputException(file, 0, "the map lists no reason");
        }
        return new ExitReasonMap(map);
    }

    /** The exits a reason maps to; empty when the map does not list it. */
    public List<Target> map(String reason) {
        if (targets == null) {
            return List.of(new Target(reason, 1.0));
        }
        return targets.getOrDefault(reason, List.of());
    }
}
