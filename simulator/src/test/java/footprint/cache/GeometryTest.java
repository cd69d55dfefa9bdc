package footprint.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GeometryTest {
    @Test
    void derivesSetsMasksAndShifts() {
        Geometry g = Geometry.parse("1m:16:64");
        assertThat(g.sets()).isEqualTo(1024);
        assertThat(g.setMask()).isEqualTo(1023);
        assertThat(g.lineShift()).isEqualTo(6);
        assertThat(Geometry.parse("1280k:20:64").sets()).isEqualTo(1024);
        assertThat(Geometry.parse("22MiB:11:64").sets()).isEqualTo(32768);
        assertThat(Geometry.parse("8192:2:32").toString()).isEqualTo("8k:2:32");
    }

    @Test
    void rejectsShapesNoX86CacheHas() {
        assertThatThrownBy(() -> Geometry.parse("48k:8:64")).hasMessageContaining("set count 96").hasMessageContaining("not a power of two");
        assertThatThrownBy(() -> Geometry.parse("32k:8:48")).hasMessageContaining("line size must be a power of two");
        assertThatThrownBy(() -> Geometry.parse("1000:8:64")).hasMessageContaining("not a multiple");
        assertThatThrownBy(() -> Geometry.parse("32k:0:64")).hasMessageContaining("ways must be positive");
        assertThatThrownBy(() -> Geometry.parse("32k:8")).hasMessageContaining("SIZE:WAYS:LINE");
        assertThatThrownBy(() -> Geometry.parse("lots:8:64")).hasMessageContaining("SIZE:WAYS:LINE");
    }
}
