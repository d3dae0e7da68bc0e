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
        assertThat(Diagnostics.mcseSd(theta)).isCloseTo(0.0021642137, within(1e-9));
    }

    @Test
    void lpMatchesPosterior() {
        double[][] lp = bernoulli.column("lp__");
        assertThat(Diagnostics.essBulk(lp)).isCloseTo(1512.7684, within(1e-4));
        assertThat(Diagnostics.essTail(lp)).isCloseTo(1591.9707, within(1e-4));
        assertThat(Diagnostics.rhat(lp)).isCloseTo(1.00073, within(1e-5));
        assertThat(Diagnostics.mcseMean(lp)).isCloseTo(0.02016, within(1e-4));
        // posterior's current mcse_sd (0.03553 was an older posterior's, see the reference README).
        assertThat(Diagnostics.mcseSd(lp)).isCloseTo(0.0308898301, within(1e-9));
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
        assertThat(lines[10]).isEqualTo("Divergences: 0 of 4000 draws");
        assertThat(lines[11]).startsWith("E-BFMI per chain: ");
        assertThat(lines).hasSize(2 + 8 + 2);
        double[] ebfmi = DiagnosticsTable.ebfmi(bernoulli);
        assertThat(ebfmi).hasSize(4);
        for (int c = 0; c < 4; c++) {
            assertThat(ebfmi[c]).isEqualTo(Diagnostics.ebfmi(bernoulli.column("energy__")[c]))
                    .isGreaterThan(0.3);
        }
    }

    @Test
    void jsonHasEveryParameterAndSamplerHealth() throws Exception {
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(DiagnosticsTable.json(bernoulli));
        assertThat(json.get("chains").asInt()).isEqualTo(4);
        assertThat(json.get("draws").asInt()).isEqualTo(1000);
        assertThat(json.get("parameters")).hasSize(8);
        com.fasterxml.jackson.databind.JsonNode theta = json.get("parameters").get(0);
        assertThat(theta.get("name").asText()).isEqualTo("theta");
        assertThat(theta.get("ess_bulk").asDouble()).isCloseTo(1407.5124, within(1e-4));
        assertThat(theta.get("rhat").asDouble()).isCloseTo(1.006789, within(1e-5));
        assertThat(theta.get("mcse_sd").asDouble()).isCloseTo(0.00216, within(1e-4));
        assertThat(json.get("parameters").get(6).get("name").asText()).isEqualTo("divergent__");
        assertThat(json.get("parameters").get(6).get("rhat").isNull()).isTrue();
        assertThat(json.get("divergences").asInt()).isZero();
        assertThat(json.get("ebfmi")).hasSize(4);
    }
}
