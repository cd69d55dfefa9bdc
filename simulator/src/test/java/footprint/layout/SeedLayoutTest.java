package footprint.layout;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.testsupport.RepoFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed thread's numbers (6688 -> 6560 bytes) come out of the tool's own count. */
class SeedLayoutTest {
    private static StructLayout load(String file) {
        LayoutSet set = LayoutSet.load(List.of(RepoFiles.resolve("models/layouts/seed/" + file)));
        assertThat(set.warnings()).isEmpty();
        StructLayout s = set.find("kvm_vcpu").orElseThrow();
        assertThat(LayoutEngine.verify(s)).isNull();
        return s;
    }

    @Test
    void before() {
        LayoutStats st = LayoutStats.of(load("kvm_vcpu.before.pahole"));
        assertThat(st.size()).isEqualTo(6688);
        assertThat(st.cachelines()).isEqualTo(105);
        assertThat(st.members()).isEqualTo(33);
        assertThat(st.holes()).isEqualTo(5);
        assertThat(st.sumHoles()).isEqualTo(19);
        assertThat(st.sumMembers()).isEqualTo(6669);
    }

    @Test
    void after() {
        LayoutStats st = LayoutStats.of(load("kvm_vcpu.after.pahole"));
        assertThat(st.size()).isEqualTo(6560);
        assertThat(st.cachelines()).isEqualTo(103);
        assertThat(st.holes()).isEqualTo(2);
        assertThat(st.sumHoles()).isEqualTo(7);
        assertThat(st.sumMembers()).isEqualTo(6553);
    }
}
