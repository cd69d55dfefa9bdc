package footprint.compare;

import footprint.sim.ExitProgram;
import footprint.sim.ExitSequence;
import footprint.sim.GuestModel;
import footprint.sim.GuestPattern;
import footprint.sim.Placement;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Inputs of a comparison: the trace bound to both layouts, the exit sequence, the models,
 * and the knobs (exits, seed, placement, guest, guest sweep sizes, number of placements).
 * {@code memberBytes} maps a struct type to the bytes its members cover, per side, so
 * density maps can tell holes from unaccessed members.
 */
public record ComparisonSetup(ExitProgram before, ExitProgram after, ExitSequence sequence,
        List<ModelUnderTest> models, int exits, long seed, Placement placement, GuestModel guest,
        List<Long> guestSweep, int guestAccesses, GuestPattern guestPattern, int placements,
        Map<String, BitSet> memberBytesBefore, Map<String, BitSet> memberBytesAfter) {}
