package dev.mmm.report.chart;

import dev.mmm.report.view.AdstockCurve;
import dev.mmm.report.view.Checks;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Adstock decay of every channel: the weight at each lag, posterior mean with its 90% band. */
public final class AdstockChart {

    private AdstockChart() {
    }

    /** The chart at the default size. */
    public static Figure of(List<AdstockCurve> curves) {
        return of(curves, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    /** The chart at {@code width x height} pixels. */
    public static Figure of(List<AdstockCurve> curves, int width, int height) {
        Sizes.check(width, height);
        List<AdstockCurve> rows = Checks.nonEmpty(curves, "adstock curves");
        Checks.distinct(rows.stream().map(AdstockCurve::channel).toList(), "adstock curves");
        String title = "Adstock decay";
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("lag (periods after the spend)").yAxisTitle("weight").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setXAxisDecimalPattern("0");
        double hi = rows.stream().mapToDouble(c -> Axes.range(c.q95(), c.mean())[1]).max().orElseThrow();
        Axes.yPattern(chart.getStyler(), 0, hi);
        List<String> names = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            AdstockCurve c = rows.get(k);
            List<Double> lags = Series.list(Series.indices(c.mean().length));
            XYSeries band = Series.band(chart, c.channel() + " 90% interval", lags, c.q05(), c.q95(),
                    ChartStyle.translucent(ChartStyle.color(k), 45));
            band.setShowInLegend(false);
            XYSeries mean = Series.line(chart, c.channel(), lags, c.mean(), ChartStyle.color(k), 2f);
            mean.setMarker(SeriesMarkers.CIRCLE);
            mean.setMarkerColor(ChartStyle.color(k));
            names.add(c.channel());
        }
        ChartStyle.legendFor(chart.getStyler(), names);
        return new Figure(title, names, chart, width, height);
    }
}
