package dev.mmm.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.ChannelSpec;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.GradientCheck;
import dev.mmm.core.model.ModelInputs;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.model.TransformOrder;
import dev.mmm.core.model.ScalingMethod;
import dev.mmm.priors.Gamma;
import dev.mmm.priors.LogNormal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every new density term and parameterisation against finite differences, and the lift and the
 * ROAS they compute against an independent counterfactual through the whole model.
 */
class CalibrationGradientTest {

    private static final Dataset DATA = CalibrationFixtures.small(40, 7);

    private static ModelSpec.Builder base() {
        return ModelSpec.builder().date("date").target("y").channels("x1", "x2").controls("z");
    }

    private static LiftTest lift(String channel, int from, int to, double delta, double lift, double se) {
        return LiftTest.of(channel, CalibrationFixtures.week(from), CalibrationFixtures.week(to), delta, lift, se);
    }

    private static void checkGradients(CompiledModel model, String where) {
        Random rng = new Random(11);
        for (int k = 0; k < 4; k++) {
            double[] u = new double[model.dimension()];
            for (int i = 0; i < u.length; i++) {
                u[i] = 3.0 * rng.nextDouble() - 1.5;
            }
            GradientCheck.assertGradient(model, u, 1e-5, where + " point " + k);
        }
    }

    @Test
    void liftTestTermsNormalGammaAndMeasuredDuringTheTestOnly() {
        ModelSpec spec = base().liftTests(List.of(
                lift("x1", 10, 14, 1500, 900, 300),
                lift("x2", 20, 22, 800, 400, 150).withLikelihood(LiftLikelihood.GAMMA),
                lift("x1", 30, 31, 600, 250, 100).measuredUntil(CalibrationFixtures.week(31)))).build();
        CompiledModel model = spec.compile(DATA);
        assertThat(model.densityTerms()).hasSize(3);
        checkGradients(model, "lift tests");
    }

    @Test
    void liftTestWithSynergyOtherTransformsAndSaturationFirst() {
        ModelSpec spec = base()
                .channel(new ChannelSpec("x1", "weibull_pdf", 6, true, "hill", TransformOrder.ADSTOCK_FIRST,
                        ScalingMethod.MAX, Map.of()))
                .channel(new ChannelSpec("x2", "delayed", 5, true, "michaelis_menten", TransformOrder.SATURATION_FIRST,
                        ScalingMethod.MAX, Map.of()))
                .synergy("x1", "x2")
                .liftTests(List.of(lift("x1", 12, 15, 1200, 700, 250), lift("x2", 5, 8, 900, 300, 200)))
                .build();
        CompiledModel model = spec.compile(DATA);
        checkGradients(model, "lift tests with synergy");
    }

    @Test
    void roiPriorsWithAndWithoutAWindowAndALiftTestOnARoiChannel() {
        ModelSpec spec = base()
                .roiPrior(RoiPrior.of("x1", new LogNormal(0.0, 0.5)))
                .roiPrior(new RoiPrior("x2", new Gamma(4.0, 8.0), CalibrationFixtures.week(8), CalibrationFixtures.week(25)))
                .liftTests(List.of(lift("x1", 10, 14, 1500, 900, 300)))
                .build();
        CompiledModel model = spec.compile(DATA);
        assertThat(model.parameterNames()).contains("beta[x1]", "beta[x2]", "roas[x1]", "roas[x2]");
        // beta[x1] and beta[x2] are derived: two fewer sampled coordinates than parameters.
        assertThat(model.dimension()).isEqualTo(model.parameterCount() - 2);
        checkGradients(model, "ROI priors");
    }

    @Test
    void theSaturationOnlyContrastTermOfTheRecoveryTest() {
        CompiledModel plain = base().build().compile(DATA);
        checkGradients(plain.withCalibration(List.of(), List.of(SaturationOnlyLiftTerm.of(plain, 0, 10, 14, 1500, 900, 300))),
                "saturation-only lift term");
    }

    @Test
    void marginalRoasShareAndCostPerTargetPriors() {
        ModelSpec spec = base()
                .roiPrior(RoiPrior.of("x1", RoiPrior.Kind.MARGINAL_ROAS, new LogNormal(0.0, 0.5)))
                .roiPrior(new RoiPrior("x2", new dev.mmm.priors.Beta(2, 20), CalibrationFixtures.week(5), null,
                        RoiPrior.Kind.CONTRIBUTION_SHARE))
                .liftTests(List.of(lift("x2", 20, 24, 500, 100, 50)))
                .build();
        CompiledModel model = spec.compile(DATA);
        assertThat(model.parameterNames()).contains("mroas[x1]", "share[x2]");
        checkGradients(model, "mroas and share priors");
        double[] theta = pointOf(model, 8);
        // mroas: the extra target per extra unit of spend when all of x1's spend rises by 1%
        double[] spend = DATA.column("x1");
        double[] raised = spend.clone();
        double total = 0.0;
        for (int t = 0; t < 40; t++) {
            raised[t] *= 1.01;
            total += spend[t];
        }
        double mroas = -meanDifference(model, "x1", raised, theta, 0, 40) / (0.01 * total);
        assertThat(theta[model.parameterNames().indexOf("mroas[x1]")]).isCloseTo(mroas,
                org.assertj.core.api.Assertions.within(1e-9));
        // share: x2's contribution over weeks 5.. as a share of the observed target over them
        double[] contribution = model.contributions(theta).get("x2");
        double[] y = DATA.column("y");
        double part = 0.0;
        double observed = 0.0;
        for (int t = 5; t < 40; t++) {
            part += model.scaling().targetScale() * contribution[t];
            observed += y[t];
        }
        assertThat(theta[model.parameterNames().indexOf("share[x2]")]).isCloseTo(part / observed,
                org.assertj.core.api.Assertions.within(1e-12));

        CompiledModel cpt = base().roiPrior(RoiPrior.of("x1", RoiPrior.Kind.COST_PER_TARGET, new LogNormal(1.0, 0.5)))
                .build().compile(DATA);
        checkGradients(cpt, "cost-per-target prior");
        double[] at = pointOf(cpt, 9);
        double[] zeroed = new double[40];
        assertThat(at[cpt.parameterNames().indexOf("cost_per_target[x1]")])
                .isCloseTo(total / meanDifference(cpt, "x1", zeroed, at, 0, 40), org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void liftEqualsTheCounterfactualThroughTheWholeModelSynergyIncluded() {
        ModelSpec spec = base().synergy("x1", "x2").liftTests(List.of(
                lift("x1", 10, 14, 1500, 900, 300),
                lift("x1", 30, 35, 2000, 900, 300).measuredUntil(CalibrationFixtures.week(36)),
                lift("x2", 20, 24, 500, 100, 50))).build();
        CompiledModel model = spec.compile(DATA);
        double[] theta = pointOf(model, 3);
        List<LiftTestTerm> terms = Calibrator.liftTestTerms(model);
        int[][] measured = {{10, 22}, {30, 37}, {20, 32}};
        for (int i = 0; i < terms.size(); i++) {
            LiftTest test = terms.get(i).test();
            int from = measured[i][0];
            int windowEnd = (int) java.time.temporal.ChronoUnit.WEEKS.between(CalibrationFixtures.START, test.end()) + 1;
            double[] spend = DATA.column(test.channel());
            double total = 0.0;
            for (int t = from; t < windowEnd; t++) {
                total += spend[t];
            }
            double[] cf = spend.clone();
            for (int t = from; t < windowEnd; t++) {
                cf[t] = spend[t] * (1.0 - test.deltaSpend() / total);
            }
            double expected = meanDifference(model, test.channel(), cf, theta, from, measured[i][1]);
            assertThat(terms.get(i).modelLift(theta)).as(test.toString()).isCloseTo(expected,
                    org.assertj.core.api.Assertions.within(1e-9 * Math.abs(expected)));
        }
    }

    @Test
    void derivedBetaMakesTheCounterfactualRoasEqualTheSampledRoas() {
        ModelSpec spec = base()
                .roiPrior(RoiPrior.of("x1", new LogNormal(0.0, 0.5)))
                .roiPrior(new RoiPrior("x2", new LogNormal(0.0, 0.5), CalibrationFixtures.week(8), CalibrationFixtures.week(25)))
                .build();
        CompiledModel model = spec.compile(DATA);
        double[] theta = pointOf(model, 5);
        int[][] windows = {{0, 40}, {8, 26}};
        String[] channels = {"x1", "x2"};
        for (int c = 0; c < 2; c++) {
            double[] spend = DATA.column(channels[c]);
            double[] zeroed = spend.clone();
            double total = 0.0;
            for (int t = windows[c][0]; t < windows[c][1]; t++) {
                total += spend[t];
                zeroed[t] = 0.0;
            }
            int end = Math.min(40, windows[c][1] + model.maxLag() - 1);
            double roas = meanDifference(model, channels[c], zeroed, theta, windows[c][0], end) / total;
            assertThat(roas).isCloseTo(theta[model.parameterNames().indexOf("roas[" + channels[c] + "]")],
                    org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    @Test
    void aNormalLiftTestAddsExactlyItsNormalLogDensity() {
        LiftTest test = lift("x1", 10, 14, 1500, 900, 300);
        CompiledModel plain = base().build().compile(DATA);
        CompiledModel calibrated = base().liftTests(List.of(test)).build().compile(DATA);
        double[] u = new double[plain.dimension()];
        java.util.Arrays.fill(u, 0.3);
        double[] g = new double[u.length];
        double difference = calibrated.logDensityAndGradient(u, g) - plain.logDensityAndGradient(u, g);
        double[] theta = new double[plain.parameterCount()];
        plain.constrain(u, theta);
        double m = Calibrator.liftTestTerms(calibrated).get(0).modelLift(theta);
        double z = (test.lift() - m) / test.se();
        assertThat(difference).isCloseTo(-0.5 * z * z - Math.log(test.se()) - 0.5 * Math.log(2 * Math.PI),
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(calibrated.priorOnly().logDensityAndGradient(u, g))
                .isCloseTo(plain.priorOnly().logDensityAndGradient(u, g), org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void theCalibratedGradientAllocatesNothing() {
        CompiledModel model = base().synergy("x1", "x2")
                .liftTests(List.of(lift("x1", 10, 14, 1500, 900, 300),
                        lift("x2", 20, 22, 800, 400, 150).withLikelihood(LiftLikelihood.GAMMA)))
                .build().compile(DATA);
        CompiledModel roi = base().roiPrior(RoiPrior.of("x2", RoiPrior.Kind.MARGINAL_ROAS, new LogNormal(0.0, 0.5)))
                .liftTests(List.of(lift("x1", 10, 14, 1500, 900, 300))).build().compile(DATA);
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (CompiledModel m : List.of(model, roi)) {
            double[] u = new Random(10).doubles(m.dimension(), -1, 1).toArray();
            double[] g = new double[u.length];
            for (int k = 0; k < 20_000; k++) {
                m.logDensityAndGradient(u, g);
            }
            long id = Thread.currentThread().getId();
            long before = threads.getThreadAllocatedBytes(id);
            for (int k = 0; k < 10_000; k++) {
                m.logDensityAndGradient(u, g);
            }
            assertThat(threads.getThreadAllocatedBytes(id) - before).as("bytes allocated by 10,000 calls").isLessThan(10_000);
        }
    }

    /** A constrained point of the model from a seeded unconstrained one. */
    private static double[] pointOf(CompiledModel model, long seed) {
        Random rng = new Random(seed);
        double[] u = new double[model.dimension()];
        for (int i = 0; i < u.length; i++) {
            u[i] = 2.0 * rng.nextDouble() - 1.0;
        }
        double[] theta = new double[model.parameterCount()];
        model.constrain(u, theta);
        return theta;
    }

    /**
     * {@code scale * sum_{t in [from, to)} (mu_actual[t] - mu_cf[t])}: the whole model over every
     * training row, once with the data's spend and once with {@code cf} for the channel.
     */
    private static double meanDifference(CompiledModel model, String channel, double[] cf, double[] theta, int from, int to) {
        CompiledModel actual = model.withInputs(ModelInputs.of(DATA, 0));
        CompiledModel changed = model.withInputs(ModelInputs.of(DATA, 0).withColumn(channel, cf));
        double[] a = new double[DATA.rows()];
        double[] b = new double[DATA.rows()];
        actual.meanInto(theta, a);
        changed.meanInto(theta, b);
        double sum = 0.0;
        for (int t = from; t < to; t++) {
            sum += a[t] - b[t];
        }
        return model.scaling().targetScale() * sum;
    }
}
