package footprint.measure;

import footprint.layout.LayoutSet;
import footprint.sim.ExitProgram;
import footprint.sim.GuestModel;
import footprint.sim.GuestPattern;
import footprint.sim.Placement;
import footprint.sim.PlacementKind;
import footprint.trace.BoundTrace;
import footprint.trace.TraceBinder;
import footprint.trace.TraceReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.PrimitiveIterator;

/** The replay plan the benchmark runs without a plan file: the README's VMX trace on Debian 6.1's layouts. */
final class BundledExample {
    private static final String LAYOUTS = "models/layouts/debian-6.1/debian-6.1-";
    private static final long SEED = 1;
    private static final int EXITS = 10_000;

    private BundledExample() {}

    static ReplayPlan plan() {
        List<Path> layouts = new ArrayList<>();
        for (String f : List.of("kvm-intel.all", "vcpu_vmx.expanded", "kvm_lapic.expanded", "kvm.expanded", "kvm_run")) {
            layouts.add(Path.of(LAYOUTS + f + ".pahole"));
        }
        BoundTrace bound = TraceBinder.bind(TraceReader.read(Path.of("traces/kvm-6.1/vmx/vmx-exits.trace")),
                LayoutSet.load(layouts), false, new ArrayList<>());
        ExitProgram program = ExitProgram.of(bound);
        long[] bases = Placement.of(PlacementKind.SLAB).place(program.objects(), SEED);
        return ReplayPlan.of(program, bases, sequence(bound, EXITS, SEED),
                GuestModel.synthetic(64 * 1024, 500, GuestPattern.UNIFORM), SEED);
    }

    static int[] sequence(BoundTrace bound, int exits, long seed) {
        int[] out = new int[exits];
        PrimitiveIterator.OfInt it = bound.stream().iterator(exits, seed);
        for (int i = 0; i < exits; i++) {
            out[i] = it.nextInt();
        }
        return out;
    }
}
