package footprint.report;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.compare.LayoutComparisonFixtures;
import footprint.testsupport.ExternalTools;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opens the HTML report in headless Chromium: the DOM has the tables and charts, and a screenshot shows them. */
class HtmlInChromiumTest {
    @TempDir
    Path tmp;

    @Test
    void theReportRendersSelfContainedWithTablesAndCharts() throws Exception {
        ExternalTools.require("chromium", "the HTML report is checked in a real browser");
        Path html = tmp.resolve("report.html");
        ReportFile.write(html, ReportFormat.HTML.render(LayoutComparisonFixtures.movedField()));

        Result dom = chromium("--dump-dom", html.toUri().toString());
        assertThat(dom.exitCode()).as(dom.err()).isZero();
        assertThat(dom.out()).contains("<table class=\"lines\">").contains("<table class=\"metrics\">")
                .contains("<table class=\"guest-sweep\">").contains("<table class=\"placement-sweep\">")
                .contains("class=\"chart\"").contains("class=\"density\"");
        // The report has no script, so there are no console errors to look for; what can break is that
        // it stops being one self-contained file (a script, a stylesheet or an image fetched from elsewhere).
        assertThat(dom.out()).doesNotContain("<script").doesNotContainPattern("(?i)(src|href)=\"?(https?:|//|file:)");

        Path png = tmp.resolve("report.png");
        // One screen: the difference chart (its points and whiskers in #f28e2b) is on it; the density
        // grids' accessed-byte red (#d62728) is folded away below.
        Result shot = chromium("--screenshot=" + png, "--window-size=1200,1000", html.toUri().toString());
        assertThat(shot.exitCode()).as(shot.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(countColour(image, 0xf28e2b)).isGreaterThan(50);
        assertThat(countColour(image, 0xd62728)).isZero();
    }

    private static int countColour(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    private record Result(int exitCode, String out, String err) {}

    private Result chromium(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(tmp, "profile");
        List<String> cmd = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--enable-logging=stderr", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        Path out = tmp.resolve("chromium.out");
        Path err = tmp.resolve("chromium.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + cmd);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
