package dev.mmm.report.chart;

import dev.mmm.report.view.ParameterDraws;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * A trace plot of one parameter: each chain's draws in order. Long chains are drawn every k-th
 * draw (at most {@link #MAX_POINTS} points a chain) so the SVG stays small; the rank plot uses all draws.
 */
public final class TraceChart {

    /** Most points drawn per chain. */
    public static final int MAX_POINTS = 250;

    private TraceChart() {
    }

    /** The chart at the small default size. */
    public static Figure of(ParameterDraws draws) {
        return of(draws, ChartStyle.SMALL_WIDTH, ChartStyle.SMALL_HEIGHT);
    }

    /** The chart at {@code width x height} pixels. */
    public static Figure of(ParameterDraws draws, int width, int height) {
        Sizes.check(width, height);
        double[][] chains = draws.chains();
        int n = chains[0].length;
        int stride = (n + MAX_POINTS - 1) / MAX_POINTS;
        String title = "Trace: " + draws.name();
        String xTitle = stride == 1 ? "draw" : "draw (one in " + stride + " shown)";
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xTitle).yAxisTitle(draws.name()).build();
        ChartStyle.apply(chart.getStyler());
        Axes.x(chart, 0, n, chains[0][0]);
        int points = (n + stride - 1) / stride;
        double[] x = new double[points];
        for (int p = 0; p < points; p++) {
            x[p] = (double) p * stride + 1;
        }
        List<Double> xs = Series.list(x);
        double[] r = Axes.range(chains);
        Axes.yPattern(chart.getStyler(), r[0], r[1]);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < chains.length; c++) {
            double[] y = new double[points];
            for (int p = 0; p < points; p++) {
                y[p] = chains[c][p * stride];
            }
            String name = "chain " + (c + 1);
            Series.line(chart, name, xs, y, ChartStyle.translucent(ChartStyle.color(c), 170), 1f);
            names.add(name);
        }
        return new Figure(title, names, chart, width, height);
    }
}
