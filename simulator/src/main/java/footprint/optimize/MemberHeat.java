package footprint.optimize;

import footprint.layout.LayoutSet;
import footprint.layout.Member;
import footprint.layout.StructInstances;
import footprint.layout.StructLayout;
import footprint.trace.BoundExit;
import footprint.trace.BoundObject;
import footprint.trace.BoundTrace;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Which exits touch which top-level member of one struct: every access of a bound trace that lands
 * inside an instance of the struct (a top-level object of that type, or one nested in an object,
 * such as {@code vmx.vcpu.arch} for {@code kvm_vcpu_arch}) counts for each top-level member whose
 * bytes it overlaps. Exits of weight 0 in the stream touch nothing.
 */
public final class MemberHeat {
    /** The members in their current order, and the trace objects holding an instance of the struct. */
    public record Result(List<HotMember> members, List<String> objects) {}

    private MemberHeat() {}

    /** The heat of {@code target}'s members under {@code bound}, whose objects are laid out by {@code set}. */
    public static Result of(BoundTrace bound, LayoutSet set, StructLayout target, double[] weights) {
        List<Member> members = orderable(target);
        BitSet[] touchedBy = new BitSet[members.size()];
        for (int m = 0; m < touchedBy.length; m++) {
            touchedBy[m] = new BitSet();
        }
        List<List<Span>> instances = new ArrayList<>();
        List<String> objects = new ArrayList<>();
        for (BoundObject o : bound.objects()) {
            StructLayout layout = o.structType() == null ? null : set.find(o.structType()).orElse(null);
            List<Span> spans = new ArrayList<>();
            if (layout != null) {
                for (StructInstances.Instance in : StructInstances.of(set, layout, target.name())) {
                    spans.add(Span.of(in, members));
                }
            }
            instances.add(spans);
            if (!spans.isEmpty()) {
                objects.add(o.name());
            }
        }
        List<BoundExit> exits = bound.exits();
        for (int x = 0; x < exits.size(); x++) {
            if (weights[x] <= 0) {
                continue;
            }
            BoundExit e = exits.get(x);
            for (int i = 0; i < e.accessCount(); i++) {
                for (Span in : instances.get(e.object(i))) {
                    long start = e.offset(i) - in.base;
                    long end = start + e.size(i);
                    for (int m = 0; m < members.size(); m++) {
                        if (in.start[m] < end && start < in.end[m]) {
                            touchedBy[m].set(x);
                        }
                    }
                }
            }
        }
        List<HotMember> out = new ArrayList<>();
        for (int m = 0; m < members.size(); m++) {
            Member mem = members.get(m);
            List<Integer> by = touchedBy[m].stream().boxed().toList();
            double heat = by.stream().mapToDouble(x -> weights[x]).sum();
            out.add(new HotMember(mem.name(), m, mem.alignment(), mem.size(), by, heat));
        }
        return new Result(out, objects);
    }

    /** One instance: its offset in the object and, per member, the bytes it covers there. */
    private record Span(long base, long[] start, long[] end) {
        static Span of(StructInstances.Instance in, List<Member> members) {
            long[] start = new long[members.size()];
            long[] end = new long[members.size()];
            for (int m = 0; m < members.size(); m++) {
                Member there = in.layout().member(members.get(m).name()).orElse(members.get(m));
                start[m] = there.offset();
                end[m] = there.offset() + there.size();
            }
            return new Span(in.offset(), start, end);
        }
    }

    /** The members an order file lists: all but unnamed bitfields, which stay with the member after them. */
    static List<Member> orderable(StructLayout s) {
        return s.members().stream().filter(m -> !(m.bitfield() && m.name().isEmpty())).toList();
    }
}
