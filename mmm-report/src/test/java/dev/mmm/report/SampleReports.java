package dev.mmm.report;

import dev.mmm.report.view.AdstockCurve;
import dev.mmm.report.view.AllocationRow;
import dev.mmm.report.view.BudgetAllocation;
import dev.mmm.report.view.ChannelEstimate;
import dev.mmm.report.view.ColumnSummary;
import dev.mmm.report.view.Contributions;
import dev.mmm.report.view.Estimate;
import dev.mmm.report.view.InputDiagnostics;
import dev.mmm.report.view.LiftTestResult;
import dev.mmm.report.view.ModelSummary;
import dev.mmm.report.view.NamedSeries;
import dev.mmm.report.view.ParameterDiagnostic;
import dev.mmm.report.view.ParameterDraws;
import dev.mmm.report.view.PredictiveFit;
import dev.mmm.report.view.ResponseCurve;
import dev.mmm.report.view.SamplerDiagnostics;
import dev.mmm.report.view.WaterfallStep;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A complete report input built from a small simulated weekly MMM (two years, three channels, one
 * with a name full of HTML), so that every section and chart has data. The numbers are plausible,
 * not a real fit.
 */
public final class SampleReports {

    /** A channel name that breaks any HTML that does not escape it. */
    public static final String EVIL_CHANNEL = "tv & <radio> \"quoted\"";
    static final List<String> CHANNELS = List.of(EVIL_CHANNEL, "search", "social");
    static final int WEEKS = 104;
    static final int CHAINS = 4;
    static final int DRAWS = 400;

    private SampleReports() {
    }

    public static List<LocalDate> dates() {
        List<LocalDate> d = new ArrayList<>();
        for (int t = 0; t < WEEKS; t++) {
            d.add(LocalDate.of(2023, 1, 2).plusWeeks(t));
        }
        return d;
    }

    public static ModelSummary model() {
        return new ModelSummary("Sample <shop> & co", "revenue", CHANNELS, List.of("price"), LocalDate.of(2023, 1, 2),
                LocalDate.of(2023, 1, 2).plusWeeks(WEEKS - 1), WEEKS,
                List.of(new ModelSummary.Detail("adstock", "geometric, l_max 8"),
                        new ModelSummary.Detail("saturation", "logistic"),
                        new ModelSummary.Detail("likelihood", "Normal")));
    }

    /** Everything present. */
    public static ReportInput full() {
        Random rng = new Random(7);
        List<LocalDate> dates = dates();
        double[][] channel = new double[3][WEEKS];
        double[] baseline = new double[WEEKS];
        double[] price = new double[WEEKS];
        double[] mean = new double[WEEKS];
        double[] observed = new double[WEEKS];
        double[] q05 = new double[WEEKS];
        double[] q95 = new double[WEEKS];
        for (int t = 0; t < WEEKS; t++) {
            baseline[t] = 1000 + 150 * Math.sin(2 * Math.PI * t / 52.0);
            channel[0][t] = 300 + 120 * Math.sin(t / 6.0);
            channel[1][t] = 200 + 30 * Math.cos(t / 4.0);
            channel[2][t] = 80 + 40 * Math.max(0, Math.sin(t / 9.0));
            price[t] = -60 - 20 * Math.cos(t / 13.0);
            mean[t] = baseline[t] + channel[0][t] + channel[1][t] + channel[2][t] + price[t];
            q05[t] = mean[t] - 110;
            q95[t] = mean[t] + 110;
            observed[t] = mean[t] + 65 * rng.nextGaussian();
        }
        List<NamedSeries> series = List.of(new NamedSeries("baseline", baseline), new NamedSeries(CHANNELS.get(0), channel[0]),
                new NamedSeries(CHANNELS.get(1), channel[1]), new NamedSeries(CHANNELS.get(2), channel[2]),
                new NamedSeries("price", price));
        List<WaterfallStep> waterfall = new ArrayList<>();
        for (NamedSeries s : series) {
            double sum = 0;
            for (double v : s.values()) {
                sum += v;
            }
            waterfall.add(new WaterfallStep(s.name(), sum));
        }
        List<ChannelEstimate> shares = List.of(new ChannelEstimate(CHANNELS.get(0), 0.50, 0.38, 0.61),
                new ChannelEstimate(CHANNELS.get(1), 0.34, 0.25, 0.44), new ChannelEstimate(CHANNELS.get(2), 0.16, 0.08, 0.25));
        List<ChannelEstimate> roas = List.of(new ChannelEstimate(CHANNELS.get(0), 1.8, 1.2, 2.5),
                new ChannelEstimate(CHANNELS.get(1), 3.1, 2.2, 4.0), new ChannelEstimate(CHANNELS.get(2), 0.7, 0.2, 1.3));
        List<ResponseCurve> curves = new ArrayList<>();
        List<AdstockCurve> adstock = new ArrayList<>();
        double[] current = {180, 65, 110};
        double[] lam = {3.0, 6.0, 4.0};
        double[] alpha = {0.6, 0.2, 0.4};
        for (int c = 0; c < 3; c++) {
            int n = 40;
            double[] spend = new double[n];
            double[] m = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            for (int i = 0; i < n; i++) {
                spend[i] = 2.5 * current[c] * i / (n - 1);
                double x = spend[i] / (2.5 * current[c]);
                double sat = (1 - Math.exp(-lam[c] * x)) / (1 + Math.exp(-lam[c] * x));
                m[i] = 500 * sat;
                lo[i] = 0.75 * m[i];
                hi[i] = 1.25 * m[i];
            }
            curves.add(new ResponseCurve(CHANNELS.get(c), spend, m, lo, hi, current[c]));
            int lags = 8;
            double[] w = new double[lags];
            double[] wl = new double[lags];
            double[] wh = new double[lags];
            for (int l = 0; l < lags; l++) {
                w[l] = Math.pow(alpha[c], l) * (1 - alpha[c]);
                wl[l] = 0.8 * w[l];
                wh[l] = Math.min(1, 1.2 * w[l]);
            }
            adstock.add(new AdstockCurve(CHANNELS.get(c), w, wl, wh));
        }
        BudgetAllocation allocation = new BudgetAllocation(List.of(new AllocationRow(CHANNELS.get(0), 180, 150),
                new AllocationRow(CHANNELS.get(1), 65, 110), new AllocationRow(CHANNELS.get(2), 110, 95)),
                new Estimate(61_000, 57_000, 65_000), new Estimate(64_500, 60_100, 68_900),
                "Same total budget; each channel within 50% of its current spend.");
        List<LiftTestResult> lifts = List.of(
                new LiftTestResult("search", LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 31), 900, 200, new Estimate(980, 700, 1260)),
                new LiftTestResult(EVIL_CHANNEL, LocalDate.of(2024, 6, 3), LocalDate.of(2024, 6, 30), 2500, 300,
                        new Estimate(1500, 1100, 1900)));
        List<ParameterDraws> params = List.of(draws("alpha[search]", rng, 0.2, 0.05, true, false),
                draws("sigma", rng, 65, 5, true, false), draws("lam[" + EVIL_CHANNEL + "]", rng, 3, 0.6, false, true));
        List<ParameterDiagnostic> diagnostics = new ArrayList<>();
        diagnostics.add(new ParameterDiagnostic("intercept", 0.52, 0.03, 0.47, 0.57, 1.001, 2100, 1800));
        diagnostics.add(new ParameterDiagnostic("alpha[search]", 0.2, 0.05, 0.12, 0.28, 1.004, 950, 870));
        diagnostics.add(new ParameterDiagnostic("lam[" + EVIL_CHANNEL + "]", 3, 0.6, 2.0, 4.0, 1.032, 210, 310));
        diagnostics.add(new ParameterDiagnostic("sigma", 65, 5, 57, 73, 1.000, 2600, 2200));
        SamplerDiagnostics sampler = new SamplerDiagnostics(CHAINS, 1000, DRAWS, 3, 0, diagnostics,
                List.of("3 divergent transitions after warm-up; the posterior may be biased"));
        InputDiagnostics inputs = new InputDiagnostics(List.of(ColumnSummary.of("revenue", "target", observed),
                ColumnSummary.of(CHANNELS.get(0), "channel", channel[0]), ColumnSummary.of("price", "control", price)),
                List.of("channel 'social' has spend in only 40% of periods"));
        return ReportInput.builder(model()).inputs(inputs).sampler(sampler)
                .fit(new PredictiveFit("revenue", dates, mean, q05, q95, observed))
                .fitQuality(new dev.mmm.report.view.FitQuality(0.91, 0.05, 0.07, 1234.5, 0.88))
                .contributions(new Contributions(dates, series)).waterfall(waterfall).shares(shares).roas(roas)
                .responseCurves(curves).adstock(adstock).allocation(allocation).liftTests(lifts).keyParameters(params)
                .footer("mmm test fixture").build();
    }

    /**
     * Draws of a parameter: normal chains around {@code mu}; with {@code stuck} the last chain sits
     * two sds higher (the rank plot must show it); with {@code prior} draws from a prior four times wider.
     */
    public static ParameterDraws draws(String name, Random rng, double mu, double sd, boolean prior, boolean stuck) {
        double[][] chains = new double[CHAINS][DRAWS];
        for (int c = 0; c < CHAINS; c++) {
            double shift = stuck && c == CHAINS - 1 ? 2 * sd : 0;
            double x = mu;
            for (int i = 0; i < DRAWS; i++) {
                x = mu + shift + 0.5 * (x - mu - shift) + sd * Math.sqrt(0.75) * rng.nextGaussian();
                chains[c][i] = x;
            }
        }
        double[] priorDraws = null;
        if (prior) {
            priorDraws = new double[2000];
            for (int i = 0; i < priorDraws.length; i++) {
                priorDraws[i] = mu + 4 * sd * rng.nextGaussian();
            }
        }
        return new ParameterDraws(name, chains, priorDraws);
    }
}
