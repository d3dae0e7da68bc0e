package dev.mmm.report.chart;

import dev.mmm.report.view.ResponseCurve;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One channel's response curve: expected contribution against spend with its 90% band, and the
 * current spend marked by a point on the curve and a dashed drop line.
 */
public final class ResponseCurveChart {

    private ResponseCurveChart() {
    }

    /** The chart at the small default size (two per row in the report). */
    public static Figure of(ResponseCurve curve) {
        return of(curve, ChartStyle.SMALL_WIDTH, ChartStyle.SMALL_HEIGHT);
    }

    /** The chart at {@code width x height} pixels. */
    public static Figure of(ResponseCurve curve, int width, int height) {
        Sizes.check(width, height);
        String title = "Response curve: " + curve.channel();
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("spend per period").yAxisTitle("contribution per period").build();
        ChartStyle.apply(chart.getStyler());
        double[] spend = curve.spend();
        double[] r = Axes.range(curve.q05(), curve.q95());
        Axes.x(chart, spend[0], spend[spend.length - 1], curve.mean()[0]);
        Axes.y(chart.getStyler(), Math.min(0, r[0]), r[1]);
        List<Double> x = Series.list(spend);
        Series.band(chart, "90% interval", x, curve.q05(), curve.q95(), ChartStyle.translucent(ChartStyle.PRIMARY, 60));
        Series.line(chart, "posterior mean", x, curve.mean(), ChartStyle.PRIMARY, 2f);
        double y = curve.currentResponse();
        double floor = Math.min(0, curve.q05()[0]);
        Series.reference(chart, "current spend line", curve.currentSpend(), floor, curve.currentSpend(), y, ChartStyle.INK);
        XYSeries now = chart.addSeries("current spend", List.of(curve.currentSpend()), List.of(y));
        now.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        now.setMarker(SeriesMarkers.DIAMOND);
        now.setMarkerColor(ChartStyle.SECONDARY);
        chart.getStyler().setMarkerSize(10);
        return new Figure(title, List.of("90% interval", "posterior mean", "current spend"), chart, width, height);
    }
}
