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
    void channelsWithoutBoundsGetTheDefaultBoundsAndABindingOneIsNoted() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Cli.Run run = Cli.plain("optimize", "--fit", fit.toString(), "--budget", "1300000", "--periods", "13",
                "--bounds", "radio=locked", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = mapper.readTree(run.out());
        List<String> warnings = new java.util.ArrayList<>();
        json.get("warnings").forEach(w -> warnings.add(w.asText()));
        for (JsonNode a : json.get("allocation")) {
            String channel = a.get("channel").asText();
            double current = a.get("current").asDouble();
            assertThat(a.get("bound").asText()).as(channel).isEqualTo(channel.equals("radio") ? "given" : "default");
            if (!channel.equals("radio")) {
                assertThat(a.get("upper").asDouble()).as(channel).isLessThanOrEqualTo(2 * current + 0.01);
                assertThat(a.get("lower").asDouble()).as(channel).isLessThanOrEqualTo(0.5 * current + 0.01);
            }
            assertThat(a.get("optimal").asDouble()).isBetween(a.get("lower").asDouble() - 0.01,
                    a.get("upper").asDouble() + 0.01);
            if (!a.get("at_bound").isNull()) {
                String side = a.get("at_bound").asText();
                assertThat(a.get("optimal").asDouble()).isCloseTo(a.get(side).asDouble(),
                        org.assertj.core.data.Offset.offset(0.01));
                assertThat(warnings).anyMatch(w -> w.contains("'" + channel + "' is at its " + side + " bound"));
            }
        }

        Cli.Run free = Cli.plain("optimize", "--fit", fit.toString(), "--budget", "1300000", "--periods", "13",
                "--no-default-bounds", "--json");
        assertThat(free.exitCode()).as(free.err()).isZero();
        for (JsonNode a : mapper.readTree(free.out()).get("allocation")) {
            assertThat(a.get("bound").asText()).isEqualTo("none");
            assertThat(a.get("upper").isNull()).isTrue();
        }
        Cli.Run narrow = Cli.plain("optimize", "--fit", fit.toString(), "--budget", "1300000", "--periods", "13",
                "--default-bounds", "0.7x:1.3x", "--json");
        assertThat(narrow.exitCode()).as(narrow.err()).isZero();
        for (JsonNode a : mapper.readTree(narrow.out()).get("allocation")) {
            assertThat(a.get("lower").asDouble()).isLessThanOrEqualTo(0.7 * a.get("current").asDouble() + 0.01);
            assertThat(a.get("optimal").asDouble()).isBetween(Math.min(0.7 * a.get("current").asDouble(),
                    a.get("lower").asDouble()) - 0.01, 1.3 * a.get("current").asDouble() + 0.01);
        }
        Cli.Run table = Cli.plain("optimize", "--fit", fit.toString(), "--budget", "1300000", "--periods", "13",
                "--default-bounds", "0.9x:1.1x");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("bound", "default, at ", "note: channel '");
    }

    /** {@code mmm optimize} over the fit with a budget, 13 periods and {@code extra} fails with one line holding {@code expected}. */
    private static Cli.Run refusedInOneLine(String budget, List<String> extra, String... expected) {
        List<String> args = new java.util.ArrayList<>(List.of("optimize", "--fit", fit.toString(), "--budget", budget,
                "--periods", "13"));
        args.addAll(extra);
        Cli.Run run = Cli.plain(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(String.join(" ", extra)).isNotZero();
        assertThat(run.err()).contains(expected).hasLineCount(1);
        return run;
    }

    @Test
    void badDefaultBoundsAreRefusedInOneLine() {
        Cli.Run both = refusedInOneLine("1000", List.of("--default-bounds", "0.7x:1.3x", "--no-default-bounds"),
                "--no-default-bounds");
        assertThat(both.exitCode()).isEqualTo(2);
        refusedInOneLine("1000", List.of("--default-bounds", "100:200"), "--default-bounds");
        refusedInOneLine("1300000", List.of("--bounds", "tv=0:10,search=0:10,social=0:10,display=0:10"),
                "upper bounds add up to", "--no-default-bounds");
    }

    @Test
    void optimizeRefusesBadBoundsAndObjectivesInOneLine() {
        refusedInOneLine("1000", List.of("--bounds", "nope=1:2"), "nope");
        refusedInOneLine("1000", List.of("--objective", "best"), "best");
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
