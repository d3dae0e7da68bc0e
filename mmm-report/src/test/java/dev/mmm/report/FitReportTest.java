package dev.mmm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mmm.core.io.FitMetadata;
import dev.mmm.core.io.FitWriter;
import dev.mmm.core.model.Mmm;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.simulate.DemoData;
import dev.mmm.core.simulate.Simulation;
import dev.mmm.sampler.SamplerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of a real fit of simulated data: every section filled, and it renders in Chromium. */
class FitReportTest {

    @TempDir
    static Path scratch;
    static ReportInput input;
    static Path report;
    static Simulation sim;

    @BeforeAll
    static void fitAndWrite() throws Exception {
        sim = DemoData.generate(2);
        MmmFit fit = Mmm.fit(sim.spec(), sim.data(), SamplerSettings.builder().chains(2).warmup(200).draws(150).seed(3).build());
        input = FitReport.of(fit, FitWriter.summaryOf(fit, FitMetadata.none()), "Demo fit");
        Files.createDirectories(HtmlReportBrowserTest.ARTIFACTS);
        report = HtmlReportBrowserTest.ARTIFACTS.resolve("fit-report.html");
        HtmlReport.write(input, report);
    }

    @Test
    void everyAnalysisSectionIsFilledFromTheFit() {
        assertThat(input.roas()).hasSize(DemoData.CHANNELS.size());
        assertThat(input.shares().stream().mapToDouble(s -> s.mean()).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(input.responseCurves()).hasSize(DemoData.CHANNELS.size());
        assertThat(input.adstock()).hasSize(DemoData.CHANNELS.size());
        assertThat(input.fit().dates()).hasSize(sim.data().rows());
        assertThat(input.fitQuality().r2()).isGreaterThan(0.8);
        assertThat(input.fitQuality().coverage()).isBetween(0.8, 1.0);
        assertThat(input.keyParameters()).extracting(dev.mmm.report.view.ParameterDraws::name).contains("sigma", "beta[tv]");
        assertThat(input.contributions().series()).extracting(s -> s.name()).contains("tv", "intercept", "fourier");
        assertThat(input.sampler().chains()).isEqualTo(2);
    }

    @Test
    void rendersInChromiumWithEveryChartAndNoConsoleMessages() throws Exception {
        assumeTrue(HeadlessChromium.binary() != null || System.getenv("CI") != null,
                "skipped: chromium is not installed at " + HeadlessChromium.DEFAULT + " (scripts/install-browser.sh installs it)");
        HeadlessChromium.Run run = HeadlessChromium.dumpDom(report, scratch);
        assertThat(run.consoleLines()).as("console messages while loading the report").isEmpty();
        Matcher figures = Pattern.compile("<figure class=\"chart\" id=\"chart-([^\"]+)\" data-chart=\"[^\"]+\">\\s*<svg\\b")
                .matcher(run.stdout());
        Set<String> rendered = new HashSet<>();
        while (figures.find()) {
            rendered.add(figures.group(1));
        }
        List<String> expected = ReportCharts.of(input).stream().map(ReportCharts.ReportChart::id).toList();
        assertThat(rendered).containsExactlyInAnyOrderElementsOf(expected);
        Path png = HtmlReportBrowserTest.ARTIFACTS.resolve("fit-report.png");
        HeadlessChromium.screenshot(report, png, 1280, 6000, scratch);
        assertThat(png).exists();
    }
}
