package footprint.report;

import footprint.compare.ComparisonReport;
import java.util.function.Function;

/** The formats a comparison report is written in; each constant knows its renderer. */
public enum ReportFormat {
    TEXT(ComparisonText::render),
    MD(ComparisonMarkdown::render),
    JSON(ReportJson::write),
    HTML(ComparisonHtml::render);

    private final Function<ComparisonReport, String> renderer;

    ReportFormat(Function<ComparisonReport, String> renderer) {
        this.renderer = renderer;
    }

    public String render(ComparisonReport report) {
        return renderer.apply(report);
    }
}
