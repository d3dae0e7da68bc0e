package dev.mmm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.core.analysis.Interval;
import dev.mmm.core.analysis.PosteriorAnalysis;
import dev.mmm.core.analysis.Window;
import dev.mmm.core.geo.GeoAnalysis;
import dev.mmm.core.geo.GeoFit;
import dev.mmm.core.geo.GeoSimulator;
import dev.mmm.core.io.FitMetadata;
import dev.mmm.core.io.FitWriter;
import dev.mmm.report.chart.Xml;
import dev.mmm.report.view.GeoFitView;
import dev.mmm.report.view.GeoResponseCurve;
import dev.mmm.report.view.PredictiveFit;
import dev.mmm.report.view.ResponseCurve;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The geo report built from a real (tiny) geo fit: the national fit is the geos' observed target
 * summed against {@link GeoAnalysis#nationalPrediction()}, each geo's fit and totals are
 * {@link GeoAnalysis#prediction(int)} and {@link GeoAnalysis#geoFits()}, the per-geo response curves
 * are {@link GeoAnalysis#responseCurves}' per geo; the page has their charts and table.
 */
class GeoFitReportTest {

    static GeoSimulator.GeoSimulation sim;
    static GeoFit fit;
    static GeoAnalysis analysis;
    static ReportInput input;

    @BeforeAll
    static void fitASmallSimulatedPanel() {
        sim = GeoSimulator.simulate(3, 40, 2, 1, true, 8);
        fit = GeoFit.fit(sim.spec(), sim.data(), GeoFit.defaultSettings().toBuilder().chains(1).warmup(150).draws(100)
                .seed(4).build());
        analysis = fit.analysis();
        input = GeoFitReport.of(fit, FitWriter.summaryOf(fit.posterior(), fit.summary(), new FitMetadata(List.of())),
                "geo test");
    }

    @Test
    void theNationalFitIsTheGeosObservedSumAgainstTheNationalPrediction() {
        PredictiveFit national = input.fit();
        assertThat(national.predictive()).isFalse();
        List<Interval> expected = analysis.nationalPrediction();
        assertThat(national.dates()).hasSize(40);
        for (int t = 0; t < 40; t++) {
            double observed = 0.0;
            double geoMeans = 0.0;
            for (int g = 0; g < 3; g++) {
                observed += sim.data().geo(g).column("y")[t];
                geoMeans += input.geoFits().get(g).fit().mean()[t];
            }
            assertThat(national.observed()[t]).isCloseTo(observed, within(1e-9 * observed));
            assertThat(national.mean()[t]).isEqualTo(expected.get(t).mean());
            assertThat(national.q05()[t]).isEqualTo(expected.get(t).q05());
            assertThat(national.q95()[t]).isEqualTo(expected.get(t).q95());
            // The national expectation is the geos' summed draw by draw, so its mean is their means' sum.
            assertThat(national.mean()[t]).isCloseTo(geoMeans, within(1e-9 * geoMeans));
        }
    }

    @Test
    void eachGeosFitIsItsPredictionAndItsTotalsAndRSquared() {
        List<GeoAnalysis.GeoFitSummary> fits = analysis.geoFits();
        assertThat(input.geoFits()).extracting(GeoFitView::geo).containsExactly("Geo0", "Geo1", "Geo2");
        for (int g = 0; g < 3; g++) {
            GeoFitView view = input.geoFits().get(g);
            List<Interval> p = analysis.prediction(g);
            double[] y = sim.data().geo(g).column("y");
            double sum = 0.0;
            for (int t = 0; t < 40; t++) {
                assertThat(view.fit().mean()[t]).isEqualTo(p.get(t).mean());
                assertThat(view.fit().q95()[t]).isEqualTo(p.get(t).q95());
                assertThat(view.fit().observed()[t]).isEqualTo(y[t]);
                sum += y[t];
            }
            assertThat(view.observedTotal()).isEqualTo(fits.get(g).observedTotal()).isCloseTo(sum, within(1e-9 * sum));
            assertThat(view.predictedTotal().mean()).isEqualTo(fits.get(g).predictedTotal().mean());
            assertThat(view.predictedTotal().q05()).isEqualTo(fits.get(g).predictedTotal().q05());
            assertThat(view.rSquared()).isEqualTo(fits.get(g).rSquared());
            // Data simulated from the model: the fit explains most of each geo's variation.
            assertThat(view.rSquared()).isBetween(0.3, 1.0);
        }
    }

    @Test
    void thePerGeoResponseCurvesAreTheAnalysisCurvesOfEachGeo() {
        Window reference = new Window(0, 40);
        GeoAnalysis.ResponseCurves curves = analysis.responseCurves(reference, PosteriorAnalysis.defaultMultipliers());
        assertThat(input.geoResponseCurves()).hasSize(6);
        for (GeoResponseCurve c : input.geoResponseCurves()) {
            dev.mmm.core.analysis.ResponseCurve expected = curves.of(c.curve().channel(), c.geo());
            ResponseCurve view = c.curve();
            assertThat(view.spend()).containsExactly(expected.spend());
            assertThat(view.currentSpend()).isEqualTo(expected.currentSpend());
            for (int j = 0; j < view.spend().length; j++) {
                assertThat(view.mean()[j]).isEqualTo(expected.response().get(j).mean());
            }
            // Zero spend adds nothing.
            assertThat(view.mean()[0]).isZero();
        }
    }

    @Test
    void thePageHasTheFitChartsTheGeoTableAndTheCurvesByGeo() {
        List<ReportCharts.ReportChart> charts = ReportCharts.of(input);
        assertThat(charts).extracting(ReportCharts.ReportChart::id)
                .contains("fit-expected", "geo-fit-1", "geo-fit-2", "geo-fit-3", "geo-response-1", "geo-response-2")
                .doesNotContain("fit", "residuals", "geo-fit-4", "geo-response-3");
        ReportCharts.ReportChart byGeo = charts.stream().filter(c -> c.id().equals("geo-response-2")).findFirst()
                .orElseThrow();
        assertThat(byGeo.figure().title()).isEqualTo("Response curve by geo: ch2");
        assertThat(byGeo.figure().seriesNames()).containsExactly("Geo0", "Geo1", "Geo2", "current spend");
        ReportCharts.ReportChart national = charts.stream().filter(c -> c.id().equals("fit-expected")).findFirst()
                .orElseThrow();
        assertThat(national.figure().seriesNames()).containsExactly("90% interval",
                "posterior mean", "observed");

        String html = HtmlReport.render(input);
        assertThat(html).contains("<section id=\"fit\">").contains("data-chart=\"fit-expected\"")
                .contains("data-chart=\"geo-fit-3\"").contains("data-chart=\"geo-response-1\"")
                .contains(Xml.escape(Captions.of("geo-response-1"))).contains(Xml.escape(Captions.of("fit-expected")))
                .doesNotContain(Xml.escape(Captions.of("fit")));
        GeoFitView geo1 = input.geoFits().get(1);
        assertThat(html).contains("<tr><td>Geo1</td><td class=\"num\">" + Fmt.number(geo1.observedTotal())
                + "</td><td class=\"num\">" + Fmt.number(geo1.predictedTotal().mean()) + "</td><td class=\"num\">"
                + Fmt.number(geo1.predictedTotal().q05()) + " to " + Fmt.number(geo1.predictedTotal().q95())
                + "</td><td class=\"num\">" + Fmt.rhat(geo1.rSquared()) + "</td></tr>");
        // The fit (with the geos' table) comes before the decomposition, the geo curves in the response section.
        assertThat(html.indexOf("<section id=\"fit\">")).isLessThan(html.indexOf("<section id=\"decomposition\">"));
        assertThat(html.indexOf("data-chart=\"geo-response-1\"")).isGreaterThan(html.indexOf("<section id=\"response\">"));
    }
}
