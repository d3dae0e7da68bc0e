package dev.mmm.report;

import dev.mmm.report.chart.AdstockChart;
import dev.mmm.report.chart.AllocationChart;
import dev.mmm.report.chart.ChannelEstimateChart;
import dev.mmm.report.chart.ContributionChart;
import dev.mmm.report.chart.Figure;
import dev.mmm.report.chart.FitChart;
import dev.mmm.report.chart.PriorPosteriorChart;
import dev.mmm.report.chart.RankPlotChart;
import dev.mmm.report.chart.ResidualChart;
import dev.mmm.report.chart.ResponseCurveChart;
import dev.mmm.report.chart.TraceChart;
import dev.mmm.report.chart.WaterfallChart;
import dev.mmm.report.chart.ChartStyle;
import dev.mmm.report.view.GeoEstimate;
import dev.mmm.report.view.GeoFitView;
import dev.mmm.report.view.GeoResponseCurve;
import dev.mmm.report.view.ParameterDraws;
import dev.mmm.report.view.ResponseCurve;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The charts a report input gives, in report order, each with a stable file-safe id. The HTML report
 * inlines them; {@link #writeFiles} writes them as PNG and SVG files.
 */
public final class ReportCharts {

    /**
     * One chart of the report.
     *
     * @param id      file-safe id, unique within the report ("fit", "response-2", ...)
     * @param section id of the report section it belongs to
     * @param figure  the chart
     * @param small   true for the charts laid out two per row
     * @param group   the key parameter a chart belongs to, or null
     */
    public record ReportChart(String id, String section, Figure figure, boolean small, String group) {
        ReportChart(String id, String section, Figure figure, boolean small) {
            this(id, section, figure, small, null);
        }
    }

    /** Section ids, in report order. */
    static final String FIT = "fit";
    static final String DECOMPOSITION = "decomposition";
    static final String ROAS = "roas";
    static final String RESPONSE = "response";
    static final String ALLOCATION = "allocation";
    static final String PARAMETERS = "parameters";
    static final String GEO = "geo";

    private ReportCharts() {
    }

    /** Every chart the input has data for. */
    public static List<ReportChart> of(ReportInput in) {
        List<ReportChart> charts = new ArrayList<>();
        if (in.fit() != null) {
            // A band without the noise (a geo model's expected target) gets its own id and caption, and no
            // residual chart: residuals are meant to be read against the predictive band.
            charts.add(new ReportChart(in.fit().predictive() ? "fit" : "fit-expected", FIT, FitChart.of(in.fit()), false));
            if (in.fit().hasObserved() && in.fit().predictive()) {
                charts.add(new ReportChart("residuals", FIT, ResidualChart.of(in.fit()), false));
            }
        }
        List<GeoFitView> geoFits = in.geoFits();
        for (int g = 0; g < geoFits.size(); g++) {
            GeoFitView f = geoFits.get(g);
            charts.add(new ReportChart("geo-fit-" + (g + 1), FIT, FitChart.of(f.fit(), f.geo(), ChartStyle.SMALL_WIDTH,
                    ChartStyle.SMALL_HEIGHT), true));
        }
        if (in.contributions() != null) {
            charts.add(new ReportChart("contributions", DECOMPOSITION, ContributionChart.of(in.contributions()), false));
        }
        if (!in.waterfall().isEmpty()) {
            charts.add(new ReportChart("waterfall", DECOMPOSITION, WaterfallChart.of(in.waterfall()), false));
        }
        if (!in.shares().isEmpty()) {
            charts.add(new ReportChart("shares", DECOMPOSITION, ChannelEstimateChart.of("Share of the channel contribution",
                    "share", in.shares(), ChannelEstimateChart.Scale.PERCENT), false));
        }
        if (!in.roas().isEmpty()) {
            charts.add(new ReportChart("roas", ROAS, ChannelEstimateChart.roas(in.roas()), false));
        }
        if (!in.geoRoas().isEmpty()) {
            charts.add(new ReportChart("geo-roas", GEO, ChannelEstimateChart.of("Return on ad spend by geo", "ROAS",
                    in.geoRoas().stream().map(GeoEstimate::asChannelEstimate).toList(),
                    ChannelEstimateChart.Scale.NUMBER), false));
        }
        List<ResponseCurve> curves = in.responseCurves();
        for (int i = 0; i < curves.size(); i++) {
            charts.add(new ReportChart("response-" + (i + 1), RESPONSE, ResponseCurveChart.of(curves.get(i)), true));
        }
        Map<String, List<GeoResponseCurve>> byChannel = new LinkedHashMap<>();
        for (GeoResponseCurve c : in.geoResponseCurves()) {
            byChannel.computeIfAbsent(c.curve().channel(), k -> new ArrayList<>()).add(c);
        }
        int k = 0;
        for (Map.Entry<String, List<GeoResponseCurve>> e : byChannel.entrySet()) {
            charts.add(new ReportChart("geo-response-" + (++k), RESPONSE, ResponseCurveChart.perGeo(e.getKey(), e.getValue()),
                    true));
        }
        if (!in.adstock().isEmpty()) {
            charts.add(new ReportChart("adstock", RESPONSE, AdstockChart.of(in.adstock()), false));
        }
        if (in.allocation() != null) {
            charts.add(new ReportChart("allocation", ALLOCATION, AllocationChart.of(in.allocation()), false));
        }
        List<ParameterDraws> params = in.keyParameters();
        for (int i = 0; i < params.size(); i++) {
            ParameterDraws p = params.get(i);
            String n = String.valueOf(i + 1);
            charts.add(new ReportChart("rank-" + n, PARAMETERS, RankPlotChart.of(p), true, p.name()));
            charts.add(new ReportChart("trace-" + n, PARAMETERS, TraceChart.of(p), true, p.name()));
            if (p.hasPrior()) {
                charts.add(new ReportChart("prior-posterior-" + n, PARAMETERS, PriorPosteriorChart.of(p), true, p.name()));
            }
        }
        return charts;
    }

    /**
     * Writes every chart of the input into {@code dir} (created if missing) as {@code <id>.png} and
     * {@code <id>.svg}; returns the files written.
     */
    public static List<Path> writeFiles(ReportInput in, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (ReportChart c : of(in)) {
            Path png = dir.resolve(c.id() + ".png");
            Path svg = dir.resolve(c.id() + ".svg");
            c.figure().writePng(png);
            c.figure().writeSvg(svg);
            written.add(png);
            written.add(svg);
        }
        return written;
    }
}
