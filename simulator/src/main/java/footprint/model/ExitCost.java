package footprint.model;

/** The base cycles of one VM-exit round trip (exit, handler's non-memory work, entry) and their source. */
public record ExitCost(long cycles, Provenance provenance) {}
