package dev.mmm.report;

import dev.mmm.core.analysis.AdstockCurve;
import dev.mmm.core.analysis.ChannelSummary;
import dev.mmm.core.analysis.ChannelTable;
import dev.mmm.core.analysis.Decomposition;
import dev.mmm.core.analysis.FitMetrics;
import dev.mmm.core.analysis.Interval;
import dev.mmm.core.analysis.PosteriorAnalysis;
import dev.mmm.core.analysis.Prediction;
import dev.mmm.core.analysis.Window;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.io.FitSummary;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.ControlSpec;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelParameter;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.calibration.LiftTestCheck;
import dev.mmm.report.view.ChannelEstimate;
import dev.mmm.report.view.Estimate;
import dev.mmm.report.view.LiftTestResult;
import dev.mmm.report.view.Contributions;
import dev.mmm.report.view.FitQuality;
import dev.mmm.report.view.ModelSummary;
import dev.mmm.report.view.NamedSeries;
import dev.mmm.report.view.ParameterDraws;
import dev.mmm.report.view.PredictiveFit;
import dev.mmm.report.view.ResponseCurve;
import dev.mmm.report.view.WaterfallStep;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The report of a fit: runs the posterior analysis ({@link PosteriorAnalysis}) and maps its
 * results onto the report's view models. Response curves use the last 52 periods (or all, if
 * fewer) as the reference window.
 */
public final class FitReport {

    /** Prior draws for the prior-vs-posterior charts. */
    private static final int PRIOR_DRAWS = 4000;

    private FitReport() {
    }

    public static ReportInput of(MmmFit fit, FitSummary summary, String title) {
        ModelSpec spec = fit.spec();
        Dataset data = fit.model().source();
        List<String> channels = spec.channelNames();
        List<String> controls = spec.controls().stream().map(ControlSpec::name).toList();
        PosteriorAnalysis analysis = PosteriorAnalysis.of(fit);
        Window all = analysis.all();

        List<ModelSummary.Detail> details = new ArrayList<>();
        details.add(new ModelSummary.Detail("likelihood", spec.likelihood().family()));
        details.add(new ModelSummary.Detail("draws", fit.posterior().chains() + " chains x "
                + fit.posterior().run().drawsRequested() + " (warm-up " + fit.posterior().run().warmup() + ")"));
        details.add(new ModelSummary.Detail("data SHA-256", fit.posterior().provenance().dataSha256()));
        details.add(new ModelSummary.Detail("library", fit.posterior().provenance().libraryVersion()));
        ModelSummary model = ReportViews.modelSummary(title, data, spec.targetColumn(), channels, controls, details);

        Prediction fitted = analysis.fitted(1, true);
        double[] observed = data.column(spec.targetColumn());
        FitMetrics metrics = FitMetrics.of(observed, fitted.draws());
        int n = fitted.dates().size();
        double[] mean = new double[n];
        double[] q05 = new double[n];
        double[] q95 = new double[n];
        for (int t = 0; t < n; t++) {
            Interval i = fitted.predictive().get(t);
            mean[t] = i.mean();
            q05[t] = i.q05();
            q95[t] = i.q95();
        }

        Decomposition dec = analysis.decomposition(all, true);
        List<NamedSeries> series = new ArrayList<>();
        List<WaterfallStep> waterfall = new ArrayList<>();
        for (Decomposition.Series part : dec.parts()) {
            double[] values = new double[n];
            for (int t = 0; t < n; t++) {
                values[t] = part.perPeriod().get(t).mean();
            }
            series.add(new NamedSeries(part.name(), values));
            waterfall.add(new WaterfallStep(part.name(), part.total().mean()));
        }

        ChannelTable table = analysis.channels(all);
        List<ChannelEstimate> shares = new ArrayList<>();
        List<ChannelEstimate> roas = new ArrayList<>();
        for (ChannelSummary c : table.channels()) {
            shares.add(estimate(c.channel(), c.share()));
            if (Double.isFinite(c.roas().mean())) {
                roas.add(estimate(c.channel(), c.roas()));
            }
        }

        Window reference = responseWindow(fit.model());
        List<ResponseCurve> curves = new ArrayList<>();
        for (dev.mmm.core.analysis.ResponseCurve c : analysis.responseCurves(reference, PosteriorAnalysis.defaultMultipliers())) {
            if (c.currentSpend() > 0) {
                curves.add(curve(c));
            }
        }

        List<dev.mmm.report.view.AdstockCurve> adstock = new ArrayList<>();
        for (AdstockCurve a : analysis.adstockCurves()) {
            int lags = a.weights().size();
            double[] m = new double[lags];
            double[] lo = new double[lags];
            double[] hi = new double[lags];
            for (int l = 0; l < lags; l++) {
                m[l] = a.weights().get(l).mean();
                lo[l] = a.weights().get(l).q05();
                hi[l] = a.weights().get(l).q95();
            }
            adstock.add(new dev.mmm.report.view.AdstockCurve(a.channel(), m, lo, hi));
        }

        List<ParameterDraws> key = new ArrayList<>();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {17, 29});
        for (ModelParameter p : fit.model().parameters()) {
            if (p.name().startsWith("beta[") || p.name().equals("sigma") || p.name().equals("intercept")) {
                double[] prior = new double[PRIOR_DRAWS];
                for (int d = 0; d < PRIOR_DRAWS; d++) {
                    prior[d] = p.prior().sample(rng);
                }
                key.add(new ParameterDraws(p.name(), fit.posterior().chainsOf(p.name()), prior));
            }
        }

        List<LiftTestResult> lifts = new ArrayList<>();
        if (!spec.calibration().liftTests().isEmpty()) {
            for (LiftTestCheck c : LiftTestCheck.of(fit.model(), fit.posterior())) {
                Interval lift = c.posteriorLift();
                lifts.add(new LiftTestResult(c.test().channel(), c.test().start(), c.test().end(), c.test().lift(),
                        c.test().se(), new Estimate(lift.mean(), lift.q05(), lift.q95())));
            }
        }

        var core = analysis.inputs(all);
        List<String> inputWarnings = new ArrayList<>(core.warnings());
        return ReportInput.builder(model)
                .inputs(ReportViews.inputDiagnostics(data, spec.targetColumn(), channels, controls, inputWarnings))
                .sampler(ReportViews.samplerDiagnostics(summary))
                .fit(new PredictiveFit(spec.targetColumn(), fitted.dates(), mean, q05, q95, observed))
                .fitQuality(new FitQuality(metrics.r2(), metrics.mape(), metrics.nrmse(), metrics.crps(), metrics.coverage()))
                .contributions(new Contributions(dec.dates(), series))
                .waterfall(waterfall)
                .shares(shares)
                .roas(roas)
                .responseCurves(curves)
                .adstock(adstock)
                .keyParameters(key)
                .liftTests(lifts)
                .footer("mmm " + fit.posterior().provenance().libraryVersion() + ", fit made "
                        + fit.posterior().provenance().createdAt())
                .build();
    }

    /** The reference window of the report's response curves: the last 52 periods, or all if fewer. */
    static Window responseWindow(CompiledModel model) {
        return new Window(Math.max(0, model.rows() - 52), model.rows());
    }

    /** The report's view of an analysis response curve. */
    static ResponseCurve curve(dev.mmm.core.analysis.ResponseCurve c) {
        int points = c.spend().length;
        double[] m = new double[points];
        double[] lo = new double[points];
        double[] hi = new double[points];
        for (int j = 0; j < points; j++) {
            m[j] = c.response().get(j).mean();
            lo[j] = c.response().get(j).q05();
            hi[j] = c.response().get(j).q95();
        }
        return new ResponseCurve(c.channel(), c.spend(), m, lo, hi, c.currentSpend());
    }

    static ChannelEstimate estimate(String channel, Interval i) {
        return new ChannelEstimate(channel, i.mean(), i.q05(), i.q95());
    }
}
