package footprint.sim;

/** Order in which a synthetic guest touches the lines of its working set. */
public enum GuestPattern {
    /** Each access a line drawn uniformly from the working set. */
    UNIFORM,
    /** Lines in address order, wrapping around: a streaming loop over the working set. */
    SWEEP,
    /** Lines drawn with Zipf(1.0) popularity, hot lines scattered over the working set. */
    ZIPF
}
