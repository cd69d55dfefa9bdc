package footprint.address;

import java.util.Locale;

/** The raw address-trace formats {@link AddressStreams} reads. */
public enum AddressFormat {
    /**
     * Dinero "din": {@code LABEL ADDRESS [SIZE]} per line, address in hex (a leading 0x is
     * accepted); label 0 = read, 1 = write, 2 = instruction fetch (skipped: data caches only),
     * 3 = unknown access (read), 4 = flush the cache. The rest of the line is a comment, except
     * that a decimal third field is taken as the access size; without one an access is 1 byte.
     */
    DIN,
    /**
     * valgrind {@code --tool=lackey --trace-mem=yes}: {@code " L ADDR,SIZE"} (load),
     * {@code " S ..."} (store), {@code " M ..."} (modify: one access that dirties the line, so
     * counted as a write, like an RW in an exit trace; cachegrind counts it as a read, which
     * changes the read/write split but not the misses), {@code "I  ..."} instruction fetches
     * (skipped); {@code ==PID==} message lines skipped.
     */
    LACKEY,
    /** {@code R|W ADDRESS SIZE}, address in hex (0x optional), size in decimal; {@code #} starts a comment. */
    PLAIN;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
