package footprint.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A member order from member heat: hot members first, in groups of members touched by the same set
 * of exits; then every cold member in its current order.
 *
 * <p>Groups follow a reflected Gray code over the exits ranked by falling stream weight (ties by
 * trace order): first every set that holds the most frequent exit, so that exit's members form one
 * run; inside that run the sets without the second exit come before those with it, and the sets
 * with the second but not the first follow right after, so the second exit's members form one run
 * too; each later exit's members split into at most twice as many runs as the one before. Inside a
 * group, larger alignment comes first (fewer holes), then smaller size (a large member, of which an
 * exit may touch a few bytes, does not push the group's small members apart), ties by current
 * position.
 */
public final class HotOrder {
    /** Members touched by exactly these exits, and the summed stream weight of the exits. */
    public record Group(List<String> exits, double weight, List<String> members) {
        public Group {
            exits = List.copyOf(exits);
            members = List.copyOf(members);
        }
    }

    /** The proposed order: the hot groups in order, then the cold members. */
    public record Proposal(List<Group> groups, List<String> cold) {
        public Proposal {
            groups = List.copyOf(groups);
            cold = List.copyOf(cold);
        }

        /** Every member exactly once, in the proposed order. */
        public List<String> order() {
            List<String> out = new ArrayList<>();
            groups.forEach(g -> out.addAll(g.members()));
            out.addAll(cold);
            return out;
        }
    }

    private HotOrder() {}

    /** The order for {@code members} (current order) under exits named {@code exitNames} with {@code weights}. */
    public static Proposal derive(List<HotMember> members, List<String> exitNames, double[] weights) {
        Integer[] rank = new Integer[weights.length];
        for (int x = 0; x < rank.length; x++) {
            rank[x] = x;
        }
        Arrays.sort(rank, Comparator.comparingDouble((Integer x) -> -weights[x])
                .thenComparingInt(x -> x));
        Map<List<Integer>, List<HotMember>> bySet = new LinkedHashMap<>();
        List<String> cold = new ArrayList<>();
        for (HotMember m : members) {
            if (m.hot()) {
                bySet.computeIfAbsent(m.exits(), k -> new ArrayList<>()).add(m);
            } else {
                cold.add(m.name());
            }
        }
        List<List<Integer>> sets = new ArrayList<>(bySet.keySet());
        sets.sort((a, b) -> compareGray(grayRank(b, rank), grayRank(a, rank)));
        List<Group> groups = new ArrayList<>();
        for (List<Integer> set : sets) {
            List<HotMember> group = new ArrayList<>(bySet.get(set));
            group.sort(Comparator.comparingInt((HotMember m) -> -m.alignment())
                    .thenComparingLong(HotMember::size)
                    .thenComparingInt(HotMember::position));
            List<String> exits = new ArrayList<>();
            double weight = 0;
            for (Integer x : rank) {
                if (set.contains(x)) {
                    exits.add(exitNames.get(x));
                    weight += weights[x];
                }
            }
            groups.add(new Group(exits, Shares.round(weight), group.stream().map(HotMember::name).toList()));
        }
        return new Proposal(groups, cold);
    }

    /**
     * The position of a set of exits along the reflected Gray code, as bits from the most frequent
     * exit down: bit j is the parity of the exits among the j+1 most frequent that the set holds.
     */
    private static boolean[] grayRank(List<Integer> set, Integer[] rank) {
        boolean[] bits = new boolean[rank.length];
        boolean parity = false;
        for (int j = 0; j < rank.length; j++) {
            parity ^= set.contains(rank[j]);
            bits[j] = parity;
        }
        return bits;
    }

    private static int compareGray(boolean[] a, boolean[] b) {
        for (int j = 0; j < a.length; j++) {
            if (a[j] != b[j]) {
                return a[j] ? 1 : -1;
            }
        }
        return 0;
    }
}
