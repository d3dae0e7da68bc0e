package dev.mmm.report.chart;

import dev.mmm.report.view.Checks;
import dev.mmm.report.view.WaterfallStep;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

/**
 * A waterfall: each component's total contribution as a bar floating from the running total before
 * it to the running total after it (green up, red down), and a last bar with the total.
 */
public final class WaterfallChart {

    /** Name of the closing bar. */
    public static final String TOTAL = "total";

    private WaterfallChart() {
    }

    /** The chart at the default size. */
    public static Figure of(List<WaterfallStep> steps) {
        return of(steps, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    /** The chart at {@code width x height} pixels. */
    public static Figure of(List<WaterfallStep> steps, int width, int height) {
        Sizes.check(width, height);
        List<WaterfallStep> rows = Checks.nonEmpty(steps, "waterfall steps");
        List<String> categories = new ArrayList<>(rows.stream().map(WaterfallStep::name).toList());
        categories.add(TOTAL);
        Checks.distinct(categories, "waterfall steps (the last bar is called '" + TOTAL + "')");
        Floating bars = floating(rows);
        String title = "Decomposition of the total (waterfall)";
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("component").yAxisTitle("total contribution (target units)").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setStacked(true);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        double[] r = Axes.range(bars.lo, bars.hi);
        Axes.y(chart.getStyler(), r[0], r[1]);
        if (categories.size() > 8) {
            chart.getStyler().setXAxisLabelRotation(30);
        }
        // XChart stacks positive and negative values apart, so a bar crossing zero is drawn as a
        // part above and a part below zero, each on its own invisible base.
        hidden(chart, "base above zero", categories, bars.positiveBase);
        hidden(chart, "base below zero", categories, bars.negativeBase);
        visible(chart, "increase", categories, bars.increaseAbove, bars.increaseBelow, ChartStyle.INCREASE);
        visible(chart, "decrease", categories, bars.decreaseAbove, bars.decreaseBelow, ChartStyle.DECREASE);
        visible(chart, TOTAL, categories, bars.totalAbove, bars.totalBelow, ChartStyle.NEUTRAL);
        return new Figure(title, List.of("increase", "decrease", TOTAL), chart, width, height);
    }

    private static void hidden(CategoryChart chart, String name, List<String> categories, double[] values) {
        CategorySeries s = chart.addSeries(name, categories, Series.list(values));
        s.setFillColor(ChartStyle.INVISIBLE);
        s.setShowInLegend(false);
    }

    private static void visible(CategoryChart chart, String name, List<String> categories, double[] above, double[] below,
                                java.awt.Color color) {
        CategorySeries up = chart.addSeries(name, categories, Series.list(above));
        up.setFillColor(color);
        CategorySeries down = chart.addSeries(name + " (below zero)", categories, Series.list(below));
        down.setFillColor(color);
        down.setShowInLegend(false);
    }

    /** Each bar as the span [lo, hi] split at zero into stacked pieces on invisible bases. */
    static final class Floating {
        final double[] positiveBase;
        final double[] negativeBase;
        final double[] increaseAbove;
        final double[] increaseBelow;
        final double[] decreaseAbove;
        final double[] decreaseBelow;
        final double[] totalAbove;
        final double[] totalBelow;
        /** Lower and upper end of each bar, in category order (steps, then the total). */
        final double[] lo;
        final double[] hi;

        Floating(int n) {
            positiveBase = new double[n];
            negativeBase = new double[n];
            increaseAbove = new double[n];
            increaseBelow = new double[n];
            decreaseAbove = new double[n];
            decreaseBelow = new double[n];
            totalAbove = new double[n];
            totalBelow = new double[n];
            lo = new double[n];
            hi = new double[n];
        }
    }

    static Floating floating(List<WaterfallStep> steps) {
        int n = steps.size() + 1;
        Floating f = new Floating(n);
        double running = 0;
        for (int i = 0; i < n; i++) {
            double lo;
            double hi;
            double[] above;
            double[] below;
            if (i < steps.size()) {
                double v = steps.get(i).value();
                lo = Math.min(running, running + v);
                hi = Math.max(running, running + v);
                running += v;
                above = v >= 0 ? f.increaseAbove : f.decreaseAbove;
                below = v >= 0 ? f.increaseBelow : f.decreaseBelow;
            } else {
                lo = Math.min(0, running);
                hi = Math.max(0, running);
                above = f.totalAbove;
                below = f.totalBelow;
            }
            f.lo[i] = lo;
            f.hi[i] = hi;
            // Above zero: invisible from 0 to max(lo, 0), visible up to max(hi, 0).
            f.positiveBase[i] = Math.max(lo, 0);
            above[i] = Math.max(hi, 0) - Math.max(lo, 0);
            // Below zero: invisible from 0 down to min(hi, 0), visible down to min(lo, 0).
            f.negativeBase[i] = Math.min(hi, 0);
            below[i] = Math.min(lo, 0) - Math.min(hi, 0);
        }
        return f;
    }
}
