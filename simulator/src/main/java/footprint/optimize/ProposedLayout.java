package footprint.optimize;

import footprint.layout.LayoutSet;
import footprint.layout.MemberOrder;
import footprint.layout.PaholeText;
import footprint.layout.StructLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An arrangement as pahole text, re-laid out through the public layout path and nothing else: each
 * target struct, inner ones first, is taken from the layout files composed with the structs
 * re-laid out so far, put in its new member order by {@link MemberOrder} and rendered by
 * {@link PaholeText}. The text is a later layout file: composed after the given files it is the
 * proposal, and {@code trace stats}, {@code compare} and {@code check} read it like any dump.
 */
final class ProposedLayout {
    static final String SOURCE = "the proposed layout";

    private ProposedLayout() {}

    static String render(List<Path> files, LayoutSet set, OrderSpace space, Arrangement a) {
        StringBuilder text = new StringBuilder();
        for (OrderSpace.Node n : space.nodes()) {
            if (!n.target) {
                continue;
            }
            LayoutSet now = text.length() == 0 ? set : LayoutSet.composeWith(files, text.toString(), SOURCE);
            StructLayout s = now.find(n.name).orElseThrow();
            text.append(PaholeText.render(MemberOrder.apply(s, names(n, a), "the proposed order"))).append('\n');
        }
        return text.toString();
    }

    /** The top-level member names of node {@code n} in the order of {@code a}. */
    static List<String> names(OrderSpace.Node n, Arrangement a) {
        List<String> out = new ArrayList<>();
        for (int u : a.order(n.id)) {
            out.addAll(n.unitNames(u));
        }
        return out;
    }
}
