package dev.mmm.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.Mmm;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.priors.HalfNormal;
import dev.mmm.priors.Normal;
import dev.mmm.sampler.LogDensity;
import dev.mmm.sampler.Sampler;
import dev.mmm.sampler.SamplerException;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.SamplingResult;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Non-finite densities met while sampling are divergences; a fit that cannot start says why. */
class FitRobustnessTest {

    private static final Dataset DATA = ReliabilityData.weekly(40, 1);
    private static final SamplerSettings TINY = SamplerSettings.builder().chains(2).warmup(100).draws(100).seed(3)
            .threads(1).build();

    /** Counts non-finite evaluations of the model, over every chain's copy. */
    private static final class CountingModel implements LogDensity {
        private final CompiledModel model;
        private final AtomicInteger nonFinite;

        CountingModel(CompiledModel model, AtomicInteger nonFinite) {
            this.model = model;
            this.nonFinite = nonFinite;
        }

        @Override
        public int dimension() {
            return model.dimension();
        }

        @Override
        public double logDensityAndGradient(double[] position, double[] gradient) {
            double value = model.logDensityAndGradient(position, gradient);
            if (!Double.isFinite(value)) {
                nonFinite.incrementAndGet();
            }
            return value;
        }

        @Override
        public LogDensity copyForChain() {
            return new CountingModel(model.copyForChain(), nonFinite);
        }
    }

    @Test
    void extremeInitialPointsMeetNonFiniteDensitiesAsDivergencesAndTheFitCompletes() {
        CompiledModel model = ReliabilityData.defaultSpec().compile(DATA);
        double[][] init = new double[2][model.dimension()];
        Arrays.fill(init[0], 35.0);
        Arrays.fill(init[1], -35.0);
        AtomicInteger nonFinite = new AtomicInteger();

        SamplingResult result = Sampler.sample(new CountingModel(model, nonFinite), TINY, init, null, null);

        assertThat(nonFinite.get()).as("non-finite densities met on the way in from +-35").isPositive();
        assertThat(result.complete()).isTrue();
        assertThat(result.drawsCompleted()).containsExactly(100, 100);
        for (double[][] chain : result.positions()) {
            for (double[] draw : chain) {
                assertThat(Arrays.stream(draw).allMatch(Double::isFinite)).isTrue();
            }
        }
        for (double[] lp : result.logDensity()) {
            assertThat(Arrays.stream(lp).allMatch(Double::isFinite)).isTrue();
        }
    }

    @Test
    void aFitWhosePriorIsNonFiniteEverywhereSaysWhichPriorInOneLine() {
        ModelSpec spec = ReliabilityData.defaultSpec().toBuilder().prior("sigma", new HalfNormal(1e-300)).build();

        assertThatThrownBy(() -> Mmm.fit(spec, DATA, TINY))
                .isInstanceOf(SamplerException.class)
                .hasMessageStartingWith("could not find a finite log density")
                .hasMessageContaining("the prior of sigma, HalfNormal")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aPriorFiniteOnlyAtTheOriginIsNamedAtAnotherPointOfTheInitialisationBox() {
        // A control's coefficient is 0 at the origin of its coordinate (the intercept is not: its
        // coordinate is centred on the media contribution, see CompiledModel.centredIntercept).
        ModelSpec spec = ReliabilityData.defaultSpec().toBuilder().prior("gamma", new Normal(0, 1e-300)).build();

        assertThatThrownBy(() -> Mmm.fit(spec, DATA, TINY))
                .isInstanceOf(SamplerException.class)
                .hasMessageContaining("with every unconstrained coordinate at 1.0, the prior of gamma[price], Normal")
                .hasMessageNotContaining("\n");
    }
}
