package footprint.layout;

import java.util.List;

/** A field path that does not name bytes of a struct; the message lists the nearest member names. */
public final class LayoutPathException extends RuntimeException {
    private final String typeName;
    private final String path;
    private final List<String> suggestions;

    public LayoutPathException(String typeName, String path, String detail, List<String> suggestions) {
        super(message(typeName, path, detail, suggestions));
        this.typeName = typeName;
        this.path = path;
        this.suggestions = List.copyOf(suggestions);
    }

    public String typeName() {
        return typeName;
    }

    public String path() {
        return path;
    }

    public List<String> suggestions() {
        return suggestions;
    }

    private static String message(String typeName, String path, String detail, List<String> suggestions) {
        String s = "'" + path + "' in struct " + typeName + ": " + detail;
        return suggestions.isEmpty() ? s : s + " (nearest: " + String.join(", ", suggestions) + ")";
    }
}
