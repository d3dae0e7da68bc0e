package dev.mmm.report.chart;

import dev.mmm.report.view.GeoResponseCurve;
import dev.mmm.report.view.ResponseCurve;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One channel's response curve: expected contribution against spend with its 90% band, and the
 * current spend marked by a point on the curve and a dashed drop line; or one channel's curve in
 * every geo of a geo model, a line per geo.
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

    /** One channel's curve in every geo at the small default size: a line per geo (posterior mean), each geo's current spend a diamond. */
    public static Figure perGeo(String channel, List<GeoResponseCurve> curves) {
        return perGeo(channel, curves, ChartStyle.SMALL_WIDTH, ChartStyle.SMALL_HEIGHT);
    }

    /** As {@link #perGeo(String, List)} at {@code width x height} pixels; every curve must be {@code channel}'s. */
    public static Figure perGeo(String channel, List<GeoResponseCurve> curves, int width, int height) {
        Sizes.check(width, height);
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("no geo's response curve for channel '" + channel + "'");
        }
        String title = "Response curve by geo: " + channel;
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("spend").yAxisTitle("contribution").build();
        ChartStyle.apply(chart.getStyler());
        double lo = 0;
        double hi = 0;
        double maxSpend = 0;
        List<String> names = new ArrayList<>();
        List<Double> nowX = new ArrayList<>();
        List<Double> nowY = new ArrayList<>();
        for (int g = 0; g < curves.size(); g++) {
            GeoResponseCurve c = curves.get(g);
            if (!c.curve().channel().equals(channel)) {
                throw new IllegalArgumentException("geo '" + c.geo() + "': a curve of channel '" + c.curve().channel()
                        + "' among channel '" + channel + "'s");
            }
            double[] spend = c.curve().spend();
            double[] r = Axes.range(c.curve().mean());
            lo = Math.min(lo, r[0]);
            hi = Math.max(hi, r[1]);
            maxSpend = Math.max(maxSpend, spend[spend.length - 1]);
            Series.line(chart, c.geo(), Series.list(spend), c.curve().mean(), ChartStyle.color(g), 2f);
            names.add(c.geo());
            nowX.add(c.curve().currentSpend());
            nowY.add(c.curve().currentResponse());
        }
        Axes.x(chart, 0, maxSpend, lo);
        Axes.y(chart.getStyler(), lo, hi);
        XYSeries now = chart.addSeries("current spend", nowX, nowY);
        now.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        now.setMarker(SeriesMarkers.DIAMOND);
        now.setMarkerColor(ChartStyle.INK);
        chart.getStyler().setMarkerSize(8);
        names.add("current spend");
        ChartStyle.legendFor(chart.getStyler(), names);
        return new Figure(title, names, chart, width, height);
    }
}
