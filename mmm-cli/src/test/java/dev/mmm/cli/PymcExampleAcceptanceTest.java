package dev.mmm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.core.io.FitSummary;
import dev.mmm.core.io.SummaryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 2's acceptance run: the default model on PyMC-Marketing's example data (true adstock
 * alpha 0.4 for x1 and 0.2 for x2) through {@code mmm fit}. The full run, 4 chains x (1000 +
 * 1000), takes minutes on a shared 2-core machine, so the suite runs 2 chains x (300 + 300) with
 * the same checks; {@code -Dmmm.acceptance.full=true} runs the full one.
 */
class PymcExampleAcceptanceTest {

    private static final boolean FULL = Boolean.getBoolean("mmm.acceptance.full");

    @TempDir
    Path dir;

    @Test
    void ninetyPercentIntervalsOfAlphaContainTheTruth() throws Exception {
        Path data = Cli.projectRoot().resolve("../shared/data/pymc_marketing_mmm_example.csv");
        Assumptions.assumeTrue(Files.isRegularFile(data), "PyMC-Marketing example data not found at " + data);
        Path out = dir.resolve("fit");
        Cli.Run run = Cli.plain("fit", "--data", data.toString(), "--date", "date_week", "--target", "y",
                "--channels", "x1,x2", "--controls", "event_1,event_2,t", "--yearly-seasonality", "2",
                "--chains", FULL ? "4" : "2", "--warmup", FULL ? "1000" : "300", "--draws", FULL ? "1000" : "300",
                "--seed", "1", "--quiet", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        FitSummary s = SummaryJson.read(out.resolve("summary.json"));
        assertThat(s.complete()).isTrue();
        FitSummary.Parameter a1 = s.parameter("alpha[x1]");
        FitSummary.Parameter a2 = s.parameter("alpha[x2]");
        assertThat(0.4).as("alpha[x1] 90%% interval [%s, %s]", a1.q05(), a1.q95()).isBetween(a1.q05(), a1.q95());
        assertThat(0.2).as("alpha[x2] 90%% interval [%s, %s]", a2.q05(), a2.q95()).isBetween(a2.q05(), a2.q95());
        assertThat(a1.rhat()).isLessThan(FULL ? 1.01 : 1.05);
        assertThat(a2.rhat()).isLessThan(FULL ? 1.01 : 1.05);
    }
}
