package footprint.layout;

/**
 * The numbers pahole printed in a struct's closing summary comments, kept to check them against the
 * tool's own count; a value pahole did not print is -1 (pahole omits zero holes, padding, ...).
 */
public record PaholeSummary(
        long size,
        long cachelines,
        long members,
        long sumMembers,
        long holes,
        long sumHoles,
        long sumBitfieldBits,
        long bitHoles,
        long sumBitHoles,
        long padding,
        long bitPadding,
        long lastCacheline,
        int line) {
}
