package footprint.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Builds random but valid traces (in canonical trivia) for the round-trip property test. */
final class RandomTraces {
    private RandomTraces() {}

    static Trace generate(SplittableRandom rnd) {
        List<TraceItem> items = new ArrayList<>();
        if (rnd.nextBoolean()) {
            items.add(new Meta("kernel", "6.1." + rnd.nextInt(300) + " (test)", trivia(rnd), 0));
        }
        int objects = 1 + rnd.nextInt(4);
        List<ObjectDecl> decls = new ArrayList<>();
        for (int o = 0; o < objects; o++) {
            boolean raw = rnd.nextBoolean();
            long align = rnd.nextInt(3) == 0 ? 0 : 1L << rnd.nextInt(13);
            ObjectDecl d = new ObjectDecl("obj" + o, raw ? null : "struct_" + rnd.nextInt(5),
                    raw ? 1 + rnd.nextInt(8192) : 0, align, trivia(rnd), 0);
            decls.add(d);
            items.add(d);
        }
        List<String> segments = new ArrayList<>();
        for (int s = 0; s < rnd.nextInt(3); s++) {
            String name = "seg-" + s;
            items.add(new Segment(name, steps(rnd, decls, segments), trivia(rnd), endTrivia(rnd), 0));
            segments.add(name);
        }
        List<String> exits = new ArrayList<>();
        for (int e = 0; e < 1 + rnd.nextInt(4); e++) {
            String name = "EXIT_" + e;
            items.add(new ExitDef(name, rnd.nextBoolean(), rnd.nextBoolean() ? "EXIT_REASON_" + e : null,
                    steps(rnd, decls, segments), trivia(rnd), endTrivia(rnd), 0));
            exits.add(name);
        }
        if (rnd.nextBoolean()) {
            List<MixStream.Entry> entries = new ArrayList<>();
            for (String e : exits) {
                double w = rnd.nextBoolean() ? rnd.nextInt(1000) + 1 : Math.round(rnd.nextDouble() * 1e4) / 100.0 + 0.01;
                entries.add(new MixStream.Entry(e, w, trivia(rnd), 0));
            }
            items.add(new MixStream(1 + rnd.nextInt(1_000_000), rnd.nextLong(), entries, trivia(rnd), endTrivia(rnd), 0));
        } else if (rnd.nextBoolean()) {
            List<SequenceStream.Entry> entries = new ArrayList<>();
            for (int i = 0; i < 1 + rnd.nextInt(5); i++) {
                entries.add(new SequenceStream.Entry(exits.get(rnd.nextInt(exits.size())), 1 + rnd.nextInt(3)));
            }
            items.add(new SequenceStream(entries, trivia(rnd), 0));
        }
        List<String> trailer = rnd.nextInt(4) == 0 ? List.of("", "# end of trace") : List.of();
        return new Trace("random.trace", new Trivia(comments(rnd, false), null), items, trailer);
    }

    private static List<Step> steps(SplittableRandom rnd, List<ObjectDecl> decls, List<String> segments) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < rnd.nextInt(8); i++) {
            int kind = rnd.nextInt(10);
            if (kind == 0 && !segments.isEmpty()) {
                steps.add(new Use(segments.get(rnd.nextInt(segments.size())), trivia(rnd), 0));
            } else if (kind == 1) {
                steps.add(new VmcsCount(rnd.nextInt(5), rnd.nextInt(5), trivia(rnd), 0));
            } else {
                steps.add(access(rnd, decls.get(rnd.nextInt(decls.size()))));
            }
        }
        return steps;
    }

    private static Access access(SplittableRandom rnd, ObjectDecl d) {
        int size = 1 << rnd.nextInt(4);
        Target target;
        if (d.isRaw()) {
            long max = Math.max(0, d.rawSize() - size);
            size = (int) Math.min(size, d.rawSize());
            target = new Target(d.name(), null, max == 0 ? 0 : rnd.nextLong(max + 1), rnd.nextBoolean());
        } else {
            String path = "f" + rnd.nextInt(9) + (rnd.nextBoolean() ? "[" + rnd.nextInt(16) + "]" : "")
                    + (rnd.nextBoolean() ? ".inner_" + rnd.nextInt(3) : "");
            target = new Target(d.name(), path, rnd.nextInt(3) == 0 ? rnd.nextInt(64) + 1 : 0, rnd.nextBoolean());
        }
        AccessOp op = AccessOp.values()[rnd.nextInt(3)];
        String cond = rnd.nextInt(4) == 0 ? "vcpu->arch.apic && !x" : null;
        return new Access(op, target, size, "fn_" + rnd.nextInt(20), "arch/x86/kvm/x86.c:" + (1 + rnd.nextInt(9999)),
                rnd.nextInt(4) == 0 ? List.of("VCPU_RAX", "regs") : List.of(), cond, trivia(rnd), 0);
    }

    private static Trivia trivia(SplittableRandom rnd) {
        return new Trivia(comments(rnd, true), rnd.nextInt(5) == 0 ? " why " + rnd.nextInt(100) : null);
    }

    private static Trivia endTrivia(SplittableRandom rnd) {
        return new Trivia(rnd.nextInt(4) == 0 ? List.of("# closing note") : List.of(),
                rnd.nextInt(6) == 0 ? " end note" : null);
    }

    private static List<String> comments(SplittableRandom rnd, boolean blankAllowed) {
        List<String> lines = new ArrayList<>();
        if (blankAllowed && rnd.nextInt(3) == 0) {
            lines.add("");
        }
        if (rnd.nextInt(3) == 0) {
            lines.add("# comment " + rnd.nextInt(1000));
        }
        return lines;
    }
}
