package footprint.compare;

/** Touched lines of one object per exit before and after, and the ideal (the fewer of both sides' ideals). */
public record ObjectLines(String object, double before, double after, double ideal) {
    public double diff() {
        return after - before;
    }
}
