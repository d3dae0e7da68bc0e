package dev.mmm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.io.DatasetCsv;
import dev.mmm.core.simulate.DemoData;
import dev.mmm.core.simulate.Simulation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mmm summary} and {@code mmm predict} on a real fit of simulated data: JSON contracts and bad input. */
class AnalysisCommandsTest {

    @TempDir
    static Path dir;
    static Path fit;
    static Simulation sim;

    @BeforeAll
    static void fitSimulatedData() throws Exception {
        sim = DemoData.generate(4);
        // Hold out the last 13 weeks: fit the rest, predict them.
        Dataset training = sim.data().slice(0, sim.data().rows() - 13);
        Path csv = dir.resolve("train.csv");
        DatasetCsv.write(csv, training);
        fit = dir.resolve("fit");
        Cli.Run run = Cli.plain("fit", "--data", csv.toString(), "--date", DemoData.DATE, "--target", DemoData.TARGET,
                "--channels", String.join(",", DemoData.CHANNELS), "--controls", DemoData.PROMO,
                "--yearly-seasonality", "2", "--chains", "2", "--warmup", "300", "--draws", "200", "--seed", "3",
                "--quiet", "--out", fit.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void summaryJsonHasEveryChannelWithIntervalsAndTheBaseline() throws Exception {
        Cli.Run run = Cli.plain("summary", "--fit", fit.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("periods").asInt()).isEqualTo(sim.data().rows() - 13);
        JsonNode channels = json.get("channels");
        assertThat(channels).hasSize(DemoData.CHANNELS.size());
        double shares = 0;
        for (int c = 0; c < channels.size(); c++) {
            JsonNode ch = channels.get(c);
            assertThat(ch.get("channel").asText()).isEqualTo(DemoData.CHANNELS.get(c));
            for (String field : List.of("spend", "contribution", "share", "roas", "mroas")) {
                JsonNode i = ch.get(field);
                assertThat(i).as(field).isNotNull();
                for (String q : List.of("mean", "q05", "q50", "q95")) {
                    assertThat(i.get(q).isNumber()).as(field + "." + q).isTrue();
                }
                assertThat(i.get("q05").asDouble()).isLessThanOrEqualTo(i.get("q50").asDouble());
                assertThat(i.get("q50").asDouble()).isLessThanOrEqualTo(i.get("q95").asDouble());
            }
            shares += ch.get("share").get("mean").asDouble();
            assertThat(ch.get("roas").get("mean").asDouble()).isGreaterThan(0);
        }
        assertThat(shares).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(json.get("synergies").isArray()).isTrue();
        assertThat(json.get("synergies")).isEmpty();
        JsonNode inputs = json.get("inputs");
        assertThat(inputs.get("columns")).hasSize(DemoData.CHANNELS.size() + 1);
        assertThat(inputs.get("columns").get(0).get("vif").asDouble()).isGreaterThanOrEqualTo(1.0);
        assertThat(inputs.get("correlations")).hasSize(15);
        assertThat(inputs.get("warnings").isArray()).isTrue();
        assertThat(json.get("baseline").get("mean").asDouble() + json.get("media").get("mean").asDouble())
                .isCloseTo(json.get("total").get("mean").asDouble(), org.assertj.core.data.Offset.offset(1e-6 * json.get("total").get("mean").asDouble()));
    }

    @Test
    void compareRanksFitsOfTheSameDataAndRefusesOtherData() throws Exception {
        Path csv = dir.resolve("train.csv");
        Path tvOnly = dir.resolve("fit-tv");
        Cli.Run fit2 = Cli.plain("fit", "--data", csv.toString(), "--date", DemoData.DATE, "--target", DemoData.TARGET,
                "--channels", "tv", "--chains", "2", "--warmup", "200", "--draws", "150", "--seed", "3", "--quiet",
                "--out", tvOnly.toString());
        assertThat(fit2.exitCode()).as(fit2.err()).isZero();
        Cli.Run run = Cli.plain("compare", fit.toString(), tvOnly.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("best").asText()).isEqualTo(fit.toString());
        JsonNode fits = json.get("fits");
        assertThat(fits).hasSize(2);
        assertThat(fits.get(0).get("elpd_diff").asDouble()).isZero();
        assertThat(fits.get(1).get("elpd_diff").asDouble()).isNegative();
        for (String field : List.of("elpd_loo", "se_elpd_loo", "se_diff", "p_loo", "looic")) {
            assertThat(fits.get(1).get(field).isNumber()).as(field).isTrue();
        }
        assertThat(fits.get(0).get("pareto_k").get("good").asInt()).isPositive();
        Cli.Run table = Cli.plain("compare", fit.toString(), tvOnly.toString());
        assertThat(table.out()).contains("elpd_loo", "elpd_diff", "p_loo");

        Path other = dir.resolve("fit-other");
        Path shortCsv = dir.resolve("short.csv");
        DatasetCsv.write(shortCsv, sim.data().slice(0, 100));
        Cli.Run fit3 = Cli.plain("fit", "--data", shortCsv.toString(), "--date", DemoData.DATE, "--target", DemoData.TARGET,
                "--channels", "tv", "--chains", "1", "--warmup", "100", "--draws", "50", "--quiet", "--out", other.toString());
        assertThat(fit3.exitCode()).as(fit3.err()).isZero();
        Cli.Run bad = Cli.plain("compare", fit.toString(), other.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("other observations").hasLineCount(1);
    }

    @Test
    void fitWithAHoldoutWritesValidationJson() throws Exception {
        Path csv = dir.resolve("all.csv");
        DatasetCsv.write(csv, sim.data());
        Path out = dir.resolve("fit-holdout");
        Cli.Run run = Cli.plain("fit", "--data", csv.toString(), "--date", DemoData.DATE, "--target", DemoData.TARGET,
                "--channels", String.join(",", DemoData.CHANNELS), "--controls", DemoData.PROMO,
                "--yearly-seasonality", "2", "--chains", "2", "--warmup", "250", "--draws", "150", "--seed", "3",
                "--holdout", "26", "--quiet", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Holdout of the last 26 periods");
        JsonNode json = new ObjectMapper().readTree(out.resolve("validation.json").toFile());
        assertThat(json.get("holdout_periods").asInt()).isEqualTo(26);
        assertThat(json.get("in_sample").get("periods").asInt()).isEqualTo(sim.data().rows() - 26);
        for (String m : List.of("r2", "mape", "nrmse", "crps", "coverage90")) {
            assertThat(json.get("out_of_sample").get(m).isNumber()).as(m).isTrue();
        }
        assertThat(json.get("out_of_sample").get("coverage90").asDouble()).isBetween(0.6, 1.0);
        assertThat(json.get("holdout")).hasSize(26);
        Cli.Run tooMany = Cli.plain("fit", "--data", csv.toString(), "--date", DemoData.DATE, "--target", DemoData.TARGET,
                "--channels", "tv", "--holdout", "100", "--out", dir.resolve("never").toString());
        assertThat(tooMany.exitCode()).isNotZero();
        assertThat(tooMany.err()).contains("--holdout 100").hasLineCount(1);
    }

    @Test
    void refreshWarmStartsOnNewWeeksAndWritesTheDriftReport() throws Exception {
        Path csv = dir.resolve("all-for-refresh.csv");
        DatasetCsv.write(csv, sim.data());
        Path out = dir.resolve("fit-refreshed");
        Cli.Run run = Cli.plain("refresh", "--fit", fit.toString(), "--data", csv.toString(), "--warmup", "150",
                "--draws", "150", "--quiet", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Drift over the old fit's periods", "tv");
        JsonNode drift = new ObjectMapper().readTree(out.resolve("drift.json").toFile());
        assertThat(drift.get("old_periods").asInt()).isEqualTo(sim.data().rows() - 13);
        assertThat(drift.get("new_periods").asInt()).isEqualTo(sim.data().rows());
        assertThat(drift.get("channels")).hasSize(DemoData.CHANNELS.size());
        JsonNode tv = drift.get("channels").get(0);
        for (String f : List.of("old_roas", "new_roas", "old_contribution", "new_contribution")) {
            assertThat(tv.get(f).get("mean").isNumber()).as(f).isTrue();
        }
        assertThat(tv.get("moved").isBoolean()).isTrue();
        assertThat(drift.get("moved").isArray()).isTrue();
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("warmup").asInt()).isEqualTo(150);

        Path shorter = dir.resolve("shorter.csv");
        DatasetCsv.write(shorter, sim.data().slice(0, 50));
        Cli.Run bad = Cli.plain("refresh", "--fit", fit.toString(), "--data", shorter.toString(), "--out",
                dir.resolve("never-refreshed").toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("no more than the old fit's").hasLineCount(1);
    }

    @Test
    void reportWritesOneSelfContainedPage() throws Exception {
        Path html = dir.resolve("page.html");
        Cli.Run run = Cli.plain("report", "--fit", fit.toString(), "--out", html.toString(), "--title", "Q3 <review>");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Wrote " + html);
        String page = java.nio.file.Files.readString(html);
        assertThat(page).contains("<section id=\"roas\">", "<section id=\"response\">", "Q3 &lt;review&gt;");
        // Nothing is fetched: no external script, style, image or font (SVG namespace names are not fetches).
        assertThat(page).doesNotContain("src=\"http", "href=\"http", "url(http", "<link ");
        Cli.Run bad = Cli.plain("report", "--fit", dir.resolve("nothing-here").toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("posterior.json").hasLineCount(1);
    }

    @Test
    void summaryOfAWindowAndItsTable() {
        Cli.Run run = Cli.plain("summary", "--fit", fit.toString(), "--from", "2023-01-01", "--to", "2023-06-30");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("channel", "roas", "mroas", "baseline", DemoData.CHANNELS.get(0));
        Cli.Run outside = Cli.plain("summary", "--fit", fit.toString(), "--from", "1990-01-01", "--to", "1990-02-01");
        assertThat(outside.exitCode()).isEqualTo(1);
        assertThat(outside.err()).contains("no data rows between 1990-01-01 and 1990-02-01").hasLineCount(1);
        Cli.Run notAFit = Cli.plain("summary", "--fit", dir.toString());
        assertThat(notAFit.exitCode()).isEqualTo(1);
        assertThat(notAFit.err()).contains("posterior.json").hasLineCount(1);
    }

    @Test
    void predictCoversHeldOutWeeksAndRefusesPastDates() throws Exception {
        Dataset future = sim.data().slice(sim.data().rows() - 13, sim.data().rows());
        Path csv = dir.resolve("future.csv");
        DatasetCsv.write(csv, future);
        Cli.Run run = Cli.plain("predict", "--fit", fit.toString(), "--data", csv.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("periods")).hasSize(13);
        JsonNode first = json.get("periods").get(0);
        assertThat(first.get("date").asText()).isEqualTo(future.date(0).toString());
        assertThat(first.get("observed").asDouble()).isEqualTo(future.column(DemoData.TARGET)[0]);
        assertThat(json.get("coverage90").asDouble()).isGreaterThanOrEqualTo(0.6);

        Map<String, double[]> cols = new LinkedHashMap<>();
        for (String c : future.columnNames()) {
            if (!c.equals("tv")) {
                cols.put(c, future.column(c));
            }
        }
        Path missing = dir.resolve("missing.csv");
        DatasetCsv.write(missing, Dataset.of(DemoData.DATE, future.dates(), cols));
        Cli.Run bad = Cli.plain("predict", "--fit", fit.toString(), "--data", missing.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("column 'tv' is missing").hasLineCount(1);

        Path past = dir.resolve("past.csv");
        DatasetCsv.write(past, sim.data().slice(0, 5));
        Cli.Run old = Cli.plain("predict", "--fit", fit.toString(), "--data", past.toString());
        assertThat(old.exitCode()).isEqualTo(1);
        assertThat(old.err()).contains("is not after the fitted data").hasLineCount(1);
    }
}
