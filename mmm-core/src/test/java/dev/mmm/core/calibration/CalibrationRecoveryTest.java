package dev.mmm.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.core.analysis.Interval;
import dev.mmm.core.analysis.PosteriorAnalysis;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.Mmm;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelInputs;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.simulate.Simulation;
import dev.mmm.core.simulate.Simulator;
import dev.mmm.sampler.Sampler;
import dev.mmm.sampler.SamplerSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lift tests and ROI priors on simulated data whose truth is known. */
class CalibrationRecoveryTest {

    private static final int WEEKS = 104;

    private static SamplerSettings settings(long seed) {
        // 4 x 1000 draws: interval widths from 2 x 500 moved by 10-20% between sampler versions,
        // which the width comparisons below cannot tell from a change of posterior.
        return SamplerSettings.builder().chains(4).warmup(500).draws(1000).seed(seed).build();
    }

    private static double width(Interval i) {
        return i.q95() - i.q05();
    }

    /** {@code scale * sum_{t in [from, to)} (mu[t] - mu_cf[t]) / spend}: ROAS through the whole model. */
    static double roas(CompiledModel model, double[] theta, String channel, int from, int to) {
        Dataset data = model.source();
        double[] spend = data.column(channel);
        double[] zeroed = spend.clone();
        double total = 0.0;
        for (int t = from; t < to; t++) {
            total += spend[t];
            zeroed[t] = 0.0;
        }
        double[] a = new double[data.rows()];
        double[] b = new double[data.rows()];
        model.withInputs(ModelInputs.of(data, 0)).meanInto(theta, a);
        model.withInputs(ModelInputs.of(data, 0).withColumn(channel, zeroed)).meanInto(theta, b);
        double sum = 0.0;
        for (int t = from; t < Math.min(data.rows(), to + model.maxLag() - 1); t++) {
            sum += a[t] - b[t];
        }
        return model.scaling().targetScale() * sum / total;
    }

    private static double[] truthVector(CompiledModel model, Simulation sim) {
        double[] theta = new double[model.parameterCount()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = sim.truth(model.parameterNames().get(i));
        }
        return theta;
    }

    @Test
    void oneLiftTestSeparatesTwoCorrelatedChannels() {
        Random rng = new Random(3);
        double[] x1 = new double[WEEKS];
        double[] x2 = new double[WEEKS];
        for (int t = 0; t < WEEKS; t++) {
            // Both channels go dark in the same weeks, so the data pins their sum against the
            // intercept but not their split.
            x1[t] = rng.nextDouble() < 0.25 ? 0.0 : 1000 * (0.2 + 0.8 * rng.nextDouble());
            x2[t] = x1[t] * (0.95 + 0.1 * rng.nextDouble());
        }
        LinkedHashMap<String, double[]> inputs = new LinkedHashMap<>();
        inputs.put("x1", x1);
        inputs.put("x2", x2);
        ModelSpec spec = ModelSpec.builder().date("date").target("y").channels("x1", "x2").build();
        Map<String, Double> truth = Map.of("intercept", 1.0, "alpha[x1]", 0.4, "alpha[x2]", 0.4, "lam[x1]", 1.0,
                "lam[x2]", 1.0, "beta[x1]", 0.8, "beta[x2]", 0.3, "sigma", 0.05);
        Simulation sim = Simulator.simulate(spec, CalibrationFixtures.dates(WEEKS), inputs, truth, 1000.0, 5);
        CompiledModel plain = spec.compile(sim.data());
        double[] theta = truthVector(plain, sim);
        double[] trueRoas = {roas(plain, theta, "x1", 0, WEEKS), roas(plain, theta, "x2", 0, WEEKS)};

        double windowSpend = 0.0;
        for (int t = 60; t < 68; t++) { // spend in the test window: the test switched it off
            windowSpend += x1[t];
        }
        LiftTest probe = LiftTest.of("x1", CalibrationFixtures.week(60), CalibrationFixtures.week(67), windowSpend, 1.0, 1.0);
        CompiledModel probeModel = spec.toBuilder().liftTests(List.of(probe)).build().compile(sim.data());
        double trueLift = Calibrator.liftTestTerms(probeModel).get(0).modelLift(theta);
        double se = 0.1 * trueLift;
        LiftTest test = LiftTest.of("x1", probe.start(), probe.end(), windowSpend, trueLift + 0.3 * se, se);
        ModelSpec calibrated = spec.toBuilder().liftTests(List.of(test)).build();

        MmmFit without = Mmm.fit(spec, sim.data(), settings(1));
        MmmFit with = Mmm.fit(calibrated, sim.data(), settings(1));
        var roasWithout = PosteriorAnalysis.of(without).channels(PosteriorAnalysis.of(without).all());
        var roasWith = PosteriorAnalysis.of(with).channels(PosteriorAnalysis.of(with).all());
        for (var ps : with.summary()) {
            System.out.printf("  %-12s truth %8.4f  [%8.4f, %8.4f] rhat %.3f | without [%8.4f, %8.4f] rhat %.3f%n", ps.name(),
                    sim.truth(ps.name()), ps.q05(), ps.q95(), ps.rhat(), without.summary(ps.name()).q05(),
                    without.summary(ps.name()).q95(), without.summary(ps.name()).rhat());
        }
        String[] channels = {"x1", "x2"};
        for (int c = 0; c < 2; c++) {
            Interval a = roasWithout.channel(channels[c]).roas();
            Interval b = roasWith.channel(channels[c]).roas();
            System.out.printf("ROAS %s truth %.4f: data alone [%.4f, %.4f] width %.4f; with the lift test [%.4f, %.4f]"
                    + " width %.4f (ratio %.2f)%n", channels[c], trueRoas[c], a.q05(), a.q95(), width(a), b.q05(),
                    b.q95(), width(b), width(b) / width(a));
            assertThat(b.covers(trueRoas[c])).as("%s covers the truth with the lift test", channels[c]).isTrue();
            assertThat(a.covers(trueRoas[c])).as("%s covers the truth from data alone", channels[c]).isTrue();
            // the tested channel's interval shrinks most; the other one through the sum the data pins
            assertThat(width(b)).as("%s ROAS interval shrinks", channels[c]).isLessThan((c == 0 ? 0.4 : 0.7) * width(a));
        }
        LiftTestCheck check = LiftTestCheck.of(with.model(), with.posterior()).get(0);
        System.out.println(check.describe());
        assertThat(Math.abs(check.z())).isLessThan(2.0);
    }

    @Test
    void aLiftTestWithCarryOverIdentifiesTheDecayBetterThanASaturationOnlyOne() {
        // Smooth spend (an AR(1) level) hides the decay from the data; a two-week burst of extra
        // spend, measured during the test only, shows how much of its effect lands in the window.
        Random rng = new Random(8);
        double[] x = new double[WEEKS];
        double level = 0.0;
        for (int t = 0; t < WEEKS; t++) {
            level = 0.95 * level + 0.3 * rng.nextGaussian();
            x[t] = 1000 * Math.exp(0.3 * level);
        }
        double burst = 0.0;
        for (int t = 70; t < 72; t++) {
            burst += x[t];
            x[t] *= 2.0;
        }
        LinkedHashMap<String, double[]> inputs = new LinkedHashMap<>();
        inputs.put("x1", x);
        ModelSpec spec = ModelSpec.builder().date("date").target("y").channels("x1").build();
        Map<String, Double> truth = Map.of("intercept", 1.0, "alpha[x1]", 0.7, "lam[x1]", 1.0, "beta[x1]", 0.8,
                "sigma", 0.05);
        Simulation sim = Simulator.simulate(spec, CalibrationFixtures.dates(WEEKS), inputs, truth, 1000.0, 9);
        CompiledModel plain = spec.compile(sim.data());
        double[] theta = truthVector(plain, sim);

        LiftTest probe = LiftTest.of("x1", CalibrationFixtures.week(70), CalibrationFixtures.week(71), burst, 1.0, 1.0)
                .measuredUntil(CalibrationFixtures.week(71));
        CompiledModel probeModel = spec.toBuilder().liftTests(List.of(probe)).build().compile(sim.data());
        double trueLift = Calibrator.liftTestTerms(probeModel).get(0).modelLift(theta);
        double se = 0.05 * trueLift;
        double measured = trueLift - 0.2 * se;
        LiftTest test = new LiftTest("x1", probe.start(), probe.end(), burst, measured, se, probe.measuredUntil(), null);

        CompiledModel ours = spec.toBuilder().liftTests(List.of(test)).build().compile(sim.data());
        CompiledModel saturationOnly = plain.withCalibration(List.of(),
                List.of(SaturationOnlyLiftTerm.of(plain, 0, 70, 72, burst, measured, se)));
        Interval none = alpha(plain, 2);
        Interval withCarryOver = alpha(ours, 2);
        Interval withSaturationOnly = alpha(saturationOnly, 2);
        System.out.printf("alpha truth 0.7: data alone [%.3f, %.3f] width %.3f; saturation-only lift test [%.3f, %.3f]"
                        + " width %.3f; lift test with carry-over [%.3f, %.3f] width %.3f%n", none.q05(), none.q95(),
                width(none), withSaturationOnly.q05(), withSaturationOnly.q95(), width(withSaturationOnly),
                withCarryOver.q05(), withCarryOver.q95(), width(withCarryOver));
        assertThat(withCarryOver.covers(0.7)).isTrue();
        assertThat(width(withCarryOver)).isLessThan(0.6 * width(withSaturationOnly));
        assertThat(width(withCarryOver)).isLessThan(0.8 * width(none));
    }

    /** alpha[x1]'s posterior interval under {@code model}. */
    private static Interval alpha(CompiledModel model, long seed) {
        var result = Sampler.sample(model, settings(seed));
        int index = model.parameterNames().indexOf("alpha[x1]");
        double[] theta = new double[model.parameterCount()];
        List<Double> draws = new java.util.ArrayList<>();
        for (double[][] chain : result.positions()) {
            for (double[] u : chain) {
                model.constrain(u, theta);
                draws.add(theta[index]);
            }
        }
        return Interval.of(draws.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
