package footprint.layout;

import footprint.input.InputException;
import footprint.input.LineReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads pahole's text output (plain, {@code -E}, {@code --hex}) line by line with a hand scanner:
 * a regular expression per line would dominate the parse of a 6 MB BTF dump.
 */
final class PaholeParser {
    /** Nesting of struct bodies accepted; pahole -E of a real kernel struct nests about 10 deep. */
    static final int MAX_DEPTH = 64;
    /** The widest bitfield: a 128-bit integer type's. */
    static final int MAX_BITFIELD = 128;
    /** The largest alignment gcc accepts on ELF targets (2^28). */
    static final long MAX_ALIGN = 1L << 28;
    /** Offsets and sizes beyond 1 TiB are no struct layout but a corrupt input. */
    static final long MAX_SIZE = 1L << 40;
    /** Elements of one array member, at most. */
    static final long MAX_ELEMENTS = 1L << 40;
    /**
     * Lines of one dump, at most: the parse keeps every member, about 250 bytes of heap per line,
     * so a stream without end (a pipe, a device) would run the JVM out of memory. A whole module's
     * dump is some 15 thousand lines; 4 Mi lines is a whole kernel's worth of -C dumps.
     */
    static final int MAX_LINES = 1 << 22;

    private final String source;
    private final List<RawStruct> result = new ArrayList<>();
    private final Deque<RawStruct> open = new ArrayDeque<>();
    private final Deque<Map<String, Long>> summaries = new ArrayDeque<>();
    private int lineNo;
    /**
     * After pahole's "Force padding:" comment come unnamed members it invents to show trailing
     * padding (pahole 1.24 prints e.g. "struct {...} :8;"): they are not in the source, skip them.
     */
    private boolean forcePadding;
    private int forcePaddingDepth;
    /** Type of an inline enum being skipped ("enum" or "enum NAME"), else null: its body holds no members. */
    private String inlineEnum;

    private PaholeParser(String source) {
        this.source = source;
    }

    /** All top-level structs and unions of one pahole output, in file order. */
    static List<RawStruct> parse(LineReader in, String source) throws IOException {
        PaholeParser p = new PaholeParser(source);
        String line;
        while ((line = in.next()) != null) {
            if (++p.lineNo > MAX_LINES) {
                throw p.error("more than " + MAX_LINES + " lines: no struct dump is that long (an endless stream?);"
                        + " give pahole -C STRUCT[,STRUCT...] for the structs you need");
            }
            p.line(line);
        }
        if (!p.open.isEmpty()) {
            RawStruct outer = p.open.getLast();
            throw new InputException(source, outer.line, "struct " + display(outer)
                    + " is not closed: the file ends at line " + p.lineNo + " inside it (truncated?)");
        }
        return p.result;
    }

    private void line(String raw) {
        String s = raw.strip();
        if (s.isEmpty()) {
            return;
        }
        if (s.startsWith("/*")) {
            int end = s.indexOf("*/");
            if (end < 0) {
                throw error("comment is not closed on this line");
            }
            String rest = s.substring(end + 2).strip();
            if (rest.isEmpty()) {
                comment(s.substring(2, end));
                return;
            }
            // pahole -E prints typedefs as a leading comment: "/* typedef u64 -> __u64 */ long long ..."
            s = rest;
        }
        if (open.isEmpty()) {
            if (!s.endsWith("{")) {
                throw error("expected 'struct NAME {' or 'union NAME {' at top level, found '" + clip(s) + "'");
            }
            openStruct(s, true);
            return;
        }
        if (inlineEnum != null) {
            if (s.startsWith("}")) {
                closeEnum(s);
            }
            return;
        }
        if (s.startsWith("}")) {
            closeStruct(s);
            return;
        }
        if (s.equals("enum {") || s.startsWith("enum ") && s.endsWith(" {")) {
            inlineEnum = s.substring(0, s.length() - 1).strip();
            return;
        }
        if (s.endsWith("{")) {
            openStruct(s, false);
            return;
        }
        member(s);
    }

    private void openStruct(String s, boolean topLevel) {
        String head = s.substring(0, s.length() - 1).strip();
        while (head.startsWith("const ") || head.startsWith("volatile ")) {
            head = head.substring(head.indexOf(' ') + 1).strip();
        }
        boolean union;
        if (head.equals("struct") || head.startsWith("struct ")) {
            union = false;
            head = head.substring(6);
        } else if (head.equals("union") || head.startsWith("union ")) {
            union = true;
            head = head.substring(5);
        } else {
            throw error("expected 'struct' or 'union' before '{', found '" + clip(s) + "'");
        }
        String name = head.strip();
        if (!name.isEmpty() && !isIdentifier(name)) {
            throw error("'" + name + "' is not a struct name");
        }
        if (topLevel && name.isEmpty()) {
            throw error("a top-level struct needs a name");
        }
        if (open.size() >= MAX_DEPTH) {
            throw error("structs nest deeper than " + MAX_DEPTH + " levels (pahole -E of a real kernel nests"
                    + " about 10)");
        }
        open.push(new RawStruct(name, union, source, lineNo));
        summaries.push(new HashMap<>());
    }

    private void closeStruct(String s) {
        RawStruct st = open.pop();
        Map<String, Long> summary = summaries.pop();
        int semi = s.indexOf(';');
        if (semi < 0) {
            throw error("expected ';' after '}'");
        }
        String decl = s.substring(1, semi);
        String after = s.substring(semi + 1).strip();
        int i = 0;
        // Attributes right after the brace belong to the type: "} __attribute__((__aligned__(8)))arch ..."
        while (true) {
            while (i < decl.length() && decl.charAt(i) == ' ') {
                i++;
            }
            if (decl.startsWith(PACKED, i)) {
                st.packed = true;
                i += PACKED.length();
                continue;
            }
            if (!decl.startsWith("__attribute__((", i)) {
                break;
            }
            int close = decl.indexOf(")))", i);
            int value = close < 0 ? -1 : alignedValue(decl.substring(i, close + 3));
            if (value < 0) {
                throw error("cannot read attribute '" + clip(decl.substring(i)) + "'");
            }
            st.alignedAttribute = Math.max(st.alignedAttribute, value);
            i = close + 3;
        }
        String rest = decl.substring(i).strip();
        if (open.isEmpty()) {
            if (!rest.isEmpty()) {
                throw error("unexpected '" + clip(rest) + "' after the closing brace of struct " + display(st));
            }
            forcePadding = false;
            finishTopLevel(st, summary);
            return;
        }
        RawStruct parent = open.peek();
        if (forcePadding && open.size() == forcePaddingDepth) {
            if (rest.startsWith(":")) {
                return;
            }
            forcePadding = false;
        }
        RawMember m = new RawMember();
        m.line = lineNo;
        if (rest.startsWith("*")) {
            // "} * parts;": a pointer to an anonymous struct, whose body pahole printed from offset 0.
            declarator(st.typeNameForPointer() + " " + rest, m);
            readOffsetComment(after, m, false);
            parent.members.add(m);
            return;
        }
        m.nested = st;
        m.type = st.union ? (st.name.isEmpty() ? "union" : "union " + st.name)
                : (st.name.isEmpty() ? "struct" : "struct " + st.name);
        if (rest.isEmpty()) {
            m.anonymous = true;
            m.name = Member.ANON_PREFIX + parent.anonymousCount++;
        } else {
            declarator(rest, m);
        }
        readOffsetComment(after, m, true);
        long count = elementCount(m.dims);
        st.size = count > 0 ? m.size / count : -1;
        st.absOffset = m.offset;
        relativize(st);
        parent.members.add(m);
    }

    private void closeEnum(String s) {
        int semi = s.indexOf(';');
        if (semi < 0) {
            throw error("expected ';' after '}'");
        }
        RawMember m = new RawMember();
        m.line = lineNo;
        declarator(inlineEnum + " " + s.substring(1, semi).strip(), m);
        readOffsetComment(s.substring(semi + 1).strip(), m, false);
        inlineEnum = null;
        open.peek().members.add(m);
    }

    private void finishTopLevel(RawStruct st, Map<String, Long> summary) {
        if (summary.containsKey("size")) {
            st.summary = toSummary(summary);
            st.size = st.summary.size();
        }
        relativize(st);
        result.add(st);
    }

    /** Converts the absolute offsets pahole prints into offsets relative to {@code st}, and checks them. */
    private void relativize(RawStruct st) {
        long prevEnd = 0;
        String prevName = null;
        for (RawMember m : st.members) {
            if (m.bitfield && m.name.isEmpty()) {
                placeUnnamedBitfield(m, prevEnd);
                prevEnd = m.offset * 8 + m.bitOffset + m.bitSize;
                continue;
            }
            m.offset -= st.absOffset;
            if (m.offset < 0) {
                throw new InputException(source, m.line, "member '" + m.name + "' starts before its enclosing struct "
                        + display(st) + " (offset " + (m.offset + st.absOffset) + " < " + st.absOffset + ")");
            }
            long start = m.offset * 8 + (m.bitfield ? m.bitOffset : 0);
            long end = m.bitfield ? start + m.bitSize : (m.offset + m.size) * 8;
            if (!st.union && start < prevEnd && end > start) {
                throw new InputException(source, m.line, "member '" + m.name + "' at offset " + m.offset
                        + " overlaps '" + prevName + "', which ends at " + describeBits(prevEnd));
            }
            if (st.size >= 0 && end > st.size * 8) {
                throw new InputException(source, m.line, "member '" + m.name + "' ends at " + describeBits(end)
                        + ", past the end of " + display(st) + " (size " + st.size + ")");
            }
            if (end > prevEnd) {
                prevEnd = end;
                prevName = m.name;
            }
        }
    }

    /** pahole prints no offset for unnamed bitfields: place it where gcc would, right after prevEnd. */
    private static void placeUnnamedBitfield(RawMember m, long prevEnd) {
        long unitBits = m.size * 8;
        long bit = prevEnd;
        if (m.bitSize == 0) {
            bit = LayoutEngine.alignUp(bit, unitBits);
        } else if (bit / unitBits != (bit + m.bitSize - 1) / unitBits) {
            bit = LayoutEngine.alignUp(bit, unitBits);
        }
        long unitStart = bit / unitBits * unitBits;
        m.offset = unitStart / 8;
        m.bitOffset = (int) (bit - unitStart);
    }

    private void member(String s) {
        int semi = s.indexOf(';');
        if (semi < 0) {
            throw error("not a pahole member line (no ';'): '" + clip(s) + "'");
        }
        String after = s.substring(semi + 1).strip();
        if (forcePadding && (open.size() > forcePaddingDepth || after.isEmpty())) {
            return; // an invented padding member ("struct h [1]:32;"), or a member inside one
        }
        forcePadding = false;
        RawMember m = new RawMember();
        m.line = lineNo;
        declarator(s.substring(0, semi), m);
        if (m.bitfield && m.name.isEmpty() && after.isEmpty()) {
            // pahole prints unnamed (padding) bitfields without an offset comment.
            m.size = NaturalTypes.size(m.type);
            if (m.size == 0) {
                m.size = Math.max(1, Long.highestOneBit(Math.max(1, m.bitSize - 1) / 8) * 2);
            }
        } else {
            readOffsetComment(after, m, false);
        }
        open.peek().members.add(m);
    }

    /** Reads "TYPE NAME[dims] attrs", "TYPE (*NAME)(args)", "TYPE NAME:BITS" into m (name, type, dims). */
    private void declarator(String declText, RawMember m) {
        String decl = stripAttributes(declText, m).strip();
        int colon = decl.lastIndexOf(':');
        if (colon > 0 && isDigits(decl.substring(colon + 1).strip())) {
            m.bitfield = true;
            String bits = decl.substring(colon + 1).strip();
            if (bits.length() > 3 || Integer.parseInt(bits) > MAX_BITFIELD) {
                throw error("bitfield width " + clip(bits) + " is wider than " + MAX_BITFIELD + " bits");
            }
            m.bitSize = Integer.parseInt(bits);
            boolean unnamed = decl.charAt(colon - 1) == ' ' || decl.charAt(colon - 1) == '\t';
            decl = decl.substring(0, colon).strip();
            if (unnamed) {
                m.name = "";
                m.type = normalizeType(decl);
                return;
            }
        }
        int fp = decl.indexOf("(*");
        if (fp >= 0) {
            int i = fp + 2;
            while (i < decl.length() && (decl.charAt(i) == '*' || decl.charAt(i) == ' ')) {
                i++;
            }
            int nameStart = i;
            while (i < decl.length() && isIdentChar(decl.charAt(i))) {
                i++;
            }
            int nameEnd = i;
            int close = decl.indexOf(')', i);
            if (nameEnd == nameStart || close < 0) {
                throw error("cannot read function pointer member '" + clip(declText) + "'");
            }
            m.name = decl.substring(nameStart, nameEnd);
            m.dims = dims(decl.substring(nameEnd, close));
            m.type = normalizeType(decl.substring(0, nameStart) + decl.substring(close));
            return;
        }
        int end = decl.length();
        int dimsStart = end;
        while (dimsStart > 0 && decl.charAt(dimsStart - 1) == ']') {
            int openBracket = decl.lastIndexOf('[', dimsStart - 1);
            if (openBracket < 0) {
                throw error("unbalanced ']' in '" + clip(declText) + "'");
            }
            dimsStart = openBracket;
        }
        m.dims = dims(decl.substring(dimsStart, end));
        int nameEndAt = dimsStart;
        while (nameEndAt > 0 && decl.charAt(nameEndAt - 1) == ' ') {
            nameEndAt--;
        }
        int nameStart = nameEndAt;
        while (nameStart > 0 && isIdentChar(decl.charAt(nameStart - 1))) {
            nameStart--;
        }
        m.name = decl.substring(nameStart, nameEndAt);
        String type = decl.substring(0, nameStart).strip();
        if (m.name.isEmpty() || !isIdentifier(m.name) || (type.isEmpty() && m.nested == null)) {
            throw error("not a pahole member line: '" + clip(declText.strip()) + "'");
        }
        if (m.nested == null) {
            m.type = normalizeType(type);
        } else if (!type.isEmpty()) {
            throw error("unexpected '" + clip(type) + "' before member name '" + m.name + "'");
        }
    }

    /**
     * Removes every {@code __attribute__((...))} from a declarator, keeping the largest
     * {@code __aligned__} value; pahole -E can print one between the name and the dimensions.
     */
    private String stripAttributes(String decl, RawMember m) {
        int at = decl.indexOf("__attribute__((");
        if (at < 0) {
            return decl;
        }
        StringBuilder out = new StringBuilder(decl.length());
        int from = 0;
        while (at >= 0) {
            out.append(decl, from, at);
            int depth = 0;
            int i = at + "__attribute__".length();
            do {
                if (i >= decl.length()) {
                    throw error("unbalanced parentheses in attribute '" + clip(decl.substring(at)) + "'");
                }
                char c = decl.charAt(i++);
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
            } while (depth > 0);
            String attr = decl.substring(at, i);
            if (!attr.equals(PACKED)) {
                int v = alignedValue(attr);
                if (v < 0) {
                    throw error("unknown attribute '" + clip(attr) + "'");
                }
                m.alignedAttribute = Math.max(m.alignedAttribute, v);
            }
            from = i;
            at = decl.indexOf("__attribute__((", from);
        }
        out.append(decl, from, decl.length());
        return out.toString();
    }

    private List<Long> dims(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        List<Long> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) != '[') {
                throw error("cannot read array dimensions '" + clip(text) + "'");
            }
            int close = text.indexOf(']', i);
            if (close < 0) {
                throw error("cannot read array dimensions '" + clip(text) + "'");
            }
            String n = text.substring(i + 1, close).strip();
            if (n.isEmpty()) {
                n = "0"; // a flexible array member "name[]" occupies no bytes, like "name[0]"
            }
            if (!isDigits(n)) {
                throw error("array dimension '" + n + "' is not a number");
            }
            if (n.length() > 12) {
                throw error("array dimension " + clip(n) + " is too large");
            }
            out.add(Long.parseLong(n));
            i = close + 1;
        }
        long elements = 1;
        for (long d : out) {
            elements = d == 0 ? 0 : elements > MAX_ELEMENTS / d ? MAX_ELEMENTS + 1 : elements * d;
        }
        if (elements > MAX_ELEMENTS) {
            throw error("array '" + clip(text) + "' has more than 2^40 elements");
        }
        return out;
    }

    /** Reads pahole's "/* OFFSET SIZE *&#47;" or "/* BYTE:BIT SIZE *&#47;" comment (decimal or --hex). */
    private void readOffsetComment(String c, RawMember m, boolean closing) {
        if (!c.startsWith("/*") || !c.endsWith("*/") || c.length() < 4) {
            throw error("expected pahole's /* offset size */ comment after member '" + m.name + "'"
                    + (c.isEmpty() ? "" : ", found '" + clip(c) + "'"));
        }
        Scanner sc = new Scanner(c.substring(2, c.length() - 2));
        m.offset = sc.number("offset");
        if (sc.peek() == ':') {
            sc.pos++;
            if (!m.bitfield) {
                throw error("member '" + m.name + "' has a bit offset but is not a bitfield");
            }
            m.bitOffset = (int) sc.number("bit offset");
        } else if (m.bitfield && !closing) {
            throw error("bitfield '" + m.name + "' lacks pahole's BYTE:BIT offset");
        }
        m.size = sc.number("size");
        sc.end();
        if (m.bitfield && m.bitOffset >= m.size * 8) {
            throw error("bitfield '" + m.name + "' starts at bit " + m.bitOffset + ", outside its " + m.size
                    + "-byte storage unit");
        }
    }

    private void comment(String body) {
        if (open.isEmpty()) {
            return;
        }
        String b = body.strip();
        if (b.equals("Force padding:")) {
            forcePadding = true;
            forcePaddingDepth = open.size();
            return;
        }
        int colon = b.indexOf(':');
        if (colon < 0 || !SUMMARY_KEYS.contains(b.substring(0, colon))) {
            return;
        }
        Map<String, Long> into = summaries.peek();
        for (String part : b.split(",")) {
            int c = part.indexOf(':');
            if (c < 0) {
                throw error("cannot read summary item '" + part.strip() + "'");
            }
            String key = part.substring(0, c).strip();
            Scanner sc = new Scanner(part.substring(c + 1));
            into.put(key, sc.number(key));
        }
    }

    private static final String PACKED = "__attribute__((__packed__))";

    private static final java.util.Set<String> SUMMARY_KEYS = java.util.Set.of("size", "sum members",
            "sum bitfield members", "padding", "paddings", "bit_padding", "forced alignments", "last cacheline",
            "bit holes");

    private PaholeSummary toSummary(Map<String, Long> s) {
        return new PaholeSummary(s.get("size"), s.getOrDefault("cachelines", -1L), s.getOrDefault("members", -1L),
                s.getOrDefault("sum members", -1L), s.getOrDefault("holes", -1L), s.getOrDefault("sum holes", -1L),
                s.getOrDefault("sum bitfield members", -1L), s.getOrDefault("bit holes", -1L),
                s.getOrDefault("sum bit holes", -1L), s.getOrDefault("padding", -1L),
                s.getOrDefault("bit_padding", -1L), s.getOrDefault("last cacheline", -1L), lineNo);
    }

    private int alignedValue(String attr) {
        String prefix = "__attribute__((__aligned__(";
        if (!attr.startsWith(prefix) || !attr.endsWith(")))")) {
            return -1;
        }
        String n = attr.substring(prefix.length(), attr.length() - 3).strip();
        if (!isDigits(n)) {
            return -1;
        }
        long v = n.length() > 12 ? Long.MAX_VALUE : Long.parseLong(n);
        if (v > MAX_ALIGN || Long.bitCount(v) != 1) {
            throw error("alignment " + clip(n) + " is not a power of two up to " + MAX_ALIGN + " (gcc's limit)");
        }
        return (int) v;
    }

    private InputException error(String detail) {
        return new InputException(source, lineNo, detail);
    }

    /** Scans "N", "0xN", "N bits (M bytes)" values: the leading number is the value. */
    private final class Scanner {
        final String s;
        int pos;

        Scanner(String s) {
            this.s = s;
        }

        char peek() {
            skipSpaces();
            return pos < s.length() ? s.charAt(pos) : 0;
        }

        void skipSpaces() {
            while (pos < s.length() && s.charAt(pos) == ' ') {
                pos++;
            }
        }

        long number(String what) {
            skipSpaces();
            if (pos < s.length() && s.charAt(pos) == '-') {
                throw error("negative " + what + " in '" + clip(s.strip()) + "'");
            }
            int radix = 10;
            if (s.startsWith("0x", pos)) {
                radix = 16;
                pos += 2;
            }
            int start = pos;
            while (pos < s.length() && Character.digit(s.charAt(pos), radix) >= 0) {
                pos++;
            }
            if (start == pos) {
                throw error("expected a number for the " + what + " in '" + clip(s.strip()) + "'");
            }
            long v = pos - start > 15 ? Long.MAX_VALUE : Long.parseLong(s, start, pos, radix);
            if (v > MAX_SIZE) {
                throw error(what + " too large (over 1 TiB) in '" + clip(s.strip()) + "'");
            }
            return v;
        }

        void end() {
            skipSpaces();
            if (pos != s.length()) {
                throw error("unexpected '" + clip(s.substring(pos)) + "' in pahole's offset comment");
            }
        }
    }

    static long elementCount(List<Long> dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    private static String describeBits(long bits) {
        return bits % 8 == 0 ? "byte " + bits / 8 : "byte " + bits / 8 + " bit " + bits % 8;
    }

    static String normalizeType(String t) {
        StringBuilder sb = new StringBuilder(t.length());
        boolean space = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ' ' || c == '\t') {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String display(RawStruct st) {
        return st.name.isEmpty() ? "(anonymous " + (st.union ? "union" : "struct") + ")" : st.name;
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    static boolean isIdentChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    static boolean isIdentifier(String s) {
        if (s.isEmpty() || Character.isDigit(s.charAt(0))) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isIdentChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
