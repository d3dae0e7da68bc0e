package dev.mmm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.core.io.FitSummary;
import dev.mmm.core.io.SummaryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 2's acceptance run: the default model on PyMC-Marketing's example data (true adstock
 * alpha 0.4 for x1 and 0.2 for x2), 4 chains x (1000 + 1000), through {@code mmm fit}
 * (about 7 s of sampling on a shared 2-core machine).
 */
class PymcExampleAcceptanceTest {

    @TempDir
    Path dir;

    @Test
    void ninetyPercentIntervalsOfAlphaContainTheTruth() throws Exception {
        Path data = Cli.projectRoot().resolve("mmm-core/src/test/resources/dev/mmm/core/model/pymc_marketing_mmm_example.csv");
        Path out = dir.resolve("fit");
        Cli.Run run = Cli.plain("fit", "--data", data.toString(), "--date", "date_week", "--target", "y",
                "--channels", "x1,x2", "--controls", "event_1,event_2,t", "--yearly-seasonality", "2",
                "--chains", "4", "--warmup", "1000", "--draws", "1000", "--seed", "1", "--quiet", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        FitSummary s = SummaryJson.read(out.resolve("summary.json"));
        assertThat(s.complete()).isTrue();
        FitSummary.Parameter a1 = s.parameter("alpha[x1]");
        FitSummary.Parameter a2 = s.parameter("alpha[x2]");
        assertThat(0.4).as("alpha[x1] 90%% interval [%s, %s]", a1.q05(), a1.q95()).isBetween(a1.q05(), a1.q95());
        assertThat(0.2).as("alpha[x2] 90%% interval [%s, %s]", a2.q05(), a2.q95()).isBetween(a2.q05(), a2.q95());
        assertThat(a1.rhat()).isLessThan(1.01);
        assertThat(a2.rhat()).isLessThan(1.01);
        assertThat(s.divergences()).isZero();
    }
}
