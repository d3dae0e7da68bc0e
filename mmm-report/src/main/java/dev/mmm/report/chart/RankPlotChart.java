package dev.mmm.report.chart;

import dev.mmm.report.view.ParameterDraws;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A rank plot of one parameter: per chain, the histogram of its draws' ranks among all chains'
 * draws, as a step line, with the flat line every histogram should scatter around when the chains
 * agree.
 */
public final class RankPlotChart {

    private RankPlotChart() {
    }

    /** The chart at the small default size. */
    public static Figure of(ParameterDraws draws) {
        return of(draws, ChartStyle.SMALL_WIDTH, ChartStyle.SMALL_HEIGHT);
    }

    /** The chart at {@code width x height} pixels. */
    public static Figure of(ParameterDraws draws, int width, int height) {
        Sizes.check(width, height);
        double[][] chains = draws.chains();
        int perChain = chains[0].length;
        int bins = Ranks.bins(perChain);
        int[][] counts = Ranks.histogram(chains, bins);
        int total = chains.length * perChain;
        String title = "Rank plot: " + draws.name();
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("rank of the draw among all chains").yAxisTitle("draws per bin").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setYAxisMin(0.0);
        Axes.xExact(chart, 0, total, 0);
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = (double) b * total / bins;
        }
        List<Double> x = Series.list(edges);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < chains.length; c++) {
            double[] y = new double[bins + 1];
            for (int b = 0; b < bins; b++) {
                y[b] = counts[c][b];
            }
            y[bins] = counts[c][bins - 1];
            String name = "chain " + (c + 1);
            XYSeries s = chart.addSeries(name, x, Series.list(y));
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(ChartStyle.color(c));
            s.setLineWidth(1.8f);
            names.add(name);
        }
        double expected = (double) perChain / bins;
        Series.reference(chart, "uniform", 0.0, expected, (double) total, expected, ChartStyle.INK);
        return new Figure(title, names, chart, width, height);
    }
}
