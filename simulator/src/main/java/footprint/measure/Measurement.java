package footprint.measure;

import java.util.List;

/**
 * A {@code footprint measure} result: the settings it ran with, the model the prediction used
 * (and whether its clock was measured), and one point per guest working set.
 */
public record Measurement(String command, String trace, String placement, long seed, int exits, int rounds,
                          int warmupIterations, int measurementIterations, long iterationMillis, String modelId,
                          String modelFile, String modelNote, double clockGhz, String clockBasis, double modelMlp,
                          String perfNote, List<MeasuredPoint> points) {
    public Measurement {
        points = List.copyOf(points);
    }
}
