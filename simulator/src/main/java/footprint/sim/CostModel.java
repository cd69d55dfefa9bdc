package footprint.sim;

import footprint.model.CpuModel;
import footprint.model.ExitCost;
import footprint.model.LevelModel;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What turns misses into cycles for one CPU model: the level names, the memory-level
 * parallelism that divides stall cycles, and the base cost of each exit's round trip with the
 * basis of that number (published, derived, unverified, guessed; absent for hand-made models),
 * which reports print next to the share of the exit a layout change is worth.
 */
public record CostModel(String modelId, List<String> levelNames, double memoryLevelParallelism,
        Map<String, Long> baseCycles, Map<String, String> baseBasis) {
    public CostModel {
        levelNames = List.copyOf(levelNames);
        baseCycles = new TreeMap<>(baseCycles);
        baseBasis = new TreeMap<>(baseBasis);
        if (!(memoryLevelParallelism >= 1)) {
            throw new IllegalArgumentException("memory-level parallelism must be >= 1: " + memoryLevelParallelism);
        }
    }

    /** The cost model of a CPU model for the given exits (each its own base cost, else the model's default). */
    public static CostModel of(CpuModel model, List<String> exitNames) {
        Map<String, Long> base = new TreeMap<>();
        Map<String, String> basis = new TreeMap<>();
        for (String e : exitNames) {
            ExitCost cost = model.exitCost(e);
            base.put(e, cost.cycles());
            basis.put(e, cost.provenance().basis().word());
        }
        return new CostModel(model.id(), model.levels().stream().map(LevelModel::name).toList(),
                model.memoryLevelParallelism(), base, basis);
    }

    public long baseCycles(String exitName) {
        Long c = baseCycles.get(exitName);
        if (c == null) {
            throw new IllegalArgumentException("no base cost for exit " + exitName + " in model " + modelId);
        }
        return c;
    }
}
