package dev.mmm.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Adds the kinds of XY series the charts share: bands, lines, points and reference lines. */
final class Series {

    private Series() {
    }

    /** Boxes a double array for XChart's list API. */
    static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    /** Unboxes XChart's list values. */
    static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** x values 0, 1, ..., n - 1. */
    static double[] indices(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

    /**
     * A filled band between {@code lower} and {@code upper} over {@code x}: one closed polygon, the
     * upper edge left to right and the lower edge back.
     */
    static XYSeries band(XYChart chart, String name, List<?> x, double[] lower, double[] upper, Color fill) {
        int n = x.size();
        List<Object> px = new ArrayList<>(2 * n);
        List<Double> py = new ArrayList<>(2 * n);
        for (int i = 0; i < n; i++) {
            px.add(x.get(i));
            py.add(upper[i]);
        }
        for (int i = n - 1; i >= 0; i--) {
            px.add(x.get(i));
            py.add(lower[i]);
        }
        XYSeries s = chart.addSeries(name, px, py);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(fill);
        // No outline at all: an invisible one would still be written to the SVG, segment by segment.
        s.setLineStyle(SeriesLines.NONE);
        return s;
    }

    /** A line without markers. */
    static XYSeries line(XYChart chart, String name, List<?> x, double[] y, Color color, float width) {
        XYSeries s = chart.addSeries(name, x, list(y));
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineWidth(width);
        return s;
    }

    /** Points without a line. */
    static XYSeries points(XYChart chart, String name, List<?> x, double[] y, Color color) {
        XYSeries s = chart.addSeries(name, x, list(y));
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
        return s;
    }

    /** A dashed straight line from {@code (x0, y0)} to {@code (x1, y1)}, outside the legend. */
    static XYSeries reference(XYChart chart, String name, Object x0, double y0, Object x1, double y1, Color color) {
        XYSeries s = chart.addSeries(name, List.of(x0, x1), List.of(y0, y1));
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        s.setShowInLegend(false);
        return s;
    }
}
