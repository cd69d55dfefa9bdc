package footprint.compare;

import footprint.sim.ExitProgram;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/** Builds the density maps of a side's struct objects with the bytes any exit accesses marked. */
public final class DensityMaps {
    private DensityMaps() {}

    /**
     * One map per struct object of the program; {@code memberBytes} (by struct type) tells
     * member bytes from holes; a type missing from it counts as all members.
     */
    public static List<DensityMap> of(String side, ExitProgram program, Map<String, BitSet> memberBytes, int lineSize) {
        List<DensityMap> out = new ArrayList<>();
        for (int o = 0; o < program.objects().size(); o++) {
            ExitProgram.ProgramObject obj = program.objects().get(o);
            if (obj.structType() == null) {
                continue;
            }
            BitSet hot = new BitSet();
            for (int e = 0; e < program.exitCount(); e++) {
                hot.or(footprint.sim.LineFootprint.hotBytes(program, e, o));
            }
            BitSet members = memberBytes.get(obj.structType());
            StringBuilder sb = new StringBuilder((int) obj.size());
            for (int i = 0; i < obj.size(); i++) {
                if (hot.get(i)) {
                    sb.append(DensityMap.HOT);
                } else if (members == null || members.get(i)) {
                    sb.append(DensityMap.MEMBER);
                } else {
                    sb.append(DensityMap.HOLE);
                }
            }
            out.add(new DensityMap(side, obj.name(), obj.structType(), obj.size(), lineSize, sb.toString()));
        }
        return out;
    }
}
