package footprint.trace.verify;

/** The lines {@code [first, last]} of one definition of a function or function-like macro in a source file. */
record FunctionExtent(int first, int last, Kind kind) {

    enum Kind {
        /** a C function: definition line to the closing brace at column 0 */
        FUNCTION,
        /** {@code #define NAME(...)} and its continuation lines */
        MACRO,
        /** {@code SYM_FUNC_START(NAME)} to {@code SYM_FUNC_END(NAME)} in assembly */
        ASM
    }

    boolean contains(int line) {
        return line >= first && line <= last;
    }

    @Override
    public String toString() {
        return first == last ? "line " + first : "lines " + first + "-" + last;
    }
}
