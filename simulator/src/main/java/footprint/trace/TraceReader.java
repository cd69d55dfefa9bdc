package footprint.trace;

import footprint.input.InputException;
import footprint.input.LineReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the trace format of {@code traces/README.md}; every problem is an {@link InputException}
 * naming the file and line. Checks what needs no layout: syntax, names, duplicates, sizes, raw
 * block bounds and the stream's exit names. Field paths are resolved later by {@link TraceBinder}.
 */
public final class TraceReader {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern BLOCK_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern PATH =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\[\\d+])*(\\.[A-Za-z_][A-Za-z0-9_]*(\\[\\d+])*)*");
    private static final Pattern TARGET =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\.([^+]+))?(?:\\+(0[xX][0-9a-fA-F]+|\\d+))?");
    private static final Pattern LOCATION = Pattern.compile("\\S+:\\d+");
    private static final Pattern ALIASES = Pattern.compile("as=([A-Za-z_][A-Za-z0-9_]*(?:,[A-Za-z_][A-Za-z0-9_]*)*)");
    private static final Pattern WEIGHT = Pattern.compile("\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final Pattern EXIT_NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern REPEAT = Pattern.compile("([A-Za-z0-9_]+)(?:\\*(\\d+))?");

    private final String source;
    private final List<TraceItem> items = new ArrayList<>();
    private final Map<String, ObjectDecl> objects = new LinkedHashMap<>();
    private final Map<String, Integer> segments = new HashMap<>();
    private final Map<String, Integer> exits = new LinkedHashMap<>();
    private final List<String> pending = new ArrayList<>();
    private Trivia header = Trivia.NONE;
    private boolean versionSeen;
    private int streamLine;

    // The block being read: a segment, exit or mix stream header, its steps or entries.
    private String[] blockHead;
    private Trivia blockTrivia;
    private int blockLine;
    private final List<Step> blockSteps = new ArrayList<>();
    private final List<MixStream.Entry> mixEntries = new ArrayList<>();

    private TraceReader(String source) {
        this.source = source;
    }

    /** Reads a trace file. */
    public static Trace read(Path file) {
        return parse(file.toString(), LineReader.readText(file));
    }

    /** Parses trace text; {@code source} names it in error messages. */
    public static Trace parse(String source, String text) {
        return new TraceReader(source).run(text);
    }

    private Trace run(String text) {
        String[] lines = text.split("\n", -1);
        int count = lines.length;
        if (count > 0 && lines[count - 1].isEmpty()) {
            count--; // the file's final newline does not start another line
        }
        for (int i = 0; i < count; i++) {
            String raw = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            readLine(raw, i + 1);
        }
        if (!versionSeen) {
            throw error(Math.max(count, 1), "missing version line 'footprint-trace " + Trace.VERSION + "'");
        }
        if (blockHead != null) {
            throw error(blockLine, blockHead[0] + " '" + (blockHead.length > 1 ? blockHead[1] : "")
                    + "' is not closed with 'end'");
        }
        checkStreamNames();
        while (!pending.isEmpty() && pending.get(pending.size() - 1).isEmpty()) {
            pending.remove(pending.size() - 1);
        }
        return new Trace(source, header, items, pending);
    }

    private void readLine(String raw, int line) {
        String trimmed = raw.strip();
        if (trimmed.isEmpty()) {
            if (pending.isEmpty() || !pending.get(pending.size() - 1).isEmpty()) {
                pending.add(""); // runs of blank lines collapse to one
            }
            return;
        }
        if (trimmed.startsWith("#")) {
            pending.add(trimmed);
            return;
        }
        String trailing = null;
        int hash = trimmed.indexOf('#');
        if (hash >= 0) {
            trailing = trimmed.substring(hash + 1).stripTrailing();
            trimmed = trimmed.substring(0, hash).strip();
        }
        Trivia trivia = new Trivia(pending, trailing);
        pending.clear();
        String[] t = trimmed.split("[ \t]+");
        if (!versionSeen) {
            readVersion(t, trivia, line);
        } else if (blockHead == null) {
            readTopLevel(t, trivia, line);
        } else if (blockHead[0].equals("stream")) {
            readMixEntry(t, trivia, line);
        } else {
            readStep(t, trivia, line);
        }
    }

    private void readVersion(String[] t, Trivia trivia, int line) {
        if (!t[0].equals("footprint-trace")) {
            throw error(line, "expected the version line 'footprint-trace " + Trace.VERSION + "' before '" + t[0] + "'");
        }
        if (t.length != 2 || !t[1].equals(Integer.toString(Trace.VERSION))) {
            throw error(line, "unsupported trace version '" + (t.length > 1 ? t[1] : "") + "' (this build reads "
                    + Trace.VERSION + ")");
        }
        List<String> before = new ArrayList<>(trivia.before());
        while (!before.isEmpty() && before.get(0).isEmpty()) {
            before.remove(0);
        }
        header = new Trivia(before, trivia.trailing());
        versionSeen = true;
    }

    private void readTopLevel(String[] t, Trivia trivia, int line) {
        switch (t[0]) {
            case "meta" -> {
                if (t.length < 3) {
                    throw error(line, "expected 'meta KEY VALUE...'");
                }
                items.add(new Meta(t[1], join(t, 2), trivia, line));
            }
            case "object" -> items.add(readObject(t, trivia, line));
            case "segment", "exit" -> startBlock(t, trivia, line);
            case "stream" -> readStream(t, trivia, line);
            case "end" -> throw error(line, "'end' outside a segment, exit or stream block");
            default -> throw error(line, "unknown keyword '" + t[0]
                    + "' (expected meta, object, segment, exit or stream)");
        }
    }

    private ObjectDecl readObject(String[] t, Trivia trivia, int line) {
        if (t.length < 4 || !t[2].equals("struct") && !t[2].equals("raw")) {
            throw error(line, "expected 'object NAME struct TYPE [align=N]' or 'object NAME raw SIZE [align=N]'");
        }
        String name = t[1];
        if (!NAME.matcher(name).matches()) {
            throw error(line, "object name '" + name + "' is not a C identifier");
        }
        ObjectDecl earlier = objects.get(name);
        if (earlier != null) {
            throw error(line, "duplicate object '" + name + "' (first declared at line " + earlier.line() + ")");
        }
        String type = null;
        long rawSize = 0;
        if (t[2].equals("struct")) {
            type = t[3];
            if (!NAME.matcher(type).matches()) {
                throw error(line, "struct type '" + type + "' is not a C identifier (give it without 'struct')");
            }
        } else {
            rawSize = positive(t[3], "raw block size", line);
        }
        long align = 0;
        for (int i = 4; i < t.length; i++) {
            if (!t[i].startsWith("align=")) {
                throw error(line, "unexpected '" + t[i] + "' (the only option is align=N)");
            }
            align = positive(t[i].substring("align=".length()), "align", line);
            if (Long.bitCount(align) != 1) {
                throw error(line, "align=" + align + " is not a power of two");
            }
        }
        ObjectDecl decl = new ObjectDecl(name, type, rawSize, align, trivia, line);
        objects.put(name, decl);
        return decl;
    }

    private void startBlock(String[] t, Trivia trivia, int line) {
        if (t.length < 2) {
            throw error(line, "expected '" + t[0] + " NAME'");
        }
        String name = t[1];
        if (t[0].equals("segment")) {
            if (!BLOCK_NAME.matcher(name).matches()) {
                throw error(line, "segment name '" + name + "' may use only letters, digits, '_', '.' and '-'");
            }
            if (t.length > 2) {
                throw error(line, "unexpected '" + t[2] + "' after the segment name");
            }
            Integer first = segments.get(name);
            if (first != null) {
                throw error(line, "duplicate segment '" + name + "' (first defined at line " + first + ")");
            }
        } else {
            if (!EXIT_NAME.matcher(name).matches()) {
                throw error(line, "exit name '" + name + "' may use only letters, digits and '_'");
            }
            Integer first = exits.get(name);
            if (first != null) {
                throw error(line, "duplicate exit '" + name + "' (first defined at line " + first + ")");
            }
            for (int i = 2; i < t.length; i++) {
                if (!t[i].equals("fastpath") && !(t[i].startsWith("reason=") && t[i].length() > "reason=".length())) {
                    throw error(line, "unexpected '" + t[i] + "' (an exit line takes 'fastpath' and 'reason=NAME')");
                }
            }
        }
        blockHead = t;
        blockTrivia = trivia;
        blockLine = line;
        blockSteps.clear();
    }

    private void readStream(String[] t, Trivia trivia, int line) {
        if (streamLine != 0) {
            throw error(line, "a trace has one stream (the first is at line " + streamLine + ")");
        }
        if (t.length < 2 || !t[1].equals("sequence") && !t[1].equals("mix")) {
            throw error(line, "expected 'stream sequence EXIT...' or 'stream mix count=N seed=S'");
        }
        streamLine = line;
        if (t[1].equals("sequence")) {
            if (t.length < 3) {
                throw error(line, "'stream sequence' names no exit");
            }
            List<SequenceStream.Entry> entries = new ArrayList<>();
            for (int i = 2; i < t.length; i++) {
                Matcher m = REPEAT.matcher(t[i]);
                if (!m.matches()) {
                    throw error(line, "sequence entry '" + t[i] + "' is not EXIT or EXIT*K");
                }
                long repeat = m.group(2) == null ? 1 : positive(m.group(2), "repeat count", line);
                entries.add(new SequenceStream.Entry(m.group(1), repeat));
            }
            items.add(new SequenceStream(entries, trivia, line));
            return;
        }
        Long count = null;
        Long seed = null;
        for (int i = 2; i < t.length; i++) {
            if (t[i].startsWith("count=")) {
                count = positive(t[i].substring(6), "count", line);
            } else if (t[i].startsWith("seed=")) {
                seed = number(t[i].substring(5), "seed", line);
            } else {
                throw error(line, "unexpected '" + t[i] + "' (a mix takes count=N and seed=S)");
            }
        }
        if (count == null || seed == null) {
            throw error(line, "'stream mix' needs count=N and seed=S");
        }
        blockHead = new String[] {"stream", "mix", Long.toString(count), Long.toString(seed)};
        blockTrivia = trivia;
        blockLine = line;
        mixEntries.clear();
    }

    private void readMixEntry(String[] t, Trivia trivia, int line) {
        if (t[0].equals("end") && t.length == 1) {
            if (mixEntries.isEmpty()) {
                throw error(blockLine, "'stream mix' lists no exit");
            }
            if (mixEntries.stream().mapToDouble(MixStream.Entry::weight).sum() <= 0) {
                throw error(blockLine, "the weights of 'stream mix' sum to 0");
            }
            items.add(new MixStream(Long.parseLong(blockHead[2]), Long.parseLong(blockHead[3]), mixEntries,
                    blockTrivia, trivia, blockLine));
            blockHead = null;
            return;
        }
        if (t.length != 2) {
            throw error(line, "expected 'EXIT WEIGHT' or 'end' in 'stream mix'");
        }
        for (MixStream.Entry e : mixEntries) {
            if (e.exit().equals(t[0])) {
                throw error(line, "exit '" + t[0] + "' is already in the mix (line " + e.line() + ")");
            }
        }
        if (!WEIGHT.matcher(t[1]).matches()) {
            throw error(line, "weight '" + t[1] + "' is not a number >= 0");
        }
        double weight = Double.parseDouble(t[1]);
        if (Double.isInfinite(weight)) {
            throw error(line, "weight '" + t[1] + "' is too large");
        }
        mixEntries.add(new MixStream.Entry(t[0], weight, trivia, line));
    }

    private void readStep(String[] t, Trivia trivia, int line) {
        switch (t[0]) {
            case "end" -> endBlock(t, trivia, line);
            case "use" -> {
                if (t.length != 2) {
                    throw error(line, "expected 'use SEGMENT'");
                }
                if (!segments.containsKey(t[1])) {
                    throw error(line, "unknown segment '" + t[1] + "' (segments must be defined before they are used;"
                            + " defined: " + String.join(", ", segments.keySet().stream().sorted().toList()) + ")");
                }
                blockSteps.add(new Use(t[1], trivia, line));
            }
            case "vmcs" -> blockSteps.add(readVmcs(t, trivia, line));
            case "R", "W", "RW" -> blockSteps.add(readAccess(t, trivia, line));
            default -> throw error(line, "unknown step '" + t[0] + "' (expected R, W, RW, use, vmcs or end)");
        }
    }

    private VmcsCount readVmcs(String[] t, Trivia trivia, int line) {
        long reads = 0;
        long writes = 0;
        if (t.length < 2) {
            throw error(line, "expected 'vmcs reads=N writes=M'");
        }
        for (int i = 1; i < t.length; i++) {
            if (t[i].startsWith("reads=")) {
                reads = nonNegative(t[i].substring(6), "reads", line);
            } else if (t[i].startsWith("writes=")) {
                writes = nonNegative(t[i].substring(7), "writes", line);
            } else {
                throw error(line, "unexpected '" + t[i] + "' (expected reads=N writes=M)");
            }
        }
        if (reads > Integer.MAX_VALUE || writes > Integer.MAX_VALUE) {
            throw error(line, "VMCS count too large");
        }
        return new VmcsCount((int) reads, (int) writes, trivia, line);
    }

    private Access readAccess(String[] t, Trivia trivia, int line) {
        if (t.length < 5) {
            throw error(line, "expected '" + t[0] + " TARGET SIZE FUNCTION FILE:LINE [as=NAME,...] [if CONDITION...]'");
        }
        Target target = parseTarget(t[1], line);
        long size = number(t[2], "access size", line);
        if (size <= 0) {
            throw error(line, "access size must be > 0 (got " + t[2] + ")");
        }
        if (size > Integer.MAX_VALUE) {
            throw error(line, "access size " + size + " is too large");
        }
        if (!LOCATION.matcher(t[4]).matches()) {
            throw error(line, "'" + t[4] + "' is not FILE:LINE (the kernel source line of the access)");
        }
        int next = 5;
        List<String> aliases = List.of();
        if (t.length > next && t[next].startsWith("as=")) {
            Matcher m = ALIASES.matcher(t[next]);
            if (!m.matches()) {
                throw error(line, "'" + t[next] + "' is not as=NAME[,NAME...] (C identifiers separated by commas)");
            }
            aliases = List.of(m.group(1).split(","));
            next++;
        }
        String condition = null;
        if (t.length > next) {
            if (!t[next].equals("if") || t.length == next + 1) {
                throw error(line, "unexpected '" + t[next] + "' after FILE:LINE (a condition starts with 'if'; aliases"
                        + " are one as=NAME,... right after FILE:LINE)");
            }
            condition = join(t, next + 1);
        }
        ObjectDecl object = objects.get(target.object());
        if (object == null) {
            throw error(line, "unknown object '" + target.object() + "' (declared: "
                    + String.join(", ", objects.keySet().stream().sorted().toList()) + ")");
        }
        if (object.isRaw()) {
            if (target.path() != null) {
                throw error(line, "raw block '" + object.name() + "' has no fields; write " + object.name()
                        + "+OFFSET");
            }
            if (target.offset() + size > object.rawSize()) {
                throw error(line, "access past the end of raw block '" + object.name() + "' (" + object.rawSize()
                        + " bytes): bytes [" + target.offset() + ", " + (target.offset() + size) + ")");
            }
        }
        return new Access(AccessOp.valueOf(t[0]), target, (int) size, t[3], t[4], aliases, condition, trivia,
                line);
    }

    private Target parseTarget(String text, int line) {
        Matcher m = TARGET.matcher(text);
        if (!m.matches() || m.group(2) == null && m.group(3) == null) {
            throw error(line, "target '" + text + "' is not OBJECT.PATH, OBJECT+OFFSET or OBJECT.PATH+OFFSET");
        }
        String path = m.group(2);
        if (path != null && !PATH.matcher(path).matches()) {
            throw error(line, "field path '" + path + "' is not a C member path like vcpu.arch.regs[2]");
        }
        String off = m.group(3);
        if (off == null) {
            return new Target(m.group(1), path, 0, false);
        }
        boolean hex = off.startsWith("0x") || off.startsWith("0X");
        long offset;
        try {
            offset = hex ? Long.parseLong(off.substring(2), 16) : Long.parseLong(off);
        } catch (NumberFormatException e) {
            throw error(line, "offset '" + off + "' is too large");
        }
        return new Target(m.group(1), path, offset, hex);
    }

    private void endBlock(String[] t, Trivia trivia, int line) {
        if (t.length != 1) {
            throw error(line, "unexpected '" + t[1] + "' after 'end'");
        }
        String name = blockHead[1];
        if (blockHead[0].equals("segment")) {
            segments.put(name, blockLine);
            items.add(new Segment(name, blockSteps, blockTrivia, trivia, blockLine));
        } else {
            boolean fastpath = false;
            String reason = null;
            for (int i = 2; i < blockHead.length; i++) {
                if (blockHead[i].equals("fastpath")) {
                    fastpath = true;
                } else {
                    reason = blockHead[i].substring("reason=".length());
                }
            }
            exits.put(name, blockLine);
            items.add(new ExitDef(name, fastpath, reason, blockSteps, blockTrivia, trivia, blockLine));
        }
        blockHead = null;
    }

    private void checkStreamNames() {
        for (TraceItem item : items) {
            if (item instanceof SequenceStream s) {
                for (SequenceStream.Entry e : s.entries()) {
                    requireExit(e.exit(), s.line());
                }
            } else if (item instanceof MixStream m) {
                for (MixStream.Entry e : m.entries()) {
                    requireExit(e.exit(), e.line());
                }
            }
        }
    }

    private void requireExit(String name, int line) {
        if (!exits.containsKey(name)) {
            throw error(line, "the stream names exit '" + name + "', which the trace does not define (defined: "
                    + String.join(", ", exits.keySet()) + ")");
        }
    }

    private long positive(String text, String what, int line) {
        long v = number(text, what, line);
        if (v <= 0) {
            throw error(line, what + " must be > 0 (got " + text + ")");
        }
        return v;
    }

    private long nonNegative(String text, String what, int line) {
        long v = number(text, what, line);
        if (v < 0) {
            throw error(line, what + " must be >= 0 (got " + text + ")");
        }
        return v;
    }

    private long number(String text, String what, int line) {
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                return Long.parseLong(text.substring(2), 16);
            }
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw error(line, what + " '" + text + "' is not an integer");
        }
    }

    private static String join(String[] t, int from) {
        return String.join(" ", java.util.Arrays.asList(t).subList(from, t.length));
    }

    private InputException error(int line, String message) {
        return new InputException(source, line, message);
    }
}
