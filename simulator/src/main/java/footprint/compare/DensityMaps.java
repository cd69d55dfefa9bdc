package footprint.compare;

import footprint.layout.DensityChart;
import footprint.layout.StructLayout;
import footprint.sim.ExitProgram;
import footprint.sim.LineFootprint;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/** Builds the density maps of a side's struct objects, with the bytes any exit accesses as the hot overlay. */
public final class DensityMaps {
    private DensityMaps() {}

    /**
     * One map per struct object of the program, drawn by {@link DensityChart} from the layout in
     * {@code structs} (by type name); a type missing there is drawn as one member ({@code a}/{@code A}).
     */
    public static List<DensityMap> of(String side, ExitProgram program, Map<String, StructLayout> structs) {
        List<DensityMap> out = new ArrayList<>();
        for (int o = 0; o < program.objects().size(); o++) {
            ExitProgram.ProgramObject obj = program.objects().get(o);
            if (obj.structType() == null) {
                continue;
            }
            BitSet hot = new BitSet();
            for (int e = 0; e < program.exitCount(); e++) {
                hot.or(LineFootprint.hotBytes(program, e, o));
            }
            StructLayout layout = structs.get(obj.structType());
            StringBuilder sb = new StringBuilder((int) obj.size());
            if (layout != null) {
                DensityChart.rows(layout, false, hot).forEach(r -> sb.append(r.cells()));
            } else {
                for (int i = 0; i < obj.size(); i++) {
                    sb.append(hot.get(i) ? 'A' : 'a');
                }
            }
            out.add(new DensityMap(side, obj.name(), obj.structType(), obj.size(), 64, sb.toString()));
        }
        return out;
    }
}
