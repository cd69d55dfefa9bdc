package footprint.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void valuesThatRoundToZeroHaveNoSign() {
        assertThat(Numbers.signed(-0.003)).isEqualTo("0.0");
        assertThat(Numbers.signed(0.04)).isEqualTo("0.0");
        assertThat(Numbers.signed(0.06)).isEqualTo("+0.1");
        assertThat(Numbers.signed(-12.34)).isEqualTo("-12.3");
        assertThat(Numbers.signedTwo(-0.004)).isEqualTo("0.00");
        assertThat(Numbers.one(-0.0)).isEqualTo("0.0");
        assertThat(Numbers.percent(-0.00001)).isEqualTo("0.00%");
        assertThat(Numbers.percent(0.0073)).isEqualTo("+0.73%");
        assertThat(Numbers.p(0.0004)).isEqualTo("<0.001");
    }
}
