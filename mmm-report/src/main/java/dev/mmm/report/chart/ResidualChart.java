package dev.mmm.report.chart;

import dev.mmm.report.view.PredictiveFit;
import java.util.Date;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * Residuals over time: observed minus posterior mean, inside the predictive band re-centred on zero
 * (q05 - mean to q95 - mean), so that a residual outside the band is a week the model did not expect.
 */
public final class ResidualChart {

    private ResidualChart() {
    }

    /** The chart at the default size; the fit must have observed values. */
    public static Figure of(PredictiveFit fit) {
        return of(fit, ChartStyle.WIDTH, ChartStyle.HEIGHT * 3 / 4);
    }

    /** The chart at {@code width x height} pixels; the fit must have observed values. */
    public static Figure of(PredictiveFit fit, int width, int height) {
        Sizes.check(width, height);
        if (!fit.hasObserved()) {
            throw new IllegalArgumentException("PredictiveFit for '" + fit.targetName() + "' has no observed values, so no residuals");
        }
        String title = "Residuals: observed minus posterior mean";
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("date").yAxisTitle("residual (" + fit.targetName() + ")").build();
        ChartStyle.apply(chart.getStyler());
        List<Date> x = ChartStyle.toDates(fit.dates());
        int n = x.size();
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int i = 0; i < n; i++) {
            lower[i] = fit.q05()[i] - fit.mean()[i];
            upper[i] = fit.q95()[i] - fit.mean()[i];
        }
        double[] residuals = fit.residuals();
        double[] r = Axes.range(lower, upper, residuals);
        Axes.y(chart.getStyler(), r[0], r[1]);
        Series.band(chart, "90% predictive interval", x, lower, upper, ChartStyle.translucent(ChartStyle.PRIMARY, 45));
        Series.reference(chart, "zero", x.get(0), 0, x.get(n - 1), 0, ChartStyle.NEUTRAL);
        Series.line(chart, "residual", x, residuals, ChartStyle.INK, 1.2f);
        return new Figure(title, List.of("90% predictive interval", "residual"), chart, width, height);
    }
}
