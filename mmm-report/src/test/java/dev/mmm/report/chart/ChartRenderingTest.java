package dev.mmm.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.report.Images;
import dev.mmm.report.ReportCharts;
import dev.mmm.report.ReportInput;
import dev.mmm.report.SampleReports;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/** Every chart kind renders headless to a PNG and an SVG of its size, with its text in the SVG. */
class ChartRenderingTest {

    static Stream<Arguments> charts() {
        ReportInput in = SampleReports.full();
        List<ReportCharts.ReportChart> charts = ReportCharts.of(in);
        // One of each kind is enough: the others differ only in data.
        return charts.stream().filter(c -> !c.id().matches(".*-[2-9]$")).map(c -> Arguments.of(c.id(), c.figure()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void rendersPngOfItsSizeWithSomethingDrawn(String id, Figure figure) throws Exception {
        byte[] png = figure.toPng();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(figure.width());
        assertThat(image.getHeight()).isEqualTo(figure.height());
        // Not blank: a chart in its colours, not one background colour.
        assertThat(Images.distinctColours(image)).as(id).isGreaterThan(20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void rendersWellFormedSvgOfItsSizeNamingTitleAndSeries(String id, Figure figure) throws Exception {
        String svg = figure.toSvg();
        assertThat(svg).contains("viewBox=\"0 0 " + figure.width() + " " + figure.height() + "\"");
        assertThat(svg).doesNotContain("<!DOCTYPE");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        String title = doc.getElementsByTagName("title").item(0).getTextContent();
        String desc = doc.getElementsByTagName("desc").item(0).getTextContent();
        assertThat(title).isEqualTo(figure.title());
        assertThat(figure.seriesNames()).isNotEmpty();
        for (String series : figure.seriesNames()) {
            assertThat(desc).as(id).contains(series);
        }
        // Drawn content, not just the text we added.
        assertThat(doc.getElementsByTagName("path").getLength()).as(id).isGreaterThan(10);
    }
}
