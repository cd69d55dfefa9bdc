package footprint.model;

import footprint.cache.CacheHierarchy;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One microarchitecture as the simulator sees it: its data-cache levels, memory latency, a
 * memory-level-parallelism factor for stall estimates, prefetcher switches, and the base cost
 * of a VM-exit round trip per exit name. {@code provenance} maps each field path (as written in
 * the model file, e.g. {@code levels[0].latency}) to its source.
 */
public record CpuModel(String id, String name, String vendor, double clockGhz, List<LevelModel> levels,
                       int memoryLatencyCycles, double memoryLevelParallelism, Prefetchers prefetchers,
                       Map<String, ExitCost> exitBaseCycles, Map<String, Provenance> provenance, String file) {
    /** The exit name models use for exits they have no own number for. */
    public static final String DEFAULT_EXIT = "default";

    public CpuModel {
        levels = List.copyOf(levels);
        // Sorted, so listings and JSON are byte-identical from run to run.
        exitBaseCycles = Collections.unmodifiableSortedMap(new TreeMap<>(exitBaseCycles));
        provenance = Collections.unmodifiableSortedMap(new TreeMap<>(provenance));
        if (!exitBaseCycles.containsKey(DEFAULT_EXIT)) {
            throw new IllegalArgumentException("model " + id + " has no '" + DEFAULT_EXIT + "' exit cost");
        }
    }

    /** Base cycles of one exit round trip for {@code exitName}, else the model's "default" entry. */
    public long exitBaseCycles(String exitName) {
        return exitCost(exitName).cycles();
    }

    /** The cost entry used for {@code exitName} (its own, else "default"). */
    public ExitCost exitCost(String exitName) {
        ExitCost c = exitBaseCycles.get(exitName);
        return c != null ? c : exitBaseCycles.get(DEFAULT_EXIT);
    }

    /** The line size of every level (the loader checks that they agree). */
    public int lineSize() {
        return levels.get(0).geometry().lineSize();
    }

    /** The cache hierarchy this model describes, with its prefetcher switches; {@code seed} drives random replacement. */
    public CacheHierarchy cacheHierarchy(long seed) {
        CacheHierarchy.Builder b = CacheHierarchy.builder();
        for (LevelModel l : levels) {
            b.level(l.name(), l.geometry(), l.replacement(), l.inclusion(), l.latencyCycles());
        }
        return b.memoryLatency(memoryLatencyCycles)
                .nextLinePrefetch(prefetchers.nextLine())
                .adjacentLinePrefetch(prefetchers.adjacentPair())
                .build(seed);
    }

    /** The same model with other prefetcher switches (the command line can turn them on). */
    public CpuModel withPrefetchers(Prefetchers p) {
        return new CpuModel(id, name, vendor, clockGhz, levels, memoryLatencyCycles, memoryLevelParallelism, p,
                exitBaseCycles, provenance, file);
    }
}
