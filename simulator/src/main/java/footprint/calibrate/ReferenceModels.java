package footprint.calibrate;

import java.util.Optional;

/** The bundled model of the same microarchitecture as a CPU, by vendor, family and model number. */
public final class ReferenceModels {
    private ReferenceModels() {}

    /**
     * AMD family 26 is Zen 5, family 25 Zen 3 (models 0x00-0x0F, 0x20-0x5F) or Zen 4 (the rest)
     * (AMD PPRs); Intel family 6 models 0x55, 0x6A/0x6C and 0x8F are Skylake-SP, Ice Lake-SP and
     * Sapphire Rapids (Intel SDM Vol. 4, Table 2-1).
     */
    public static Optional<String> forCpu(CpuIdentity cpu) {
        if (cpu.vendor().equals("AuthenticAMD")) {
            if (cpu.family() == 26) {
                return Optional.of("zen5");
            }
            if (cpu.family() == 25) {
                boolean zen3 = cpu.model() <= 0x0F || (cpu.model() >= 0x20 && cpu.model() <= 0x5F);
                return Optional.of(zen3 ? "zen3" : "zen4");
            }
        }
        if (cpu.vendor().equals("GenuineIntel") && cpu.family() == 6) {
            return switch (cpu.model()) {
                case 0x55 -> Optional.of("skylake-sp");
                case 0x6A, 0x6C -> Optional.of("icelake-sp");
                case 0x8F -> Optional.of("sapphire-rapids");
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }
}
