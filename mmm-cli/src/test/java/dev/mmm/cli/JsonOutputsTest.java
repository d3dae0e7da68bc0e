package dev.mmm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --json forms of simulate, fit, report and demo: one JSON document on stdout, for tools. */
class JsonOutputsTest {

    @TempDir
    Path dir;

    @Test
    void simulateFitAndReportSpeakJson() throws Exception {
        Path csv = dir.resolve("sim.csv");
        Cli.Run sim = Cli.plain("simulate", "--weeks", "80", "--channels", "2", "--seed", "4", "--out", csv.toString(),
                "--truth", dir.resolve("truth.json").toString(), "--json");
        assertThat(sim.exitCode()).as(sim.err()).isZero();
        JsonNode s = new ObjectMapper().readTree(sim.out());
        assertThat(s.get("data").asText()).isEqualTo(csv.toAbsolutePath().toString());
        assertThat(s.get("weeks").asInt()).isEqualTo(80);
        assertThat(s.get("channels").asInt()).isEqualTo(2);
        assertThat(Files.exists(Path.of(s.get("truth").asText()))).isTrue();

        Path out = dir.resolve("fit");
        String header = Files.readAllLines(csv).get(0);
        assertThat(header).contains("ch1", "ch2");
        Cli.Run fit = Cli.plain("fit", "--data", csv.toString(), "--target", "y", "--channels", "ch1,ch2",
                "--chains", "2", "--warmup", "150", "--draws", "100", "--quiet", "--json", "--out", out.toString());
        assertThat(fit.exitCode()).as(fit.err()).isZero();
        JsonNode f = new ObjectMapper().readTree(fit.out());
        assertThat(f.get("chains").asInt()).isEqualTo(2);
        assertThat(f.get("parameters").get(0).get("name").asText()).isEqualTo("intercept");
        assertThat(f).isEqualTo(new ObjectMapper().readTree(out.resolve("summary.json").toFile()));

        Cli.Run report = Cli.plain("report", "--fit", out.toString(), "--json");
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(Files.exists(Path.of(new ObjectMapper().readTree(report.out()).get("report").asText()))).isTrue();
    }

    @Test
    void demoSpeaksJson() throws Exception {
        Cli.Run run = Cli.plain("demo", "--seed", "3", "--chains", "2", "--warmup", "150", "--draws", "100", "--quiet",
                "--json", "--out", dir.resolve("demo").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode d = new ObjectMapper().readTree(run.out());
        assertThat(d.get("parameters").asInt()).isGreaterThan(10);
        assertThat(d.get("true_values_covered").asInt()).isBetween(0, d.get("parameters").asInt());
        assertThat(Files.exists(Path.of(d.get("report").asText()))).isTrue();
    }
}
