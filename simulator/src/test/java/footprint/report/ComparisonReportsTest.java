package footprint.report;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.compare.ComparisonReport;
import footprint.compare.LayoutComparisonFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ComparisonReportsTest {
    private static ComparisonReport report;

    @BeforeAll
    static void compare() {
        report = LayoutComparisonFixtures.movedField();
    }

    @Test
    void textFitsACoverLetter() {
        String text = ReportFormat.TEXT.render(report);
        assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(72));
        assertThat(text).doesNotContain("\u001b").contains("Verdict").contains("Guest-pressure sweep")
                .contains("Placement sweep").contains("vcpu.c: line 2 -> 0").contains("line-mates after: vcpu.a, vcpu.b").contains("    " + "ab".repeat(32));
    }

    @Test
    void jsonRoundTripsIntoAnEqualReport() {
        String json = ReportFormat.JSON.render(report);
        assertThat(ReportJson.read(json, ComparisonReport.class)).isEqualTo(report);
        assertThat(json).contains("\"guestSweep\"").contains("\"placementSweep\"").contains("\"verdict\"");
    }

    @Test
    void everyFormatIsByteIdenticalForTheSameInputsAndSeed() {
        ComparisonReport again = LayoutComparisonFixtures.movedField();
        for (ReportFormat f : ReportFormat.values()) {
            assertThat(f.render(again)).as(f.name()).isEqualTo(f.render(report));
        }
    }

    @Test
    void htmlIsSelfContainedWithTablesAndCharts() {
        String html = ReportFormat.HTML.render(report);
        assertThat(html).contains("<table class=\"guest-sweep\">").contains("<table class=\"placement-sweep\">")
                .contains("<table class=\"metrics\">").contains("class=\"chart\"").contains("class=\"density\"");
        // Nothing is loaded from anywhere: no scripts, links, images or stylesheets by URL.
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=").doesNotContain("href=")
                .doesNotContain("https://");
    }

    @Test
    void htmlOpensWithTheVerdictAndTheDifferenceChartAndFoldsTheTables() {
        String html = ReportFormat.HTML.render(report);
        int verdict = html.indexOf("<ul id=\"verdict\">");
        int chart = html.indexOf("class=\"chart\"");
        int folded = html.indexOf("<details");
        assertThat(verdict).isPositive().isLessThan(chart);
        assertThat(chart).isLessThan(folded);
        assertThat(html.substring(0, folded)).doesNotContain("<table");
        // The first chart draws the difference per exit and the mix, each with its interval whisker.
        String first = html.substring(chart, html.indexOf("</svg>", chart));
        assertThat(first).contains("after minus before");
        for (var row : report.models().get(0).rows()) {
            assertThat(first).contains(row.exit() + ": ");
        }
        assertThat(html.split("<details", -1).length - 1).isEqualTo(html.split("</details>", -1).length - 1);
    }

    @Test
    void markdownHasBothSweepsAndTheInputs() {
        String md = ReportFormat.MD.render(report);
        assertThat(md).contains("### Guest-pressure sweep").contains("### Placement sweep").contains("| trace |");
    }
}
