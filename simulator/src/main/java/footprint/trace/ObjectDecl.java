package footprint.trace;

/**
 * An object instance the accesses name: a struct (or union) whose layout comes from pahole, or a
 * raw block of {@code rawSize} bytes without a layout. {@code align} is 0 when the file gives
 * none (the struct's own alignment, 8 for raw blocks).
 */
public record ObjectDecl(String name, String structType, long rawSize, long align, Trivia trivia, int line)
        implements TraceItem {

    public boolean isRaw() {
        return structType == null;
    }
}
