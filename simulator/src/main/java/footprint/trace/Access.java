package footprint.trace;

import java.util.List;

/**
 * One memory access of a handler: read/write, what it touches, how many bytes, the kernel
 * function and {@code file:line} it comes from, the names under which that source line refers
 * to the field when its own name does not appear there ({@code as=}, empty when none), and the
 * condition it depends on (null when unconditional; the trace replays the branch it assumes).
 */
public record Access(AccessOp op, Target target, int size, String function, String location, List<String> aliases,
        String condition, Trivia trivia, int line) implements Step {

    public Access {
        aliases = List.copyOf(aliases);
    }

    /** {@code "function file:line"}, the form reports print. */
    public String site() {
        return function + " " + location;
    }
}
