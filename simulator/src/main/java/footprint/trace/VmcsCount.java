package footprint.trace;

/** VMCS field reads and writes at this point; not memory accesses, counted for the cost model. */
public record VmcsCount(int reads, int writes, Trivia trivia, int line) implements Step {}
