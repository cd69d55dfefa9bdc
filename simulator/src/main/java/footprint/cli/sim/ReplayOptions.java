package footprint.cli.sim;

import footprint.input.InputException;
import footprint.model.CpuModels;
import footprint.sim.GuestModel;
import footprint.sim.GuestPattern;
import footprint.sim.GuestTraces;
import footprint.sim.Placement;
import footprint.sim.PlacementKind;
import footprint.units.ByteSize;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/** Options shared by {@code simulate} and {@code compare}: trace, models, exits, seed, placement and the guest. */
public final class ReplayOptions {
    @Option(names = "--trace", required = true, paramLabel = "FILE", description = "Exit trace (traces/README.md).")
    Path trace;

    @Option(names = "--models", paramLabel = "DIR", description = "Folder of CPU model files (default: the bundled models/cpu).")
    Path modelsDir;

    @Option(names = "--exits", paramLabel = "N",
            description = "Exits to replay in all, split evenly over the replicates (default: simulate the trace's stream count, compare 10000).")
    Integer exits;

    @Option(names = "--replicates", defaultValue = "10", paramLabel = "R",
            description = "Independent replicates, each with its own seed for the exit order, the guest's addresses, the "
                + "placement draw and random replacement, derived from --seed; intervals and p-values are over the "
                + "replicates (default ${DEFAULT-VALUE}; at least 2).")
    int replicates;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed from which each replicate's seed (exit mix, placement, guest, random replacement) is drawn (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--placement", defaultValue = "slab", paramLabel = "KIND",
            description = "Object placement: page, slab, random (seeded) or explicit (default ${DEFAULT-VALUE}).")
    String placement;

    @Option(names = "--base", paramLabel = "OBJ=ADDR", description = "Base address of an object (hex 0x... or decimal); repeatable.")
    Map<String, String> bases = new TreeMap<>();

    @Option(names = "--guest", paramLabel = "none", description = "'none': the guest touches no memory between exits.")
    String guest;

    @Option(names = "--guest-ws", paramLabel = "SIZE", description = "Synthetic guest working set, e.g. 24k, 1M (default: simulate none, compare 32k).")
    String guestWorkingSet;

    /** Guest accesses between two exits unless --guest-accesses says otherwise. */
    static final int DEFAULT_GUEST_ACCESSES = 500;

    @Option(names = "--guest-accesses", defaultValue = "" + DEFAULT_GUEST_ACCESSES, paramLabel = "N",
            description = "Guest accesses between two exits (default ${DEFAULT-VALUE}).")
    int guestAccesses;

    @Option(names = "--guest-pattern", defaultValue = "uniform", paramLabel = "P",
            description = "Synthetic guest pattern: uniform, sweep or zipf (default ${DEFAULT-VALUE}).")
    String guestPattern;

    @Option(names = "--guest-trace", paramLabel = "FILE",
            description = "Recorded guest address stream (Dinero din, valgrind lackey or 'R|W ADDR SIZE'), replayed in a loop, "
                    + "one line per access record. It is checked in full first; up to 4Mi accesses (36 MiB) are held in "
                    + "memory, a longer one is read again from the file on every pass (memory stays flat, the replay is slower).")
    Path guestTrace;

    /** The folder whose CPU model files the run reads: {@code --models DIR} or the bundled one. */
    Path modelsDirectory() {
        return modelsDir != null ? modelsDir : CpuModels.defaultDirectory();
    }

    /** The number of replicates, at least two: one replicate has no spread to judge a difference by. */
    int replicates() {
        if (replicates < 2 || replicates > 10_000) {
            throw new InputException("--replicates must be between 2 and 10000, got " + replicates);
        }
        return replicates;
    }

    int exitsOr(long fallback) {
        long n = exits != null ? exits : fallback;
        if (n <= 0 || n > Integer.MAX_VALUE) {
            throw new InputException("--exits must be between 1 and " + Integer.MAX_VALUE + ", got " + n);
        }
        return (int) n;
    }

    Placement placement() {
        PlacementKind kind = parseEnum(PlacementKind.class, "--placement", placement);
        Map<String, Long> explicit = new TreeMap<>();
        bases.forEach((name, value) -> explicit.put(name, parseAddress(name, value)));
        return new Placement(kind, explicit);
    }

    GuestPattern pattern() {
        return parseEnum(GuestPattern.class, "--guest-pattern", guestPattern);
    }

    /** The guest the options describe; {@code defaultWorkingSet} applies when neither --guest nor --guest-ws nor --guest-trace is given. */
    GuestModel guest(String defaultWorkingSet) {
        if (guestAccesses < 0) {
            throw new InputException("--guest-accesses must be >= 0, got " + guestAccesses);
        }
        if (guest != null && !guest.equals("none")) {
            throw new InputException("--guest takes only 'none' (use --guest-ws or --guest-trace for a guest), got '" + guest + "'");
        }
        if (guest != null && (guestWorkingSet != null || guestTrace != null)) {
            throw new InputException("--guest none contradicts --guest-ws/--guest-trace");
        }
        if (guestTrace != null) {
            if (guestWorkingSet != null) {
                throw new InputException("give either --guest-ws or --guest-trace, not both");
            }
            return GuestModel.recorded(GuestTraces.load(guestTrace), guestAccesses);
        }
        if (guest != null) {
            return GuestModel.NONE;
        }
        String ws = guestWorkingSet != null ? guestWorkingSet : defaultWorkingSet;
        return GuestModel.synthetic(size("--guest-ws", ws), guestAccesses, pattern());
    }

    static long size(String option, String text) {
        try {
            return ByteSize.parse(text).bytes();
        } catch (IllegalArgumentException e) {
            throw new InputException(option + ": " + e.getMessage());
        }
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String option, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        throw new InputException(option + ": unknown value '" + value + "' (valid: " + String.join(", ",
                java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList()) + ")");
    }

    private static long parseAddress(String name, String value) {
        try {
            String v = value.trim().toLowerCase(Locale.ROOT);
            long a = v.startsWith("0x") ? Long.parseUnsignedLong(v.substring(2), 16) : Long.parseLong(v);
            if (a < 0) {
                throw new NumberFormatException();
            }
            return a;
        } catch (NumberFormatException e) {
            throw new InputException("--base " + name + "=" + value + ": not an address (e.g. 0x100000040)");
        }
    }
}
