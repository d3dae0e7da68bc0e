package dev.mmm.report.chart;

import dev.mmm.report.view.ChannelEstimate;
import dev.mmm.report.view.Checks;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One number per channel with its 90% interval: a bar at the posterior mean and a whisker from q05
 * to q95 (contribution shares, ROAS).
 */
public final class ChannelEstimateChart {

    /** How the values are printed on the axis. */
    public enum Scale {
        /** Fractions printed as percentages (0.25 as 25%). */
        PERCENT,
        /** Plain numbers. */
        NUMBER
    }

    private ChannelEstimateChart() {
    }

    /** The chart at the default size. */
    public static Figure of(String title, String valueLabel, List<ChannelEstimate> estimates, Scale scale) {
        return of(title, valueLabel, estimates, scale, Double.NaN, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    /** ROAS per channel at the default size, with a dashed break-even line at 1. */
    public static Figure roas(List<ChannelEstimate> roas) {
        return of("Return on ad spend (ROAS)", "contribution per unit of spend", roas, Scale.NUMBER, 1.0, ChartStyle.WIDTH,
                ChartStyle.HEIGHT);
    }

    /**
     * The chart at {@code width x height} pixels, with a dashed line at {@code reference} across the
     * channels (NaN for none).
     */
    public static Figure of(String title, String valueLabel, List<ChannelEstimate> estimates, Scale scale, double reference,
                            int width, int height) {
        Sizes.check(width, height);
        Checks.name(title, "chart title");
        List<ChannelEstimate> rows = Checks.nonEmpty(estimates, "estimates for '" + title + "'");
        Checks.distinct(rows.stream().map(ChannelEstimate::channel).toList(), "estimates for '" + title + "'");
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("bars: posterior mean; whiskers: 90% interval").yAxisTitle(valueLabel).build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setErrorBarsColor(ChartStyle.INK);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        List<String> channels = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        List<Double> middles = new ArrayList<>();
        List<Double> halfWidths = new ArrayList<>();
        double lowest = 0;
        for (ChannelEstimate e : rows) {
            channels.add(e.channel());
            means.add(e.mean());
            // XChart's error bars are symmetric: an invisible point at the interval's middle carries
            // a bar of half its width, which draws exactly q05 to q95.
            middles.add((e.q05() + e.q95()) / 2);
            halfWidths.add((e.q95() - e.q05()) / 2);
            lowest = Math.min(lowest, Math.min(e.q05(), e.mean()));
        }
        List<String> names = new ArrayList<>(List.of("posterior mean", "90% interval"));
        double highest = rows.stream().mapToDouble(e -> Math.max(e.mean(), e.q95())).max().orElseThrow();
        if (!Double.isNaN(reference)) {
            // An annotation spans the whole plot; a line series would only join the categories' centres.
            chart.addAnnotation(new AnnotationLine(reference, false, false));
            chart.getStyler().setAnnotationLineColor(ChartStyle.INK);
            chart.getStyler().setAnnotationLineStroke(ChartStyle.DASHED);
            names.add("reference line at " + Axes.format(reference));
            lowest = Math.min(lowest, reference);
            highest = Math.max(highest, reference);
        }
        CategorySeries bars = chart.addSeries("posterior mean", channels, means);
        bars.setFillColor(ChartStyle.translucent(ChartStyle.PRIMARY, 210));
        CategorySeries whiskers = chart.addSeries("90% interval", channels, middles, halfWidths);
        whiskers.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        whiskers.setMarker(SeriesMarkers.NONE);
        whiskers.setMarkerColor(new Color(0, 0, 0, 0));
        double[] r = Axes.round(Math.min(lowest, 0), Math.max(highest, 0));
        chart.getStyler().setYAxisMin(r[0]);
        chart.getStyler().setYAxisMax(r[1]);
        chart.getStyler().setAvailableSpaceFill(0.6);
        if (scale == Scale.PERCENT) {
            chart.getStyler().setYAxisDecimalPattern("#0.#%");
        } else {
            chart.getStyler().setYAxisDecimalPattern(Axes.pattern(Axes.step(r[0], r[1])));
        }
        return new Figure(title, names, chart, width, height);
    }
}
