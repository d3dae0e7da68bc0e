package dev.mmm.report.chart;

import dev.mmm.report.view.AllocationRow;
import dev.mmm.report.view.BudgetAllocation;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

/** Budget allocation before and after the optimiser: two bars per channel. */
public final class AllocationChart {

    private AllocationChart() {
    }

    /** The chart at the default size. */
    public static Figure of(BudgetAllocation allocation) {
        return of(allocation, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    /** The chart at {@code width x height} pixels. */
    public static Figure of(BudgetAllocation allocation, int width, int height) {
        Sizes.check(width, height);
        String title = "Budget allocation: current and optimised";
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("channel").yAxisTitle("spend").build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        List<String> channels = new ArrayList<>();
        List<Double> current = new ArrayList<>();
        List<Double> optimised = new ArrayList<>();
        for (AllocationRow r : allocation.rows()) {
            channels.add(r.channel());
            current.add(r.currentSpend());
            optimised.add(r.optimisedSpend());
        }
        double[] r = Axes.range(Series.array(current), Series.array(optimised));
        Axes.y(chart.getStyler(), 0, r[1]);
        CategorySeries before = chart.addSeries("current", channels, current);
        before.setFillColor(ChartStyle.NEUTRAL);
        CategorySeries after = chart.addSeries("optimised", channels, optimised);
        after.setFillColor(ChartStyle.PRIMARY);
        return new Figure(title, List.of("current", "optimised"), chart, width, height);
    }
}
