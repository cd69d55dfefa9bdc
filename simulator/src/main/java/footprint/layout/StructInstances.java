package footprint.layout;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the instances of one struct type sit inside another: the struct itself, a nested member of
 * that type ({@code vcpu} of {@code vcpu_vmx} for {@code kvm_vcpu}), one inside a nested member
 * ({@code vcpu.arch} for {@code kvm_vcpu_arch}), or each element of an array of it. Pointers are
 * not followed: what they point to is another object.
 */
public final class StructInstances {
    /** One instance: its byte offset from the start of the enclosing struct, and its layout there. */
    public record Instance(long offset, StructLayout layout) {}

    private final LayoutSet set;
    private final String name;
    private final Map<StructLayout, Boolean> contains = new IdentityHashMap<>();

    private StructInstances(LayoutSet set, String name) {
        this.set = set;
        this.name = name;
    }

    /** Every instance of struct {@code name} inside {@code root} (root itself included), by offset. */
    public static List<Instance> of(LayoutSet set, StructLayout root, String name) {
        List<Instance> out = new ArrayList<>();
        new StructInstances(set, name).walk(root, 0, out);
        return out;
    }

    private void walk(StructLayout s, long base, List<Instance> out) {
        if (s.name().equals(name)) {
            out.add(new Instance(base, s));
            return;
        }
        if (!contains(s)) {
            return;
        }
        for (Member m : s.members()) {
            StructLayout t = typeOf(m);
            long count = m.elementCount();
            if (t == null || count == 0) {
                continue;
            }
            long stride = m.size() / count;
            for (long k = 0; k < count; k++) {
                walk(t, base + m.offset() + k * stride, out);
            }
        }
    }

    private boolean contains(StructLayout s) {
        Boolean known = contains.get(s);
        if (known != null) {
            return known;
        }
        contains.put(s, Boolean.FALSE); // a struct cannot contain itself; this also ends a cycle
        boolean found = s.name().equals(name);
        for (Member m : s.members()) {
            StructLayout t = typeOf(m);
            if (!found && t != null && m.elementCount() > 0) {
                found = contains(t);
            }
        }
        contains.put(s, found);
        return found;
    }

    /** The struct or union a member holds by value (expanded inline or defined by name), or null. */
    private StructLayout typeOf(Member m) {
        return heldType(set, m);
    }

    /** The struct or union member {@code m} holds by value (expanded inline or defined by name in {@code set}), or null. */
    public static StructLayout heldType(LayoutSet set, Member m) {
        if (m.bitfield()) {
            return null;
        }
        if (m.nested() != null) {
            return m.nested();
        }
        String t = NaturalTypes.unqualified(m.type());
        if (NaturalTypes.isPointer(t)) {
            return null;
        }
        String named = t.startsWith("struct ") ? t.substring(7) : t.startsWith("union ") ? t.substring(6) : null;
        return named == null ? null : set.find(named).orElse(null);
    }
}
