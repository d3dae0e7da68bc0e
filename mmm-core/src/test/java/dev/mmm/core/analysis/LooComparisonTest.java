package dev.mmm.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LooComparisonTest {

    /** A PSIS-LOO result with the given pointwise elpd and nothing else of interest. */
    private static PsisLoo withPointwise(double... elpd) {
        double sum = 0;
        for (double v : elpd) {
            sum += v;
        }
        int n = elpd.length;
        return new PsisLoo(100, n, new PsisLoo.Estimate(sum, 1), new PsisLoo.Estimate(1, 0.1),
                new PsisLoo.Estimate(-2 * sum, 2), 0.01, elpd, new double[n], new double[n], new double[n],
                new double[n], new double[n], new int[n],
                new PsisLoo.ParetoKSummary(n, 0, 0, 0, 0.5, 0, new int[0]), List.of());
    }

    @Test
    void elpdDiffIsTheSumAndSeDiffThePairedSpreadOfPointwiseDifferences() {
        // differences worse - best = (-1, -2, -3): sum -6, sd 1, se_diff sqrt(3)
        LooComparison c = LooComparison.compare("worse", withPointwise(-1, -2, -3), "best", withPointwise(0, 0, 0));
        assertThat(c.best()).isEqualTo("best");
        assertThat(c.rows().get(0).elpdDiff()).isZero();
        assertThat(c.rows().get(0).seDiff()).isZero();
        assertThat(c.rows().get(1).model()).isEqualTo("worse");
        assertThat(c.rows().get(1).elpdDiff()).isEqualTo(-6);
        assertThat(c.rows().get(1).seDiff()).isCloseTo(Math.sqrt(3), within(1e-15));
        // a gap of 6 with se 1.73 is 3.5 se: clear
        assertThat(c.warnings()).singleElement().asString().startsWith("best predicts held-out weeks better than worse");
    }

    @Test
    void theNoteNamesTheObservationsItIsGiven() {
        Map<String, PsisLoo> fits = new LinkedHashMap<>();
        fits.put("worse", withPointwise(-1, -2, -3));
        fits.put("best", withPointwise(0, 0, 0));
        assertThat(LooComparison.compare(fits).warnings()).singleElement().asString()
                .startsWith("best predicts held-out weeks better than worse");
        assertThat(LooComparison.compare(fits, "geo-periods").warnings()).singleElement().asString()
                .isEqualTo("best predicts held-out geo-periods better than worse: elpd_diff -6.0 with se 1.7 (3.5 se).");
    }

    @Test
    void smallDifferencesAreCalledEqualAndTiesKeepTheGivenOrder() {
        Map<String, PsisLoo> fits = new LinkedHashMap<>();
        fits.put("first", withPointwise(-1, -1));
        fits.put("second", withPointwise(-1, -1));
        fits.put("third", withPointwise(-1.5, -2));
        LooComparison c = LooComparison.compare(fits);
        assertThat(c.rows()).extracting(LooComparison.Row::model).containsExactly("first", "second", "third");
        assertThat(c.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("predict about equally well"));
    }

    @Test
    void fitsOfDifferentObservationsAreRefused() {
        assertThatThrownBy(() -> LooComparison.compare("a", withPointwise(-1, -1), "b", withPointwise(-1)))
                .hasMessage("model \"b\" has 1 observations, model \"a\" has 2; LOO compares fits of the same observations");
        assertThatThrownBy(() -> LooComparison.compare("a", withPointwise(-1), "a", withPointwise(-1)))
                .hasMessageContaining("both models are named \"a\"");
    }
}
