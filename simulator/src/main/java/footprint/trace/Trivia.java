package footprint.trace;

import java.util.List;

/**
 * The comments and blank lines a trace line carries: full-line comments and blank lines before
 * it ({@code ""} stands for a blank line, comments keep their {@code #}) and the text of a
 * trailing {@code #} comment after its tokens (null when there is none).
 */
public record Trivia(List<String> before, String trailing) {
    public static final Trivia NONE = new Trivia(List.of(), null);

    public Trivia {
        before = List.copyOf(before);
    }

    public static Trivia trailing(String comment) {
        return new Trivia(List.of(), comment);
    }
}
