package dev.mmm.core.transform;

import static dev.mmm.core.transform.FiniteDifferences.assertClose;
import static dev.mmm.core.transform.FiniteDifferences.derivative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.core.transform.FiniteDifferences.Numeric;
import dev.mmm.priors.Support;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Values, shape and derivatives of every saturation. */
class SaturationTest {

    private static final List<Saturation> ALL = List.of(new LogisticSaturation(), new HillSaturation(),
            new MichaelisMentenSaturation(), new TanhSaturation(), new RootSaturation(), new LogSaturation(),
            new NoSaturation());

    /** One evaluate() call at a single x: {value, dx, dParams...}. */
    private static double[] evaluateAt(Saturation saturation, double[] params, double x) {
        int p = params.length;
        double[] value = new double[1];
        double[] dx = new double[1];
        double[][] dParams = new double[p][1];
        saturation.evaluate(params, new double[] {x}, 1, value, dx, dParams);
        double[] out = new double[2 + p];
        out[0] = value[0];
        out[1] = dx[0];
        for (int j = 0; j < p; j++) {
            out[2 + j] = dParams[j][0];
        }
        return out;
    }

    static void assertDerivativesMatchFiniteDifferences(Saturation saturation, double[] params, double x) {
        double[] at = evaluateAt(saturation, params, x);
        String where = saturation + " at x=" + x + ", params=" + Arrays.toString(params);
        assertClose(where + " value() vs evaluate()", saturation.value(x, params), at[0], 1e-15);
        Numeric byX = derivative((v, out) -> out[0] = saturation.value(v, params), x, Support.POSITIVE, 1);
        assertClose(where + " df/dx", at[1], byX.derivative()[0], byX.noise());
        for (int j = 0; j < params.length; j++) {
            int index = j;
            Numeric byParam = derivative((v, out) -> {
                double[] shifted = params.clone();
                shifted[index] = v;
                out[0] = saturation.value(x, shifted);
            }, params[j], saturation.parameterSupports().get(j), 1);
            assertClose(where + " df/d" + saturation.parameterNames().get(j), at[2 + j],
                    byParam.derivative()[0], byParam.noise());
        }
    }

    @Provide
    Arbitrary<Double> input() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, AdstockJacobianTest.uniform(0.01, 3.0)),
                Tuple.of(2, AdstockJacobianTest.logUniform(1e-9, 1e-2)),
                Tuple.of(2, AdstockJacobianTest.logUniform(3.0, 1e6)));
    }

    @Provide
    Arbitrary<Double> positive() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, AdstockJacobianTest.uniform(0.2, 5.0)),
                Tuple.of(2, AdstockJacobianTest.logUniform(1e-4, 0.2)),
                Tuple.of(2, AdstockJacobianTest.logUniform(5.0, 100.0)));
    }

    @Provide
    Arbitrary<Double> unit() {
        return new AdstockJacobianTest().unit();
    }

    @Property(tries = 300, seed = "31")
    void logistic(@ForAll("positive") double lam, @ForAll("input") double x) {
        assertDerivativesMatchFiniteDifferences(new LogisticSaturation(), new double[] {lam}, x);
    }

    @Property(tries = 300, seed = "32")
    void hill(@ForAll("positive") double slope, @ForAll("positive") double kappa, @ForAll("input") double x) {
        assertDerivativesMatchFiniteDifferences(new HillSaturation(), new double[] {slope, kappa}, x);
    }

    @Property(tries = 300, seed = "33")
    void michaelisMenten(@ForAll("positive") double lam, @ForAll("input") double x) {
        assertDerivativesMatchFiniteDifferences(new MichaelisMentenSaturation(), new double[] {lam}, x);
    }

    @Property(tries = 300, seed = "34")
    void tanh(@ForAll("positive") double c, @ForAll("input") double x) {
        assertDerivativesMatchFiniteDifferences(new TanhSaturation(), new double[] {c}, x);
    }

    @Property(tries = 300, seed = "35")
    void root(@ForAll("unit") double alpha, @ForAll("input") double x) {
        assertDerivativesMatchFiniteDifferences(new RootSaturation(), new double[] {alpha}, x);
    }

    @Property(tries = 100, seed = "36")
    void logAndNone(@ForAll("input") double x) {
        assertDerivativesMatchFiniteDifferences(new LogSaturation(), new double[0], x);
        assertDerivativesMatchFiniteDifferences(new NoSaturation(), new double[0], x);
    }

    @Example
    void hillWithSlopeNearZeroAndLarge() {
        for (double slope : new double[] {1e-6, 1e-3, 0.5, 1.0, 3.0, 40.0}) {
            for (double x : new double[] {1e-8, 0.3, 1.0, 2.0, 1e5}) {
                assertDerivativesMatchFiniteDifferences(new HillSaturation(), new double[] {slope, 1.0}, x);
            }
        }
    }

    @Property(tries = 100, seed = "37")
    void everySaturationIsZeroAtZeroAndIncreasing(@ForAll("positive") double a, @ForAll("positive") double b,
                                                  @ForAll("unit") double u, @ForAll("input") double x,
                                                  @ForAll("input") double step) {
        for (Saturation saturation : ALL) {
            double[] params = paramsFor(saturation, a, b, u);
            assertThat(saturation.value(0.0, params)).as(saturation.name()).isEqualTo(0.0);
            double low = saturation.value(x, params);
            double high = saturation.value(x + step, params);
            assertThat(high).as("%s at %s and %s", saturation, x, x + step).isGreaterThanOrEqualTo(low);
            assertThat(evaluateAt(saturation, params, x)[1]).as("%s slope", saturation).isGreaterThanOrEqualTo(0.0);
        }
    }

    private static double[] paramsFor(Saturation saturation, double a, double b, double u) {
        switch (saturation.name()) {
            case "hill":
                return new double[] {a, b};
            case "root":
                return new double[] {u};
            case "log":
            case "none":
                return new double[0];
            default:
                return new double[] {a};
        }
    }

    @Example
    void boundedSaturationsApproachOneAndStayFiniteForHugeInput() {
        double huge = 1e300;
        assertThat(new LogisticSaturation().value(huge, new double[] {50.0})).isEqualTo(1.0);
        assertThat(new TanhSaturation().value(huge, new double[] {1e-3})).isEqualTo(1.0);
        assertThat(new HillSaturation().value(huge, new double[] {30.0, 0.5})).isEqualTo(1.0);
        assertThat(new MichaelisMentenSaturation().value(huge, new double[] {2.0})).isEqualTo(1.0);
        double[] logistic = evaluateAt(new LogisticSaturation(), new double[] {1e3}, 1e6);
        assertThat(logistic).containsExactly(1.0, 0.0, 0.0);
        double[] hill = evaluateAt(new HillSaturation(), new double[] {80.0, 1e-3}, 1e6);
        assertThat(hill).containsExactly(1.0, 0.0, 0.0, -0.0);
    }

    @Example
    void fastTanhAgreesWithMathTanhToAFewUlps() {
        double[] value = new double[1];
        for (int i = -4000; i <= 4000; i++) {
            double u = Math.signum(i) * Math.pow(10.0, Math.abs(i) / 400.0 - 8.0);
            double expected = Math.tanh(u);
            double sech2 = AbstractSaturation.tanhInto(u, value, 0);
            assertThat(AbstractSaturation.tanh(u)).as("tanh(%s)", u).isEqualTo(value[0]);
            assertThat(value[0]).as("tanh(%s)", u).isCloseTo(expected, within(4 * Math.ulp(expected)));
            double cosh = Math.cosh(u);
            double expectedSech2 = 1.0 / (cosh * cosh);
            assertThat(sech2).as("sech^2(%s)", u).isCloseTo(expectedSech2, within(1e-14 * expectedSech2 + 1e-300));
        }
        assertThat(AbstractSaturation.tanh(0.0)).isEqualTo(0.0);
        assertThat(AbstractSaturation.tanh(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
    }

    @Example
    void anchorValues() {
        double lam = 4.0;
        double x = 0.3;
        double e = Math.exp(-lam * x);
        assertThat(new LogisticSaturation().value(x, new double[] {lam})).isCloseTo((1 - e) / (1 + e), within(1e-15));
        assertThat(new HillSaturation().value(0.7, new double[] {2.3, 0.7})).isCloseTo(0.5, within(1e-15));
        assertThat(new HillSaturation().value(0.4, new double[] {2.0, 0.8}))
                .isCloseTo(0.16 / (0.16 + 0.64), within(1e-15));
        assertThat(new MichaelisMentenSaturation().value(1.5, new double[] {1.5})).isCloseTo(0.5, within(1e-15));
        assertThat(new TanhSaturation().value(0.9, new double[] {0.3})).isCloseTo(Math.tanh(3.0), within(1e-15));
        assertThat(new RootSaturation().value(4.0, new double[] {0.5})).isCloseTo(2.0, within(1e-15));
        assertThat(new RootSaturation().value(1e8, new double[] {0.5})).isCloseTo(1e4, within(1e-9));
        assertThat(new LogSaturation().value(Math.E - 1, new double[0])).isCloseTo(1.0, within(1e-15));
        assertThat(new NoSaturation().value(1e12, new double[0])).isEqualTo(1e12);
    }

    @Example
    void slopesAtZeroAreTheRightDerivatives() {
        assertThat(evaluateAt(new HillSaturation(), new double[] {0.5, 2.0}, 0.0))
                .containsExactly(0.0, Double.POSITIVE_INFINITY, 0.0, 0.0);
        assertThat(evaluateAt(new HillSaturation(), new double[] {1.0, 2.0}, 0.0)).containsExactly(0.0, 0.5, 0.0, 0.0);
        assertThat(evaluateAt(new HillSaturation(), new double[] {2.5, 2.0}, 0.0)).containsExactly(0.0, 0.0, 0.0, 0.0);
        assertThat(evaluateAt(new RootSaturation(), new double[] {0.4}, 0.0))
                .containsExactly(0.0, Double.POSITIVE_INFINITY, 0.0);
        assertThat(evaluateAt(new LogisticSaturation(), new double[] {3.0}, 0.0)).containsExactly(0.0, 1.5, 0.0);
        assertThat(evaluateAt(new TanhSaturation(), new double[] {0.25}, 0.0)).containsExactly(0.0, 4.0, -0.0);
        assertThat(evaluateAt(new MichaelisMentenSaturation(), new double[] {0.5}, 0.0))
                .containsExactly(0.0, 2.0, -0.0);
        assertThat(evaluateAt(new LogSaturation(), new double[0], 0.0)).containsExactly(0.0, 1.0);
    }

    @Example
    void illegalParametersGiveNaN() {
        assertThat(evaluateAt(new LogisticSaturation(), new double[] {-1.0}, 1.0)).containsOnly(Double.NaN);
        assertThat(evaluateAt(new HillSaturation(), new double[] {1.0, 0.0}, 1.0)).containsOnly(Double.NaN);
        assertThat(evaluateAt(new RootSaturation(), new double[] {1.5}, 1.0)).containsOnly(Double.NaN);
        assertThat(new TanhSaturation().value(1.0, new double[] {Double.NaN})).isNaN();
    }
}
