package footprint.compare;

import footprint.sim.ExitProgram;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which hot fields got other line-mates between the layouts (moved, or joined by others),
 * and which lines each side touches only because of a single field. Lines are counted from the
 * start of the object, which is where a line starts for objects aligned to a line or more.
 */
public final class FieldAttribution {
    private FieldAttribution() {}

    /** A hot field of one object on one side: its first byte, its size, the exits that access it. */
    private record Hot(long offset, int size, Set<String> exits) {}

    /**
     * Hot fields whose line-mates changed: a field that moved to another line together with
     * all its neighbours (a shift of the whole group) is not listed, since no exit touches a
     * different set of lines because of it.
     */
    public static List<FieldMove> moves(ExitProgram before, ExitProgram after, int lineSize) {
        List<FieldMove> out = new ArrayList<>();
        for (int o = 0; o < before.objects().size(); o++) {
            if (before.objects().get(o).structType() == null) {
                continue;
            }
            Map<String, Hot> a = hotFields(before, o);
            Map<String, Hot> b = hotFields(after, o);
            for (Map.Entry<String, Hot> e : a.entrySet()) {
                Hot hb = b.get(e.getKey());
                if (hb == null) {
                    continue;
                }
                long lineA = e.getValue().offset() / lineSize;
                long lineB = hb.offset() / lineSize;
                List<String> matesBefore = mates(a, e.getKey(), lineA, lineSize);
                List<String> matesAfter = mates(b, e.getKey(), lineB, lineSize);
                if (!matesBefore.equals(matesAfter)) {
                    out.add(new FieldMove(before.objects().get(o).name(), e.getKey(), e.getValue().offset(), hb.offset(),
                            lineA, lineB, List.copyOf(new TreeSet<>(e.getValue().exits())), matesBefore, matesAfter));
                }
            }
        }
        return out;
    }

    /** The other hot fields that cover {@code line}, in path order. */
    private static List<String> mates(Map<String, Hot> hot, String self, long line, int lineSize) {
        List<String> out = new ArrayList<>();
        hot.forEach((path, h) -> {
            if (!path.equals(self) && covers(h, line, lineSize)) {
                out.add(path);
            }
        });
        return out;
    }

    public static List<SoleFieldLine> soleLines(String side, ExitProgram program, int lineSize) {
        List<SoleFieldLine> out = new ArrayList<>();
        for (int o = 0; o < program.objects().size(); o++) {
            if (program.objects().get(o).structType() == null) {
                continue;
            }
            Map<String, Hot> hot = hotFields(program, o);
            Map<Long, List<String>> byLine = new TreeMap<>();
            hot.forEach((path, h) -> {
                for (long l = h.offset() / lineSize; l <= (h.offset() + h.size() - 1) / lineSize; l++) {
                    byLine.computeIfAbsent(l, k -> new ArrayList<>()).add(path);
                }
            });
            for (Map.Entry<Long, List<String>> e : byLine.entrySet()) {
                if (e.getValue().size() == 1) {
                    String path = e.getValue().get(0);
                    out.add(new SoleFieldLine(side, program.objects().get(o).name(), e.getKey(), path,
                            List.copyOf(new TreeSet<>(hot.get(path).exits()))));
                }
            }
        }
        return out;
    }

    private static boolean covers(Hot h, long line, int lineSize) {
        return h.offset() / lineSize <= line && line <= (h.offset() + h.size() - 1) / lineSize;
    }

    /** Hot fields of object {@code o}, keyed by trace path, in path order. */
    private static Map<String, Hot> hotFields(ExitProgram program, int o) {
        Map<String, Hot> hot = new TreeMap<>();
        for (int e = 0; e < program.exitCount(); e++) {
            for (int i = program.firstAccess(e); i < program.endAccess(e); i++) {
                if (program.object(i) != o) {
                    continue;
                }
                String exit = program.exitName(e);
                Hot h = hot.get(program.path(i));
                if (h == null) {
                    hot.put(program.path(i), new Hot(program.offset(i), program.size(i), new TreeSet<>(Set.of(exit))));
                } else {
                    h.exits().add(exit);
                    if (program.size(i) > h.size() && program.offset(i) == h.offset()) {
                        hot.put(program.path(i), new Hot(h.offset(), program.size(i), h.exits()));
                    }
                }
            }
        }
        return hot;
    }
}
