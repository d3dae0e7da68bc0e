package dev.mmm.report.chart;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * One drawn chart: an XChart chart of a fixed size, with the title and series names it shows, so
 * that its SVG can carry them as text ({@code <title>}, {@code <desc>}): XChart draws its own text
 * as glyph outlines, which neither screen readers nor searches can read.
 *
 * <p>Rendering needs no display: run with {@code -Djava.awt.headless=true} (the default on a
 * Linux machine without {@code DISPLAY}).
 *
 * @param title       the chart's title
 * @param seriesNames the names of the series it draws, in legend order
 * @param chart       the XChart chart
 * @param width       width in pixels
 * @param height      height in pixels
 */
public record Figure(String title, List<String> seriesNames, Chart<?, ?> chart, int width, int height) {

    /** Copies the series names. */
    public Figure {
        seriesNames = List.copyOf(seriesNames);
    }

    /**
     * The chart painted into an image of {@code width x height} pixels; a notebook kernel (IJava,
     * JJava, rapaio) shows a cell whose value is an image inline as a PNG.
     */
    public BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            chart.paint(g, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The chart as a PNG image of {@code width x height} pixels. */
    public byte[] toPng() {
        BufferedImage image = toImage();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart '" + title + "' as PNG", e);
        }
        return out.toByteArray();
    }

    /**
     * The chart as a standalone SVG document (viewBox {@code 0 0 width height}) whose {@code <title>}
     * is the chart's title and whose {@code <desc>} lists its series. It has no doctype, so reading
     * it fetches nothing.
     */
    public String toSvg() {
        VectorGraphics2D g = new VectorGraphics2D();
        chart.paint(g, width, height);
        Document document = new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width, height));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            document.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart '" + title + "' as SVG", e);
        }
        // VectorGraphics2D writes the SVG 1.1 doctype, which XML tools fetch from w3.org; SVG needs none.
        String svg = out.toString(StandardCharsets.UTF_8).replaceFirst("<!DOCTYPE[^>]*>\\s*", "");
        int open = svg.indexOf("<svg");
        int openEnd = svg.indexOf('>', open) + 1;
        String text = "<title>" + Xml.escape(title) + "</title><desc>" + Xml.escape(description()) + "</desc>";
        return svg.substring(0, openEnd) + text + svg.substring(openEnd);
    }

    /** One line naming the chart's series, the SVG's {@code <desc>}. */
    public String description() {
        return seriesNames.isEmpty() ? title : "Series: " + String.join(", ", seriesNames);
    }

    /** Writes {@link #toPng()} to {@code file}. */
    public void writePng(Path file) throws IOException {
        Files.write(file, toPng());
    }

    /** Writes {@link #toSvg()} to {@code file}. */
    public void writeSvg(Path file) throws IOException {
        Files.writeString(file, toSvg(), StandardCharsets.UTF_8);
    }
}
