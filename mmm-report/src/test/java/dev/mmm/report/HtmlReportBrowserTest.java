package dev.mmm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the written report in headless Chromium: it renders with no console message and every chart
 * is in the DOM as an SVG. The screenshot stays in {@code target/browser-test/} for a person to look at.
 */
class HtmlReportBrowserTest {

    /** Kept after the build: the report and its screenshot. */
    static final Path ARTIFACTS = Path.of("target", "browser-test");

    @TempDir
    static Path scratch;

    static ReportInput input;
    static Path report;

    @BeforeAll
    static void writeReport() throws Exception {
        Files.createDirectories(ARTIFACTS);
        input = SampleReports.full();
        report = ARTIFACTS.resolve("report.html");
        HtmlReport.write(input, report);
    }

    @BeforeEach
    void needsChromium() {
        assumeTrue(HeadlessChromium.binary() != null, "skipped on the assumption that no browser is wanted here: chromium is not"
                + " installed at " + HeadlessChromium.DEFAULT + " (scripts/install-browser.sh installs it)");
    }

    @Test
    void rendersWithoutConsoleMessagesAndWithEveryChart() throws Exception {
        HeadlessChromium.Run run = HeadlessChromium.dumpDom(report, scratch);
        assertThat(run.consoleLines()).as("console messages while loading the report").isEmpty();
        String dom = run.stdout();
        List<ReportCharts.ReportChart> charts = ReportCharts.of(input);
        Matcher figures = Pattern.compile("<figure class=\"chart\" id=\"chart-([^\"]+)\" data-chart=\"[^\"]+\">\\s*<svg\\b").matcher(dom);
        Set<String> rendered = new HashSet<>();
        while (figures.find()) {
            rendered.add(figures.group(1));
        }
        assertThat(rendered).containsExactlyInAnyOrderElementsOf(charts.stream().map(ReportCharts.ReportChart::id).toList());
        // Escaped names stayed text: the parsed page has no element the data could have smuggled in.
        assertThat(dom).doesNotContain("<radio").doesNotContain("<script").doesNotContain("<shop");
        assertThat(dom).contains("tv &amp; &lt;radio&gt; \"quoted\"");
        for (String section : List.of("summary", "inputs", "sampler", "fit", "decomposition", "roas", "response", "allocation", "lift",
                "parameters")) {
            assertThat(dom).contains("<section id=\"" + section + "\">");
        }
    }

    @Test
    void screenshotShowsAPageNotABlank() throws Exception {
        Path png = ARTIFACTS.resolve("report.png");
        Files.deleteIfExists(png);
        HeadlessChromium.Run run = HeadlessChromium.screenshot(report, png, 1280, 4000, scratch);
        assertThat(run.consoleLines()).isEmpty();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(4000);
        assertThat(Images.distinctColours(image)).isGreaterThan(50);
    }

    @Test
    void theConsoleCheckSeesAnErrorWhenThereIsOne() throws Exception {
        // A control: the same check on a page with a broken script must find its error.
        Path broken = scratch.resolve("broken.html");
        Files.writeString(broken, "<!DOCTYPE html><html><body><p>x</p><script>notDefined();</script></body></html>",
                StandardCharsets.UTF_8);
        HeadlessChromium.Run run = HeadlessChromium.dumpDom(broken, scratch);
        assertThat(run.consoleLines()).anyMatch(l -> l.contains("Uncaught ReferenceError"));
    }
}
