package footprint.sim;

import java.util.Arrays;

/**
 * An exact histogram of double values: how often each distinct value occurred, in a primitive
 * open-addressing map keyed by the value's bits. Per-exit metrics are integer counts, or integer
 * cycles divided by the memory-level parallelism plus a base cost, so the distinct values are
 * bounded by the range of the values, not by how many were added.
 */
public final class ValueHistogram {
    /** A NaN bit pattern that {@link Double#doubleToLongBits} never returns (it folds every NaN into one): marks a free slot. */
    private static final long FREE = 0x7ff8_0000_0000_0001L;
    private static final long GOLDEN_GAMMA = 0x9E37_79B9_7F4A_7C15L;

    private long[] keys;
    private long[] counts;
    private int distinct;
    private long total;

    public ValueHistogram() {
        keys = new long[16];
        counts = new long[16];
        Arrays.fill(keys, FREE);
    }

    /** Adds one occurrence of {@code value}. */
    public void add(double value) {
        add(value, 1);
    }

    /** Adds {@code count} occurrences of {@code value}. */
    public void add(double value, long count) {
        if (count <= 0) {
            return;
        }
        long bits = Double.doubleToLongBits(value);
        int mask = keys.length - 1;
        int i = slot(bits, mask);
        while (keys[i] != bits && keys[i] != FREE) {
            i = (i + 1) & mask;
        }
        if (keys[i] == FREE) {
            keys[i] = bits;
            if (++distinct * 2 > keys.length) {
                counts[i] = count;
                total += count;
                grow();
                return;
            }
        }
        counts[i] += count;
        total += count;
    }

    /** Adds every value of {@code other} with its count. */
    public void addAll(ValueHistogram other) {
        for (int i = 0; i < other.keys.length; i++) {
            if (other.keys[i] != FREE) {
                add(Double.longBitsToDouble(other.keys[i]), other.counts[i]);
            }
        }
    }

    /** How many values were added. */
    public long total() {
        return total;
    }

    /** The distinct values in ascending order (as {@link Arrays#sort(double[])} orders them). */
    public double[] sortedValues() {
        double[] v = new double[distinct];
        int k = 0;
        for (long key : keys) {
            if (key != FREE) {
                v[k++] = Double.longBitsToDouble(key);
            }
        }
        Arrays.sort(v);
        return v;
    }

    /** How often {@code value} was added (0 if never). */
    public long count(double value) {
        long bits = Double.doubleToLongBits(value);
        int mask = keys.length - 1;
        for (int i = slot(bits, mask); keys[i] != FREE; i = (i + 1) & mask) {
            if (keys[i] == bits) {
                return counts[i];
            }
        }
        return 0;
    }

    /**
     * Folds the high half (sign, exponent, leading mantissa: where small integers differ) into
     * the low half before the multiply, whose upper bits then depend on all of them.
     */
    private static int slot(long bits, int mask) {
        return (int) (((bits ^ (bits >>> 32)) * GOLDEN_GAMMA) >>> 32) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new long[oldKeys.length * 2];
        Arrays.fill(keys, FREE);
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != FREE) {
                int i = slot(oldKeys[j], mask);
                while (keys[i] != FREE) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                counts[i] = oldCounts[j];
            }
        }
    }
}
