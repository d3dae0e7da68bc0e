package dev.mmm.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/** The look every chart shares: white background, light grid, legend below, a colour-blind-safe palette. */
public final class ChartStyle {

    /** Default chart width in pixels. */
    public static final int WIDTH = 900;
    /** Default chart height in pixels. */
    public static final int HEIGHT = 420;
    /** Width and height of the small charts shown two per row (response curves, per-parameter charts). */
    public static final int SMALL_WIDTH = 560;
    /** Height of the small charts. */
    public static final int SMALL_HEIGHT = 340;

    /** Okabe and Ito's palette (distinguishable with the common colour-vision deficiencies), then Tableau's. */
    private static final Color[] PALETTE = {
        new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115), new Color(204, 121, 167),
        new Color(86, 180, 233), new Color(213, 94, 0), new Color(240, 228, 66), new Color(0, 0, 0),
        new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207), new Color(140, 86, 75),
    };

    /** Ink for observed data and reference marks. */
    public static final Color INK = new Color(33, 33, 33);
    /** Colour of posterior means and bars that are not per series. */
    public static final Color PRIMARY = PALETTE[0];
    /** Colour of a second, contrasting quantity (the optimised allocation, the prior). */
    public static final Color SECONDARY = PALETTE[1];
    /** Colour of increases in a waterfall. */
    public static final Color INCREASE = PALETTE[2];
    /** Colour of decreases in a waterfall. */
    public static final Color DECREASE = PALETTE[5];
    /** Colour of totals and neutral reference marks. */
    public static final Color NEUTRAL = new Color(110, 110, 110);
    /** Fully transparent, for the invisible bases of floating bars. */
    public static final Color INVISIBLE = new Color(0, 0, 0, 0);
    /** A dashed reference line. */
    public static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    private ChartStyle() {
    }

    /** Series colour {@code i}, cycling through the palette. */
    public static Color color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** {@code c} with the given opacity (0 to 255), for bands. */
    public static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** Applies the shared look to any axes chart's styler. */
    public static void apply(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setChartTitleBoxVisible(false);
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendBorderColor(Color.WHITE);
        s.setChartFontColor(INK);
        s.setAxisTickLabelsColor(INK);
        s.setAxisTickMarksColor(new Color(160, 160, 160));
        s.setChartPadding(12);
        s.setAntiAlias(true);
        s.setTimezone(TimeZone.getTimeZone(ZoneOffset.UTC));
        s.setDatePattern("yyyy-MM");
        s.setMarkerSize(5);
        s.setXAxisTickMarkSpacingHint(80);
        s.setSeriesColors(PALETTE);
    }

    /** Most legend entries, and most characters in them, that fit in one row under a chart. */
    static final int LEGEND_ROW_ENTRIES = 5;
    static final int LEGEND_ROW_CHARACTERS = 70;

    /**
     * Puts the legend below the chart in one row when the names fit, else in a column at the right:
     * XChart does not wrap a legend row, it would run off the image.
     */
    public static void legendFor(Styler s, java.util.List<String> names) {
        int characters = names.stream().mapToInt(String::length).sum();
        if (names.size() > LEGEND_ROW_ENTRIES || characters > LEGEND_ROW_CHARACTERS) {
            s.setLegendPosition(Styler.LegendPosition.OutsideE);
            s.setLegendLayout(Styler.LegendLayout.Vertical);
        }
    }

    /** Dates as {@link Date}s at midnight UTC, the x values of time charts. */
    public static List<Date> toDates(List<LocalDate> dates) {
        List<Date> out = new ArrayList<>(dates.size());
        for (LocalDate d : dates) {
            out.add(Date.from(d.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        return out;
    }
}
