package footprint.layout;

/** How the layout engine learned a member's alignment; only {@link #INFERRED} is a guess. */
public enum AlignmentSource {
    /** An {@code __attribute__((__aligned__(N)))} printed on the member. */
    ATTRIBUTE,
    /** The member's type is expanded inline (pahole -E, or an anonymous struct/union). */
    EXPANDED,
    /** The member's struct/union type is defined at top level elsewhere in the loaded dumps. */
    DEFINITION,
    /** A C scalar, pointer, enum or fixed-width kernel integer typedef: the System V ABI fixes it. */
    NATURAL,
    /** Nothing in the dump reveals it: guessed from the member's size and observed offset. */
    INFERRED;

    /** Lower-case word used in text and JSON output. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
