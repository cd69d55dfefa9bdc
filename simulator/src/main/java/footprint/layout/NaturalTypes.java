package footprint.layout;

import java.util.Map;

/**
 * Sizes and alignments the x86-64 System V psABI fixes (Table 3.1 "Scalar Types"): C base types as
 * pahole prints them, pointers, and the kernel's fixed-width integer typedefs
 * (include/uapi/asm-generic/int-ll64.h, include/linux/types.h), whose alignment equals their size.
 */
final class NaturalTypes {
    private NaturalTypes() {}

    private static final Map<String, Integer> SIZES = Map.ofEntries(
            Map.entry("char", 1), Map.entry("signed char", 1), Map.entry("unsigned char", 1),
            Map.entry("_Bool", 1), Map.entry("bool", 1),
            Map.entry("short int", 2), Map.entry("short unsigned int", 2),
            Map.entry("int", 4), Map.entry("unsigned int", 4),
            Map.entry("long int", 8), Map.entry("long unsigned int", 8),
            Map.entry("long long int", 8), Map.entry("long long unsigned int", 8),
            Map.entry("float", 4), Map.entry("double", 8), Map.entry("long double", 16),
            Map.entry("__int128", 16), Map.entry("__int128 unsigned", 16),
            Map.entry("u8", 1), Map.entry("s8", 1), Map.entry("__u8", 1), Map.entry("__s8", 1),
            Map.entry("u16", 2), Map.entry("s16", 2), Map.entry("__u16", 2), Map.entry("__s16", 2),
            Map.entry("__le16", 2), Map.entry("__be16", 2),
            Map.entry("u32", 4), Map.entry("s32", 4), Map.entry("__u32", 4), Map.entry("__s32", 4),
            Map.entry("__le32", 4), Map.entry("__be32", 4),
            Map.entry("u64", 8), Map.entry("s64", 8), Map.entry("__u64", 8), Map.entry("__s64", 8),
            Map.entry("__le64", 8), Map.entry("__be64", 8),
            Map.entry("uint", 4), Map.entry("ulong", 8), Map.entry("size_t", 8), Map.entry("ssize_t", 8),
            Map.entry("uintptr_t", 8), Map.entry("gva_t", 8), Map.entry("gpa_t", 8), Map.entry("gfn_t", 8),
            Map.entry("hva_t", 8), Map.entry("hpa_t", 8), Map.entry("hfn_t", 8));

    /** Removes leading {@code const}/{@code volatile} qualifiers. */
    static String unqualified(String type) {
        String t = type;
        while (true) {
            if (t.startsWith("const ")) {
                t = t.substring(6);
            } else if (t.startsWith("volatile ")) {
                t = t.substring(9);
            } else {
                return t;
            }
        }
    }

    static boolean isPointer(String type) {
        return type.endsWith("*") || type.contains("(*");
    }

    /** Size in bytes of a base type, pointer or fixed-width typedef; 0 when unknown. */
    static int size(String type) {
        if (isPointer(type)) {
            return 8;
        }
        return SIZES.getOrDefault(unqualified(type), 0);
    }

    /**
     * Alignment the ABI fixes for this type, or 0 when the type's name does not reveal it. An enum is
     * aligned to its size (gcc picks an integer type of that size; the dump prints the size).
     */
    static int alignment(String type, long elementSize) {
        if (isPointer(type)) {
            return 8;
        }
        String t = unqualified(type);
        if ((t.equals("enum") || t.startsWith("enum ")) && elementSize > 0 && Long.bitCount(elementSize) == 1) {
            return (int) elementSize;
        }
        return SIZES.getOrDefault(t, 0);
    }
}
