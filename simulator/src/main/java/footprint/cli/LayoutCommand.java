package footprint.cli;

import footprint.input.InputException;
import footprint.layout.LayoutEngine;
import footprint.layout.LayoutJson;
import footprint.layout.LayoutSet;
import footprint.layout.MemberOrder;
import footprint.layout.PaholeText;
import footprint.layout.StructLayout;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import footprint.report.ReportJson;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code footprint layout}: a struct's layout in pahole's style, re-computed for a new member order, or verified. */
@Command(name = "layout", mixinStandardHelpOptions = true,
        description = {
            "Prints a struct from pahole output (plain, -E or --hex) with cacheline boundaries, "
                + "holes and the summary, all counted by footprint itself; warns where pahole's own "
                + "summary disagrees, and lists the alignments the dump does not reveal.",
            "",
            "Several FILEs combine: a struct defined at top level in a later file overrides "
                + "earlier definitions of that name, also copies expanded inline by pahole -E, and "
                + "every struct that contains it is re-laid out (x86-64 System V rules) in its own "
                + "member order.",
            "",
            "Anonymous struct/union members are named __anon0, __anon1, ... in member order at "
                + "their level (the counter starts at 0 in every struct); --order and JSON use these "
                + "names, and field paths reach their members by the inner name as in C."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  D=models/layouts/debian-6.1",
            "  footprint layout $D/debian-6.1-kvm_vcpu.pahole",
            "  footprint layout $D/debian-6.1-kvm_mmu_memory_cache.pahole --order order.txt",
            "  footprint layout --verify $D/debian-6.1-kvm-intel.all.pahole",
            "  footprint layout $D/debian-6.1-vcpu_vmx.expanded.pahole \\",
            "      models/layouts/seed/kvm_vcpu.after.pahole --struct vcpu_vmx --format json"})
public final class LayoutCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "pahole output; .gz is read through gunzip")
    List<Path> files;

    @Option(names = "--struct", paramLabel = "NAME",
            description = "struct or union to print (default: every struct of the last FILE)")
    String struct;

    @Option(names = "--order", paramLabel = "ORDERFILE",
            description = "re-compute the layout with the top-level members in this order: one name per line,"
                    + " '#' comments; every member exactly once")
    Path order;

    @Option(names = "--verify",
            description = "re-compute every struct in its own member order and list those whose offsets differ"
                    + " from pahole's (exit 1 if any): whether what-if layouts of these structs can be trusted")
    boolean verify;

    @Mixin
    FormatOption format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LayoutSet set = LayoutFiles.load(files, spec.commandLine().getErr());
        if (verify) {
            return verify(set);
        }
        List<StructLayout> targets = LayoutFiles.targets(set, files, struct);
        if (order != null) {
            if (targets.size() != 1) {
                throw new InputException("--order needs one struct: name it with --struct ("
                        + targets.size() + " structs in " + files.get(files.size() - 1) + ")");
            }
            targets = List.of(MemberOrder.apply(targets.get(0), order));
        }
        StringBuilder out = new StringBuilder();
        if (format.json()) {
            if (targets.size() == 1) {
                out.append(ReportJson.write(LayoutJson.of(targets.get(0))));
            } else {
                ArrayNode all = LayoutJson.mapper().createArrayNode();
                targets.forEach(s -> all.add(LayoutJson.of(s)));
                out.append(ReportJson.write(all));
            }
        } else {
            for (int i = 0; i < targets.size(); i++) {
                if (i > 0) {
                    out.append('\n');
                }
                out.append(PaholeText.render(targets.get(i)));
            }
        }
        spec.commandLine().getOut().print(out);
        return 0;
    }

    private int verify(LayoutSet set) {
        int checked = 0;
        ArrayNode differing = LayoutJson.mapper().createArrayNode();
        StringBuilder text = new StringBuilder();
        for (StructLayout s : set.all()) {
            if (s.relaidOut()) {
                continue; // its offsets are the engine's own, there is nothing of pahole's to compare
            }
            checked++;
            LayoutEngine.Mismatch m = LayoutEngine.verify(s);
            if (m == null) {
                continue;
            }
            String reason = LayoutEngine.reason(s, m);
            text.append(s.source()).append(':').append(m.line()).append(": ").append(s.typeName()).append(": ")
                    .append(m.path()).append(" pahole ").append(m.pahole()).append(", computed ")
                    .append(m.computed()).append(" (").append(reason).append(")\n");
            ObjectNode d = differing.addObject();
            d.put("name", s.name());
            d.put("source", s.source());
            d.put("line", m.line());
            d.put("member", m.path());
            d.put("pahole", m.pahole());
            d.put("computed", m.computed());
            d.put("reason", reason);
        }
        if (format.json()) {
            ObjectNode o = LayoutJson.mapper().createObjectNode();
            o.put("checked", checked);
            o.put("differ", differing.size());
            o.set("differing", differing);
            spec.commandLine().getOut().print(ReportJson.write(o));
        } else {
            spec.commandLine().getOut().print(text.append(checked).append(" structs re-computed in their own member order; ")
                    .append(differing.size()).append(" differ from pahole\n"));
        }
        if (differing.size() > 0) {
            throw new CheckFailedException(differing.size() + " struct(s) differ from pahole's offsets");
        }
        return 0;
    }
}
