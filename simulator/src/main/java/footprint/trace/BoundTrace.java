package footprint.trace;

import java.util.List;

/** A trace resolved against one set of layouts: every access is an (object, offset, size). */
public final class BoundTrace {
    private final Trace source;
    private final List<BoundObject> objects;
    private final List<BoundExit> exits;
    private final ExitStream stream;

    BoundTrace(Trace source, List<BoundObject> objects, List<BoundExit> exits, ExitStream stream) {
        this.source = source;
        this.objects = List.copyOf(objects);
        this.exits = List.copyOf(exits);
        this.stream = stream;
    }

    /** The objects in declaration order; {@link BoundExit#object(int)} indexes this list. */
    public List<BoundObject> objects() {
        return objects;
    }

    /** The exits in file order; {@link ExitStream} yields indices into this list. */
    public List<BoundExit> exits() {
        return exits;
    }

    /** The index of the object of this name in {@link #objects()}, or -1. */
    public int objectIndex(String name) {
        for (int i = 0; i < objects.size(); i++) {
            if (objects.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the exit of this name, or -1. */
    public int exitIndex(String name) {
        for (int i = 0; i < exits.size(); i++) {
            if (exits.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public ExitStream stream() {
        return stream;
    }

    public Trace source() {
        return source;
    }
}
