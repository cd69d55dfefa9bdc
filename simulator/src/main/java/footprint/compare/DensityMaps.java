package footprint.compare;

import footprint.layout.DensityChart;
import footprint.layout.Member;
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
            List<DensityMap.MemberBytes> members = new ArrayList<>();
            if (layout != null) {
                DensityChart.rows(layout, false, hot).forEach(r -> sb.append(r.cells()));
                members = members(program, o, layout);
            } else {
                for (int i = 0; i < obj.size(); i++) {
                    sb.append(hot.get(i) ? 'A' : 'a');
                }
            }
            out.add(new DensityMap(side, obj.name(), obj.structType(), obj.size(), 64, sb.toString(), members));
        }
        return out;
    }

    /**
     * Every top-level member, and inside the nested structs the accessed members down to the
     * field (arrays whole), each with the exits that access it: enough to name what a hot byte is
     * without listing the thousands of cold fields of a large struct.
     */
    private static List<DensityMap.MemberBytes> members(ExitProgram program, int o, StructLayout layout) {
        List<BitSet> byExit = new ArrayList<>();
        for (int e = 0; e < program.exitCount(); e++) {
            byExit.add(LineFootprint.hotBytes(program, e, o));
        }
        List<DensityMap.MemberBytes> out = new ArrayList<>();
        walk(program, byExit, layout, 0, "", true, out);
        return out;
    }

    private static void walk(ExitProgram program, List<BitSet> byExit, StructLayout s, long base, String prefix,
            boolean topLevel, List<DensityMap.MemberBytes> out) {
        for (Member m : s.members()) {
            if (m.bitfield() && m.name().isEmpty()) {
                continue;
            }
            long from = base + m.startBit() / 8;
            long to = base + (m.endBit() + 7) / 8;
            List<String> exits = new ArrayList<>();
            for (int e = 0; e < byExit.size(); e++) {
                int hot = byExit.get(e).nextSetBit((int) from);
                if (to > from && hot >= 0 && hot < to) {
                    exits.add(program.exitName(e));
                }
            }
            String path = prefix + m.name();
            if (topLevel || !exits.isEmpty()) {
                out.add(new DensityMap.MemberBytes(path, from, to - from, exits));
            }
            if (m.nested() != null && !m.isArray() && !exits.isEmpty()) {
                walk(program, byExit, m.nested(), from, path + ".", false, out);
            }
        }
    }
}
