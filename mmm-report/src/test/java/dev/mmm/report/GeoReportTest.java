package dev.mmm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mmm.report.view.ChannelEstimate;
import dev.mmm.report.view.GeoContribution;
import dev.mmm.report.view.GeoEstimate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The geo section of the report: national ROAS table, per-geo ROAS chart and table, escaped names, in a browser. */
class GeoReportTest {

    static final String EVIL_GEO = "North & <South> \"quoted\"";

    @TempDir
    Path scratch;

    static ReportInput input() {
        List<GeoEstimate> perGeo = new ArrayList<>();
        List<String> geos = List.of(EVIL_GEO, "East", "West");
        for (int g = 0; g < geos.size(); g++) {
            perGeo.add(new GeoEstimate(geos.get(g), "search", 1.2 + 0.1 * g, 0.9, 1.6 + 0.1 * g));
            perGeo.add(new GeoEstimate(geos.get(g), "social", 0.7 + 0.05 * g, 0.4, 1.1));
        }
        List<GeoContribution> parts = new ArrayList<>();
        for (int g = 0; g < geos.size(); g++) {
            parts.add(new GeoContribution(geos.get(g), "intercept", 8000.0 + g, 0.8));
            parts.add(new GeoContribution(geos.get(g), "search", 1500.0, 0.15));
            parts.add(new GeoContribution(geos.get(g), "social", 500.0, 0.05));
        }
        return ReportInput.builder(SampleReports.model())
                .roas(List.of(new ChannelEstimate("search", 1.3, 1.1, 1.5), new ChannelEstimate("social", 0.75, 0.6, 0.9)))
                .geoRoas(perGeo)
                .geoDecomposition(parts)
                .build();
    }

    @Test
    void theGeoSectionHasTheChartAndOneRowPerGeoAndChannel() {
        String html = HtmlReport.render(input());
        assertThat(html).contains("<section id=\"geo\">").contains("<a href=\"#geo\">Geos</a>")
                .contains("<section id=\"roas\">").contains("data-chart=\"geo-roas\"");
        // National ROAS rows, a row per geo and channel, a decomposition row per geo.
        assertThat(HtmlReportTest.count(html, "<tr><td>")).isEqualTo(2 + 6 + 3);
        assertThat(html).contains("<td>East</td><td>social</td>");
        assertThat(html).contains("<th>geo</th><th class=\"num\">intercept</th><th class=\"num\">search</th>"
                + "<th class=\"num\">social</th>");
        assertThat(html).contains("<tr><td>West</td><td class=\"num\">" + Fmt.number(8002.0) + " (80.0%)</td>");
        assertThat(html).doesNotContain("<South>").contains("North &amp; &lt;South&gt; &quot;quoted&quot;");
        assertThat(ReportCharts.of(input()).stream().map(ReportCharts.ReportChart::id)).containsExactly("roas", "geo-roas");
        // The national ROAS comes before the geos.
        assertThat(html.indexOf("<section id=\"roas\">")).isLessThan(html.indexOf("<section id=\"geo\">"));
    }

    @Test
    void aGeoAndChannelTwiceOrABadIntervalIsRefused() {
        assertThatThrownBy(() -> ReportInput.builder(SampleReports.model())
                .geoRoas(List.of(new GeoEstimate("A", "tv", 1, 0.5, 2), new GeoEstimate("A", "tv", 1, 0.5, 2))).build())
                .hasMessageContaining("ReportInput.geoRoas");
        assertThatThrownBy(() -> new GeoEstimate("A", "tv", 1, 2, 0.5)).hasMessageContaining("GeoEstimate 'tv' in 'A'");
        assertThatThrownBy(() -> ReportInput.builder(SampleReports.model()).geoDecomposition(List.of(
                new GeoContribution("A", "tv", 1, 0.1), new GeoContribution("A", "tv", 2, 0.2))).build())
                .hasMessageContaining("ReportInput.geoDecomposition");
        assertThatThrownBy(() -> new GeoContribution("A", "tv", Double.NaN, 0.1))
                .hasMessageContaining("GeoContribution 'tv' in 'A'.total");
    }

    @Test
    void rendersInABrowserWithoutConsoleMessages() throws Exception {
        assumeTrue(HeadlessChromium.binary() != null, "skipped on the assumption that no browser is wanted here: chromium is not"
                + " installed at " + HeadlessChromium.DEFAULT + " (scripts/install-browser.sh installs it)");
        Path report = scratch.resolve("geo-report.html");
        HtmlReport.write(input(), report);
        HeadlessChromium.Run run = HeadlessChromium.dumpDom(report, scratch);
        assertThat(run.consoleLines()).isEmpty();
        assertThat(run.stdout()).contains("<section id=\"geo\">").containsPattern("id=\"chart-geo-roas\"[^>]*>\\s*<svg\\b")
                .doesNotContain("<South");
    }
}
