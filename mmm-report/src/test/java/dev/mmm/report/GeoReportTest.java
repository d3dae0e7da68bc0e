package dev.mmm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mmm.report.view.ChannelEstimate;
import dev.mmm.report.view.GeoContribution;
import dev.mmm.report.view.Estimate;
import dev.mmm.report.view.GeoEstimate;
import dev.mmm.report.view.GeoFitView;
import dev.mmm.report.view.GeoResponseCurve;
import dev.mmm.report.view.PredictiveFit;
import dev.mmm.report.view.ResponseCurve;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The geo parts of the report: national ROAS table, per-geo ROAS chart and table, per-geo fit charts and table, response curves by geo, escaped names, in a browser. */
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
        List<GeoFitView> fits = new ArrayList<>();
        List<GeoResponseCurve> curves = new ArrayList<>();
        List<java.time.LocalDate> dates = SampleReports.dates().subList(0, 3);
        for (int g = 0; g < geos.size(); g++) {
            double[] mean = {100 + g, 110 + g, 105 + g};
            PredictiveFit fit = new PredictiveFit("revenue", dates, mean, new double[] {95, 104, 99},
                    new double[] {110, 120, 115}, new double[] {101, 108, 107}, false);
            fits.add(new GeoFitView(geos.get(g), fit, 316, new Estimate(315 + 3 * g, 300, 330), 0.75));
            for (String channel : List.of("search", "social")) {
                curves.add(new GeoResponseCurve(geos.get(g), new ResponseCurve(channel, new double[] {0, 50, 100},
                        new double[] {0, 40 + g, 60 + g}, new double[] {0, 30, 45}, new double[] {0, 50 + g, 75 + g}, 50)));
            }
        }
        return ReportInput.builder(SampleReports.model())
                .roas(List.of(new ChannelEstimate("search", 1.3, 1.1, 1.5), new ChannelEstimate("social", 0.75, 0.6, 0.9)))
                .geoRoas(perGeo)
                .geoDecomposition(parts)
                .geoFits(fits)
                .geoResponseCurves(curves)
                .build();
    }

    @Test
    void theGeoSectionHasTheChartAndOneRowPerGeoAndChannel() {
        String html = HtmlReport.render(input());
        assertThat(html).contains("<section id=\"geo\">").contains("<a href=\"#geo\">Geos</a>")
                .contains("<section id=\"roas\">").contains("data-chart=\"geo-roas\"");
        // National ROAS rows, a row per geo and channel, a decomposition row per geo, a fit row per geo.
        assertThat(HtmlReportTest.count(html, "<tr><td>")).isEqualTo(2 + 6 + 3 + 3);
        assertThat(html).contains("<tr><td>East</td><td class=\"num\">316.00</td><td class=\"num\">318.00</td>"
                + "<td class=\"num\">300.00 to 330.00</td><td class=\"num\">0.750</td></tr>");
        assertThat(html).contains("<td>East</td><td>social</td>");
        assertThat(html).contains("<th>geo</th><th class=\"num\">intercept</th><th class=\"num\">search</th>"
                + "<th class=\"num\">social</th>");
        assertThat(html).contains("<tr><td>West</td><td class=\"num\">" + Fmt.number(8002.0) + " (80.0%)</td>");
        assertThat(html).doesNotContain("<South>").contains("North &amp; &lt;South&gt; &quot;quoted&quot;");
        assertThat(ReportCharts.of(input()).stream().map(ReportCharts.ReportChart::id)).containsExactly("geo-fit-1",
                "geo-fit-2", "geo-fit-3", "roas", "geo-roas", "geo-response-1", "geo-response-2");
        // The geo's name is escaped in the small chart's title and the curves' legend too.
        assertThat(html).contains("aria-label=\"North &amp; &lt;South&gt; &quot;quoted&quot;\"");
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
        GeoFitView fit = input().geoFits().get(1);
        assertThatThrownBy(() -> ReportInput.builder(SampleReports.model()).geoFits(List.of(fit, fit)).build())
                .hasMessageContaining("ReportInput.geoFits");
        GeoResponseCurve curve = input().geoResponseCurves().get(0);
        assertThatThrownBy(() -> ReportInput.builder(SampleReports.model()).geoResponseCurves(List.of(curve, curve)).build())
                .hasMessageContaining("ReportInput.geoResponseCurves");
        PredictiveFit forecast = new PredictiveFit("y", SampleReports.dates().subList(0, 1), new double[] {1},
                new double[] {0}, new double[] {2}, null, false);
        assertThatThrownBy(() -> new GeoFitView("A", forecast, 1, new Estimate(1, 0, 2), 0.5))
                .hasMessageContaining("GeoFitView 'A'.fit has no observed values");
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
