package footprint.trace;

/** Whether an access reads, writes, or reads and writes back the same bytes. */
public enum AccessOp {
    R, W, RW;

    public boolean reads() {
        return this != W;
    }

    public boolean writes() {
        return this != R;
    }
}
