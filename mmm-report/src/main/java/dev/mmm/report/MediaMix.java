package dev.mmm.report;

import dev.mmm.core.analysis.ChannelSummary;
import dev.mmm.core.analysis.ChannelTable;
import dev.mmm.core.analysis.Interval;
import dev.mmm.core.analysis.PosteriorAnalysis;
import dev.mmm.core.analysis.ResponseCurve;
import dev.mmm.core.calibration.LiftTestCheck;
import dev.mmm.core.data.CsvReader;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.io.FitFolder;
import dev.mmm.core.io.FitMetadata;
import dev.mmm.core.io.FitSummary;
import dev.mmm.core.io.FitWriter;
import dev.mmm.core.model.Mmm;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.optimize.AllocationResult;
import dev.mmm.core.optimize.BudgetOptimizer;
import dev.mmm.core.optimize.BudgetProblem;
import dev.mmm.core.optimize.PlanningWindow;
import dev.mmm.core.optimize.PosteriorDraws;
import dev.mmm.core.simulate.DemoData;
import dev.mmm.report.ReportCharts.ReportChart;
import dev.mmm.report.chart.AllocationChart;
import dev.mmm.report.chart.Figure;
import dev.mmm.report.chart.ResponseCurveChart;
import dev.mmm.report.view.AllocationRow;
import dev.mmm.report.view.BudgetAllocation;
import dev.mmm.report.view.Estimate;
import dev.mmm.sampler.SamplerSettings;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One fitted media mix model and everything a notebook or a Java program asks of it, one call
 * each: the fit from a CSV, the parameter summary and the ROAS table as text, response curves,
 * the budget optimiser, lift-test checks of a calibrated fit, every chart of the HTML report as
 * an image, the report itself, and the fit folder.
 *
 * <p>It joins what lives in several packages ({@code core.model} for the fit,
 * {@code core.analysis} for ROAS and curves, {@code core.optimize} for budgets,
 * {@code core.calibration} for lift tests, {@code report} for charts) behind one import, so a
 * notebook cell stays one line. It is named for the domain rather than {@code Mmm} so that it
 * does not clash with {@link Mmm} when both are imported. Everything it computes is cached: the
 * analysis runs once, whatever is asked first.
 *
 * <pre>{@code
 * MediaMix mix = MediaMix.fitCsv(Path.of("sales.csv"), "week", "sales",
 *         List.of("tv", "search"), List.of("promo"), MediaMix.sampler(2, 300, 300, 1));
 * System.out.println(mix.roasTable());
 * BufferedImage chart = mix.roasChart();      // a notebook shows it inline
 * }</pre>
 */
public final class MediaMix {

    private final MmmFit fit;
    private final PosteriorAnalysis analysis;
    private ChannelTable channels;
    private List<ResponseCurve> responseCurves;
    private ReportInput report;

    private MediaMix(MmmFit fit) {
        this.fit = fit;
        this.analysis = PosteriorAnalysis.of(fit);
    }

    /** The analysis of a fit made elsewhere ({@link Mmm#fit}, {@link FitFolder#load}). */
    public static MediaMix of(MmmFit fit) {
        return new MediaMix(fit);
    }

    /** Fits {@code spec} to {@code data}. */
    public static MediaMix fit(ModelSpec spec, Dataset data, SamplerSettings settings) {
        return new MediaMix(Mmm.fit(spec, data, settings));
    }

    /**
     * Reads {@code csv} (validated; errors name the row and column) and fits the default model
     * of docs/MODEL.md: geometric adstock and logistic saturation per channel, the controls as
     * linear terms, yearly seasonality of order 2.
     */
    public static MediaMix fitCsv(Path csv, String date, String target, List<String> channels, List<String> controls,
                                  SamplerSettings settings) throws IOException {
        Dataset data = CsvReader.read(csv, date);
        ModelSpec spec = ModelSpec.builder().date(date).target(target).channels(channels.toArray(String[]::new))
                .controls(controls.toArray(String[]::new)).yearlySeasonality(2).build();
        return fit(spec, data, settings);
    }

    /** Fits the default model to {@link DemoData}'s simulated three years of five channels. */
    public static MediaMix demo(long dataSeed, SamplerSettings settings) {
        return fit(DemoData.spec(), DemoData.generate(dataSeed).data(), settings);
    }

    /** Loads a fit folder ({@code mmm fit --out DIR}, {@link #save}). */
    public static MediaMix load(Path dir) throws IOException {
        return new MediaMix(FitFolder.load(dir));
    }

    /** Sampler settings in one call: {@code chains} chains of {@code warmup} + {@code draws} iterations. */
    public static SamplerSettings sampler(int chains, int warmup, int draws, long seed) {
        return SamplerSettings.builder().chains(chains).warmup(warmup).draws(draws).seed(seed).build();
    }

    /** The fit: spec, compiled model, posterior, summaries. */
    public MmmFit fit() {
        return fit;
    }

    /** The posterior analysis (decomposition, predictions, other windows, adstock curves). */
    public PosteriorAnalysis analysis() {
        return analysis;
    }

    /** The sampler's warnings (divergences, R-hat, ESS, E-BFMI, stuck chains); empty when all is well. */
    public List<String> warnings() {
        return fit.warnings();
    }

    /** Every parameter's mean, 90% interval, R-hat and bulk ESS, one line each, with a header. */
    public String summaryTable() {
        FitSummary s = summary();
        int width = "parameter".length();
        for (FitSummary.Parameter p : s.parameters()) {
            width = Math.max(width, p.name().length());
        }
        String row = "%-" + width + "s %12s %12s %12s %7s %9s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, row, "parameter", "mean", "5%", "95%", "rhat", "ess_bulk"));
        for (FitSummary.Parameter p : s.parameters()) {
            out.append(String.format(Locale.ROOT, row, p.name(), Fmt.number(p.mean()), Fmt.number(p.q05()),
                    Fmt.number(p.q95()), Fmt.rhat(p.rhat()), Fmt.ess(p.essBulk())));
        }
        return out.toString();
    }

    /** Spend, contribution, share, ROAS and marginal ROAS of every channel over all training rows. */
    public synchronized ChannelTable roas() {
        if (channels == null) {
            channels = analysis.channels(analysis.all());
        }
        return channels;
    }

    /** {@link #roas()} as text: one line per channel, posterior means with 90% intervals. */
    public String roasTable() {
        ChannelTable t = roas();
        int width = "channel".length();
        for (ChannelSummary c : t.channels()) {
            width = Math.max(width, c.channel().length());
        }
        String row = "%-" + width + "s %12s %30s %8s %24s %24s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s to %s (%d periods), 90%% credible intervals%n", t.from(), t.to(),
                t.periods()));
        out.append(String.format(Locale.ROOT, row, "channel", "spend", "contribution", "share", "roas", "mroas"));
        for (ChannelSummary c : t.channels()) {
            out.append(String.format(Locale.ROOT, row, c.channel(), Fmt.number(c.spend()), interval(c.contribution()),
                    Fmt.percent(c.share().mean()), interval(c.roas()), interval(c.mroas())));
        }
        return out.toString();
    }

    /**
     * Every channel's response curve: its spend in the last 52 periods (all, if fewer) scaled by
     * 0 to 2, and the incremental target, as in the report.
     */
    public synchronized List<ResponseCurve> responseCurves() {
        if (responseCurves == null) {
            responseCurves = List.copyOf(analysis.responseCurves(FitReport.responseWindow(fit.model()),
                    PosteriorAnalysis.defaultMultipliers()));
        }
        return responseCurves;
    }

    /** What the HTML report shows, computed once. */
    public synchronized ReportInput report() {
        if (report == null) {
            report = FitReport.of(fit, summary(), "Media mix model of " + fit.spec().targetColumn());
        }
        return report;
    }

    /** Writes the self-contained HTML report to {@code file} (atomically) and returns the file. */
    public Path writeReport(Path file) throws IOException {
        HtmlReport.write(report(), file);
        return file;
    }

    /** Writes the fit folder (summary.json, draws.csv, the posterior, the data) that {@link #load} reads. */
    public Path save(Path dir) throws IOException {
        FitFolder.write(fit, summary(), dir);
        return dir;
    }

    /** The ids of the report's charts, in report order ("fit", "contributions", "roas", "response-1", ...). */
    public List<String> chartIds() {
        List<String> ids = new ArrayList<>();
        for (ReportChart c : ReportCharts.of(report())) {
            ids.add(c.id());
        }
        return ids;
    }

    /** The report's chart {@code id} (see {@link #chartIds}); an unknown id is an error listing the known ones. */
    public Figure figure(String id) {
        for (ReportChart c : ReportCharts.of(report())) {
            if (c.id().equals(id)) {
                return c.figure();
            }
        }
        throw new IllegalArgumentException("no chart '" + id + "'; the charts are " + chartIds());
    }

    /** The chart {@code id} as an image (a notebook shows it inline). */
    public BufferedImage chart(String id) {
        return figure(id).toImage();
    }

    /** The chart {@code id} as PNG bytes. */
    public byte[] png(String id) {
        return figure(id).toPng();
    }

    /** Observed target against the posterior predictive mean and 90% band. */
    public BufferedImage fitChart() {
        return chart("fit");
    }

    /** The prediction split into baseline, controls, seasonality and each channel over time. */
    public BufferedImage contributionChart() {
        return chart("contributions");
    }

    /** ROAS per channel with its 90% interval and the break-even line. */
    public BufferedImage roasChart() {
        return chart("roas");
    }

    /** Adstock weights per lag, every channel. */
    public BufferedImage adstockChart() {
        return chart("adstock");
    }

    /** The response curve of {@code channel} with its 90% band, the current spend marked. */
    public BufferedImage responseCurveChart(String channel) {
        for (dev.mmm.report.view.ResponseCurve c : report().responseCurves()) {
            if (c.channel().equals(channel)) {
                return ResponseCurveChart.of(c).toImage();
            }
        }
        throw new IllegalArgumentException("no response curve for channel '" + channel + "'; the channels with spend are "
                + report().responseCurves().stream().map(dev.mmm.report.view.ResponseCurve::channel).toList());
    }

    /**
     * The budget problem over the {@code periods} periods after the data, the last {@code periods}
     * training rows as the reference (current mix), over every posterior draw; add the budget and,
     * if wanted, bounds, flighting and objective (docs/optimize.md), then {@link #optimize(BudgetProblem)}.
     */
    public BudgetProblem.Builder budgetProblem(int periods) {
        return BudgetProblem.builder(PlanningWindow.future(fit.model(), periods), PosteriorDraws.of(fit));
    }

    /** The best split of {@code totalBudget} over the next {@code periods} periods: flat flighting, mean objective, the default bounds ({@code DefaultBounds.standard()}). */
    public AllocationResult optimize(int periods, double totalBudget) {
        return optimize(budgetProblem(periods).budget(totalBudget).build());
    }

    /** Solves a budget problem (see {@link #budgetProblem}). */
    public AllocationResult optimize(BudgetProblem problem) {
        return BudgetOptimizer.optimize(problem);
    }

    /**
     * An allocation as text, amounts per period of its window: per channel the current and the
     * optimal spend and the marginal ROAS at the optimum, then the incremental target of both plans
     * and the uplift, with 90% intervals, and the optimiser's warnings.
     */
    public static String allocationTable(AllocationResult result) {
        double n = result.periods();
        int width = "channel".length();
        for (AllocationResult.ChannelAllocation a : result.allocation()) {
            width = Math.max(width, a.channel().length());
        }
        String row = "%-" + width + "s %12s %12s %9s %24s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d periods, budget %s per period (%s), objective %s; amounts per period%n",
                result.periods(), Fmt.number(result.budget() / n), result.budgetRule(), result.objective()));
        out.append(String.format(Locale.ROOT, row, "channel", "current", "optimal", "change", "mroas at optimum"));
        for (AllocationResult.ChannelAllocation a : result.allocation()) {
            dev.mmm.core.analysis.Interval m = marginal(result, a.channel());
            out.append(String.format(Locale.ROOT, row, a.channel(), Fmt.number(a.current() / n), Fmt.number(a.optimal() / n),
                    a.current() > 0 ? Fmt.change(a.change() / a.current()) : "n/a",
                    m == null ? "n/a" : interval(m.mean(), m.q05(), m.q95())));
        }
        dev.mmm.core.analysis.Interval cur = result.current().incremental().dividedBy(n);
        dev.mmm.core.analysis.Interval opt = result.optimal().incremental().dividedBy(n);
        dev.mmm.core.analysis.Interval up = result.uplift().dividedBy(n);
        out.append(String.format(Locale.ROOT, "%nincremental target, current mix  %s%n", interval(cur.mean(), cur.q05(), cur.q95())));
        out.append(String.format(Locale.ROOT, "incremental target, optimal mix  %s%n", interval(opt.mean(), opt.q05(), opt.q95())));
        out.append(String.format(Locale.ROOT, "uplift (paired over draws)       %s%n", interval(up.mean(), up.q05(), up.q95())));
        for (String w : result.warnings()) {
            out.append("warning: ").append(w).append('\n');
        }
        return out.toString();
    }

    /** Current against optimal spend per channel, with the incremental target of each plan. */
    public static BufferedImage allocationChart(AllocationResult result) {
        return AllocationChart.of(allocationView(result)).toImage();
    }

    /** The report's view of an allocation: window totals, the expected incremental target of both plans. */
    static BudgetAllocation allocationView(AllocationResult result) {
        List<AllocationRow> rows = new ArrayList<>();
        for (AllocationResult.ChannelAllocation a : result.allocation()) {
            rows.add(new AllocationRow(a.channel(), a.current(), a.optimal()));
        }
        AllocationResult.PlanOutcome cur = result.current();
        AllocationResult.PlanOutcome opt = result.optimal();
        return new BudgetAllocation(rows,
                new Estimate(cur.incremental().mean(), cur.incremental().q05(), cur.incremental().q95()),
                new Estimate(opt.incremental().mean(), opt.incremental().q05(), opt.incremental().q95()),
                result.periods() + " periods, budget " + Fmt.number(result.budget()) + " (" + result.budgetRule()
                        + "), objective " + result.objective());
    }

    /** Each lift test of a calibrated fit next to the model's own lift for it (empty without lift tests). */
    public List<LiftTestCheck> liftTests() {
        return LiftTestCheck.of(fit.model(), fit.posterior());
    }

    /** {@link #liftTests()} as text, one line per test: measured, the model's lift with its 90% interval, z. */
    public String liftTestTable() {
        StringBuilder out = new StringBuilder();
        for (LiftTestCheck c : liftTests()) {
            out.append(c.describe()).append('\n');
        }
        return out.toString();
    }

    private static dev.mmm.core.analysis.Interval marginal(AllocationResult result, String channel) {
        for (AllocationResult.ChannelMarginal m : result.mroas()) {
            if (m.channel().equals(channel)) {
                return m.mroas();
            }
        }
        return null;
    }

    private FitSummary summary() {
        return FitWriter.summaryOf(fit, new FitMetadata(fit.warnings()));
    }

    private static String interval(Interval i) {
        return interval(i.mean(), i.q05(), i.q95());
    }

    private static String interval(double mean, double q05, double q95) {
        return Fmt.number(mean) + " [" + Fmt.number(q05) + ", " + Fmt.number(q95) + "]";
    }
}
