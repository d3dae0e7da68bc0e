package dev.mmm.report;

import dev.mmm.report.view.AdstockCurve;
import dev.mmm.report.view.BudgetAllocation;
import dev.mmm.report.view.ChannelEstimate;
import dev.mmm.report.view.Checks;
import dev.mmm.report.view.Contributions;
import dev.mmm.report.view.FitQuality;
import dev.mmm.report.view.GeoContribution;
import dev.mmm.report.view.GeoEstimate;
import dev.mmm.report.view.GeoFitView;
import dev.mmm.report.view.GeoResponseCurve;
import dev.mmm.report.view.InputDiagnostics;
import dev.mmm.report.view.LiftTestResult;
import dev.mmm.report.view.ModelSummary;
import dev.mmm.report.view.ParameterDraws;
import dev.mmm.report.view.PredictiveFit;
import dev.mmm.report.view.ResponseCurve;
import dev.mmm.report.view.SamplerDiagnostics;
import dev.mmm.report.view.WaterfallStep;
import java.util.List;

/**
 * Everything the HTML report shows, as plain values. Only {@code model} is required: a section whose
 * data are null or empty is left out of the report (and out of its table of contents).
 *
 * @param model             what was modelled on which data (required)
 * @param inputs            input data checks, or null
 * @param sampler           sampler diagnostics, or null
 * @param fit               posterior predictive fit over the training periods, or null
 * @param fitQuality        R^2, MAPE, NRMSE, CRPS and coverage of that fit, or null
 * @param contributions     contributions over time, or null
 * @param waterfall         total contribution per component, possibly empty
 * @param shares            each channel's share of the total channel contribution (fractions), possibly empty
 * @param roas              return on ad spend per channel, possibly empty
 * @param responseCurves    response curve per channel, possibly empty
 * @param adstock           adstock decay per channel, possibly empty
 * @param allocation        the optimiser's allocation, or null
 * @param liftTests         lift tests next to the model's estimates, possibly empty
 * @param keyParameters     draws of the parameters worth a rank plot, a trace and a prior-vs-posterior chart, possibly empty
 * @param footer            one line at the bottom (library version, creation time), or null
 * @param geoRoas           a geo model's ROAS per channel in each geo, possibly empty (then {@code roas} is national)
 * @param geoDecomposition  a geo model's decomposition per geo (each part's total and share), possibly empty
 * @param geoFits           a geo model's fit per geo (expected against observed, totals, R^2), possibly empty
 * @param geoResponseCurves a geo model's response curves per channel and geo, possibly empty
 */
public record ReportInput(ModelSummary model, InputDiagnostics inputs, SamplerDiagnostics sampler, PredictiveFit fit,
                          FitQuality fitQuality,
                          Contributions contributions, List<WaterfallStep> waterfall, List<ChannelEstimate> shares,
                          List<ChannelEstimate> roas, List<ResponseCurve> responseCurves, List<AdstockCurve> adstock,
                          BudgetAllocation allocation, List<LiftTestResult> liftTests, List<ParameterDraws> keyParameters,
                          String footer, List<GeoEstimate> geoRoas, List<GeoContribution> geoDecomposition,
                          List<GeoFitView> geoFits, List<GeoResponseCurve> geoResponseCurves) {

    /** Requires the model summary; null lists become empty; names repeat nowhere within a list. */
    public ReportInput {
        Checks.notNull(model, "ReportInput.model");
        waterfall = Checks.orEmpty(waterfall, "ReportInput.waterfall");
        shares = Checks.orEmpty(shares, "ReportInput.shares");
        roas = Checks.orEmpty(roas, "ReportInput.roas");
        responseCurves = Checks.orEmpty(responseCurves, "ReportInput.responseCurves");
        adstock = Checks.orEmpty(adstock, "ReportInput.adstock");
        liftTests = Checks.orEmpty(liftTests, "ReportInput.liftTests");
        keyParameters = Checks.orEmpty(keyParameters, "ReportInput.keyParameters");
        geoRoas = Checks.orEmpty(geoRoas, "ReportInput.geoRoas");
        Checks.distinct(geoRoas.stream().map(e -> e.channel() + "\u0000" + e.geo()).toList(), "ReportInput.geoRoas");
        geoDecomposition = Checks.orEmpty(geoDecomposition, "ReportInput.geoDecomposition");
        Checks.distinct(geoDecomposition.stream().map(e -> e.part() + "\u0000" + e.geo()).toList(),
                "ReportInput.geoDecomposition");
        geoFits = Checks.orEmpty(geoFits, "ReportInput.geoFits");
        Checks.distinct(geoFits.stream().map(GeoFitView::geo).toList(), "ReportInput.geoFits");
        geoResponseCurves = Checks.orEmpty(geoResponseCurves, "ReportInput.geoResponseCurves");
        Checks.distinct(geoResponseCurves.stream().map(c -> c.curve().channel() + "\u0000" + c.geo()).toList(),
                "ReportInput.geoResponseCurves");
        Checks.distinct(shares.stream().map(ChannelEstimate::channel).toList(), "ReportInput.shares");
        Checks.distinct(roas.stream().map(ChannelEstimate::channel).toList(), "ReportInput.roas");
        Checks.distinct(responseCurves.stream().map(ResponseCurve::channel).toList(), "ReportInput.responseCurves");
        Checks.distinct(adstock.stream().map(AdstockCurve::channel).toList(), "ReportInput.adstock");
        Checks.distinct(keyParameters.stream().map(ParameterDraws::name).toList(), "ReportInput.keyParameters");
    }

    /** A builder starting from the model summary, every other part absent. */
    public static Builder builder(ModelSummary model) {
        return new Builder(model);
    }

    /** Builds a {@link ReportInput} part by part. */
    public static final class Builder {
        private final ModelSummary model;
        private InputDiagnostics inputs;
        private SamplerDiagnostics sampler;
        private PredictiveFit fit;
        private FitQuality fitQuality;
        private Contributions contributions;
        private List<WaterfallStep> waterfall;
        private List<ChannelEstimate> shares;
        private List<ChannelEstimate> roas;
        private List<ResponseCurve> responseCurves;
        private List<AdstockCurve> adstock;
        private BudgetAllocation allocation;
        private List<LiftTestResult> liftTests;
        private List<ParameterDraws> keyParameters;
        private String footer;
        private List<GeoEstimate> geoRoas;
        private List<GeoContribution> geoDecomposition;
        private List<GeoFitView> geoFits;
        private List<GeoResponseCurve> geoResponseCurves;

        private Builder(ModelSummary model) {
            this.model = model;
        }

        /** Input data checks. */
        public Builder inputs(InputDiagnostics value) {
            inputs = value;
            return this;
        }

        /** Sampler diagnostics. */
        public Builder sampler(SamplerDiagnostics value) {
            sampler = value;
            return this;
        }

        /** Posterior predictive fit. */
        public Builder fit(PredictiveFit value) {
            fit = value;
            return this;
        }

        /** R^2, MAPE, NRMSE, CRPS and coverage of the fit. */
        public Builder fitQuality(FitQuality value) {
            fitQuality = value;
            return this;
        }

        /** Contributions over time. */
        public Builder contributions(Contributions value) {
            contributions = value;
            return this;
        }

        /** Waterfall steps, in order. */
        public Builder waterfall(List<WaterfallStep> value) {
            waterfall = value;
            return this;
        }

        /** Contribution shares per channel (fractions). */
        public Builder shares(List<ChannelEstimate> value) {
            shares = value;
            return this;
        }

        /** ROAS per channel. */
        public Builder roas(List<ChannelEstimate> value) {
            roas = value;
            return this;
        }

        /** Response curves. */
        public Builder responseCurves(List<ResponseCurve> value) {
            responseCurves = value;
            return this;
        }

        /** Adstock decay curves. */
        public Builder adstock(List<AdstockCurve> value) {
            adstock = value;
            return this;
        }

        /** Budget allocation before and after the optimiser. */
        public Builder allocation(BudgetAllocation value) {
            allocation = value;
            return this;
        }

        /** Lift test results. */
        public Builder liftTests(List<LiftTestResult> value) {
            liftTests = value;
            return this;
        }

        /** Key parameters' draws. */
        public Builder keyParameters(List<ParameterDraws> value) {
            keyParameters = value;
            return this;
        }

        /** A geo model's ROAS per channel in each geo (the per-geo section); {@link #roas} then holds the national ROAS. */
        public Builder geoRoas(List<GeoEstimate> value) {
            geoRoas = value;
            return this;
        }

        /** A geo model's decomposition per geo: one entry per geo and part, shown in the per-geo section. */
        public Builder geoDecomposition(List<GeoContribution> value) {
            geoDecomposition = value;
            return this;
        }

        /** A geo model's fit per geo, shown in the fit section after the national fit. */
        public Builder geoFits(List<GeoFitView> value) {
            geoFits = value;
            return this;
        }

        /** A geo model's response curves per channel and geo: one chart per channel, a line per geo. */
        public Builder geoResponseCurves(List<GeoResponseCurve> value) {
            geoResponseCurves = value;
            return this;
        }

        /** The footer line. */
        public Builder footer(String value) {
            footer = value;
            return this;
        }

        /** The input; fails with an {@link IllegalArgumentException} naming the bad part. */
        public ReportInput build() {
            return new ReportInput(model, inputs, sampler, fit, fitQuality, contributions, waterfall, shares, roas, responseCurves, adstock,
                    allocation, liftTests, keyParameters, footer, geoRoas, geoDecomposition, geoFits, geoResponseCurves);
        }
    }
}
