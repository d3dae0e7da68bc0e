package dev.mmm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.io.DatasetCsv;
import dev.mmm.core.simulate.DemoData;
import dev.mmm.core.simulate.Simulation;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mmm optimize} and {@code mmm scenario} on a real fit of simulated data: JSON contracts and bad input. */
class OptimizeCommandsTest {

    @TempDir
    static Path dir;
    static Path fit;
    static Simulation sim;

    @BeforeAll
    static void fitSimulatedData() throws Exception {
        sim = DemoData.generate(5);
        Path csv = dir.resolve("data.csv");
        DatasetCsv.write(csv, sim.data());
        fit = dir.resolve("fit");
        Cli.Run run = Cli.plain("fit", "--data", csv.toString(), "--date", DemoData.DATE, "--target", DemoData.TARGET,
                "--channels", String.join(",", DemoData.CHANNELS), "--controls", DemoData.PROMO,
                "--yearly-seasonality", "2", "--chains", "2", "--warmup", "250", "--draws", "150", "--seed", "3",
                "--quiet", "--out", fit.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void optimizeJsonKeepsTheBudgetAndTheBoundsAndNeverLosesToTheCurrentMix() throws Exception {
        Cli.Run run = Cli.plain("optimize", "--fit", fit.toString(), "--budget", "1300000", "--periods", "13",
                "--bounds", "tv=0.5x:1.5x,radio=locked", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("periods").asInt()).isEqualTo(13);
        assertThat(json.get("budget").asDouble()).isCloseTo(100000.0, org.assertj.core.data.Offset.offset(0.01));
        JsonNode allocation = json.get("allocation");
        assertThat(allocation).hasSize(DemoData.CHANNELS.size());
        double total = 0;
        for (JsonNode a : allocation) {
            for (String f : List.of("channel", "current", "optimal")) {
                assertThat(a.has(f)).as(f).isTrue();
            }
            total += a.get("optimal").asDouble();
            if (a.get("channel").asText().equals("radio")) {
                assertThat(a.get("optimal").asDouble()).isCloseTo(a.get("current").asDouble(), org.assertj.core.data.Offset.offset(0.01));
            }
            if (a.get("channel").asText().equals("tv")) {
                assertThat(a.get("optimal").asDouble()).isBetween(0.5 * a.get("current").asDouble() - 0.01,
                        1.5 * a.get("current").asDouble() + 0.01);
            }
        }
        assertThat(total).isCloseTo(100000.0, org.assertj.core.data.Offset.offset(0.05));
        for (String k : List.of("mean", "q05", "q50", "q95")) {
            assertThat(json.get("uplift").get(k).isNumber()).as(k).isTrue();
            assertThat(json.get("expected").get("optimal").get("incremental").get(k).isNumber()).isTrue();
        }
        assertThat(json.get("uplift").get("mean").asDouble()).isGreaterThanOrEqualTo(-1e-6);
        assertThat(json.get("mroas")).hasSize(DemoData.CHANNELS.size());

        Cli.Run table = Cli.plain("optimize", "--fit", fit.toString(), "--budget", "1300000", "--periods", "13");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("channel", "optimal/period", "uplift");
    }

    @Test
    void optimizeRefusesBadBoundsAndObjectivesInOneLine() {
        Cli.Run bounds = Cli.plain("optimize", "--fit", fit.toString(), "--budget", "1000", "--periods", "13",
                "--bounds", "nope=1:2");
        assertThat(bounds.exitCode()).isNotZero();
        assertThat(bounds.err()).contains("nope").hasLineCount(1);
        Cli.Run objective = Cli.plain("optimize", "--fit", fit.toString(), "--budget", "1000", "--periods", "13",
                "--objective", "best");
        assertThat(objective.exitCode()).isNotZero();
        assertThat(objective.err()).contains("best").hasLineCount(1);
        Cli.Run periods = Cli.plain("optimize", "--fit", fit.toString(), "--budget", "1000", "--periods", "0");
        assertThat(periods.exitCode()).isEqualTo(2);
        assertThat(periods.err()).contains("--periods").hasLineCount(1);
    }

    @Test
    void scenarioEvaluatesAPlanAndComparesTwo() throws Exception {
        Path plan = writePlan("plan.csv", 1.0);
        Path more = writePlan("more.csv", 1.5);
        Cli.Run run = Cli.plain("scenario", "--fit", fit.toString(), "--plan", more.toString(), "--against", plan.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("periods").asInt()).isEqualTo(8);
        assertThat(json.get("plan").get("incremental").get("mean").asDouble())
                .isGreaterThan(json.get("baseline").get("incremental").get("mean").asDouble());
        assertThat(json.get("difference").get("probability_higher").asDouble()).isGreaterThan(0.9);
        Cli.Run text = Cli.plain("scenario", "--fit", fit.toString(), "--plan", plan.toString());
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("incremental", "ROAS");

        Path past = dir.resolve("past.csv");
        DatasetCsv.write(past, sim.data().slice(0, 4));
        Cli.Run bad = Cli.plain("scenario", "--fit", fit.toString(), "--plan", past.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("not after the fitted data").hasLineCount(1);
    }

    private static Path writePlan(String name, double scale) throws Exception {
        int n = 8;
        LocalDate last = sim.data().date(sim.data().rows() - 1);
        LocalDate[] dates = new LocalDate[n];
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (int t = 0; t < n; t++) {
            dates[t] = last.plusWeeks(t + 1);
        }
        for (String c : DemoData.CHANNELS) {
            double[] history = sim.data().column(c);
            double[] spend = new double[n];
            for (int t = 0; t < n; t++) {
                spend[t] = scale * history[history.length - n + t];
            }
            cols.put(c, spend);
        }
        Path file = dir.resolve(name);
        DatasetCsv.write(file, Dataset.of(DemoData.DATE, dates, cols));
        return file;
    }
}
