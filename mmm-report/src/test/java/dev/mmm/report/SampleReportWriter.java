package dev.mmm.report;

import java.nio.file.Path;

/** Writes the sample report and its charts under target/ for a person to look at (not a test). */
final class SampleReportWriter {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/sample-report");
        ReportInput in = SampleReports.full();
        ReportCharts.writeFiles(in, dir.resolve("charts"));
        HtmlReport.write(in, dir.resolve("report.html"));
    }
}
