package dev.mmm.report.chart;

import dev.mmm.report.view.Contributions;
import dev.mmm.report.view.NamedSeries;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * Contributions over time as stacked areas, in the order given: positive parts stack upwards from
 * zero and negative parts downwards, so the top edge of the positive stack minus the bottom edge of
 * the negative stack is the total at each date.
 */
public final class ContributionChart {

    private ContributionChart() {
    }

    /** The chart at the default size. */
    public static Figure of(Contributions contributions) {
        return of(contributions, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    /** The chart at {@code width x height} pixels. */
    public static Figure of(Contributions contributions, int width, int height) {
        Sizes.check(width, height);
        String title = "Contributions over time";
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("date").yAxisTitle("contribution (target units)").build();
        ChartStyle.apply(chart.getStyler());
        List<Date> x = ChartStyle.toDates(contributions.dates());
        List<NamedSeries> series = contributions.series();
        double[][] lower = new double[series.size()][];
        double[][] upper = new double[series.size()][];
        stack(series, lower, upper);
        double[] r = Axes.range(Axes.range(lower), Axes.range(upper));
        Axes.y(chart.getStyler(), r[0], r[1]);
        List<String> names = new ArrayList<>();
        for (int k = 0; k < series.size(); k++) {
            String name = series.get(k).name();
            Series.band(chart, name, x, lower[k], upper[k], ChartStyle.translucent(ChartStyle.color(k), 200));
            names.add(name);
        }
        ChartStyle.legendFor(chart.getStyler(), names);
        return new Figure(title, names, chart, width, height);
    }

    /**
     * The band of each series in the stack: at each date a positive value sits on the positives
     * stacked so far and a negative one hangs below the negatives stacked so far.
     */
    static void stack(List<NamedSeries> series, double[][] lower, double[][] upper) {
        int n = series.get(0).values().length;
        double[] positive = new double[n];
        double[] negative = new double[n];
        for (int k = 0; k < series.size(); k++) {
            double[] v = series.get(k).values();
            lower[k] = new double[n];
            upper[k] = new double[n];
            for (int t = 0; t < n; t++) {
                if (v[t] >= 0) {
                    lower[k][t] = positive[t];
                    positive[t] += v[t];
                    upper[k][t] = positive[t];
                } else {
                    upper[k][t] = negative[t];
                    negative[t] += v[t];
                    lower[k][t] = negative[t];
                }
            }
        }
    }
}
