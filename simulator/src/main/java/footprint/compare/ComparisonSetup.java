package footprint.compare;

import footprint.layout.StructLayout;
import footprint.sim.ExitProgram;
import footprint.sim.ExitSequence;
import footprint.sim.GuestModel;
import footprint.sim.GuestPattern;
import footprint.sim.Placement;
import java.util.List;
import java.util.Map;

/**
 * Inputs of a comparison: the trace bound to both layouts, the exit sequence, the models,
 * and the knobs (replicates and exits per replicate, seed, placement, guest, guest sweep
 * sizes, number of placements).
 * {@code structsBefore}/{@code structsAfter} map the trace's struct types to their layouts on
 * each side, for the density maps.
 */
public record ComparisonSetup(ExitProgram before, ExitProgram after, ExitSequence sequence,
        List<ModelUnderTest> models, int replicates, int exits, long seed, Placement placement, GuestModel guest,
        List<Long> guestSweep, int guestAccesses, GuestPattern guestPattern, int placements,
        Map<String, StructLayout> structsBefore, Map<String, StructLayout> structsAfter) {}
