package dev.mmm.report;

import dev.mmm.core.analysis.ChannelSummary;
import dev.mmm.core.analysis.ChannelTable;
import dev.mmm.core.analysis.Interval;
import dev.mmm.core.analysis.PosteriorAnalysis;
import dev.mmm.core.analysis.ResponseCurve;
import dev.mmm.core.data.CsvReader;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.io.FitFolder;
import dev.mmm.core.io.FitMetadata;
import dev.mmm.core.io.FitSummary;
import dev.mmm.core.io.FitWriter;
import dev.mmm.core.model.Mmm;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.simulate.DemoData;
import dev.mmm.report.ReportCharts.ReportChart;
import dev.mmm.report.chart.Figure;
import dev.mmm.report.chart.ResponseCurveChart;
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
 * every chart of the HTML report as an image, the report itself, and the fit folder.
 *
 * <p>It joins what lives in several packages ({@code core.model} for the fit,
 * {@code core.analysis} for ROAS and curves, {@code report} for charts) behind one import, so a
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

    private FitSummary summary() {
        return FitWriter.summaryOf(fit, new FitMetadata(fit.warnings()));
    }

    private static String interval(Interval i) {
        return Fmt.number(i.mean()) + " [" + Fmt.number(i.q05()) + ", " + Fmt.number(i.q95()) + "]";
    }
}
