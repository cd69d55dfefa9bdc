package footprint.calibrate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A data cache level as the system describes it, to set beside the level found from the latency
 * steps: from sysfs ({@code /sys/devices/system/cpu/cpu0/cache/index*}) where the kernel
 * exports it, else from AMD's extended CPUID leaves 0x80000005 (L1D) and 0x80000006 (L2, L3)
 * through {@code /dev/cpu/0/cpuid}. In a virtual machine both come from the hypervisor and may
 * describe the whole host, not what one vCPU sees.
 */
public record ReportedCache(int level, long sizeBytes, int ways, int lineSize, String source) {

    /** What the system reports, sysfs first; empty when neither source is readable. */
    public static List<ReportedCache> read(Path sysCpu0Cache, Path cpuidDevice) {
        List<ReportedCache> sys = fromSysfs(sysCpu0Cache);
        return sys.isEmpty() ? fromAmdCpuid(cpuidDevice) : sys;
    }

    static List<ReportedCache> fromSysfs(Path dir) {
        List<ReportedCache> out = new ArrayList<>();
        for (int i = 0; Files.isDirectory(dir.resolve("index" + i)); i++) {
            Path idx = dir.resolve("index" + i);
            try {
                String type = Files.readString(idx.resolve("type")).trim();
                if (type.equals("Instruction")) {
                    continue;
                }
                int level = Integer.parseInt(Files.readString(idx.resolve("level")).trim());
                long size = parseSysfsSize(Files.readString(idx.resolve("size")).trim());
                int ways = Integer.parseInt(Files.readString(idx.resolve("ways_of_associativity")).trim());
                int line = Integer.parseInt(Files.readString(idx.resolve("coherency_line_size")).trim());
                out.add(new ReportedCache(level, size, ways, line, idx.toString()));
            } catch (IOException | NumberFormatException e) {
                // An index the kernel describes only in part adds nothing we can use.
            }
        }
        return out;
    }

    static long parseSysfsSize(String s) {
        String u = s.toUpperCase(Locale.ROOT);
        long mult = u.endsWith("K") ? 1024 : u.endsWith("M") ? 1024 * 1024 : 1;
        return Long.parseLong(mult == 1 ? u : u.substring(0, u.length() - 1)) * mult;
    }

    static List<ReportedCache> fromAmdCpuid(Path device) {
        List<ReportedCache> out = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(device, StandardOpenOption.READ)) {
            int[] max = cpuid(ch, 0x80000000);
            if (Integer.compareUnsigned(max[0], 0x80000006) < 0) {
                return out;
            }
            int[] l1 = cpuid(ch, 0x80000005);
            int[] l2l3 = cpuid(ch, 0x80000006);
            String src = device + " CPUID ";
            int ecx1 = l1[2];
            out.add(new ReportedCache(1, (long) (ecx1 >>> 24) * 1024, (ecx1 >>> 16) & 0xff, ecx1 & 0xff,
                    src + "0x80000005 ECX"));
            int ecx2 = l2l3[2];
            out.add(new ReportedCache(2, (long) (ecx2 >>> 16) * 1024, amdWays((ecx2 >>> 12) & 0xf), ecx2 & 0xff,
                    src + "0x80000006 ECX"));
            int edx2 = l2l3[3];
            long l3 = (long) (edx2 >>> 18) * 512 * 1024;
            if (l3 > 0) {
                out.add(new ReportedCache(3, l3, amdWays((edx2 >>> 12) & 0xf), edx2 & 0xff, src + "0x80000006 EDX"));
            }
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            // No cpuid device (module not loaded, not root, not Linux): nothing reported.
        }
        return out;
    }

    /** The msr/cpuid driver reads leaf EAX (and subleaf ECX) at file offset ECX << 32 | EAX. */
    private static int[] cpuid(FileChannel ch, int leaf) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        ch.read(b, Integer.toUnsignedLong(leaf));
        b.flip();
        if (b.remaining() < 16) {
            throw new IOException("short CPUID read");
        }
        return new int[] {b.getInt(), b.getInt(), b.getInt(), b.getInt()};
    }

    /**
     * AMD's 4-bit associativity code of leaf 0x80000006 (AMD APM Vol. 3, E.4.7): 0 = none, 9 =
     * see leaf 0x8000001D, 0xF = fully associative; -1 where the code gives no number.
     */
    static int amdWays(int code) {
        return switch (code) {
            case 1 -> 1;
            case 2 -> 2;
            case 3 -> 3;
            case 4 -> 4;
            case 5 -> 6;
            case 6 -> 8;
            case 8 -> 16;
            case 0xA -> 32;
            case 0xB -> 48;
            case 0xC -> 64;
            case 0xD -> 96;
            case 0xE -> 128;
            default -> -1;
        };
    }
}
