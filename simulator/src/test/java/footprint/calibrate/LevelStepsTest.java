package footprint.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The level finder on curves with known answers: clean steps, a gradual step, and noise spikes. */
class LevelStepsTest {

    /** 48k L1D at 1.1 ns, 1m L2 at 3.8 ns rising from 512k (random page colours), 4m L3 at 12 ns, memory 100 ns. */
    private static List<LatencyPoint> zen5Like() {
        List<LatencyPoint> curve = new ArrayList<>();
        for (long b : CalibrationSettings.DEFAULT.workingSets()) {
            double ns;
            if (b <= 48 * 1024) {
                ns = 1.1;
            } else if (b <= 512 * 1024) {
                ns = 3.8;
            } else if (b <= 1024 * 1024) {
                ns = 3.8 + (b - 512 * 1024) / (512.0 * 1024) * 4; // 3.8 -> 7.8 as conflict misses grow
            } else if (b <= 4L * 1024 * 1024) {
                ns = 12;
            } else {
                ns = 100;
            }
            curve.add(new LatencyPoint(b, ns));
        }
        return curve;
    }

    @Test
    void findsEachLevelItsLatencyAndTheMemoryLatency() {
        LevelSteps steps = new LevelSteps(zen5Like());
        assertThat(steps.levels()).extracting(FoundLevel::name).containsExactly("L1", "L2", "L3");
        assertThat(steps.levels()).extracting(FoundLevel::nanos).containsExactly(1.1, 3.8, 12.0);
        assertThat(steps.levels().get(0).toBytes()).isEqualTo(48 * 1024);
        assertThat(steps.levels().get(0).stepBytes()).isBetween(48L * 1024, 56L * 1024);
        assertThat(steps.levels().get(1).stepBytes()).isBetween(768L * 1024, 1280L * 1024);
        assertThat(steps.memoryNanos()).isEqualTo(100.0, within(1e-9));
        assertThat(CalibratedModel.nearestGeometry(steps.levels().get(0).stepBytes(), 12)).isEqualTo(48 * 1024);
        assertThat(CalibratedModel.nearestGeometry(steps.levels().get(1).stepBytes(), 16)).isEqualTo(1024 * 1024);
        assertThat(CalibratedModel.nearestGeometry(steps.levels().get(2).stepBytes(), 16)).isEqualTo(4L * 1024 * 1024);
    }

    @Test
    void upwardSpikesFromANoisyNeighbourDoNotMakeLevels() {
        List<LatencyPoint> clean = zen5Like();
        List<LatencyPoint> noisy = new ArrayList<>();
        for (int i = 0; i < clean.size(); i++) {
            LatencyPoint p = clean.get(i);
            noisy.add(i % 5 == 2 ? new LatencyPoint(p.bytes(), p.nanos() * 4) : p);
        }
        LevelSteps steps = new LevelSteps(noisy);
        assertThat(steps.levels()).extracting(FoundLevel::nanos).containsExactly(1.1, 3.8, 12.0);
        assertThat(steps.levels().get(0).toBytes()).isEqualTo(48 * 1024);
    }

    @Test
    void nearestGeometryKeepsAPowerOfTwoSetCount() {
        assertThat(CalibratedModel.nearestGeometry(900 * 1024, 16)).isEqualTo(1024 * 1024);
        assertThat(CalibratedModel.nearestGeometry(700 * 1024, 16)).isEqualTo(512 * 1024);
        assertThat(CalibratedModel.nearestGeometry(40 * 1024, 12)).isEqualTo(48 * 1024);
        assertThat(CalibratedModel.nearestGeometry(30 * 1024, 12)).isEqualTo(24 * 1024);
    }
}
