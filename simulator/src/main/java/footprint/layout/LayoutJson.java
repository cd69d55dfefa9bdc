package footprint.layout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * JSON form of a layout: the summary as pahole counts it and the members in layout order, nested
 * members under {@code members}. Member offsets are from the start of the outermost struct.
 */
public final class LayoutJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LayoutJson() {}

    public static ObjectNode of(StructLayout s) {
        LayoutStats st = LayoutStats.of(s);
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name", s.name());
        o.put("kind", s.union() ? "union" : "struct");
        o.put("size", s.size());
        o.put("alignment", s.alignment());
        o.put("cachelines", st.cachelines());
        o.put("memberCount", st.members());
        o.put("sumMembers", st.sumMembers());
        o.put("holes", st.holes());
        o.put("sumHoles", st.sumHoles());
        o.put("bitHoles", st.bitHoles());
        o.put("sumBitHoles", st.sumBitHoles());
        o.put("padding", st.padding());
        o.put("packed", s.packed());
        o.put("relaidOut", s.relaidOut());
        o.put("source", s.source());
        ArrayNode guessed = o.putArray("guessedAlignments");
        LayoutEngine.guessedAlignments(s).forEach(guessed::add);
        ArrayNode holes = o.putArray("holeList");
        for (LayoutStats.Hole h : st.holeList()) {
            ObjectNode hn = holes.addObject();
            hn.put("after", h.afterMember());
            hn.put("before", h.beforeMember());
            hn.put("offset", h.offset());
            hn.put("bytes", h.bytes());
            hn.put("bits", h.bits());
        }
        o.set("members", members(s.members(), 0));
        return o;
    }

    private static ArrayNode members(List<Member> members, long base) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Member m : members) {
            if (m.bitfield() && m.name().isEmpty()) {
                continue;
            }
            ObjectNode n = a.addObject();
            n.put("name", m.name());
            n.put("type", m.declaredType());
            n.put("offset", base + m.offset());
            n.put("size", m.size());
            if (m.bitfield()) {
                n.put("bitOffset", m.bitOffset());
                n.put("bitSize", m.bitSize());
            }
            n.put("alignment", m.alignment());
            n.put("alignmentSource", m.alignmentSource().word());
            if (m.anonymous()) {
                n.put("anonymous", true);
            }
            if (m.nested() != null) {
                n.set("members", members(m.nested().members(), base + m.offset()));
            }
        }
        return a;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
