package footprint.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LineSpanTest {
    @Test
    void anAccessInsideOneLineTouchesItOnly() {
        assertThat(LineSpan.of(0x1000, 8, 64)).isEqualTo(new LineSpan(0x40, 0x40));
        assertThat(LineSpan.of(0x1038, 8, 64).count()).isEqualTo(1);
    }

    @Test
    void anAccessOverABoundaryTouchesBothLines() {
        LineSpan s = LineSpan.of(0x103c, 8, 64);
        assertThat(s).isEqualTo(new LineSpan(0x40, 0x41));
        assertThat(s.contains(0x41)).isTrue();
        assertThat(s.contains(0x42)).isFalse();
        assertThat(LineSpan.count(0x103c, 8, 6)).isEqualTo(2);
        assertThat(LineSpan.of(0, 4096, 64).count()).isEqualTo(64);
    }

    @Test
    void anEmptyAccessStillTouchesItsLine() {
        assertThat(LineSpan.count(0x1000, 0, 6)).isEqualTo(1);
    }

    @Test
    void addressesAreUnsignedAndAnAccessDoesNotWrap() {
        // A kernel address is negative as a signed long; its line number is not.
        assertThat(LineSpan.of(0xffff888000001000L, 8, 64).first()).isEqualTo(0xffff888000001000L >>> 6);
        // The last byte of the address space: one line, not a wrap to line 0.
        assertThat(LineSpan.of(0xffffffffffffffffL, 8, 64)).isEqualTo(new LineSpan(-1L >>> 6, -1L >>> 6));
        assertThat(LineSpan.count(0xfffffffffffffffcL, 8, 6)).isEqualTo(1);
    }

    @Test
    void theLineSizeIsAPowerOfTwo() {
        assertThat(LineSpan.shift(64)).isEqualTo(6);
        assertThatThrownBy(() -> LineSpan.shift(48)).hasMessageContaining("power of two");
    }
}
