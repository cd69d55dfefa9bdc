package footprint.sim;

import footprint.model.CpuModel;
import footprint.model.LevelModel;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What turns misses into cycles for one CPU model: the level names, the memory-level
 * parallelism that divides stall cycles, and the base cost of each exit's round trip.
 */
public record CostModel(String modelId, List<String> levelNames, double memoryLevelParallelism,
        Map<String, Long> baseCycles) {
    public CostModel {
        levelNames = List.copyOf(levelNames);
        baseCycles = new TreeMap<>(baseCycles);
        if (!(memoryLevelParallelism >= 1)) {
            throw new IllegalArgumentException("memory-level parallelism must be >= 1: " + memoryLevelParallelism);
        }
    }

    /** The cost model of a CPU model for the given exits (each its own base cost, else the model's default). */
    public static CostModel of(CpuModel model, List<String> exitNames) {
        Map<String, Long> base = new TreeMap<>();
        exitNames.forEach(e -> base.put(e, model.exitBaseCycles(e)));
        return new CostModel(model.id(), model.levels().stream().map(LevelModel::name).toList(),
                model.memoryLevelParallelism(), base);
    }

    public long baseCycles(String exitName) {
        Long c = baseCycles.get(exitName);
        if (c == null) {
            throw new IllegalArgumentException("no base cost for exit " + exitName + " in model " + modelId);
        }
        return c;
    }
}
