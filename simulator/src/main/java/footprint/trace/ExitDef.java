package footprint.trace;

import java.util.List;

/**
 * One kind of VM exit: its steps from the exit landing to the next VM entry, whether KVM handles
 * it in the fastpath, and the hardware exit reason it stands for (null when not given).
 */
public record ExitDef(String name, boolean fastpath, String reason, List<Step> steps, Trivia trivia, Trivia endTrivia,
        int line) implements TraceItem {
    public ExitDef {
        steps = List.copyOf(steps);
    }
}
