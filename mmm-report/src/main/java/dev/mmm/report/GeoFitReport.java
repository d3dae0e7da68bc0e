package dev.mmm.report;

import dev.mmm.core.analysis.Decomposition;
import dev.mmm.core.analysis.Interval;
import dev.mmm.core.analysis.PosteriorAnalysis;
import dev.mmm.core.analysis.Window;
import dev.mmm.core.geo.GeoAnalysis;
import dev.mmm.core.geo.GeoFit;
import dev.mmm.core.geo.GeoModel;
import dev.mmm.core.io.FitSummary;
import dev.mmm.core.model.ControlSpec;
import dev.mmm.report.view.ChannelEstimate;
import dev.mmm.report.view.Contributions;
import dev.mmm.report.view.GeoContribution;
import dev.mmm.report.view.Estimate;
import dev.mmm.report.view.GeoEstimate;
import dev.mmm.report.view.GeoFitView;
import dev.mmm.report.view.GeoResponseCurve;
import dev.mmm.report.view.ModelSummary;
import dev.mmm.report.view.NamedSeries;
import dev.mmm.report.view.PredictiveFit;
import dev.mmm.report.view.ResponseCurve;
import dev.mmm.report.view.WaterfallStep;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The report of a geo fit: model and data, sampler diagnostics, the national fit (the geos'
 * observed target summed against the expected national target) and each geo's (a small chart
 * each and a table of totals and R^2), the national decomposition (contributions over time and
 * totals, every geo's parts summed), the national ROAS (chart and table), the ROAS of every
 * channel in every geo (chart and table), each geo's decomposition totals and shares (table), the
 * national response curves (every geo's spend in the last 52 periods, or all, scaled together)
 * and each channel's curve in every geo (one chart per channel, a line per geo), from
 * {@link GeoAnalysis}.
 */
public final class GeoFitReport {

    private GeoFitReport() {
    }

    public static ReportInput of(GeoFit fit, FitSummary summary, String title) {
        GeoModel model = fit.model();
        List<String> controls = model.spec().base().controls().stream().map(ControlSpec::name).toList();
        LocalDate[] dates = model.dates();
        List<ModelSummary.Detail> details = new ArrayList<>();
        details.add(new ModelSummary.Detail("geos", model.geoCount() + ": " + String.join(", ", model.geos())));
        details.add(new ModelSummary.Detail("population", model.spec().populationColumn() == null ? "none"
                : model.spec().populationColumn() + " (per capita)"));
        details.add(new ModelSummary.Detail("media pooling", model.spec().mediaPooling().name().toLowerCase(
                java.util.Locale.ROOT) + ", " + model.spec().parameterisation().name().toLowerCase(java.util.Locale.ROOT)));
        details.add(new ModelSummary.Detail("draws", fit.posterior().chains() + " chains x "
                + fit.posterior().run().drawsRequested() + " (warm-up " + fit.posterior().run().warmup() + ")"));
        details.add(new ModelSummary.Detail("data SHA-256", fit.posterior().provenance().dataSha256()));
        ModelSummary summaryView = new ModelSummary(title, model.spec().base().targetColumn(), model.channels(), controls,
                dates[0], dates[dates.length - 1], dates.length, details);

        GeoAnalysis analysis = fit.analysis();
        GeoAnalysis.Roas roas = analysis.roas();
        List<ChannelEstimate> national = new ArrayList<>();
        for (GeoAnalysis.ChannelRoas r : roas.national()) {
            if (r.spend() > 0) {
                national.add(FitReport.estimate(r.channel(), r.roas()));
            }
        }
        List<GeoEstimate> perGeo = new ArrayList<>();
        for (GeoAnalysis.ChannelRoas r : roas.perGeo()) {
            if (r.spend() > 0) {
                Interval i = r.roas();
                perGeo.add(new GeoEstimate(r.geo(), r.channel(), i.mean(), i.q05(), i.q95()));
            }
        }
        Window reference = new Window(Math.max(0, model.periods() - 52), model.periods());
        GeoAnalysis.ResponseCurves allCurves = analysis.responseCurves(reference, PosteriorAnalysis.defaultMultipliers());
        List<ResponseCurve> curves = new ArrayList<>();
        for (GeoAnalysis.GeoResponseCurve c : allCurves.national()) {
            if (c.curve().currentSpend() > 0) {
                curves.add(FitReport.curve(c.curve()));
            }
        }
        List<GeoResponseCurve> geoCurves = new ArrayList<>();
        for (GeoAnalysis.GeoResponseCurve c : allCurves.perGeo()) {
            if (c.curve().currentSpend() > 0) {
                geoCurves.add(new GeoResponseCurve(c.geo(), FitReport.curve(c.curve())));
            }
        }
        // The national decomposition (every geo's parts summed) as the national report's, and each geo's totals.
        GeoAnalysis.GeoDecomposition dec = analysis.decomposition(analysis.all(), true);
        List<NamedSeries> series = new ArrayList<>();
        List<WaterfallStep> waterfall = new ArrayList<>();
        int n = dec.national().dates().size();
        for (Decomposition.Series part : dec.national().parts()) {
            double[] values = new double[n];
            for (int t = 0; t < n; t++) {
                values[t] = part.perPeriod().get(t).mean();
            }
            series.add(new NamedSeries(part.name(), values));
            waterfall.add(new WaterfallStep(part.name(), part.total().mean()));
        }
        List<GeoContribution> geoParts = new ArrayList<>();
        for (int g = 0; g < dec.geos().size(); g++) {
            for (Decomposition.Series part : dec.perGeo().get(g).parts()) {
                geoParts.add(new GeoContribution(dec.geos().get(g), part.name(), part.total().mean(), part.share().mean()));
            }
        }
        return ReportInput.builder(summaryView)
                .sampler(ReportViews.samplerDiagnostics(summary))
                .fit(nationalFit(model, analysis))
                .geoFits(geoFits(model, analysis))
                .contributions(new Contributions(dec.national().dates(), series))
                .waterfall(waterfall)
                .roas(national)
                .geoRoas(perGeo)
                .geoDecomposition(geoParts)
                .responseCurves(curves)
                .geoResponseCurves(geoCurves)
                .footer("mmm " + fit.posterior().provenance().libraryVersion() + ", geo fit made "
                        + fit.posterior().provenance().createdAt())
                .build();
    }

    /** The geos' observed target summed per period against the expected national target ({@link GeoAnalysis#nationalPrediction()}). */
    static PredictiveFit nationalFit(GeoModel model, GeoAnalysis analysis) {
        String target = model.spec().base().targetColumn();
        double[] observed = new double[model.periods()];
        for (int g = 0; g < model.geoCount(); g++) {
            double[] y = model.data().geo(g).column(target);
            for (int t = 0; t < observed.length; t++) {
                observed[t] += y[t];
            }
        }
        return expected(target, model.dates(), analysis.nationalPrediction(), observed);
    }

    /** Each geo's expected target against its observed one, with its totals and R^2 ({@link GeoAnalysis#geoFits()}). */
    static List<GeoFitView> geoFits(GeoModel model, GeoAnalysis analysis) {
        String target = model.spec().base().targetColumn();
        List<GeoAnalysis.GeoFitSummary> fits = analysis.geoFits();
        List<GeoFitView> out = new ArrayList<>();
        for (int g = 0; g < model.geoCount(); g++) {
            GeoAnalysis.GeoFitSummary f = fits.get(g);
            Interval total = f.predictedTotal();
            out.add(new GeoFitView(f.geo(), expected(target, model.dates(), analysis.prediction(g),
                    model.data().geo(g).column(target)), f.observedTotal(),
                    new Estimate(total.mean(), total.q05(), total.q95()), f.rSquared()));
        }
        return out;
    }

    private static PredictiveFit expected(String target, LocalDate[] dates, List<Interval> prediction, double[] observed) {
        int n = dates.length;
        double[] mean = new double[n];
        double[] q05 = new double[n];
        double[] q95 = new double[n];
        for (int t = 0; t < n; t++) {
            mean[t] = prediction.get(t).mean();
            q05[t] = prediction.get(t).q05();
            q95[t] = prediction.get(t).q95();
        }
        return new PredictiveFit(target, List.of(dates), mean, q05, q95, observed, false);
    }
}
