package footprint.trace;

/** An object of a bound trace: its struct type (null for a raw block), size and alignment in bytes. */
public record BoundObject(String name, String structType, long size, long align) {}
