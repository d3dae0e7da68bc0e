package dev.mmm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.core.data.CsvReader;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.io.FitSummary;
import dev.mmm.core.io.SummaryJson;
import dev.mmm.core.simulate.DemoData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void simulatesFitsAndPrintsThePosteriorAgainstTheTruth() throws Exception {
        Cli.Run run = Cli.plain("demo", "--seed", "2", "--chains", "2", "--warmup", "300", "--draws", "300",
                "--quiet", "--out", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        Dataset data = CsvReader.read(dir.resolve("demo-data.csv"), DemoData.DATE);
        assertThat(data.rows()).isEqualTo(DemoData.WEEKS);
        FitSummary s = SummaryJson.read(dir.resolve("summary.json"));
        assertThat(s.chains()).isEqualTo(2);
        assertThat(dir.resolve("draws.csv")).exists();
        assertThat(dir.resolve("posterior.bin")).exists();
        assertThat(dir.resolve("truth.json")).exists();
        assertThat(dir.resolve("report.html")).exists();
        assertThat(run.out()).contains("Report: " + dir.resolve("report.html").toAbsolutePath());

        assertThat(run.out()).contains("parameter", "truth", "90% interval", "covered", "true values inside their 90% interval");
        for (FitSummary.Parameter p : s.parameters()) {
            assertThat(run.out()).contains(p.name());
        }
        // A working sampler covers most true values with 90% intervals.
        String line = run.out().lines().filter(l -> l.contains("true values inside")).findFirst().orElseThrow();
        int covered = Integer.parseInt(line.substring(0, line.indexOf(' ')));
        assertThat(covered).isGreaterThanOrEqualTo((int) Math.floor(0.6 * s.parameters().size()));
    }
}
