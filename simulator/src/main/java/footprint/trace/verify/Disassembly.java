package footprint.trace.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instructions of compiled modules indexed by the source lines their debug information
 * attributes them to: the innermost line and every call site the code was inlined into. Read
 * from {@code objdump -dl --inlines --no-show-raw-insn} output.
 */
public final class Disassembly {
    private static final Pattern SYMBOL = Pattern.compile("^[0-9a-f]+ <(.+)>:$");
    /** objdump names the (possibly inlined) function of the lines that follow: {@code kvm_rax_read():}. */
    private static final Pattern FUNCTION = Pattern.compile("^([A-Za-z_][A-Za-z0-9_.]*)\\(\\):$");
    private static final Pattern LOCATION = Pattern.compile("^(\\S+):(\\d+)(?: \\(discriminator \\d+\\))?$");
    private static final Pattern INLINED = Pattern.compile("^inlined by (\\S+):(\\d+)(?: \\(discriminator \\d+\\))?(?: \\(.*\\))?$");
    private static final Pattern INSTRUCTION = Pattern.compile("^\\s+([0-9a-f]+):\\s+(.*)$");
    /** {@code disp(%base[,%index[,scale]])} without a segment prefix (a %gs: operand is per-CPU data). */
    private static final Pattern OPERAND = Pattern.compile(
            "(?<![:\\w])(-?0x[0-9a-f]+|-?\\d+)?\\((%(\\w+))(,%\\w+)?(?:,\\d)?\\)");
    private static final Pattern REGISTER = Pattern.compile("%([a-z0-9]+)");
    private static final Pattern NO_ACCESS = Pattern.compile("(?:lea|nop|prefetch)");
    private static final Pattern VECTOR = Pattern.compile("%([xyz])mm\\d+");

    /** file (as the debug info spells it, normalised) -> line -> instructions. */
    private final Map<String, Map<Integer, List<Instruction>>> byFile = new HashMap<>();
    /** function name (inlined instances included) -> its instructions. */
    private final Map<String, List<Instruction>> byFunction = new HashMap<>();
    /** file name (last path component) -> debug-info files of that name, for suffix lookups. */
    private final Map<String, List<String>> byName = new HashMap<>();

    /** Adds one module's objdump output; returns how many source locations it had (0: no debug line info). */
    int add(String module, BufferedReader objdump) throws IOException {
        String function = "?";
        String inlined = null;
        List<String> where = new ArrayList<>();
        boolean afterInstruction = false;
        int locations = 0;
        String line;
        while ((line = objdump.readLine()) != null) {
            Matcher m;
            if ((m = INSTRUCTION.matcher(line)).matches()) {
                Instruction insn = new Instruction(module, function, Long.parseLong(m.group(1), 16),
                        m.group(2).replaceAll("\\s+", " ").strip(), operands(m.group(2)));
                for (String w : where) {
                    int colon = w.lastIndexOf(':');
                    byFile.computeIfAbsent(w.substring(0, colon), k -> new HashMap<>())
                            .computeIfAbsent(Integer.parseInt(w.substring(colon + 1)), k -> new ArrayList<>()).add(insn);
                }
                if (inlined != null) {
                    byFunction.computeIfAbsent(inlined, k -> new ArrayList<>()).add(insn);
                }
                afterInstruction = true;
            } else if ((m = FUNCTION.matcher(line)).matches()) {
                inlined = m.group(1);
            } else if ((m = INLINED.matcher(line)).matches()) {
                if (afterInstruction && !where.isEmpty()) {
                    where = new ArrayList<>(where.subList(0, 1)); // same innermost line, a new inlining chain
                }
                where.add(location(m.group(1), m.group(2)));
                afterInstruction = false;
            } else if ((m = LOCATION.matcher(line)).matches()) {
                where = new ArrayList<>(List.of(location(m.group(1), m.group(2))));
                afterInstruction = false;
                locations++;
            } else if ((m = SYMBOL.matcher(line)).matches()) {
                function = m.group(1);
                inlined = null;
                where = new ArrayList<>();
            }
        }
        return locations;
    }

    /** The instructions attributed to {@code file:line}, {@code file} relative to the kernel tree root. */
    public List<Instruction> at(String file, int line) {
        List<Instruction> out = new ArrayList<>();
        for (String debugFile : files(file)) {
            out.addAll(byFile.get(debugFile).getOrDefault(line, List.of()));
        }
        return out;
    }

    /** The instructions the debug info places in {@code function}, in every copy it was inlined into. */
    public List<Instruction> in(String function) {
        return byFunction.getOrDefault(function, List.of());
    }

    /** Whether any code of the modules comes from {@code file}. */
    public boolean hasFile(String file) {
        return !files(file).isEmpty();
    }

    private List<String> files(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return byName.getOrDefault(name, List.of()).stream()
                .filter(f -> f.equals(file) || f.endsWith("/" + file)).toList();
    }

    private String location(String path, String line) {
        String file = Path.of(path).normalize().toString();
        if (!byFile.containsKey(file)) {
            byFile.put(file, new HashMap<>());
            byName.computeIfAbsent(file.substring(file.lastIndexOf('/') + 1), k -> new ArrayList<>()).add(file);
        }
        return file + ":" + line;
    }

    private static List<Instruction.MemoryOperand> operands(String text) {
        List<Instruction.MemoryOperand> out = new ArrayList<>();
        if (NO_ACCESS.matcher(text).lookingAt()) {
            return out; // address arithmetic and hints: the operand's bytes are not read or written
        }
        Matcher m = OPERAND.matcher(text);
        while (m.find()) {
            String base = m.group(3);
            if (base.equals("rip") || base.equals("rsp")) {
                continue; // a global or the stack, never a field of a heap object
            }
            String disp = m.group(1);
            long d = 0;
            if (disp != null) {
                boolean negative = disp.startsWith("-");
                String digits = negative ? disp.substring(1) : disp;
                d = digits.startsWith("0x") ? Long.parseUnsignedLong(digits.substring(2), 16) : Long.parseLong(digits);
                d = negative ? -d : d;
            }
            out.add(new Instruction.MemoryOperand(d, width(text), m.group(4) != null));
        }
        return out;
    }

    /**
     * Bytes a memory operand of this instruction spans: a vector register's width, else the
     * size of the general register it moves to or from, else the mnemonic's size suffix
     * ({@code movl $0,0x10(%rbx)}), else 8.
     */
    private static int width(String text) {
        Matcher v = VECTOR.matcher(text);
        if (v.find()) {
            return switch (v.group(1)) {
                case "x" -> 16;
                case "y" -> 32;
                default -> 64;
            };
        }
        if (text.startsWith("rep stos")) {
            return 64;
        }
        Matcher r = REGISTER.matcher(text.replaceAll("\\([^)]*\\)", ""));
        if (r.find()) {
            return registerWidth(r.group(1));
        }
        String mnemonic = text.split(" ", 2)[0];
        return switch (mnemonic.charAt(mnemonic.length() - 1)) {
            case 'b' -> 1;
            case 'w' -> 2;
            case 'l' -> 4;
            default -> 8;
        };
    }

    private static int registerWidth(String reg) {
        if (reg.matches("r\\d+d|e[a-z]{2}")) {
            return 4;
        }
        if (reg.matches("r\\d+w|[a-d]x|[sd]i|[sb]p")) {
            return 2;
        }
        if (reg.matches("r\\d+b|[a-d][lh]|[sd]il|[sb]pl")) {
            return 1;
        }
        return 8;
    }
}
