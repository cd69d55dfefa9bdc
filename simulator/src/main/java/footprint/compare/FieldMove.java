package footprint.compare;

import java.util.List;

/**
 * A hot field whose cacheline (relative to the object's start) differs between the layouts,
 * the exits that access it, and the other hot fields on its line after.
 */
public record FieldMove(String object, String field, long offsetBefore, long offsetAfter, long lineBefore,
        long lineAfter, List<String> exits, List<String> sharesLineAfterWith) {}
