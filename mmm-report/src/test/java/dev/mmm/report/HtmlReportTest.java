package dev.mmm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mmm.report.view.ChannelEstimate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    static ReportInput full;
    static String html;

    @BeforeAll
    static void render() {
        full = SampleReports.full();
        html = HtmlReport.render(full);
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    @Test
    void everySectionAndEveryChartIsThere() {
        for (String id : List.of("summary", "inputs", "sampler", "fit", "decomposition", "roas", "response", "allocation", "lift",
                "parameters")) {
            assertThat(html).contains("<section id=\"" + id + "\">").contains("<a href=\"#" + id + "\">");
        }
        List<ReportCharts.ReportChart> charts = ReportCharts.of(full);
        // fit, residuals, contributions, waterfall, shares, roas, 3 response curves, adstock, allocation,
        // 3 rank plots, 3 traces, 2 prior-vs-posterior.
        assertThat(charts).hasSize(19);
        assertThat(count(html, "<figure class=\"chart\"")).isEqualTo(charts.size());
        assertThat(count(html, "<svg")).isEqualTo(charts.size());
        for (ReportCharts.ReportChart c : charts) {
            assertThat(html).contains("data-chart=\"" + c.id() + "\"");
        }
    }

    @Test
    void stringsFromDataAreEscapedEverywhere() {
        assertThat(html).doesNotContain("<radio>").doesNotContain("<shop>");
        assertThat(html).contains("tv &amp; &lt;radio&gt; &quot;quoted&quot;");
        assertThat(html).contains("<title>Sample &lt;shop&gt; &amp; co — media mix model report</title>");
    }

    @Test
    void aScriptInAChannelNameStaysText() {
        String evil = "</td><script>alert(1)</script>";
        ReportInput in = ReportInput.builder(SampleReports.model()).roas(List.of(new ChannelEstimate(evil, 1, 0.5, 1.5))).build();
        String page = HtmlReport.render(in);
        assertThat(page).doesNotContain("<script").contains("&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void theReportNeedsNothingFromTheNetwork() {
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("<img").doesNotContain("@import")
                .doesNotContain("src=").doesNotContain("url(http");
        // The only absolute URLs are the SVG and XLink namespace names, which are never fetched.
        Matcher m = Pattern.compile("https?://[^\"'\\s<>)]+").matcher(html);
        Set<String> urls = new HashSet<>();
        while (m.find()) {
            urls.add(m.group());
        }
        assertThat(urls).allMatch(u -> u.equals("http://www.w3.org/2000/svg") || u.equals("http://www.w3.org/1999/xlink"));
    }

    @Test
    void idsAreUniqueAndEveryLocalReferenceResolves() {
        Matcher ids = Pattern.compile("\\bid=\"([^\"]+)\"").matcher(html);
        List<String> all = new ArrayList<>();
        while (ids.find()) {
            all.add(ids.group(1));
        }
        assertThat(all).doesNotHaveDuplicates();
        Matcher refs = Pattern.compile("url\\(#([^)]+)\\)|href=\"#([^\"]+)\"").matcher(html);
        int n = 0;
        while (refs.find()) {
            String ref = refs.group(1) != null ? refs.group(1) : refs.group(2);
            assertThat(all).as("reference #" + ref).contains(ref);
            n++;
        }
        assertThat(n).isGreaterThan(full.keyParameters().size());
    }

    @Test
    void onlyTheModelSummaryIsRequiredAndAbsentSectionsAreLeftOut() {
        String page = HtmlReport.render(ReportInput.builder(SampleReports.model()).build());
        assertThat(page).contains("<section id=\"summary\">").doesNotContain("<figure").doesNotContain("<svg");
        for (String id : List.of("inputs", "sampler", "fit", "decomposition", "roas", "response", "allocation", "lift", "parameters")) {
            assertThat(page).doesNotContain("id=\"" + id + "\"").doesNotContain("href=\"#" + id + "\"");
        }
        assertThat(page).endsWith("</html>\n");
    }

    @Test
    void diagnosticsShowPlainLanguageChecksAndFlagBadValues() {
        assertThat(html).contains("<div class=\"check problem\">").contains("The chains disagree")
                .contains("3 divergent transitions in 1,600 draws (0.19%)");
        // The verdict comes first, before any result.
        assertThat(html.indexOf("class=\"verdict problem\"")).isPositive().isLessThan(html.indexOf("<section id=\"summary\">"));
        assertThat(html).contains("The sampler diagnostics show problems (R-hat, Divergences)");
        // lam's R-hat 1.032 and bulk ESS 210 are flagged in the table.
        assertThat(html).contains("<td class=\"num bad\">1.032</td>").contains("<td class=\"num bad\">210</td>");
        assertThat(html).contains("3 divergent transitions after warm-up; the posterior may be biased");
    }

    @Test
    void tablesCarryTheNumbers() {
        assertThat(html).contains("<td class=\"num\">50.0%</td><td class=\"num\">38.0% to 61.0%</td>");
        assertThat(html).contains("<td class=\"num\">+69.2%</td>");
        assertThat(html).contains("model lower");
        assertThat(html).contains("R²").contains("90% coverage");
    }

    @Test
    void writesTheFileAndTheChartFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.html");
        HtmlReport.write(full, file);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(html);
        List<Path> charts = ReportCharts.writeFiles(full, dir.resolve("charts"));
        assertThat(charts).hasSize(2 * 19).allMatch(p -> p.toFile().length() > 1000);
        assertThat(dir.resolve("charts/fit.png")).exists();
        assertThat(dir.resolve("charts/roas.svg")).exists();
    }

    @Test
    void repeatedNamesInAListAreRefused() {
        assertThatThrownBy(() -> ReportInput.builder(SampleReports.model())
                .roas(List.of(new ChannelEstimate("tv", 1, 0, 2), new ChannelEstimate("tv", 2, 1, 3))).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ReportInput.roas: the name 'tv' appears twice");
        assertThatThrownBy(() -> ReportInput.builder(null).build()).hasMessage("ReportInput.model is missing (null)");
    }
}
