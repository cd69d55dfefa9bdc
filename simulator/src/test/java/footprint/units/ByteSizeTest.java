package footprint.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {
    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource({
        "0, 0", "512, 512", "512b, 512", "24k, 24576", "24K, 24576", "32KiB, 32768", "32kb, 32768",
        "1M, 1048576", "1m, 1048576", "1MiB, 1048576", "4g, 4294967296", "' 64k ', 65536",
    })
    void parsesEveryWayTheCommandLineAndModelsWriteASize(String text, long bytes) {
        assertThat(ByteSize.parse(text).bytes()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "k", "-1", "1.5k", "lots", "32ki", "0x10", "1t", "KiB"})
    void refusesWhatIsNotASize(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a size: '" + text + "'").hasMessageContaining("32KiB");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "8589934592g"})
    void refusesSizesBeyondALong(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text)).hasMessageContaining("size too large");
    }

    @ParameterizedTest(name = "{0} bytes print as {1}")
    @CsvSource({"0, 0", "512, 512", "1000, 1000", "32768, 32k", "1310720, 1280k", "4194304, 4M", "1073741824, 1G"})
    void formatsWithTheLargestExactSuffixAndReadsBack(long bytes, String text) {
        assertThat(ByteSize.format(bytes)).isEqualTo(text);
        assertThat(ByteSize.parse(text).bytes()).isEqualTo(bytes);
    }
}
