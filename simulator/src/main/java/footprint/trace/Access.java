package footprint.trace;

/**
 * One memory access of a handler: read/write, what it touches, how many bytes, the kernel
 * function and {@code file:line} it comes from, and the condition it depends on (null when
 * unconditional; the trace replays the branch it assumes).
 */
public record Access(AccessOp op, Target target, int size, String function, String location, String condition,
        Trivia trivia, int line) implements Step {

    /** {@code "function file:line"}, the form reports print. */
    public String site() {
        return function + " " + location;
    }
}
