package dev.mmm.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.report.SamplerChecks.Check;
import dev.mmm.report.SamplerChecks.Level;
import dev.mmm.report.view.ParameterDiagnostic;
import dev.mmm.report.view.SamplerDiagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplerChecksTest {

    static ParameterDiagnostic p(String name, double rhat, double bulk, double tail) {
        return new ParameterDiagnostic(name, 0, 1, -1.6, 1.6, rhat, bulk, tail);
    }

    @Test
    void aHealthyRunPassesEveryCheck() {
        List<Check> checks = SamplerChecks.of(new SamplerDiagnostics(4, 1000, 1000, 0, 0,
                List.of(p("a", 1.002, 3000, 2500), p("b", 1.01, 400, 400)), null));
        assertThat(checks).extracting(Check::level).containsExactly(Level.OK, Level.OK, Level.OK, Level.OK);
        assertThat(checks.get(0).finding()).isEqualTo("largest R-hat 1.010 (b); 0 of 2 parameters above 1.01");
    }

    @Test
    void eachProblemIsNamedWithItsNumbers() {
        List<Check> checks = SamplerChecks.of(new SamplerDiagnostics(4, 1000, 500, 20, 7,
                List.of(p("a", 1.002, 3000, 2500), p("b", 1.08, 120, 399), p("c", Double.NaN, Double.NaN, Double.NaN)), null));
        assertThat(checks).extracting(Check::level).containsExactly(Level.PROBLEM, Level.CAUTION, Level.PROBLEM, Level.CAUTION);
        assertThat(checks.get(0).finding()).isEqualTo("largest R-hat 1.080 (b); 1 of 3 parameters above 1.01");
        assertThat(checks.get(1).finding())
                .isEqualTo("smallest ESS 120 (b: bulk 120, tail 399); 1 of 3 parameters below 400 (100 per chain)");
        assertThat(checks.get(2).finding()).isEqualTo("20 divergent transitions in 2,000 draws (1.00%)");
        assertThat(checks.get(3).finding()).isEqualTo("7 transitions hit the maximum tree depth");
        assertThat(checks.get(0).meaning()).contains("chains disagree");
        assertThat(checks.get(2).meaning()).contains("biases the results");
    }

    @Test
    void diagnosticsThatCouldNotBeComputedAreACaution() {
        List<Check> checks = SamplerChecks.of(new SamplerDiagnostics(1, 10, 10, 0, 0,
                List.of(p("a", Double.NaN, Double.NaN, Double.NaN)), null));
        assertThat(checks.get(0).level()).isEqualTo(Level.CAUTION);
        assertThat(checks.get(0).finding()).isEqualTo("R-hat could not be computed for any parameter");
        assertThat(checks.get(1).level()).isEqualTo(Level.CAUTION);
    }
}
