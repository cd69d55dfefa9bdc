package footprint.sim;

/**
 * A recorded guest address stream, replayed from its first access in a loop between exits:
 * held in memory ({@link RecordedGuest}) or read from its file by each replay ({@link StreamedGuest}).
 */
public sealed interface GuestTrace permits RecordedGuest, StreamedGuest {
    /** Where the stream comes from, for reports: the file name. */
    String source();

    /** The accesses in one pass over the stream (one per access record). */
    long length();
}
