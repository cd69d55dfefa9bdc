package footprint.optimize;

import java.util.List;
import java.util.Locale;

/**
 * A rule a proposed layout must keep, with where it comes from ({@code FILE:LINE} of a constraints
 * file, or of the kernel source it was mined from). Members are top-level members of {@code struct}.
 */
public sealed interface Constraint {
    String struct();

    String origin();

    /** The rule as a constraints file writes it. */
    String text();

    /** {@code member} starts at byte {@code offset} of {@code struct}. */
    record Pin(String struct, String member, long offset, String origin) implements Constraint {
        @Override
        public String text() {
            return String.format(Locale.ROOT, "pin %s.%s %d", struct, member, offset);
        }
    }

    /** The members stay next to each other, in this order, as one block. */
    record Together(String struct, List<String> members, String origin) implements Constraint {
        public Together {
            members = List.copyOf(members);
        }

        @Override
        public String text() {
            StringBuilder b = new StringBuilder("together");
            members.forEach(m -> b.append(' ').append(struct).append('.').append(m));
            return b.toString();
        }
    }

    /** {@code first} comes before {@code second}. */
    record Before(String struct, String first, String second, String origin) implements Constraint {
        @Override
        public String text() {
            return "before " + struct + "." + first + " " + struct + "." + second;
        }
    }
}
