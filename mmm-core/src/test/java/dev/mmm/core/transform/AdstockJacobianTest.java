package dev.mmm.core.transform;

import static dev.mmm.core.transform.FiniteDifferences.assertClose;
import static dev.mmm.core.transform.FiniteDifferences.derivative;

import dev.mmm.core.transform.FiniteDifferences.Numeric;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** Every adstock's weight Jacobian against central finite differences, normalised or not. */
class AdstockJacobianTest {

    static void assertJacobianMatchesFiniteDifferences(Adstock adstock, double... params) {
        int count = adstock.weightCount();
        int p = params.length;
        double[] w = new double[count];
        double[][] dw = new double[p][count];
        adstock.weightsAndJacobian(params, w, dw);
        double[] plain = new double[count];
        adstock.weights(params, plain);
        for (int l = 0; l < count; l++) {
            assertClose(adstock + " weights() vs weightsAndJacobian() at l=" + l, plain[l], w[l], 1e-15);
        }
        for (int j = 0; j < p; j++) {
            int index = j;
            Numeric numeric = derivative((value, out) -> {
                double[] shifted = params.clone();
                shifted[index] = value;
                adstock.weights(shifted, out);
            }, params[j], adstock.parameterSupports().get(j), count);
            for (int l = 0; l < count; l++) {
                assertClose(adstock + " d w[" + l + "] / d " + adstock.parameterNames().get(j)
                        + " at " + Arrays.toString(params), dw[j][l], numeric.derivative()[l], numeric.noise());
            }
        }
    }

    /** Mostly the interior of (0, 1), with draws crowding both ends. */
    @Provide
    Arbitrary<Double> unit() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, uniform(0.01, 0.99)),
                Tuple.of(2, logUniform(1e-7, 1e-2)),
                Tuple.of(2, logUniform(1e-7, 1e-2).map(d -> 1.0 - d)));
    }

    @Provide
    Arbitrary<Double> positive() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, uniform(0.2, 8.0)),
                Tuple.of(2, logUniform(1e-3, 0.2)),
                Tuple.of(2, logUniform(8.0, 60.0)));
    }

    @Provide
    Arbitrary<Double> theta() {
        return Arbitraries.frequencyOf(
                Tuple.of(7, uniform(0.01, 10.0)),
                Tuple.of(3, logUniform(1e-6, 1e-2)));
    }

    static Arbitrary<Double> uniform(double lo, double hi) {
        return Arbitraries.doubles().between(0.0, 1.0).ofScale(15).map(u -> lo + u * (hi - lo));
    }

    static Arbitrary<Double> logUniform(double lo, double hi) {
        double logLo = Math.log(lo);
        double logHi = Math.log(hi);
        return Arbitraries.doubles().between(0.0, 1.0).ofScale(15).map(u -> Math.exp(logLo + u * (logHi - logLo)));
    }

    @Property(tries = 150, seed = "21")
    void geometric(@ForAll("unit") double alpha, @ForAll @IntRange(min = 1, max = 12) int lMax) {
        assertJacobianMatchesFiniteDifferences(new GeometricAdstock(lMax, false), alpha);
        assertJacobianMatchesFiniteDifferences(new GeometricAdstock(lMax, true), alpha);
    }

    @Property(tries = 150, seed = "22")
    void binomial(@ForAll("unit") double alpha, @ForAll @IntRange(min = 1, max = 12) int lMax) {
        assertJacobianMatchesFiniteDifferences(new BinomialAdstock(lMax, false), alpha);
        assertJacobianMatchesFiniteDifferences(new BinomialAdstock(lMax, true), alpha);
    }

    @Property(tries = 150, seed = "23")
    void delayed(@ForAll("unit") double alpha, @ForAll("theta") double theta,
                 @ForAll @IntRange(min = 1, max = 12) int lMax) {
        assertJacobianMatchesFiniteDifferences(new DelayedAdstock(lMax, false), alpha, theta);
        assertJacobianMatchesFiniteDifferences(new DelayedAdstock(lMax, true), alpha, theta);
    }

    @Property(tries = 150, seed = "24")
    void weibullPdf(@ForAll("positive") double lam, @ForAll("positive") double k,
                    @ForAll @IntRange(min = 1, max = 12) int lMax) {
        assertJacobianMatchesFiniteDifferences(new WeibullPdfAdstock(lMax, false), lam, k);
        assertJacobianMatchesFiniteDifferences(new WeibullPdfAdstock(lMax, true), lam, k);
    }

    @Property(tries = 150, seed = "25")
    void weibullCdf(@ForAll("positive") double lam, @ForAll("positive") double k,
                    @ForAll @IntRange(min = 1, max = 12) int lMax) {
        assertJacobianMatchesFiniteDifferences(new WeibullCdfAdstock(lMax, false), lam, k);
        assertJacobianMatchesFiniteDifferences(new WeibullCdfAdstock(lMax, true), lam, k);
    }

    @Example
    void defaultModelGeometricAtTheGeneratingAlphas() {
        assertJacobianMatchesFiniteDifferences(new GeometricAdstock(8, true), 0.4);
        assertJacobianMatchesFiniteDifferences(new GeometricAdstock(8, true), 0.2);
    }

    @Example
    void delayedWithThetaOnAnIntegerAndHalfway() {
        for (double theta : new double[] {1e-3, 1.0, 2.5, 3.0}) {
            assertJacobianMatchesFiniteDifferences(new DelayedAdstock(6, false), 0.6, theta);
            assertJacobianMatchesFiniteDifferences(new DelayedAdstock(6, true), 0.6, theta);
        }
    }
}
