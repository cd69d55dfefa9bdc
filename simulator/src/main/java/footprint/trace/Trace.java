package footprint.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed field-access trace (format: {@code traces/README.md}): its top-level items in file
 * order, the comments before the version line ({@code header}) and after the last item
 * ({@code trailer}), and the file it came from (for error messages).
 */
public record Trace(String source, Trivia header, List<TraceItem> items, List<String> trailer) {
    public static final int VERSION = 1;

    public Trace {
        items = List.copyOf(items);
        trailer = List.copyOf(trailer);
    }

    public List<Meta> metas() {
        return itemsOf(Meta.class);
    }

    public List<ObjectDecl> objects() {
        return itemsOf(ObjectDecl.class);
    }

    public List<Segment> segments() {
        return itemsOf(Segment.class);
    }

    public List<ExitDef> exits() {
        return itemsOf(ExitDef.class);
    }

    public Optional<StreamDef> stream() {
        return items.stream().filter(StreamDef.class::isInstance).map(StreamDef.class::cast).findFirst();
    }

    public Optional<ObjectDecl> object(String name) {
        return objects().stream().filter(o -> o.name().equals(name)).findFirst();
    }

    public Optional<Segment> segment(String name) {
        return segments().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The accesses of an exit in program order, with the segments it uses spliced in. */
    public List<Access> accesses(ExitDef exit) {
        List<Access> out = new ArrayList<>();
        splice(exit.steps(), out);
        return out;
    }

    private void splice(List<Step> steps, List<Access> out) {
        for (Step s : steps) {
            if (s instanceof Access a) {
                out.add(a);
            } else if (s instanceof Use u) {
                splice(segment(u.segment()).orElseThrow().steps(), out);
            }
        }
    }

    private <T> List<T> itemsOf(Class<T> type) {
        return items.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
