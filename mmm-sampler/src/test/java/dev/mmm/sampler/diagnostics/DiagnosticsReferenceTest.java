package dev.mmm.sampler.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.sampler.io.CmdStanCsv;
import dev.mmm.sampler.io.CmdStanDraws;
import dev.mmm.sampler.testutil.Reference;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stan's Bernoulli example against the values R's posterior package computes. */
class DiagnosticsReferenceTest {

    private static CmdStanDraws bernoulli;

    @BeforeAll
    static void read() {
        Path dir = Reference.path("diagnostics");
        bernoulli = CmdStanCsv.read(dir.resolve("bern1.csv"), dir.resolve("bern2.csv"),
                dir.resolve("bern3.csv"), dir.resolve("bern4.csv"));
    }

    @Test
    void readsFourChainsOfThousandDraws() {
        assertThat(bernoulli.chains()).isEqualTo(4);
        assertThat(bernoulli.draws()).isEqualTo(1000);
        assertThat(bernoulli.columns().get(0)).isEqualTo("lp__");
        assertThat(bernoulli.columns().get(7)).isEqualTo("theta");
    }

    @Test
    void thetaMatchesPosterior() {
        double[][] theta = bernoulli.column("theta");
        assertThat(Diagnostics.essBulk(theta)).isCloseTo(1407.5124, within(1e-4));
        assertThat(Diagnostics.essTail(theta)).isCloseTo(1291.7131, within(1e-4));
        assertThat(Diagnostics.rhat(theta)).isCloseTo(1.006789, within(1e-5));
        assertThat(Diagnostics.mcseMean(theta)).isCloseTo(0.00323, within(1e-4));
        assertThat(Diagnostics.mcseSd(theta)).isCloseTo(0.00216, within(1e-4));
    }

    @Test
    void lpMatchesPosterior() {
        double[][] lp = bernoulli.column("lp__");
        assertThat(Diagnostics.essBulk(lp)).isCloseTo(1512.7684, within(1e-4));
        assertThat(Diagnostics.essTail(lp)).isCloseTo(1591.9707, within(1e-4));
        assertThat(Diagnostics.rhat(lp)).isCloseTo(1.00073, within(1e-5));
        assertThat(Diagnostics.mcseMean(lp)).isCloseTo(0.02016, within(1e-4));
        assertThat(Diagnostics.mcseSd(lp)).isCloseTo(0.03553, within(1e-4));
    }

    @Test
    void constantSamplerColumnGivesNaN() {
        double[][] divergent = bernoulli.column("divergent__");
        assertThat(Diagnostics.rhat(divergent)).isNaN();
        assertThat(Diagnostics.essBulk(divergent)).isNaN();
        assertThat(Diagnostics.essTail(divergent)).isNaN();
        assertThat(Diagnostics.mcseMean(divergent)).isNaN();
        assertThat(Diagnostics.mcseSd(divergent)).isNaN();
    }

    @Test
    void tableListsParametersBeforeSamplerColumns() {
        String table = DiagnosticsTable.text(bernoulli);
        String[] lines = table.split("\n");
        assertThat(lines[0]).isEqualTo("Draws: 4 chains x 1000 draws");
        assertThat(lines[1]).startsWith("name").contains("mean", "mcse", "sd", "5%", "50%", "95%",
                "ess_bulk", "ess_tail", "rhat");
        assertThat(lines[2]).startsWith("theta").contains("1408", "1292", "1.007");
        assertThat(lines[3]).startsWith("lp__");
        assertThat(lines).hasSize(2 + 8);
    }
}
