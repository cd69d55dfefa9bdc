package footprint.optimize;

import java.util.List;

/**
 * What {@code footprint optimize} found: the proposed member order of one struct, how it was
 * grouped, and what it does to the touched lines of the objects that hold the struct, per exit and
 * over the stream (each exit weighted by its share of the stream), with every object assumed to
 * start on a cacheline boundary as {@code trace stats} assumes.
 */
public record OptimizeReport(String trace, String struct, long sizeBefore, long sizeAfter, List<ObjectSize> objects,
        double linesBefore, double linesAfter, double idealLines, List<ExitLines> exits, List<HotOrder.Group> groups,
        List<String> cold, List<String> order) {

    public OptimizeReport {
        objects = List.copyOf(objects);
        exits = List.copyOf(exits);
        groups = List.copyOf(groups);
        cold = List.copyOf(cold);
        order = List.copyOf(order);
    }

    /** A trace object that holds the struct: its type's size before and after the re-layout. */
    public record ObjectSize(String object, String type, long sizeBefore, long sizeAfter) {}

    /** One exit: its share of the stream and the lines of the objects holding the struct it touches. */
    public record ExitLines(String exit, double weight, long linesBefore, long linesAfter, long idealLines) {}
}
