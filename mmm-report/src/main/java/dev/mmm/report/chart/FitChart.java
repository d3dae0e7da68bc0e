package dev.mmm.report.chart;

import dev.mmm.report.view.PredictiveFit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * The posterior predictive fit over time: the 90% predictive band, the posterior mean and the
 * observed target as points; for a fit of the expected target ({@link PredictiveFit#predictive()}
 * false) the band is the 90% interval of the expectation, titled "Expected against observed".
 */
public final class FitChart {

    private FitChart() {
    }

    /** The chart at the default size. */
    public static Figure of(PredictiveFit fit) {
        return of(fit, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    /** The chart at {@code width x height} pixels. */
    public static Figure of(PredictiveFit fit, int width, int height) {
        return of(fit, (fit.predictive() ? "Posterior predictive fit: " : "Expected against observed: ")
                + fit.targetName(), width, height);
    }

    /** The chart titled {@code title} at {@code width x height} pixels (a geo's small chart, say). */
    public static Figure of(PredictiveFit fit, String title, int width, int height) {
        Sizes.check(width, height);
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("date").yAxisTitle(fit.targetName()).build();
        ChartStyle.apply(chart.getStyler());
        double[] r = fit.hasObserved() ? Axes.range(fit.q05(), fit.q95(), fit.observed()) : Axes.range(fit.q05(), fit.q95());
        Axes.y(chart.getStyler(), r[0], r[1]);
        List<Date> x = ChartStyle.toDates(fit.dates());
        List<String> names = new ArrayList<>();
        // The expected target's band: the title says what it is, and a longer name would run off a small chart's legend.
        String band = fit.predictive() ? "90% predictive interval" : "90% interval";
        Series.band(chart, band, x, fit.q05(), fit.q95(), ChartStyle.translucent(ChartStyle.PRIMARY, 60));
        names.add(band);
        Series.line(chart, "posterior mean", x, fit.mean(), ChartStyle.PRIMARY, 2f);
        names.add("posterior mean");
        if (fit.hasObserved()) {
            Series.points(chart, "observed", x, fit.observed(), ChartStyle.INK);
            chart.getStyler().setMarkerSize(4);
            names.add("observed");
        }
        return new Figure(title, names, chart, width, height);
    }
}
