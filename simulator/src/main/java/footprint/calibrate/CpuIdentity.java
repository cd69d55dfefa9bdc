package footprint.calibrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The CPU as /proc/cpuinfo names it: model name, vendor, family, model and stepping (decimal). */
public record CpuIdentity(String modelName, String vendor, int family, int model, int stepping) {
    public static final CpuIdentity UNKNOWN = new CpuIdentity("unknown CPU", "unknown", -1, -1, -1);

    /** The first processor's entry of a cpuinfo file; {@link #UNKNOWN} when it cannot be read. */
    public static CpuIdentity read(Path cpuinfo) {
        List<String> lines;
        try {
            lines = Files.readAllLines(cpuinfo);
        } catch (IOException | SecurityException e) {
            return UNKNOWN;
        }
        String name = UNKNOWN.modelName;
        String vendor = UNKNOWN.vendor;
        int family = -1;
        int model = -1;
        int stepping = -1;
        for (String line : lines) {
            if (line.isBlank() && family >= 0) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "model name" -> name = value;
                case "vendor_id" -> vendor = value;
                case "cpu family" -> family = parse(value);
                case "model" -> model = parse(value);
                case "stepping" -> stepping = parse(value);
                default -> { }
            }
        }
        return new CpuIdentity(name, vendor, family, model, stepping);
    }

    /** "AMD EPYC (AuthenticAMD family 26 model 2 stepping 1)", the CPU string model sources quote. */
    public String describe() {
        return String.format(Locale.ROOT, "%s (%s family %d model %d stepping %d)", modelName, vendor, family, model,
                stepping);
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
