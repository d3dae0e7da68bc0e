package dev.mmm.cli;

import dev.mmm.core.io.FitFolder;
import dev.mmm.core.io.FitSummary;
import dev.mmm.core.io.FitWriter;
import dev.mmm.core.io.SummaryJson;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.geo.GeoFit;
import dev.mmm.report.GeoFitReport;
import dev.mmm.report.FitReport;
import dev.mmm.report.HtmlReport;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mmm report}: one self-contained HTML page of a saved fit. */
@Command(mixinStandardHelpOptions = true,
        name = "report",
        description = {
            "Write one self-contained HTML report of a fit (opens with no network).",
            "",
            "Model and data, input diagnostics, sampler diagnostics in plain words, the fit with its bands and residuals,"
                    + " the decomposition, ROAS and shares per channel, response curves, adstock, and the key parameters'"
                    + " rank plots, traces and prior vs posterior."},
        footer = {"", "Examples:", "  mmm report --fit fit-out", "  mmm report --fit fit-out --out q3-review.html"})
final class ReportCommand extends CliCommand {

    @Option(names = "--fit", required = true, paramLabel = "DIR", description = "A fit folder written by 'mmm fit' (or by 'mmm fit-geo': then the report shows the national ROAS, the ROAS per geo and the national response curves).")
    Path fit;

    @Option(names = "--out", paramLabel = "FILE", description = "The HTML file (default: report.html in the fit folder).")
    Path out;

    @Option(names = "--title", defaultValue = "Media mix model", paramLabel = "TEXT", description = "Title of the page. Default: ${DEFAULT-VALUE}.")
    String title;

    @Option(names = "--json", description = "Print {\"report\": path} instead of a sentence.")
    boolean json;

    @Override
    protected int execute() throws Exception {
        Path file = write(fit, out == null ? fit.resolve("report.html") : out, title);
        if (json) {
            out().println(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                    .put("report", file.toAbsolutePath().toString()).toString());
            return ExitCodes.OK;
        }
        out().println("Wrote " + file);
        return ExitCodes.OK;
    }

    /** Writes the report of the fit in {@code fitDir} to {@code file} and returns the file. */
    static Path write(Path fitDir, Path file, String title) throws Exception {
        System.setProperty("java.awt.headless", "true");
        if (GeoFit.isGeoFit(fitDir)) {
            GeoFit geo = GeoFit.load(fitDir);
            FitSummary summary = SummaryJson.read(fitDir.resolve(FitWriter.SUMMARY_FILE));
            HtmlReport.write(GeoFitReport.of(geo, summary, title), file);
            return file;
        }
        MmmFit loaded = FitFolder.load(fitDir);
        FitSummary summary = SummaryJson.read(fitDir.resolve(FitWriter.SUMMARY_FILE));
        HtmlReport.write(FitReport.of(loaded, summary, title), file);
        return file;
    }
}
