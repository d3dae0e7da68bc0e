package dev.mmm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mmm.core.io.Draws;
import dev.mmm.core.io.DrawsCsv;
import dev.mmm.core.io.FitSummary;
import dev.mmm.core.io.SummaryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small real fit through {@code mmm fit}: both files in the documented format. */
class FitCommandTest {

    @TempDir
    Path dir;

    @Test
    void aSmallFitWritesSummaryAndDrawsInTheContractFormat() throws Exception {
        Path out = dir.resolve("fit");
        Cli.Run run = Cli.plain("fit", "--data", Cli.dataFixtures().resolve("inputs/good.csv").toString(),
                "--date", "date", "--target", "sales", "--channels", "tv,radio", "--controls", "price",
                "--chains", "2", "--warmup", "200", "--draws", "200", "--seed", "7", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        List<String> expectedNames = List.of("intercept", "alpha[tv]", "alpha[radio]", "lam[tv]", "lam[radio]",
                "beta[tv]", "beta[radio]", "gamma[price]", "sigma");
        JsonNode json = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        for (String key : List.of("chains", "warmup", "draws", "seed", "wall_seconds", "warmup_seconds",
                "sampling_seconds", "gradient_evaluations", "divergences", "max_treedepth_hits", "parameters")) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        assertThat(json.get("chains").asInt()).isEqualTo(2);
        assertThat(json.get("warmup").asInt()).isEqualTo(200);
        assertThat(json.get("draws").asInt()).isEqualTo(200);
        assertThat(json.get("seed").asLong()).isEqualTo(7);
        assertThat(json.get("complete").asBoolean()).isTrue();
        assertThat(json.get("gradient_evaluations").asLong()).isGreaterThan(800);
        assertThat(json.get("wall_seconds").asDouble()).isPositive();
        List<String> names = new ArrayList<>();
        for (JsonNode p : json.get("parameters")) {
            names.add(p.get("name").asText());
            for (String key : List.of("mean", "sd", "q05", "q50", "q95", "rhat", "ess_bulk", "ess_tail", "mcse_mean")) {
                assertThat(p.get(key).isNumber()).as(p.get("name") + "." + key).isTrue();
            }
            assertThat(p.get("q05").asDouble()).isLessThanOrEqualTo(p.get("q50").asDouble());
            assertThat(p.get("q50").asDouble()).isLessThanOrEqualTo(p.get("q95").asDouble());
        }
        assertThat(names).containsExactlyInAnyOrderElementsOf(expectedNames);

        List<String> lines = Files.readAllLines(out.resolve("draws.csv"));
        assertThat(lines.get(0)).isEqualTo("chain,draw," + String.join(",", names));
        assertThat(lines).hasSize(1 + 2 * 200);
        assertThat(lines.get(1)).startsWith("1,1,");
        assertThat(lines.get(201)).startsWith("2,1,");

        // The summary's numbers are those of the draws file: means agree exactly up to summation order.
        Draws draws = DrawsCsv.read(out.resolve("draws.csv"));
        FitSummary summary = SummaryJson.read(out.resolve("summary.json"));
        for (String name : names) {
            double[] x = draws.pooled(name);
            double mean = java.util.Arrays.stream(x).average().orElseThrow();
            assertThat(summary.parameter(name).mean()).as(name).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(mean))));
        }
        // Constrained space: adstock in (0,1), saturation and sigma positive.
        assertThat(java.util.Arrays.stream(draws.pooled("alpha[tv]")).allMatch(a -> a > 0 && a < 1)).isTrue();
        assertThat(java.util.Arrays.stream(draws.pooled("sigma")).allMatch(x -> x > 0)).isTrue();

        assertThat(run.out()).contains("parameter", "mean", "sd", "5%", "95%", "rhat", "ess_bulk");
        for (String name : names) {
            assertThat(run.out()).contains(name);
        }
        assertThat(run.out()).contains(out.toString(), "summary.json", "draws.csv", "posterior.json", "data.csv");

        // Per chain: the numbers in summary.json add up to the totals, and a table of them is printed.
        JsonNode chains = json.get("chains_report");
        assertThat(chains).hasSize(2);
        long divergences = 0;
        for (int c = 0; c < 2; c++) {
            JsonNode chain = chains.get(c);
            assertThat(chain.get("chain").asInt()).isEqualTo(c + 1);
            assertThat(chain.get("step_size").asDouble()).isPositive();
            assertThat(chain.get("mean_tree_depth").asDouble()).isBetween(1.0, 10.0);
            assertThat(chain.get("ebfmi").asDouble()).isPositive();
            divergences += chain.get("divergences").asLong();
        }
        assertThat(divergences).isEqualTo(json.get("divergences").asLong());
        assertThat(run.out()).contains("chain", "step_size", "tree_depth", "max_treedepth", "ebfmi");
    }

    @Test
    void theSameSeedGivesTheSameDrawsWhateverTheThreads() throws Exception {
        String data = Cli.dataFixtures().resolve("inputs/good.csv").toString();
        String[] common = {"fit", "--data", data, "--target", "sales", "--channels", "tv,radio", "--controls", "price",
            "--chains", "2", "--warmup", "100", "--draws", "50", "--seed", "11", "--quiet"};
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        assertThat(Cli.plain(concat(common, "--threads", "1", "--out", one.toString())).exitCode()).isZero();
        assertThat(Cli.plain(concat(common, "--threads", "2", "--out", two.toString())).exitCode()).isZero();
        assertThat(Files.readString(one.resolve("draws.csv"))).isEqualTo(Files.readString(two.resolve("draws.csv")));
    }

    static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
