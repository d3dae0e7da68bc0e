package dev.mmm.report;

import dev.mmm.core.io.AtomicFiles;
import dev.mmm.report.ReportCharts.ReportChart;
import dev.mmm.report.chart.Figure;
import dev.mmm.report.chart.Xml;
import dev.mmm.report.view.AllocationRow;
import dev.mmm.report.view.BudgetAllocation;
import dev.mmm.report.view.ChannelEstimate;
import dev.mmm.report.view.GeoContribution;
import dev.mmm.report.view.GeoEstimate;
import dev.mmm.report.view.GeoFitView;
import dev.mmm.report.view.FitQuality;
import dev.mmm.report.view.ColumnSummary;
import dev.mmm.report.view.Estimate;
import dev.mmm.report.view.InputDiagnostics;
import dev.mmm.report.view.LiftTestResult;
import dev.mmm.report.view.ModelSummary;
import dev.mmm.report.view.ParameterDiagnostic;
import dev.mmm.report.view.ParameterDraws;
import dev.mmm.report.view.SamplerDiagnostics;
import dev.mmm.report.view.WaterfallStep;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The self-contained HTML report: one file with its CSS inline and every chart inline as SVG, no
 * script, font or image fetched from anywhere, so it opens offline and can be mailed as it is.
 * Sections whose data are absent are left out. Every string that comes from data is escaped.
 *
 * <pre>{@code
 * ReportInput input = ReportInput.builder(summary).sampler(diagnostics).fit(fit).roas(roas).build();
 * HtmlReport.write(input, Path.of("report.html"));
 * }</pre>
 */
public final class HtmlReport {

    /** Parameter tables longer than this start folded. */
    static final int OPEN_TABLE_ROWS = 20;
    /** |z| up to this counts as the model agreeing with a lift test. */
    static final double LIFT_AGREEMENT_Z = 2;

    private static final Pattern SVG_ROOT = Pattern.compile("<svg\\b[^>]*>");
    private static final Pattern SVG_SIZE = Pattern.compile("\\s(width|height)=\"[^\"]*\"");
    private static final Pattern SVG_ID = Pattern.compile("\\bid=\"([^\"]+)\"");
    private static final Pattern SVG_NUMBER = Pattern.compile("(-?\\d+\\.\\d{2})\\d+");

    private final ReportInput in;
    private final StringBuilder html = new StringBuilder(1 << 20);
    private final Map<String, List<ReportChart>> chartsBySection = new LinkedHashMap<>();

    private HtmlReport(ReportInput in) {
        this.in = in;
        for (ReportChart c : ReportCharts.of(in)) {
            chartsBySection.computeIfAbsent(c.section(), k -> new ArrayList<>()).add(c);
        }
    }

    /** Writes the report of {@code input} to {@code file} (atomically: a reader never sees half a file). */
    public static void write(ReportInput input, Path file) throws IOException {
        AtomicFiles.writeString(file, render(input));
    }

    /** The report of {@code input} as one HTML document. */
    public static String render(ReportInput input) {
        return new HtmlReport(input).document();
    }

    private record Section(String id, String title) {
    }

    private String document() {
        ModelSummary m = in.model();
        List<Section> sections = sections();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(m.title())).append(" — media mix model report</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<header>\n<h1>")
                .append(esc(m.title())).append("</h1>\n<p class=\"subtitle\">Bayesian media mix model of <strong>")
                .append(esc(m.target())).append("</strong>, ").append(m.firstDate()).append(" to ").append(m.lastDate())
                .append(" (").append(m.periods()).append(" periods)</p>\n</header>\n<nav aria-label=\"contents\"><ol>\n");
        for (Section s : sections) {
            html.append("<li><a href=\"#").append(s.id()).append("\">").append(esc(s.title())).append("</a></li>\n");
        }
        html.append("</ol></nav>\n<main>\n");
        verdict();
        for (Section s : sections) {
            html.append("<section id=\"").append(s.id()).append("\">\n<h2>").append(esc(s.title())).append("</h2>\n");
            switch (s.id()) {
                case "summary" -> summary();
                case "inputs" -> inputs(in.inputs());
                case "sampler" -> sampler(in.sampler());
                case ReportCharts.FIT -> fit();
                case ReportCharts.DECOMPOSITION -> decomposition();
                case ReportCharts.ROAS -> roas();
                case ReportCharts.GEO -> geos();
                case ReportCharts.RESPONSE -> response();
                case ReportCharts.ALLOCATION -> allocation(in.allocation());
                case "lift" -> liftTests();
                case ReportCharts.PARAMETERS -> parameters();
                default -> throw new IllegalStateException("no renderer for section " + s.id());
            }
            html.append("</section>\n");
        }
        html.append("</main>\n<footer>");
        if (in.footer() != null && !in.footer().isBlank()) {
            html.append(esc(in.footer()));
        } else {
            html.append("Made by mmm.");
        }
        html.append("</footer>\n</body>\n</html>\n");
        return html.toString();
    }

    /** One line above everything when the sampler checks found a problem: results come after it. */
    private void verdict() {
        if (in.sampler() == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        List<String> cautions = new ArrayList<>();
        for (SamplerChecks.Check c : SamplerChecks.of(in.sampler())) {
            if (c.level() == SamplerChecks.Level.PROBLEM) {
                problems.add(c.name());
            } else if (c.level() == SamplerChecks.Level.CAUTION) {
                cautions.add(c.name());
            }
        }
        if (!problems.isEmpty()) {
            html.append("<p class=\"verdict problem\">The sampler diagnostics show problems (").append(esc(String.join(", ", problems)))
                    .append("): the results below may be wrong. See <a href=\"#sampler\">Sampler diagnostics</a> first.</p>\n");
        } else if (!cautions.isEmpty()) {
            html.append("<p class=\"verdict caution\">The sampler diagnostics call for caution (").append(esc(String.join(", ", cautions)))
                    .append("): see <a href=\"#sampler\">Sampler diagnostics</a>.</p>\n");
        } else {
            html.append("<p class=\"verdict ok\">The sampler diagnostics found no problem.</p>\n");
        }
    }

    private List<Section> sections() {
        List<Section> s = new ArrayList<>();
        s.add(new Section("summary", "Model and data"));
        if (in.inputs() != null) {
            s.add(new Section("inputs", "Input diagnostics"));
        }
        if (in.sampler() != null) {
            s.add(new Section("sampler", "Sampler diagnostics"));
        }
        if (in.fit() != null || !in.geoFits().isEmpty()) {
            s.add(new Section(ReportCharts.FIT, "Fit"));
        }
        if (in.contributions() != null || !in.waterfall().isEmpty() || !in.shares().isEmpty()) {
            s.add(new Section(ReportCharts.DECOMPOSITION, "Decomposition"));
        }
        if (!in.roas().isEmpty()) {
            s.add(new Section(ReportCharts.ROAS, "Return on ad spend"));
        }
        if (!in.geoRoas().isEmpty()) {
            s.add(new Section(ReportCharts.GEO, "Geos"));
        }
        if (!in.responseCurves().isEmpty() || !in.adstock().isEmpty() || !in.geoResponseCurves().isEmpty()) {
            s.add(new Section(ReportCharts.RESPONSE, "Response curves and adstock"));
        }
        if (in.allocation() != null) {
            s.add(new Section(ReportCharts.ALLOCATION, "Budget allocation"));
        }
        if (!in.liftTests().isEmpty()) {
            s.add(new Section("lift", "Lift tests"));
        }
        if (!in.keyParameters().isEmpty()) {
            s.add(new Section(ReportCharts.PARAMETERS, "Key parameters"));
        }
        return s;
    }

    // ---- sections ------------------------------------------------------------------------------

    private void summary() {
        ModelSummary m = in.model();
        html.append("<dl class=\"facts\">\n");
        fact("Target", m.target());
        fact("Channels", String.join(", ", m.channels()));
        fact("Controls", m.controls().isEmpty() ? "none" : String.join(", ", m.controls()));
        fact("Period", m.firstDate() + " to " + m.lastDate() + " (" + m.periods() + " periods)");
        for (ModelSummary.Detail d : m.details()) {
            fact(d.label(), d.value());
        }
        html.append("</dl>\n");
    }

    private void fact(String label, String value) {
        html.append("<dt>").append(esc(label)).append("</dt><dd>").append(esc(value)).append("</dd>\n");
    }

    private void inputs(InputDiagnostics d) {
        html.append("<p>Each modelled column of the input data. A channel that is zero in most periods, or columns that move"
                + " together, leave the model little to tell their effects apart by.</p>\n");
        if (!d.columns().isEmpty()) {
            html.append("<table>\n<thead><tr><th>column</th><th>role</th><th class=\"num\">min</th><th class=\"num\">mean</th>"
                    + "<th class=\"num\">max</th><th class=\"num\">zero in</th></tr></thead>\n<tbody>\n");
            for (ColumnSummary c : d.columns()) {
                html.append("<tr><td>").append(esc(c.name())).append("</td><td>").append(esc(c.role())).append("</td>");
                num(Fmt.number(c.min()));
                num(Fmt.number(c.mean()));
                num(Fmt.number(c.max()));
                num(Fmt.percent(c.zeroShare()));
                html.append("</tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        warnings(d.warnings(), "The data checks found nothing to warn about.");
    }

    private void warnings(List<String> warnings, String none) {
        if (warnings.isEmpty()) {
            html.append("<p class=\"ok-note\">").append(esc(none)).append("</p>\n");
            return;
        }
        html.append("<ul class=\"warnings\">\n");
        for (String w : warnings) {
            html.append("<li>").append(esc(w)).append("</li>\n");
        }
        html.append("</ul>\n");
    }

    private void sampler(SamplerDiagnostics d) {
        html.append(String.format(Locale.ROOT, "<p>%d chains, %,d warm-up and %,d kept draws each (%,d draws in all).</p>%n",
                d.chains(), d.warmupPerChain(), d.drawsPerChain(), d.totalDraws()));
        html.append("<div class=\"checks\">\n");
        for (SamplerChecks.Check c : SamplerChecks.of(d)) {
            String level = c.level().name().toLowerCase(Locale.ROOT);
            html.append("<div class=\"check ").append(level).append("\"><p class=\"check-title\"><span class=\"badge\">")
                    .append(label(c.level())).append("</span> ").append(esc(c.name())).append("</p><p class=\"finding\">")
                    .append(esc(c.finding())).append("</p><p>").append(esc(c.meaning())).append("</p></div>\n");
        }
        html.append("</div>\n");
        if (!d.warnings().isEmpty()) {
            html.append("<h3>Warnings of the fit</h3>\n");
            warnings(d.warnings(), "");
        }
        int rows = d.parameters().size();
        html.append("<details").append(rows <= OPEN_TABLE_ROWS ? " open" : "").append("><summary>Posterior summary of ")
                .append(rows).append(" parameters</summary>\n<table>\n<thead><tr><th>parameter</th><th class=\"num\">mean</th>"
                        + "<th class=\"num\">sd</th><th class=\"num\">5%</th><th class=\"num\">95%</th><th class=\"num\">R-hat</th>"
                        + "<th class=\"num\">ESS bulk</th><th class=\"num\">ESS tail</th></tr></thead>\n<tbody>\n");
        double essLimit = SamplerChecks.ESS_PER_CHAIN * d.chains();
        for (ParameterDiagnostic p : d.parameters()) {
            html.append("<tr><td>").append(esc(p.name())).append("</td>");
            num(Fmt.number(p.mean()));
            num(Fmt.number(p.sd()));
            num(Fmt.number(p.q05()));
            num(Fmt.number(p.q95()));
            flagged(Fmt.rhat(p.rhat()), SamplerChecks.rhatBad(p));
            flagged(Fmt.ess(p.essBulk()), p.essBulk() < essLimit);
            flagged(Fmt.ess(p.essTail()), p.essTail() < essLimit);
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</details>\n");
    }

    private static String label(SamplerChecks.Level level) {
        return switch (level) {
            case OK -> "OK";
            case CAUTION -> "Caution";
            case PROBLEM -> "Problem";
        };
    }

    private void fit() {
        if (in.fitQuality() != null) {
            FitQuality f = in.fitQuality();
            html.append("<dl class=\"metrics\">\n");
            metric("R²", Fmt.rhat(f.r2()), "share of the target's variation the posterior mean explains");
            metric("MAPE", Fmt.percent(f.mape()), "mean absolute percentage error");
            metric("NRMSE", Fmt.percent(f.nrmse()), "root mean squared error over the target's range");
            metric("CRPS", Fmt.number(f.crps()), "continuous ranked probability score, in the target's units (lower is better)");
            metric("90% coverage", Fmt.percent(f.coverage()), "observed periods inside the 90% interval; about 90% is right");
            html.append("</dl>\n");
        }
        charts(ReportCharts.FIT);
        geoFits();
    }

    /** One row per geo: observed and expected total over the training periods and the R^2 of the posterior mean. */
    private void geoFits() {
        if (in.geoFits().isEmpty()) {
            return;
        }
        html.append("<table>\n<thead><tr><th>geo</th><th class=\"num\">observed total</th>"
                + "<th class=\"num\">expected total (mean)</th><th class=\"num\">90% interval</th>"
                + "<th class=\"num\">R²</th></tr></thead>\n<tbody>\n");
        for (GeoFitView f : in.geoFits()) {
            html.append("<tr><td>").append(esc(f.geo())).append("</td>");
            num(Fmt.number(f.observedTotal()));
            num(Fmt.number(f.predictedTotal().mean()));
            num(Fmt.number(f.predictedTotal().q05()) + " to " + Fmt.number(f.predictedTotal().q95()));
            num(Fmt.rhat(f.rSquared()));
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private void metric(String name, String value, String meaning) {
        html.append("<div><dt>").append(esc(name)).append("</dt><dd class=\"value\">").append(esc(value))
                .append("</dd><dd class=\"meaning\">").append(esc(meaning)).append("</dd></div>\n");
    }

    private void decomposition() {
        charts(ReportCharts.DECOMPOSITION);
        if (!in.waterfall().isEmpty()) {
            double total = in.waterfall().stream().mapToDouble(WaterfallStep::value).sum();
            html.append("<table>\n<thead><tr><th>component</th><th class=\"num\">total contribution</th>"
                    + "<th class=\"num\">share of the total</th></tr></thead>\n<tbody>\n");
            for (WaterfallStep s : in.waterfall()) {
                html.append("<tr><td>").append(esc(s.name())).append("</td>");
                num(Fmt.number(s.value()));
                num(total == 0 ? "n/a" : Fmt.percent(s.value() / total));
                html.append("</tr>\n");
            }
            html.append("<tr class=\"total\"><td>total</td>");
            num(Fmt.number(total));
            num(total == 0 ? "n/a" : Fmt.percent(1));
            html.append("</tr>\n</tbody>\n</table>\n");
        }
        if (!in.shares().isEmpty()) {
            estimateTable("channel share", in.shares(), true);
        }
    }

    private void roas() {
        charts(ReportCharts.ROAS);
        estimateTable("ROAS", in.roas(), false);
    }

    private void geos() {
        html.append("<p>Return on ad spend of each channel in each geo: what the channel's spend there added to that "
                + "geo's target, carry-over included, per unit of spend, with its 90% interval. The national ROAS above "
                + "is the geos' increments over their spend together. Geos with little spend or data borrow strength from "
                + "the others through the pooled channel effects, so their intervals lean towards the national value.</p>\n");
        charts(ReportCharts.GEO);
        html.append("<table>\n<thead><tr><th>geo</th><th>channel</th><th class=\"num\">ROAS (mean)</th>"
                + "<th class=\"num\">90% interval</th></tr></thead>\n<tbody>\n");
        for (GeoEstimate e : in.geoRoas()) {
            html.append("<tr><td>").append(esc(e.geo())).append("</td><td>").append(esc(e.channel())).append("</td>");
            num(Fmt.number(e.mean()));
            num(Fmt.number(e.q05()) + " to " + Fmt.number(e.q95()));
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        geoDecomposition();
    }

    /** One row per geo, one column per part: its total over the training periods and its share of the geo's prediction. */
    private void geoDecomposition() {
        if (in.geoDecomposition().isEmpty()) {
            return;
        }
        List<String> geos = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        Map<String, GeoContribution> cells = new LinkedHashMap<>();
        for (GeoContribution c : in.geoDecomposition()) {
            if (!geos.contains(c.geo())) {
                geos.add(c.geo());
            }
            if (!parts.contains(c.part())) {
                parts.add(c.part());
            }
            cells.put(c.geo() + "\u0000" + c.part(), c);
        }
        html.append("<p>Each geo's expected target over the training periods split into its parts: the total of each "
                + "part in the target's units and, in brackets, its share of that geo's total (posterior means). The "
                + "decomposition above is the national one, every geo's parts summed.</p>\n");
        html.append("<table>\n<thead><tr><th>geo</th>");
        for (String p : parts) {
            html.append("<th class=\"num\">").append(esc(p)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (String g : geos) {
            html.append("<tr><td>").append(esc(g)).append("</td>");
            for (String p : parts) {
                GeoContribution c = cells.get(g + "\u0000" + p);
                num(c == null ? "n/a" : Fmt.number(c.total()) + " (" + Fmt.percent(c.share()) + ")");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private void estimateTable(String what, List<ChannelEstimate> rows, boolean percent) {
        html.append("<table>\n<thead><tr><th>channel</th><th class=\"num\">").append(esc(what))
                .append(" (mean)</th><th class=\"num\">90% interval</th></tr></thead>\n<tbody>\n");
        for (ChannelEstimate e : rows) {
            html.append("<tr><td>").append(esc(e.channel())).append("</td>");
            num(percent ? Fmt.percent(e.mean()) : Fmt.number(e.mean()));
            num(percent ? Fmt.percent(e.q05()) + " to " + Fmt.percent(e.q95()) : Fmt.number(e.q05()) + " to " + Fmt.number(e.q95()));
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private void response() {
        charts(ReportCharts.RESPONSE);
    }

    private void allocation(BudgetAllocation a) {
        if (a.note() != null && !a.note().isBlank()) {
            html.append("<p>").append(esc(a.note())).append("</p>\n");
        }
        charts(ReportCharts.ALLOCATION);
        html.append("<table>\n<thead><tr><th>channel</th><th class=\"num\">current spend</th><th class=\"num\">optimised spend</th>"
                + "<th class=\"num\">change</th></tr></thead>\n<tbody>\n");
        for (AllocationRow r : a.rows()) {
            html.append("<tr><td>").append(esc(r.channel())).append("</td>");
            num(Fmt.number(r.currentSpend()));
            num(Fmt.number(r.optimisedSpend()));
            num(Fmt.change(r.relativeChange()));
            html.append("</tr>\n");
        }
        html.append("<tr class=\"total\"><td>total</td>");
        num(Fmt.number(a.totalCurrent()));
        num(Fmt.number(a.totalOptimised()));
        num(Fmt.change(a.totalCurrent() == 0 ? Double.NaN : a.totalOptimised() / a.totalCurrent() - 1));
        html.append("</tr>\n</tbody>\n</table>\n");
        if (a.currentResponse() != null || a.optimisedResponse() != null) {
            html.append("<dl class=\"facts\">\n");
            if (a.currentResponse() != null) {
                fact("Expected response, current spend", interval(a.currentResponse()));
            }
            if (a.optimisedResponse() != null) {
                fact("Expected response, optimised spend", interval(a.optimisedResponse()));
            }
            if (a.currentResponse() != null && a.optimisedResponse() != null && a.currentResponse().mean() != 0) {
                fact("Change of the mean", Fmt.change(a.optimisedResponse().mean() / a.currentResponse().mean() - 1));
            }
            html.append("</dl>\n");
        }
    }

    private static String interval(Estimate e) {
        return Fmt.number(e.mean()) + " (90% interval " + Fmt.number(e.q05()) + " to " + Fmt.number(e.q95()) + ")";
    }

    private void liftTests() {
        html.append("<p>Each experiment's measured lift next to the model's lift for the same channel and window. The model"
                + " agrees with a test when its mean is within two of the test's standard errors.</p>\n");
        html.append("<table>\n<thead><tr><th>channel</th><th>window</th><th class=\"num\">measured lift</th>"
                + "<th class=\"num\">model lift</th><th class=\"num\">z</th><th>verdict</th></tr></thead>\n<tbody>\n");
        for (LiftTestResult t : in.liftTests()) {
            html.append("<tr><td>").append(esc(t.channel())).append("</td><td>").append(t.start()).append(" to ")
                    .append(t.end()).append("</td>");
            num(Fmt.number(t.measuredLift()) + " ± " + Fmt.number(t.measuredSd()));
            if (t.modelLift() == null) {
                num("n/a");
                num("n/a");
                html.append("<td>not compared</td>");
            } else {
                num(interval(t.modelLift()));
                double z = t.zScore();
                num(String.format(Locale.ROOT, "%+.2f", z));
                boolean agrees = Math.abs(z) <= LIFT_AGREEMENT_Z;
                html.append("<td class=\"").append(agrees ? "good" : "bad").append("\">")
                        .append(agrees ? "agrees" : z > 0 ? "model higher" : "model lower").append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private void parameters() {
        html.append("<p>For each key parameter: the rank plot (each chain's histogram of ranks among all draws; flat and alike"
                + " when the chains agree), the trace (each chain's draws in order; they should overlap like noise around"
                + " one level) and, when prior draws are given, prior against posterior (how far the data moved it).</p>\n");
        List<ReportChart> charts = chartsBySection.getOrDefault(ReportCharts.PARAMETERS, List.of());
        for (ParameterDraws p : in.keyParameters()) {
            html.append("<h3>").append(esc(p.name())).append("</h3>\n<div class=\"grid\">\n");
            for (ReportChart c : charts) {
                if (p.name().equals(c.group())) {
                    // The section's introduction says how to read these three.
                    figure(c, false);
                }
            }
            html.append("</div>\n");
        }
    }

    // ---- charts --------------------------------------------------------------------------------

    private void charts(String section) {
        List<ReportChart> charts = chartsBySection.getOrDefault(section, List.of());
        // Charts of one kind (a response curve per channel) share one caption, under the first.
        Set<String> captioned = new HashSet<>();
        boolean inGrid = false;
        for (ReportChart c : charts) {
            if (c.small() && !inGrid) {
                html.append("<div class=\"grid\">\n");
                inGrid = true;
            } else if (!c.small() && inGrid) {
                html.append("</div>\n");
                inGrid = false;
            }
            figure(c, captioned.add(Captions.kind(c.id())));
        }
        if (inGrid) {
            html.append("</div>\n");
        }
    }

    private void figure(ReportChart c, boolean caption) {
        html.append("<figure class=\"chart\" id=\"chart-").append(c.id()).append("\" data-chart=\"").append(c.id()).append("\">\n")
                .append(inlineSvg(c.figure(), c.id())).append('\n');
        if (caption) {
            html.append("<figcaption>").append(esc(Captions.of(c.id()))).append("</figcaption>\n");
        }
        html.append("</figure>\n");
    }

    /**
     * The chart's SVG fit for inlining: no XML prolog or doctype, ids prefixed so that charts' clip
     * paths cannot collide in one document, a viewBox-scaled width, coordinates cut to two decimals.
     */
    static String inlineSvg(Figure figure, String prefix) {
        String svg = figure.toSvg();
        svg = svg.substring(svg.indexOf("<svg"));
        Matcher root = SVG_ROOT.matcher(svg);
        if (!root.find()) {
            throw new IllegalStateException("chart '" + figure.title() + "' gave no <svg> element");
        }
        String open = SVG_SIZE.matcher(root.group()).replaceAll("");
        open = open.substring(0, open.length() - 1) + " width=\"100%\" style=\"max-width:" + figure.width()
                + "px\" role=\"img\" aria-label=\"" + Xml.escape(figure.title()) + "\">";
        svg = open + svg.substring(root.end());
        String p = "c-" + prefix + "-";
        svg = SVG_ID.matcher(svg).replaceAll(m -> Matcher.quoteReplacement("id=\"" + p + m.group(1) + "\""));
        svg = svg.replace("url(#", "url(#" + p).replace("href=\"#", "href=\"#" + p);
        // Sub-pixel digits beyond the second add a third of the file and nothing visible; the
        // title and description (text from data) are left as they are.
        int drawing = svg.indexOf("</desc>") + "</desc>".length();
        return svg.substring(0, drawing) + SVG_NUMBER.matcher(svg.substring(drawing)).replaceAll("$1").trim();
    }

    // ---- table cells ---------------------------------------------------------------------------

    private void num(String text) {
        html.append("<td class=\"num\">").append(esc(text)).append("</td>");
    }

    private void flagged(String text, boolean bad) {
        html.append("<td class=\"num").append(bad ? " bad" : "").append("\">").append(esc(text)).append("</td>");
    }

    private static String esc(String s) {
        return Xml.escape(s);
    }

    private static final String CSS = """
            :root { --ink: #212121; --muted: #5f6368; --line: #e0e0e0; --accent: #0072b2; --ok: #1b7f4b; --caution: #a86400;
                    --problem: #b3261e; }
            * { box-sizing: border-box; }
            body { margin: 0; color: var(--ink); background: #fafafa; line-height: 1.5;
                   font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; font-size: 15px; }
            header, nav, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
            header { padding-top: 28px; }
            h1 { margin: 0; font-size: 28px; }
            .subtitle { margin: 4px 0 12px; color: var(--muted); }
            nav ol { display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 0; padding: 10px 0 14px; list-style: none;
                     border-bottom: 1px solid var(--line); }
            nav a { color: var(--accent); text-decoration: none; }
            nav a:hover { text-decoration: underline; }
            section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 8px 24px 20px; margin: 20px 0; }
            h2 { font-size: 21px; margin: 12px 0 10px; }
            h3 { font-size: 17px; margin: 18px 0 8px; }
            table { border-collapse: collapse; margin: 12px 0; font-size: 14px; }
            th, td { padding: 4px 12px; border-bottom: 1px solid var(--line); text-align: left; }
            th { font-weight: 600; background: #f3f3f3; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            tr.total td { font-weight: 600; border-top: 2px solid #bdbdbd; }
            td.bad { color: var(--problem); font-weight: 600; }
            td.good { color: var(--ok); }
            dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 8px 0; }
            dl.facts dt { font-weight: 600; }
            dl.facts dd { margin: 0; }
            dl.metrics { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0 4px; }
            dl.metrics div { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 160px; flex: 1; }
            dl.metrics dt { color: var(--muted); font-size: 13px; }
            dl.metrics dd { margin: 0; }
            dl.metrics dd.value { font-size: 22px; font-weight: 600; }
            dl.metrics dd.meaning { font-size: 12px; color: var(--muted); }
            .checks { display: grid; grid-template-columns: repeat(auto-fit, minmax(250px, 1fr)); gap: 12px; margin: 8px 0; }
            .check { border: 1px solid var(--line); border-left: 5px solid var(--ok); border-radius: 6px; padding: 6px 12px; }
            .check p { margin: 4px 0; font-size: 14px; }
            .check .check-title { font-weight: 600; font-size: 15px; }
            .check .finding { color: var(--muted); }
            .check.caution { border-left-color: var(--caution); }
            .check.problem { border-left-color: var(--problem); background: #fdf3f2; }
            .badge { display: inline-block; padding: 0 8px; border-radius: 10px; color: #fff; background: var(--ok); font-size: 12px; }
            .caution .badge { background: var(--caution); }
            .problem .badge { background: var(--problem); }
            ul.warnings { margin: 8px 0; padding-left: 0; list-style: none; }
            ul.warnings li { border-left: 4px solid var(--caution); background: #fff8e6; padding: 4px 10px; margin: 4px 0; }
            .ok-note { color: var(--ok); }
            .verdict { margin: 16px 0 0; padding: 10px 16px; border-radius: 6px; font-weight: 600; border-left: 5px solid var(--ok);
                       background: #eef7f1; }
            .verdict.caution { border-left-color: var(--caution); background: #fff8e6; }
            .verdict.problem { border-left-color: var(--problem); background: #fdf3f2; }
            .verdict a { color: inherit; }
            details summary { cursor: pointer; font-weight: 600; margin: 10px 0 0; }
            figure.chart { margin: 14px 0; }
            figure.chart svg { display: block; height: auto; }
            figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; max-width: 900px; }
            .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: 0 20px; }
            footer { color: var(--muted); font-size: 13px; padding-bottom: 28px; }
            @media print { body { background: #fff; } nav { display: none; } section { border: none; padding: 0; }
                           figure.chart, table, .check { break-inside: avoid; } }
            """;
}
