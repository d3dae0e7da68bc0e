package dev.mmm.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.core.model.TestDoubles.Delayed;
import dev.mmm.core.model.TestDoubles.Geometric;
import dev.mmm.core.model.TestDoubles.Hill;
import dev.mmm.core.model.TestDoubles.Logistic;
import dev.mmm.core.model.TestDoubles.NormalPrior;
import dev.mmm.core.transform.Adstock;
import dev.mmm.core.transform.Saturation;
import dev.mmm.priors.Bijector;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Each term's reverse pass against finite differences of the whole log density, with test doubles
 * for priors and transforms so only this module's code is under test.
 */
class TermGradientTest {

    private static final int ROWS = 40;
    private static final double TOL = 1e-6;

    /** Builds models by hand: parameters with test priors, terms over random data. */
    private static final class Assembly {
        final Random rng;
        final List<ModelParameter> params = new ArrayList<>();
        final List<Term> terms = new ArrayList<>();
        final double[] y = new double[ROWS];

        Assembly(long seed) {
            rng = new Random(seed);
            for (int t = 0; t < ROWS; t++) {
                y[t] = 0.5 + 0.3 * rng.nextDouble();
            }
        }

        int add(String name, Bijector b) {
            params.add(new ModelParameter(name, new NormalPrior(0.3, 1.5), b, true));
            return params.size() - 1;
        }

        double[] spend(boolean bursty) {
            double[] x = new double[ROWS];
            for (int t = 0; t < ROWS; t++) {
                x[t] = bursty ? (rng.nextDouble() > 0.6 ? rng.nextDouble() : 0.0) : 0.2 + rng.nextDouble();
            }
            return x;
        }

        ChannelResponse channel(String name, Adstock a, Saturation s, boolean saturationFirst) {
            int[] ai = new int[a.parameterNames().size()];
            for (int j = 0; j < ai.length; j++) {
                ai[j] = add(a.parameterNames().get(j) + "[" + name + "]", j == 0 ? TestDoubles.LOGIT : TestDoubles.LOG);
            }
            int[] si = new int[s.parameterNames().size()];
            for (int j = 0; j < si.length; j++) {
                si[j] = add(s.parameterNames().get(j) + "[" + name + "]", TestDoubles.LOG);
            }
            return new ChannelResponse(name, spend(name.startsWith("b")), a, s, saturationFirst, ai, si);
        }

        CompiledModel model(Likelihood likelihood) {
            LocalDate[] dates = new LocalDate[ROWS];
            for (int t = 0; t < ROWS; t++) {
                dates[t] = LocalDate.of(2020, 1, 6).plusWeeks(t);
            }
            return new CompiledModel(null, new Scaling(1.0, Map.of()), dates, params, terms, likelihood);
        }

        CompiledModel normalModel() {
            return model(new NormalLikelihood(y, add("sigma", TestDoubles.LOG)));
        }

        double[] randomPoint(double radius) {
            double[] u = new double[params.size()];
            for (int i = 0; i < u.length; i++) {
                u[i] = radius * (2 * rng.nextDouble() - 1);
            }
            return u;
        }
    }

    private static void check(CompiledModel model, Assembly a, double radius) {
        for (int k = 0; k < 10; k++) {
            GradientCheck.assertGradient(model, a.randomPoint(radius), TOL, "random point " + k);
        }
        // a chain copy gives identical values and gradients
        double[] u = a.randomPoint(radius);
        double[] g1 = new double[u.length];
        double[] g2 = new double[u.length];
        assertThat(model.copyForChain().logDensityAndGradient(u, g2)).isEqualTo(model.logDensityAndGradient(u, g1));
        assertThat(g2).containsExactly(g1);
    }

    @Test
    void interceptAndLinearTerms() {
        Assembly a = new Assembly(1);
        a.terms.add(new InterceptTerm(a.add("intercept", TestDoubles.IDENTITY)));
        double[][] basis = new double[3][ROWS];
        int[] idx = new int[3];
        for (int k = 0; k < 3; k++) {
            idx[k] = a.add("gamma[" + k + "]", TestDoubles.IDENTITY);
            for (int t = 0; t < ROWS; t++) {
                basis[k][t] = a.rng.nextGaussian();
            }
        }
        a.terms.add(new LinearTerm("controls", idx, basis, List.of("c0", "c1", "c2"), false));
        check(a.normalModel(), a, 2.0);
    }

    @Test
    void mediaAdstockFirstGeometricLogistic() {
        Assembly a = new Assembly(2);
        a.terms.add(new InterceptTerm(a.add("intercept", TestDoubles.IDENTITY)));
        ChannelResponse c1 = a.channel("a1", new Geometric(8), new Logistic(), false);
        ChannelResponse c2 = a.channel("b2", new Geometric(5), new Logistic(), false);
        int b1 = a.add("beta[a1]", TestDoubles.LOG);
        int b2 = a.add("beta[b2]", TestDoubles.LOG);
        a.terms.add(new MediaTerm(new ChannelResponse[] {c1, c2}, new int[] {b1, b2}, ROWS));
        CompiledModel model = a.normalModel();
        check(model, a, 2.0);
        // near the edges of the logit: alpha within 1e-4 of 0 or of 1
        for (int k = 0; k < 10; k++) {
            double[] u = a.randomPoint(1.0);
            for (int i = 0; i < u.length; i++) {
                if (a.params.get(i).bijector() == TestDoubles.LOGIT) {
                    u[i] = (a.rng.nextBoolean() ? 1 : -1) * (7.0 + 2.0 * a.rng.nextDouble());
                }
            }
            GradientCheck.assertGradient(model, u, TOL, "edge point " + k);
        }
    }

    @Test
    void mediaBothOrdersMultiParameterTransforms() {
        for (boolean saturationFirst : new boolean[] {false, true}) {
            Assembly a = new Assembly(3);
            a.terms.add(new InterceptTerm(a.add("intercept", TestDoubles.IDENTITY)));
            ChannelResponse c1 = a.channel("a1", new Delayed(6), new Hill(), saturationFirst);
            ChannelResponse c2 = a.channel("a2", new Geometric(50), new Logistic(), saturationFirst);
            int b1 = a.add("beta[a1]", TestDoubles.IDENTITY);
            int b2 = a.add("beta[a2]", TestDoubles.IDENTITY);
            a.terms.add(new MediaTerm(new ChannelResponse[] {c1, c2}, new int[] {b1, b2}, ROWS));
            check(a.normalModel(), a, 1.5);
        }
    }

    @Test
    void synergyFlowsIntoBothChannels() {
        Assembly a = new Assembly(4);
        ChannelResponse c1 = a.channel("a1", new Geometric(4), new Logistic(), false);
        ChannelResponse c2 = a.channel("a2", new Delayed(4), new Hill(), true);
        int b1 = a.add("beta[a1]", TestDoubles.LOG);
        int b2 = a.add("beta[a2]", TestDoubles.LOG);
        a.terms.add(new MediaTerm(new ChannelResponse[] {c1, c2}, new int[] {b1, b2}, ROWS));
        int s = a.add("synergy[a1:a2]", TestDoubles.IDENTITY);
        a.terms.add(new SynergyTerm("synergy[a1:a2]", c1.copy(), c2.copy(), s, ROWS));
        check(a.normalModel(), a, 2.0);
    }

    @Test
    void studentTWithFixedAndSampledNu() {
        for (boolean sampled : new boolean[] {false, true}) {
            Assembly a = new Assembly(5);
            a.terms.add(new InterceptTerm(a.add("intercept", TestDoubles.IDENTITY)));
            int sigma = a.add("sigma", TestDoubles.LOG);
            int nu = sampled ? a.add("nu", TestDoubles.LOG) : -1;
            check(a.model(new StudentTLikelihood(a.y, sigma, nu, 4.5)), a, 2.0);
        }
    }

    @Test
    void logNormalLikelihood() {
        Assembly a = new Assembly(6);
        a.terms.add(new InterceptTerm(a.add("intercept", TestDoubles.IDENTITY)));
        ChannelResponse c1 = a.channel("a1", new Geometric(4), new Logistic(), false);
        a.terms.add(new MediaTerm(new ChannelResponse[] {c1}, new int[] {a.add("beta[a1]", TestDoubles.LOG)}, ROWS));
        check(a.model(new LogNormalLikelihood(a.y, a.add("sigma", TestDoubles.LOG))), a, 2.0);
    }

    @Test
    void contributionsSumToTheMean() {
        Assembly a = new Assembly(7);
        a.terms.add(new InterceptTerm(a.add("intercept", TestDoubles.IDENTITY)));
        ChannelResponse c1 = a.channel("a1", new Geometric(4), new Logistic(), false);
        ChannelResponse c2 = a.channel("a2", new Geometric(4), new Hill(), true);
        a.terms.add(new MediaTerm(new ChannelResponse[] {c1, c2},
                new int[] {a.add("beta[a1]", TestDoubles.LOG), a.add("beta[a2]", TestDoubles.LOG)}, ROWS));
        a.terms.add(new SynergyTerm("synergy[a1:a2]", c1.copy(), c2.copy(), a.add("s", TestDoubles.IDENTITY), ROWS));
        CompiledModel model = a.normalModel();
        double[] x = new double[model.parameterCount()];
        model.constrain(a.randomPoint(1.0), x);
        double[] mu = model.mean(x);
        var parts = model.contributions(x);
        assertThat(parts.keySet()).containsExactly("intercept", "a1", "a2", "synergy[a1:a2]");
        for (int t = 0; t < ROWS; t++) {
            double sum = 0;
            for (double[] p : parts.values()) {
                sum += p[t];
            }
            assertThat(sum).isCloseTo(mu[t], org.assertj.core.data.Offset.offset(1e-12));
        }
    }
}
