package footprint.optimize;

import java.util.List;

/**
 * What {@code footprint optimize} found: the proposed member orders of the target structs, what
 * they do to the touched lines of the trace objects that hold them (per exit and over the stream,
 * each exit weighted by its share, every object on a line boundary as {@code trace stats}
 * assumes), the constraints the proposal keeps, how many members it moves, the front of lines
 * saved against members moved when asked, and the lines where another CPU's writes meet the hot
 * path's.
 */
public record OptimizeReport(String trace, List<StructChange> structs, List<ObjectSize> objects,
        double linesBefore, double linesAfter, double idealLines, List<ExitLines> exits, int moved,
        Integer maxMoves, List<Respected> constraints, List<FrontPoint> front, double unconstrainedLines,
        List<SharedLine> sharing) {

    public OptimizeReport {
        structs = List.copyOf(structs);
        objects = List.copyOf(objects);
        exits = List.copyOf(exits);
        constraints = List.copyOf(constraints);
        front = List.copyOf(front);
        sharing = List.copyOf(sharing);
    }

    /**
     * One target struct: sizes, members moved (and which), the proposed order, the members the
     * trace touches, and of those the ones the order packs together: small or mostly touched ones,
     * not a large member of which an exit touches a few bytes (a nested struct, an array), which
     * sits next to the packed ones.
     */
    public record StructChange(String struct, long sizeBefore, long sizeAfter, int moved, List<String> movedMembers,
            List<String> order, List<String> hot, List<String> packed) {
        public StructChange {
            movedMembers = List.copyOf(movedMembers);
            order = List.copyOf(order);
            hot = List.copyOf(hot);
            packed = List.copyOf(packed);
        }
    }

    /** A trace object that holds a target: its type's size before and after. */
    public record ObjectSize(String object, String type, long sizeBefore, long sizeAfter) {}

    /** One exit: its share of the stream and the lines it touches in the objects holding a target. */
    public record ExitLines(String exit, double weight, long linesBefore, long linesAfter, long idealLines) {}

    /** A constraint the proposal keeps, as a constraints file writes it, and where it comes from. */
    public record Respected(String rule, String origin) {}

    /** A point of the churn front: members moved, the stream's weighted lines, share of the full saving. */
    public record FrontPoint(int moved, double lines, double savedShare) {}

    /**
     * A line of an object that the owner's exits write and that holds a field another CPU writes
     * while this vCPU runs ({@code remote}: those fields, {@code local}: the owner's written fields).
     */
    public record SharedLine(String object, long line, List<String> remote, List<String> local, boolean before) {
        public SharedLine {
            remote = List.copyOf(remote);
            local = List.copyOf(local);
        }
    }
}
