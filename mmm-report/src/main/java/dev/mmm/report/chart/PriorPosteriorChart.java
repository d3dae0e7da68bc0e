package dev.mmm.report.chart;

import dev.mmm.report.view.ParameterDraws;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * Prior and posterior density of one parameter (kernel density estimates of their draws): how much
 * the data moved the parameter away from what was assumed.
 */
public final class PriorPosteriorChart {

    /** Grid points each density is evaluated at. */
    static final int GRID = 300;

    private PriorPosteriorChart() {
    }

    /** The chart at the small default size; the draws must include prior draws. */
    public static Figure of(ParameterDraws draws) {
        return of(draws, ChartStyle.SMALL_WIDTH, ChartStyle.SMALL_HEIGHT);
    }

    /** The chart at {@code width x height} pixels; the draws must include prior draws. */
    public static Figure of(ParameterDraws draws, int width, int height) {
        Sizes.check(width, height);
        if (!draws.hasPrior()) {
            throw new IllegalArgumentException("ParameterDraws '" + draws.name() + "' has no prior draws to compare with");
        }
        Kde posterior = Kde.of(draws.pooled());
        Kde prior = Kde.of(draws.priorDraws());
        // Heavy-tailed priors (half-Cauchy) would stretch the axis until the posterior is a line:
        // show the prior's central 99% and all of the posterior.
        double lo = Math.min(prior.quantile(0.005), posterior.min() - 2 * posterior.bandwidth());
        double hi = Math.max(prior.quantile(0.995), posterior.max() + 2 * posterior.bandwidth());
        double[] rounded = Axes.round(lo, hi);
        lo = rounded[0];
        hi = rounded[1];
        double[] grid = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            grid[i] = lo + (hi - lo) * i / (GRID - 1);
        }
        String title = "Prior and posterior: " + draws.name();
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(draws.name()).yAxisTitle("density").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setYAxisMin(0.0);
        Axes.x(chart, lo, hi, 0);
        List<Double> x = Series.list(grid);
        double[] priorDensity = prior.density(grid);
        double[] posteriorDensity = posterior.density(grid);
        double[] r = Axes.range(priorDensity, posteriorDensity);
        Axes.yPattern(chart.getStyler(), 0, r[1]);
        double[] zero = new double[GRID];
        Series.band(chart, "prior", x, zero, priorDensity, ChartStyle.translucent(ChartStyle.SECONDARY, 90));
        Series.band(chart, "posterior", x, zero, posteriorDensity, ChartStyle.translucent(ChartStyle.PRIMARY, 150));
        return new Figure(title, List.of("prior", "posterior"), chart, width, height);
    }
}
