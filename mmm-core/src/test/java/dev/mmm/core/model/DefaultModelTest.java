package dev.mmm.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mmm.core.data.DataException;
import dev.mmm.core.data.Dataset;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The default model (MODEL.md) compiled from a spec with the real priors and transforms: names,
 * value against a slow independent implementation, gradient against finite differences, and no
 * allocation per call.
 */
class DefaultModelTest {

    private static final int ROWS = 60;

    static Dataset syntheticData(long seed) {
        Random rng = new Random(seed);
        LocalDate[] dates = new LocalDate[ROWS];
        double[] y = new double[ROWS];
        double[] x1 = new double[ROWS];
        double[] x2 = new double[ROWS];
        double[] z1 = new double[ROWS];
        double[] z2 = new double[ROWS];
        for (int t = 0; t < ROWS; t++) {
            dates[t] = LocalDate.of(2019, 12, 30).plusWeeks(t);
            x1[t] = 1000 * rng.nextDouble();
            x2[t] = rng.nextDouble() > 0.7 ? 50 * rng.nextDouble() : 0.0;
            z1[t] = t == 17 ? 1.0 : 0.0;
            z2[t] = t;
            y[t] = 5000 + 3000 * rng.nextDouble();
        }
        LinkedHashMap<String, double[]> cols = new LinkedHashMap<>();
        cols.put("y", y);
        cols.put("x1", x1);
        cols.put("x2", x2);
        cols.put("e1", z1);
        cols.put("trend", z2);
        return Dataset.of("date", dates, cols);
    }

    static ModelSpec syntheticSpec() {
        return ModelSpec.builder().date("date").target("y").channels("x1", "x2").controls("e1", "trend")
                .yearlySeasonality(2).build();
    }

    @Test
    void parameterNamesFollowModelMd() {
        CompiledModel model = syntheticSpec().compile(syntheticData(1));
        assertThat(model.parameterNames()).containsExactly("intercept", "alpha[x1]", "alpha[x2]", "lam[x1]",
                "lam[x2]", "beta[x1]", "beta[x2]", "gamma[e1]", "gamma[trend]", "fourier[sin_1]", "fourier[cos_1]",
                "fourier[sin_2]", "fourier[cos_2]", "sigma");
        assertThat(model.dimension()).isEqualTo(14);
    }

    @Test
    void valueMatchesAnIndependentImplementation() {
        Dataset data = syntheticData(2);
        // The reference samples the intercept as it is: compare with the model in the same coordinates.
        CompiledModel model = syntheticSpec().compile(data).withCentredIntercept(false);
        Random rng = new Random(3);
        for (int k = 0; k < 20; k++) {
            double[] u = uniformPoint(rng, model.dimension());
            double expected = ReferenceDefaultModel.logPosterior(data, List.of("x1", "x2"), List.of("e1", "trend"), 2, u);
            // The model samples a control's coefficient times the column's max |z| (a constant
            // Jacobian, log(1 / max|z|)); the reference takes the coefficient itself.
            double[] modelU = u.clone();
            for (String control : List.of("e1", "trend")) {
                double maxAbs = java.util.Arrays.stream(data.column(control)).map(Math::abs).max().orElseThrow();
                modelU[model.parameterNames().indexOf("gamma[" + control + "]")] *= maxAbs;
                expected += Math.log(1 / maxAbs);
            }
            double actual = model.logDensityAndGradient(modelU, new double[u.length]);
            assertThat(actual).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9 * Math.abs(expected)));
        }
    }

    @Test
    void centredInterceptSamplesTheSamePosterior() {
        Dataset data = syntheticData(2);
        CompiledModel centred = syntheticSpec().compile(data);
        CompiledModel plain = centred.withCentredIntercept(false);
        assertThat(centred.centredIntercept()).isTrue();
        assertThat(plain.centredIntercept()).isFalse();
        int intercept = centred.parameterNames().indexOf("intercept");
        Random rng = new Random(11);
        for (int k = 0; k < 20; k++) {
            double[] u = uniformPoint(rng, plain.dimension());
            double[] theta = new double[plain.parameterCount()];
            plain.constrain(u, theta);
            // The level coordinate is the mean of mu over the rows, here from the plain model's mean.
            double level = java.util.Arrays.stream(plain.mean(theta)).average().orElseThrow();
            double[] v = new double[centred.dimension()];
            centred.unconstrain(theta, v);
            assertThat(v[intercept]).isCloseTo(level, org.assertj.core.data.Offset.offset(1e-12));
            for (int i = 0; i < u.length; i++) {
                if (i != intercept) {
                    assertThat(v[i]).isCloseTo(u[i], org.assertj.core.data.Offset.offset(1e-12));
                }
            }
            double[] back = new double[theta.length];
            centred.constrain(v, back);
            assertThat(back).containsExactly(theta, org.assertj.core.data.Offset.offset(1e-12));
            // The map has a unit Jacobian: the log density is the same at the same point.
            double a = plain.logDensityAndGradient(u, new double[u.length]);
            double b = centred.logDensityAndGradient(v, new double[v.length]);
            assertThat(b).isCloseTo(a, org.assertj.core.data.Offset.offset(1e-9 * Math.abs(a)));
            double pa = plain.priorOnly().logDensityAndGradient(u, new double[u.length]);
            double pb = centred.priorOnly().logDensityAndGradient(v, new double[v.length]);
            assertThat(pb).isCloseTo(pa, org.assertj.core.data.Offset.offset(1e-9 * Math.abs(pa)));
        }
    }

    @Test
    void saturationCoordinatesSampleTheSamePosterior() {
        CompiledModel plain = syntheticSpec().compile(syntheticData(3));
        CompiledModel sheared = plain.withSaturationCoordinates(true);
        assertThat(sheared.saturationCoordinates()).isTrue();
        assertThat(plain.saturationCoordinates()).isFalse();
        Random rng = new Random(13);
        for (int k = 0; k < 20; k++) {
            double[] u = uniformPoint(rng, plain.dimension());
            double[] theta = new double[plain.parameterCount()];
            plain.constrain(u, theta);
            double[] v = new double[sheared.dimension()];
            sheared.unconstrain(theta, v);
            // Only the beta coordinates move, each by log logistic(lam * s) > log of a number below 1.
            int moved = 0;
            for (int i = 0; i < u.length; i++) {
                if (plain.parameterNames().get(i).startsWith("beta[")) {
                    assertThat(v[i]).isLessThan(u[i]);
                    moved++;
                } else {
                    assertThat(v[i]).isCloseTo(u[i], org.assertj.core.data.Offset.offset(1e-12));
                }
            }
            assertThat(moved).isPositive();
            double[] back = new double[theta.length];
            sheared.constrain(v, back);
            assertThat(back).containsExactly(theta, org.assertj.core.data.Offset.offset(1e-12));
            // A unit Jacobian: the same log density at the same constrained point.
            double a = plain.logDensityAndGradient(u, new double[u.length]);
            double b = sheared.logDensityAndGradient(v, new double[v.length]);
            assertThat(b).isCloseTo(a, org.assertj.core.data.Offset.offset(1e-9 * Math.abs(a)));
        }
    }

    @Test
    void saturationCoordinatesGradientMatchesFiniteDifferences() {
        CompiledModel model = syntheticSpec().compile(syntheticData(4)).withSaturationCoordinates(true);
        Random rng = new Random(14);
        for (int k = 0; k < 10; k++) {
            double[] u = uniformPoint(rng, model.dimension());
            GradientCheck.assertGradient(model, u, 1e-6, "random point " + k);
            GradientCheck.assertGradient(model.withCentredIntercept(false), u, 1e-6, "plain intercept, point " + k);
        }
        // Near the shear's two regimes: lam * s tiny (linear) and large (saturated).
        for (int k = 0; k < 10; k++) {
            double[] u = new double[model.dimension()];
            for (int i = 0; i < u.length; i++) {
                String name = model.parameterNames().get(i);
                u[i] = name.startsWith("lam") ? (k % 2 == 0 ? -6 : 4) + rng.nextDouble()
                        : name.equals("sigma") ? -1.5 : 2 * rng.nextDouble() - 1;
            }
            GradientCheck.assertGradient(model, u, 1e-6, "edge point " + k);
        }
    }

    @Test
    void logisticShearIsTheLogOfTheSaturationAndItsSlope() {
        for (double u : new double[] {1e-12, 1e-6, 0.01, 0.5, 1, 3, 20, 100, 800}) {
            double logistic = (1 - Math.exp(-u)) / (1 + Math.exp(-u));
            if (u > 1e-6) {
                assertThat(LogisticShear.logLogistic(u)).isCloseTo(Math.log(logistic), org.assertj.core.data.Offset.offset(1e-12));
            } else {
                assertThat(LogisticShear.logLogistic(u)).isCloseTo(Math.log(u / 2), org.assertj.core.data.Offset.offset(1e-9));
            }
            double h = 1e-5;
            double numeric = (LogisticShear.logLogistic(u * Math.exp(h)) - LogisticShear.logLogistic(u * Math.exp(-h))) / (2 * h);
            assertThat(LogisticShear.dLogLogisticDLogU(u)).isCloseTo(numeric, org.assertj.core.data.Offset.offset(1e-7));
        }
        assertThat(LogisticShear.dLogLogisticDLogU(1e-10)).isEqualTo(1.0);
        assertThat(LogisticShear.dLogLogisticDLogU(1e4)).isEqualTo(0.0);
    }

    @Test
    void centredInterceptGradientMatchesFiniteDifferences() {
        CompiledModel model = syntheticSpec().compile(syntheticData(4));
        assertThat(model.centredIntercept()).isTrue();
        Random rng = new Random(12);
        for (int k = 0; k < 10; k++) {
            double[] u = uniformPoint(rng, model.dimension());
            GradientCheck.assertGradient(model.priorOnly(), u, 1e-6, "prior only, random point " + k);
            GradientCheck.assertGradient(model.withCentredIntercept(false), u, 1e-6, "plain, random point " + k);
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        CompiledModel model = syntheticSpec().compile(syntheticData(4));
        Random rng = new Random(5);
        for (int k = 0; k < 20; k++) {
            double[] u = uniformPoint(rng, model.dimension());
            GradientCheck.assertGradient(model, u, 1e-6, "random point " + k);
        }
        // near the edges: alpha within 1e-3 of 0 or 1, lam and beta small or large, sigma small
        for (int k = 0; k < 10; k++) {
            double[] u = new double[model.dimension()];
            for (int i = 0; i < u.length; i++) {
                String name = model.parameterNames().get(i);
                double edge = (rng.nextBoolean() ? 1 : -1) * (6 + rng.nextDouble());
                u[i] = name.startsWith("alpha") ? edge
                        : name.startsWith("lam") || name.startsWith("beta") ? edge / 2
                        : name.equals("sigma") ? -1.5 - rng.nextDouble() : 2 * rng.nextDouble() - 1;
            }
            GradientCheck.assertGradient(model, u, 1e-6, "edge point " + k);
        }
    }

    @Test
    void constrainAndUnconstrainAreInverse() {
        CompiledModel model = syntheticSpec().compile(syntheticData(6));
        double[] u = new Random(7).doubles(model.dimension(), -3, 3).toArray();
        double[] x = new double[model.parameterCount()];
        double[] back = new double[u.length];
        model.constrain(u, x);
        model.unconstrain(x, back);
        for (int i = 0; i < u.length; i++) {
            assertThat(back[i]).isCloseTo(u[i], org.assertj.core.data.Offset.offset(1e-9));
        }
        int alpha = model.parameterNames().indexOf("alpha[x1]");
        int sigma = model.parameterNames().indexOf("sigma");
        assertThat(x[alpha]).isStrictlyBetween(0.0, 1.0);
        assertThat(x[sigma]).isPositive();
    }

    @Test
    void chainCopiesAgreeAndTheHotPathDoesNotAllocate() {
        CompiledModel model = syntheticSpec().compile(syntheticData(8));
        CompiledModel copy = model.copyForChain();
        double[] u = new Random(9).doubles(model.dimension(), -2, 2).toArray();
        double[] g1 = new double[u.length];
        double[] g2 = new double[u.length];
        assertThat(copy.logDensityAndGradient(u, g2)).isEqualTo(model.logDensityAndGradient(u, g1));
        assertThat(g2).containsExactly(g1);

        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int k = 0; k < 20_000; k++) {
            model.logDensityAndGradient(u, g1);
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int k = 0; k < 10_000; k++) {
            model.logDensityAndGradient(u, g1);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertThat(allocated).as("bytes allocated by 10,000 gradient calls").isLessThan(10_000);
    }

    @Test
    void missingOrNegativeColumnsAreNamed() {
        ModelSpec spec = ModelSpec.builder().date("date").target("y").channels("x1", "nope").build();
        assertThatThrownBy(() -> spec.compile(syntheticData(1))).isInstanceOf(DataException.class)
                .hasMessageContaining("'nope'");
        Dataset d = syntheticData(1);
        double[] x1 = d.column("x1");
        x1[3] = -1;
        LinkedHashMap<String, double[]> cols = new LinkedHashMap<>();
        for (String c : d.columnNames()) {
            cols.put(c, c.equals("x1") ? x1 : d.column(c));
        }
        Dataset bad = Dataset.of("date", d.dates(), cols);
        assertThatThrownBy(() -> syntheticSpec().compile(bad)).isInstanceOf(DataException.class)
                .hasMessage("column 'x1', row 5: spend must be >= 0, got -1.0");
    }

    /** A point uniform in (-2, 2)^n, the sampler's initial region. */
    private static double[] uniformPoint(Random rng, int n) {
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = 4 * rng.nextDouble() - 2;
        }
        return u;
    }
}
