package footprint.compare;

import java.util.List;

/**
 * A hot field whose line-mates (the other hot fields on its cacheline) differ between the
 * layouts: its line before and after (counted from the object's start), the exits that access
 * it, and its line-mates on each side.
 */
public record FieldMove(String object, String field, long offsetBefore, long offsetAfter, long lineBefore,
        long lineAfter, List<String> exits, List<String> sharedLineBeforeWith, List<String> sharesLineAfterWith) {}
