package footprint.layout;

/**
 * The bytes a field path names: offset and size relative to the start of the struct the path was
 * resolved in; a bitfield resolves to its storage unit.
 */
public record FieldRef(String path, long offset, long size, String type) {
}
