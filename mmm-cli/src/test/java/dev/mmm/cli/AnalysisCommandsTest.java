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
        assertThat(json.get("baseline").get("mean").asDouble() + json.get("media").get("mean").asDouble())
                .isCloseTo(json.get("total").get("mean").asDouble(), org.assertj.core.data.Offset.offset(1e-6 * json.get("total").get("mean").asDouble()));
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
