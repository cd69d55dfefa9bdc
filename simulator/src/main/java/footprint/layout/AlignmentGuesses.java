package footprint.layout;

/**
 * What a struct's layout rests on that the dump did not print: {@code alignmentGuessed} when the
 * struct's alignment depends on an inferred member alignment; {@code packingInferred} when pahole
 * printed no {@code __packed__} but members sit at offsets only packing explains (DWARF does not
 * record the attribute); {@code alignmentFromSize} the struct alignment guessed from a size larger
 * than its members explain (0 if none).
 */
public record AlignmentGuesses(boolean alignmentGuessed, boolean packingInferred, int alignmentFromSize) {}
