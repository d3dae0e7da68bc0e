package dev.mmm.report.chart;

import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Round axis ranges and number patterns: XChart starts its ticks at the data's minimum and prints
 * large numbers in E notation, so axes that could show either get a range that begins and ends on
 * a round step and a pattern with thousands separators and just enough decimals.
 */
final class Axes {

    /** About this many intervals between ticks. */
    static final int TICKS = 5;

    private Axes() {
    }

    /** A step of 1, 2 or 5 times a power of ten that cuts {@code [lo, hi]} into about {@link #TICKS} pieces. */
    static double step(double lo, double hi) {
        double span = hi - lo;
        if (!(span > 0)) {
            span = Math.max(Math.abs(lo), 1e-12);
        }
        double raw = span / TICKS;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /** A decimal pattern that shows values at multiples of {@code step}: "#,##0", "#,##0.0", ... */
    static String pattern(double step) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
    }

    /** {@code [lo, hi]} widened to multiples of its {@link #step}. */
    static double[] round(double lo, double hi) {
        double s = step(lo, hi);
        double a = Math.floor(lo / s) * s;
        double b = Math.ceil(hi / s) * s;
        if (b <= a) {
            b = a + s;
        }
        return new double[] {a, b};
    }

    /**
     * Sets the x axis to the rounded {@code [lo, hi]} with a matching pattern and round ticks.
     * XChart 3.8 puts a tick at every x value when the x values are equally spaced (a draw index, a
     * density grid, a spend grid), which crowds the axis; one invisible point off the grid, at
     * {@code (x, y)} inside the plot, makes it choose round ticks instead.
     */
    static void x(XYChart chart, double lo, double hi, double y) {
        double[] r = round(lo, hi);
        xExact(chart, r[0], r[1], y);
    }

    /** As {@link #x}, but the axis spans exactly {@code [lo, hi]}. */
    static void xExact(XYChart chart, double lo, double hi, double y) {
        AxesChartStyler s = chart.getStyler();
        double[] r = {lo, hi};
        s.setXAxisMin(r[0]);
        s.setXAxisMax(r[1]);
        s.setXAxisDecimalPattern(pattern(step(r[0], r[1])));
        double offGrid = r[0] + (r[1] - r[0]) * (Math.sqrt(2) - 1) / 7;
        XYSeries breaker = chart.addSeries(" ", List.of(offGrid), List.of(y));
        breaker.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        breaker.setMarker(SeriesMarkers.NONE);
        breaker.setShowInLegend(false);
    }

    /** Sets the y axis to the rounded {@code [lo, hi]} with a matching pattern. */
    static void y(AxesChartStyler s, double lo, double hi) {
        double[] r = round(lo, hi);
        s.setYAxisMin(r[0]);
        s.setYAxisMax(r[1]);
        s.setYAxisDecimalPattern(pattern(step(r[0], r[1])));
    }

    /** A y-axis pattern for values in {@code [lo, hi]}, leaving the range to XChart. */
    static void yPattern(AxesChartStyler s, double lo, double hi) {
        s.setYAxisDecimalPattern(pattern(step(lo, hi)));
    }

    /** A number as short as it can be written: 1, 0.5, 1e-05 ({@link Double#toString} without a trailing ".0"). */
    static String format(double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** Smallest and largest value of the arrays. */
    static double[] range(double[]... arrays) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] a : arrays) {
            for (double v : a) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new double[] {lo, hi};
    }
}
