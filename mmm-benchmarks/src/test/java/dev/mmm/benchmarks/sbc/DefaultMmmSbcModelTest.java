package dev.mmm.benchmarks.sbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.ModelParameter;
import dev.mmm.core.model.ScalingMethod;
import dev.mmm.sampler.Metric;
import dev.mmm.sampler.sbc.SbcPosterior;
import dev.mmm.sampler.sbc.SbcResult;
import dev.mmm.sampler.sbc.SbcSettings;
import dev.mmm.sampler.sbc.SimulationBasedCalibration;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class DefaultMmmSbcModelTest {

    private static final DefaultMmmSbcModel MODEL = new DefaultMmmSbcModel(2, 1, 60, 1, 20240601L);

    @Test
    void parametersAreTheDefaultModelsInItsOrder() {
        assertThat(MODEL.parameterNames()).containsExactly("intercept", "alpha[x1]", "alpha[x2]", "lam[x1]",
                "lam[x2]", "beta[x1]", "beta[x2]", "gamma[z1]", "fourier[sin_1]", "fourier[cos_1]", "sigma");
    }

    @Test
    void priorDrawsLieInEverySupport() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        CompiledModel posterior = (CompiledModel) MODEL.posterior(MODEL.simulate(MODEL.samplePrior(rng), rng))
                .density();
        for (int draw = 0; draw < 200; draw++) {
            double[] theta = MODEL.samplePrior(rng);
            for (int i = 0; i < theta.length; i++) {
                ModelParameter p = posterior.parameters().get(i);
                assertThat(p.prior().logDensity(theta[i])).as(p.name() + " = " + theta[i]).isFinite();
            }
        }
    }

    /**
     * SBC is exact only if the fitted density is prior x the likelihood that generated the data:
     * recompute it from the priors and a Normal(mu, sigma) on the raw simulated y, with no target
     * scaling, and compare with the compiled posterior at several points.
     */
    @Test
    void posteriorIsPriorTimesTheGeneratingLikelihoodOnTheRawTarget() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        for (int trial = 0; trial < 10; trial++) {
            double[] truth = MODEL.samplePrior(rng);
            Dataset data = MODEL.simulate(truth, rng);
            double[] y = data.column(DefaultMmmSbcModel.TARGET);
            SbcPosterior sbcPosterior = MODEL.posterior(data);
            CompiledModel model = (CompiledModel) sbcPosterior.density();
            List<ModelParameter> parameters = model.parameters();
            double[] theta = trial % 2 == 0 ? truth : MODEL.samplePrior(rng);
            double[] u = new double[model.dimension()];
            model.unconstrain(theta, u);
            double expected = 0.0;
            for (int i = 0; i < theta.length; i++) {
                expected += parameters.get(i).prior().logDensity(theta[i])
                        + parameters.get(i).bijector().logAbsJacobian(u[i]);
            }
            double[] mu = model.mean(theta);
            double sigma = theta[theta.length - 1];
            for (int t = 0; t < y.length; t++) {
                double z = (y[t] - mu[t]) / sigma;
                expected += -0.5 * z * z - Math.log(sigma) - 0.5 * Math.log(2 * Math.PI);
            }
            double actual = model.logDensityAndGradient(u, new double[u.length]);
            assertThat(actual).isCloseTo(expected, within(1e-8 * Math.max(1.0, Math.abs(expected))));

            double[] back = new double[theta.length];
            sbcPosterior.parameters().apply(u, back);
            for (int i = 0; i < theta.length; i++) {
                assertThat(back[i]).isCloseTo(theta[i], within(1e-9 * Math.max(1.0, Math.abs(theta[i]))));
            }
        }
    }

    /**
     * The ROI-parameterised model's density is the prior on roas (not on the derived beta, and
     * no Jacobian of roas to beta) times the likelihood at the derived beta: recomputed by hand.
     */
    @Test
    void roiPosteriorIsThePriorOnRoasTimesTheGeneratingLikelihood() {
        DefaultMmmSbcModel roi = new DefaultMmmSbcModel(2, 1, 60, 1, 20240601L, ScalingMethod.NONE, true);
        assertThat(roi.parameterNames()).containsExactly("intercept", "alpha[x1]", "alpha[x2]", "lam[x1]",
                "lam[x2]", "beta[x1]", "beta[x2]", "roas[x1]", "roas[x2]", "gamma[z1]", "fourier[sin_1]",
                "fourier[cos_1]", "sigma");
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(13L);
        for (int trial = 0; trial < 6; trial++) {
            double[] truth = roi.samplePrior(rng);
            Dataset data = roi.simulate(truth, rng);
            double[] y = data.column(DefaultMmmSbcModel.TARGET);
            SbcPosterior sbcPosterior = roi.posterior(data);
            CompiledModel model = (CompiledModel) sbcPosterior.density();
            List<ModelParameter> parameters = model.parameters();
            double[] u = new double[model.dimension()];
            model.unconstrain(truth, u);
            double expected = 0.0;
            for (int i = 0, k = 0; i < truth.length; i++) {
                if (model.isDerived(i)) {
                    continue;
                }
                expected += parameters.get(i).prior().logDensity(truth[i])
                        + parameters.get(i).bijector().logAbsJacobian(u[k++]);
            }
            double[] mu = model.mean(truth);
            double sigma = truth[truth.length - 1];
            for (int t = 0; t < y.length; t++) {
                double z = (y[t] - mu[t]) / sigma;
                expected += -0.5 * z * z - Math.log(sigma) - 0.5 * Math.log(2 * Math.PI);
            }
            assertThat(model.logDensityAndGradient(u, new double[u.length]))
                    .isCloseTo(expected, within(1e-8 * Math.max(1.0, Math.abs(expected))));
            double[] back = new double[truth.length];
            sbcPosterior.parameters().apply(u, back);
            for (int i = 0; i < truth.length; i++) {
                assertThat(back[i]).as(roi.parameterNames().get(i))
                        .isCloseTo(truth[i], within(1e-9 * Math.max(1.0, Math.abs(truth[i]))));
            }
        }
        assertThat(MmmSbc.parse(new String[] {"--roi"}).roi()).isTrue();
    }

    @Test
    void maxScaledPosteriorIsNotTheGeneratingDensity() {
        DefaultMmmSbcModel wrong = new DefaultMmmSbcModel(2, 1, 60, 1, 20240601L, ScalingMethod.MAX);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        double[] truth = wrong.samplePrior(rng);
        Dataset data = wrong.simulate(truth, rng);
        CompiledModel right = (CompiledModel) MODEL.posterior(data).density();
        CompiledModel scaled = (CompiledModel) wrong.posterior(data).density();
        double[] u = new double[right.dimension()];
        right.unconstrain(truth, u);
        assertThat(scaled.scaling().targetScale()).isNotEqualTo(1.0);
        assertThat(right.scaling().targetScale()).isEqualTo(1.0);
        assertThat(scaled.logDensityAndGradient(u, new double[u.length]))
                .isNotCloseTo(right.logDensityAndGradient(u, new double[u.length]), within(1e-3));
    }

    @Test
    void simulatedNoiseHasTheDrawnSigma() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        double[] theta = MODEL.samplePrior(rng);
        double sigma = theta[theta.length - 1];
        double[] mu = ((CompiledModel) MODEL.posterior(MODEL.simulate(theta, rng)).density()).mean(theta);
        double sumSquares = 0.0;
        int n = 0;
        for (int rep = 0; rep < 50; rep++) {
            double[] y = MODEL.simulate(theta, rng).column(DefaultMmmSbcModel.TARGET);
            for (int t = 0; t < y.length; t++) {
                double r = y[t] - mu[t];
                sumSquares += r * r;
                n++;
            }
        }
        // 3000 residuals: the sample sd is within a few percent of sigma
        assertThat(Math.sqrt(sumSquares / n)).isCloseTo(sigma, within(0.05 * sigma));
    }

    @Test
    void ranksAreInRangeAndDeterministicForASeedWhateverTheThreads() {
        SbcSettings settings = new SbcSettings(10, 19, 2, 150, 2, 42L, Metric.DIAGONAL, 0.8, 1);
        SbcResult serial = SimulationBasedCalibration.run(MODEL, settings, null);
        SbcResult parallel = SimulationBasedCalibration.run(MODEL, settings.withThreads(2), null);
        int[][] ranks = serial.ranks();
        assertThat(ranks).hasNumberOfRows(10);
        for (int[] replication : ranks) {
            assertThat(replication).hasSize(11);
            for (int r : replication) {
                assertThat(r).isBetween(0, 19);
            }
        }
        assertThat(parallel.ranks()).isDeepEqualTo(ranks);
        assertThat(parallel.divergences()).isEqualTo(serial.divergences());

        SbcResult otherSeed = SimulationBasedCalibration.run(MODEL,
                new SbcSettings(10, 19, 2, 150, 2, 43L, Metric.DIAGONAL, 0.8, 2), null);
        assertThat(otherSeed.ranks()).isNotEqualTo(ranks);
    }

    @Test
    void verdictNamesTheRejectedParameters() {
        SbcSettings settings = new SbcSettings(10, 19, 2, 150, 2, 42L, Metric.DIAGONAL, 0.8, 2);
        SbcResult result = SimulationBasedCalibration.run(MODEL, settings, null);
        String verdict = MmmSbc.verdict(result, 0.999999);
        // at alpha near 1 every parameter with p < alpha is named; none is missed
        result.calibrations().stream().filter(c -> c.pValue() < 0.999999)
                .forEach(c -> assertThat(verdict).contains(c.name()));
        assertThat(verdict).contains("divergent transitions");
    }

    @Test
    void commandLineRejectsUnknownOptionsAndBadNumbers() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MmmSbc.parse(new String[] {"--reeps", "3"}))
                .hasMessageContaining("--reeps");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MmmSbc.parse(new String[] {"--reps", "x"}))
                .hasMessageContaining("--reps");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MmmSbc.parse(new String[] {"--metric", "full"}))
                .hasMessageContaining("--metric").hasMessageContaining("dense");
        MmmSbc.Options o = MmmSbc.parse(new String[] {"--reps", "300", "--thin", "20", "--fourier", "2",
            "--metric", "dense", "--adapt-delta", "0.95"});
        assertThat(o.metric()).isEqualTo(Metric.DENSE);
        assertThat(o.adaptDelta()).isEqualTo(0.95);
        assertThat(o.fitScaling()).isEqualTo(ScalingMethod.NONE);
        assertThat(MmmSbc.parse(new String[] {"--fit-scaling", "max"}).fitScaling()).isEqualTo(ScalingMethod.MAX);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MmmSbc.parse(new String[] {"--fit-scaling", "x"}))
                .hasMessageContaining("--fit-scaling");
        assertThat(o.replications()).isEqualTo(300);
        assertThat(o.thin()).isEqualTo(20);
        assertThat(o.fourier()).isEqualTo(2);
    }
}
