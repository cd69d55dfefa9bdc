package footprint.layout;

/**
 * The settings of a struct that decide where the layout engine places its members: a union or a
 * struct, {@code __packed__}, and its {@code __aligned__} attribute (0 for none).
 */
public record LayoutRules(boolean union, boolean packed, int alignedAttribute) {}
