package dev.mmm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mmm.core.io.Draws;
import dev.mmm.core.io.DrawsCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnoseCommandTest {

    @TempDir
    Path dir;

    private static Path[] bern() {
        Path ref = Cli.projectRoot().resolve("mmm-sampler/src/test/resources/dev/mmm/sampler/reference/diagnostics");
        return new Path[] {ref.resolve("bern1.csv"), ref.resolve("bern2.csv"), ref.resolve("bern3.csv"), ref.resolve("bern4.csv")};
    }

    @Test
    void cmdStanFilesGiveTheReferenceDiagnosticsAsJson() throws Exception {
        Path[] files = bern();
        Cli.Run run = Cli.plain("diagnose", files[0].toString(), files[1].toString(), files[2].toString(),
                files[3].toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.get("chains").asInt()).isEqualTo(4);
        JsonNode theta = null;
        for (JsonNode p : root.get("parameters")) {
            if (p.get("name").asText().equals("theta")) {
                theta = p;
            }
        }
        assertThat(theta).isNotNull();
        // Values computed with R's posterior package (mmm-sampler/src/test/resources/dev/mmm/sampler/reference/README.md).
        assertThat(theta.get("ess_bulk").asDouble()).isCloseTo(1407.5124, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(theta.get("rhat").asDouble()).isCloseTo(1.006789, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void cmdStanFilesGiveATextTable() {
        Path[] files = bern();
        Cli.Run run = Cli.plain("diagnose", files[0].toString(), files[1].toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("theta", "ess_bulk", "rhat").startsWith("Draws: 2 chains x 1000 draws");
    }

    @Test
    void anInterruptedFitsDrawsAreDiagnosedOverTheChainsThatHaveDraws() throws Exception {
        SplittableRandom rng = new SplittableRandom(6);
        double[][][] v = {new double[0][1], new double[300][1], new double[250][1]};
        for (double[][] chain : v) {
            for (double[] draw : chain) {
                draw[0] = rng.nextDouble();
            }
        }
        Path file = dir.resolve("draws.csv");
        DrawsCsv.write(file, new Draws(List.of("a"), v));
        Cli.Run run = Cli.plain("diagnose", file.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.get("chains").asInt()).isEqualTo(2);
        assertThat(root.get("draws").asInt()).isEqualTo(250);
        assertThat(root.get("parameters").get(0).get("mean").asDouble()).isBetween(0.45, 0.55);
        assertThat(root.get("parameters").get(0).get("rhat").isNumber()).isTrue();
    }

    @Test
    void anMmmDrawsFileIsReadByChain() throws Exception {
        SplittableRandom rng = new SplittableRandom(5);
        double[][][] v = new double[3][400][2];
        for (double[][] chain : v) {
            for (double[] draw : chain) {
                draw[0] = rng.nextDouble();
                draw[1] = 10 + rng.nextDouble();
            }
        }
        Path file = dir.resolve("draws.csv");
        DrawsCsv.write(file, new Draws(List.of("a", "b[x]"), v));
        Cli.Run run = Cli.plain("diagnose", file.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.get("chains").asInt()).isEqualTo(3);
        assertThat(root.get("draws").asInt()).isEqualTo(400);
        assertThat(root.get("parameters").get(1).get("name").asText()).isEqualTo("b[x]");
        assertThat(root.get("parameters").get(1).get("mean").asDouble()).isBetween(10.45, 10.55);
        assertThat(root.get("parameters").get(0).get("rhat").asDouble()).isBetween(0.99, 1.01);

        // One vocabulary with summary.json: every key diagnose writes means the same there.
        dev.mmm.core.io.FitSummary summary = new dev.mmm.core.io.FitSummary(3, 0, 400, 1, 0, 0, 0, 0, 0, 0, true,
                List.of(400, 400, 400), List.of(), List.of(new dev.mmm.core.io.FitSummary.Parameter("a", 0, 1, 0, 0, 0, 1, 1, 1, 1, 1)));
        JsonNode summaryJson = new ObjectMapper().readTree(dev.mmm.core.io.SummaryJson.toJson(summary));
        List<String> summaryKeys = new java.util.ArrayList<>();
        summaryJson.get("parameters").get(0).fieldNames().forEachRemaining(summaryKeys::add);
        List<String> diagnoseKeys = new java.util.ArrayList<>();
        root.get("parameters").get(0).fieldNames().forEachRemaining(diagnoseKeys::add);
        assertThat(summaryKeys).containsAll(diagnoseKeys);
        assertThat(diagnoseKeys).contains("q05", "q95", "mcse_sd");
        for (String key : List.of("chains", "draws")) {
            assertThat(summaryJson.has(key)).as(key).isTrue();
            assertThat(root.has(key)).as(key).isTrue();
        }
    }

    @Test
    void aMissingFileIsOneLine() {
        Path missing = dir.resolve("none.csv");
        Cli.Run run = Cli.plain("diagnose", missing.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.errLines()).containsExactly("mmm: error: " + missing + ": no such file");
    }

    @Test
    void aMalformedCmdStanFileIsOneLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "# comment\nlp__,theta\n1,2\n3\n");
        Cli.Run run = Cli.plain("diagnose", bad.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("mmm: error: ").contains("bad.csv").doesNotContain("internal error");
    }
}
