package footprint.sim;

import footprint.input.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Chooses a base address for every object of a program; explicit bases override the kind's
 * choice. The same kind, bases and seed always give the same addresses.
 */
public record Placement(PlacementKind kind, Map<String, Long> explicitBases) {
    /** Host objects live from 4 GiB up, away from the guest's working set. */
    static final long HOST_REGION = 1L << 32;
    /** Random placement draws pages from a 1 GiB window, so set-index bits above the page vary. */
    static final long RANDOM_PAGES = (1L << 30) / Placement.PAGE;
    static final long PAGE = 4096;
    /** SLUB's default slub_max_order (mm/slub.c): a slab is at most 8 pages. */
    static final int SLUB_MAX_ORDER = 3;
    /** SLUB aims for at least this many objects per slab before raising the order (mm/slub.c calculate_order, 2 CPUs). */
    static final int SLUB_MIN_OBJECTS = 4 * (2 + 1);

    public Placement {
        explicitBases = Map.copyOf(new TreeMap<>(explicitBases));
    }

    public static Placement of(PlacementKind kind) {
        return new Placement(kind, Map.of());
    }

    /** Base address of each object, in the program's object order. */
    public long[] place(List<ExitProgram.ProgramObject> objects, long seed) {
        for (String name : explicitBases.keySet()) {
            if (objects.stream().noneMatch(o -> o.name().equals(name))) {
                throw new InputException("--base " + name + ": no such object in the trace (objects: "
                        + String.join(", ", objects.stream().map(ExitProgram.ProgramObject::name).toList()) + ")");
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        long[] bases = new long[objects.size()];
        List<long[]> taken = new ArrayList<>();
        long next = HOST_REGION;
        for (int i = 0; i < objects.size(); i++) {
            ExitProgram.ProgramObject o = objects.get(i);
            long align = Math.max(1, o.align());
            long base;
            switch (kind) {
                case PAGE -> base = roundUp(next, align);
                case SLAB -> {
                    long slot = roundUp(Math.max(o.size(), 8), Math.max(align, 8));
                    long slabBytes = slabBytes(slot);
                    long perSlab = Math.max(1, slabBytes / slot);
                    base = roundUp(next, align) + slot * random.nextLong(perSlab);
                }
                case RANDOM -> base = randomBase(random, o.size(), align, taken);
                case EXPLICIT -> {
                    if (!explicitBases.containsKey(o.name())) {
                        throw new InputException("--placement explicit needs --base " + o.name() + "=ADDR");
                    }
                    base = 0;
                }
                default -> throw new IllegalStateException(kind.toString());
            }
            Long given = explicitBases.get(o.name());
            if (given != null) {
                base = given;
                if (Long.compareUnsigned(base, -o.size()) > 0) {
                    throw new InputException(String.format("--base %s=0x%x: the object's %d bytes run past the top of"
                            + " the 64-bit address space", o.name(), base, o.size()));
                }
            }
            bases[i] = base;
            taken.add(new long[] {base, base + o.size()});
            // Successive objects start on fresh pages (slab: a fresh slab), so they never overlap.
            next = roundUp(Math.max(next, base + o.size()), PAGE) + (kind == PlacementKind.SLAB ? slabBytes(o.size()) : 0);
            next = roundUp(next, PAGE);
        }
        return bases;
    }

    private static long randomBase(SplittableRandom random, long size, long align, List<long[]> taken) {
        long granule = Math.max(64, align);
        for (int attempt = 0; attempt <= 1000; attempt++) {
            long page = random.nextLong(RANDOM_PAGES);
            long offset = granule >= PAGE ? 0 : granule * random.nextLong(PAGE / granule);
            long base = roundUp(HOST_REGION + page * PAGE + offset, granule);
            boolean overlaps = false;
            for (long[] t : taken) {
                if (base < t[1] && t[0] < base + size) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                return base;
            }
        }
        throw new InputException("--placement random: no place for a " + size + "-byte object that overlaps no other"
                + " in the " + (RANDOM_PAGES * PAGE >> 20) + " MiB window; use --placement page or slab");
    }

    /** SLUB slab size for a slot: the smallest order up to SLUB_MAX_ORDER holding SLUB_MIN_OBJECTS. */
    static long slabBytes(long slot) {
        long bytes = PAGE;
        for (int order = 0; order < SLUB_MAX_ORDER && bytes / slot < SLUB_MIN_OBJECTS; order++) {
            bytes *= 2;
        }
        return Math.max(bytes, roundUp(slot, PAGE));
    }

    static long roundUp(long value, long to) {
        return (value + to - 1) / to * to;
    }
}
