package dev.mmm.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.Mmm;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.simulate.DemoData;
import dev.mmm.core.simulate.Simulation;
import dev.mmm.sampler.SamplerSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Holdout metrics, PSIS-LOO of real fits and their comparison, rolling-origin cross-validation. */
class ValidationTest {

    private static final SamplerSettings SMALL = SamplerSettings.builder().chains(2).warmup(250).draws(200).seed(5).build();

    @Test
    void holdoutMetricsInAndOutOfSample() {
        Simulation sim = DemoData.generate(21);
        Dataset data = sim.data();
        MmmFit fit = Mmm.fit(sim.spec(), data.slice(0, 130), SMALL);
        Validation.HoldoutResult r = Validation.holdout(fit, data.slice(130, 156), 3);
        assertThat(r.inSample().periods()).isEqualTo(130);
        assertThat(r.outOfSample().periods()).isEqualTo(26);
        assertThat(r.inSample().r2()).isGreaterThan(0.8);
        assertThat(r.outOfSample().r2()).isGreaterThan(0.3).isLessThanOrEqualTo(r.inSample().r2() + 0.1);
        assertThat(r.outOfSample().coverage()).isBetween(0.75, 1.0);
        assertThat(r.outOfSample().crps()).isPositive();
        assertThat(r.prediction().dates()).hasSize(26);
    }

    @Test
    void looPrefersTheModelWithEveryChannelOverOneWithASingleChannel() {
        Simulation sim = DemoData.generate(22);
        MmmFit full = Mmm.fit(sim.spec(), sim.data(), SMALL);
        ModelSpec baselineOnly = ModelSpec.builder().date(DemoData.DATE).target(DemoData.TARGET).channels("radio")
                .controls(DemoData.PROMO).yearlySeasonality(2).build();
        MmmFit plain = Mmm.fit(baselineOnly, sim.data(), SMALL);
        PsisLoo a = Validation.loo(full);
        PsisLoo b = Validation.loo(plain);
        assertThat(a.observations()).isEqualTo(156);
        assertThat(a.draws()).isEqualTo(400);
        assertThat(a.elpdLoo().value()).isFinite();
        // p_loo near the number of free parameters for a well-identified model.
        assertThat(a.pLoo().value()).isBetween(5.0, 40.0);
        LooComparison cmp = LooComparison.compare(Map.of("media", a, "baseline", b));
        assertThat(cmp.best()).isEqualTo("media");
        assertThat(cmp.rows().get(1).elpdDiff()).isLessThan(-2 * cmp.rows().get(1).seDiff());
    }

    @Test
    void rollingOriginFoldsAndParameterStability() {
        Simulation sim = DemoData.generate(23);
        SamplerSettings tiny = SamplerSettings.builder().chains(2).warmup(150).draws(100).seed(2).build();
        Validation.CrossValidation cv = Validation.rollingOrigin(sim.spec(), sim.data(), tiny, 3, 13, 1);
        assertThat(cv.folds()).hasSize(3);
        assertThat(cv.folds().get(0).trainRows()).isEqualTo(156 - 39);
        assertThat(cv.folds().get(2).trainRows()).isEqualTo(156 - 13);
        assertThat(cv.folds().get(1).firstTestDate()).isEqualTo(sim.data().date(156 - 26));
        for (Validation.Fold f : cv.folds()) {
            assertThat(f.outOfSample().periods()).isEqualTo(13);
            assertThat(f.outOfSample().coverage()).isBetween(0.5, 1.0);
        }
        assertThat(cv.stability()).hasSize(cv.folds().get(0).parameters().size());
        Validation.Stability intercept = cv.stability().get(0);
        assertThat(intercept.parameter()).isEqualTo("intercept");
        assertThat(intercept.ratio()).isFinite().isNotNegative();
        assertThatThrownBy(() -> Validation.rollingOrigin(sim.spec(), sim.data(), tiny, 11, 13, 1))
                .hasMessageContaining("11 folds of 13 periods leave 13 rows");
    }
}
