package footprint.sim;

import footprint.trace.BoundExit;
import footprint.trace.BoundObject;
import footprint.trace.BoundTrace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A trace bound to one layout, flattened for replay: objects with size and alignment, and for
 * every exit its accesses as parallel primitive arrays (object, offset, size, write) with the
 * field path of each.
 */
public final class ExitProgram {
    /** One placed instance: a struct (type set) or a raw block (type null). */
    public record ProgramObject(String name, String structType, long size, long align) {}

    private final List<ProgramObject> objects;
    private final String[] exitNames;
    private final boolean[] fastpath;
    private final int[] start;
    private final int[] object;
    private final long[] offset;
    private final int[] size;
    private final boolean[] write;
    private final String[] path;

    private ExitProgram(Builder b) {
        this.objects = List.copyOf(b.objects);
        int exits = b.exitNames.size();
        this.exitNames = b.exitNames.toArray(new String[0]);
        this.fastpath = new boolean[exits];
        for (int e = 0; e < exits; e++) {
            fastpath[e] = b.fastpath.get(e);
        }
        this.start = b.starts.stream().mapToInt(Integer::intValue).toArray();
        int n = b.accObject.size();
        this.object = new int[n];
        this.offset = new long[n];
        this.size = new int[n];
        this.write = new boolean[n];
        this.path = b.accPath.toArray(new String[0]);
        for (int i = 0; i < n; i++) {
            object[i] = b.accObject.get(i);
            offset[i] = b.accOffset.get(i);
            size[i] = b.accSize.get(i);
            write[i] = b.accWrite.get(i);
        }
    }

    /** Flattens a trace bound to a layout. */
    public static ExitProgram of(BoundTrace bound) {
        Builder b = builder();
        for (BoundObject o : bound.objects()) {
            b.object(o.name(), o.structType(), o.size(), o.align());
        }
        for (BoundExit e : bound.exits()) {
            b.exit(e.name(), e.fastpath());
            for (int i = 0; i < e.accessCount(); i++) {
                b.access(e.object(i), e.offset(i), e.size(i), e.isWrite(i), e.path(i));
            }
        }
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<ProgramObject> objects() {
        return objects;
    }

    public int exitCount() {
        return exitNames.length;
    }

    public String exitName(int exit) {
        return exitNames[exit];
    }

    public boolean fastpath(int exit) {
        return fastpath[exit];
    }

    /** Index of the exit's first access in the flat access arrays. */
    public int firstAccess(int exit) {
        return start[exit];
    }

    /** One past the index of the exit's last access. */
    public int endAccess(int exit) {
        return start[exit + 1];
    }

    public int object(int access) {
        return object[access];
    }

    public long offset(int access) {
        return offset[access];
    }

    public int size(int access) {
        return size[access];
    }

    public boolean isWrite(int access) {
        return write[access];
    }

    public String path(int access) {
        return path[access];
    }

    /** Collects objects, then exits with their accesses in order. */
    public static final class Builder {
        private final List<ProgramObject> objects = new ArrayList<>();
        private final List<String> exitNames = new ArrayList<>();
        private final List<Boolean> fastpath = new ArrayList<>();
        private final List<Integer> starts = new ArrayList<>(List.of(0));
        private final List<Integer> accObject = new ArrayList<>();
        private final List<Long> accOffset = new ArrayList<>();
        private final List<Integer> accSize = new ArrayList<>();
        private final List<Boolean> accWrite = new ArrayList<>();
        private final List<String> accPath = new ArrayList<>();
        private boolean inExit;

        private Builder() {}

        public Builder object(String name, String structType, long size, long align) {
            objects.add(new ProgramObject(name, structType, size, align));
            return this;
        }

        public Builder exit(String name, boolean isFastpath) {
            closeExit();
            exitNames.add(name);
            fastpath.add(isFastpath);
            inExit = true;
            return this;
        }

        /** One access of the current exit; {@code fieldPath} names it in attribution ("vmx.vcpu.arch.regs[2]"). */
        public Builder access(int obj, long off, int bytes, boolean isWrite, String fieldPath) {
            if (!inExit) {
                throw new IllegalStateException("access before the first exit");
            }
            if (obj < 0 || obj >= objects.size()) {
                throw new IllegalArgumentException("no object " + obj);
            }
            accObject.add(obj);
            accOffset.add(off);
            accSize.add(bytes);
            accWrite.add(isWrite);
            accPath.add(fieldPath);
            return this;
        }

        private void closeExit() {
            if (inExit) {
                starts.add(accObject.size());
                inExit = false;
            }
        }

        public ExitProgram build() {
            closeExit();
            return new ExitProgram(this);
        }
    }
}
