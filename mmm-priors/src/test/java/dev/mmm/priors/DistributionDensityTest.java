package dev.mmm.priors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Log density and cdf against Commons Statistics (or closed forms) on a grid reaching into the tails. */
class DistributionDensityTest {

    private static final double[] GRID = {1e-12, 1e-8, 1e-4, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 1 - 1e-4, 1 - 1e-8};

    static Stream<Distribution> examples() {
        return Families.allExamples().stream();
    }

    static List<Double> points(Distribution d, Reference ref) {
        List<Double> xs = new ArrayList<>();
        for (double p : GRID) {
            double x = ref.quantile(p);
            if (d.support().contains(x)) {
                xs.add(x);
            }
        }
        return xs;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void logDensityMatchesReferenceOnGrid(Distribution d) {
        Reference ref = Families.referenceFor(d);
        List<Double> xs = points(d, ref);
        assertThat(xs).hasSizeGreaterThan(8);
        for (double x : xs) {
            double expected = ref.logDensity(x);
            assertThat(d.logDensity(x)).as("%s at x=%s", d, x)
                    .isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void cdfMatchesReferenceOnGrid(Distribution d) {
        Reference ref = Families.referenceFor(d);
        for (double x : points(d, ref)) {
            double expected = ref.cdf(x);
            assertThat(d.cdf(x)).as("%s at x=%s", d, x).isCloseTo(expected, within(1e-12 + 1e-9 * expected));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void outsideTheSupportTheDensityIsZero(Distribution d) {
        Support s = d.support();
        if (s.lower() != Double.NEGATIVE_INFINITY) {
            assertThat(d.logDensity(Math.nextDown(s.lower()))).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(d.logDensity(s.lower() - 1)).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(d.cdf(s.lower() - 1)).isZero();
        }
        if (s.upper() != Double.POSITIVE_INFINITY) {
            assertThat(d.logDensity(Math.nextUp(s.upper()))).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(d.cdf(s.upper() + 1)).isEqualTo(1.0);
        }
        assertThat(d.logDensity(Double.POSITIVE_INFINITY)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(d.logDensity(Double.NEGATIVE_INFINITY)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void closedBoundsGiveTheLimitOfTheDensity(Distribution d) {
        Support s = d.support();
        for (double bound : new double[] {s.lower(), s.upper()}) {
            if (Double.isFinite(bound)) {
                double atBound = d.logDensity(bound);
                double expected = Families.referenceFor(d).logDensity(bound);
                assertThat(atBound).as("%s at bound %s", d, bound).isNotNaN();
                if (Double.isFinite(expected)) {
                    assertThat(atBound).isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
                } else {
                    assertThat(atBound).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void knownLimitsAtClosedBounds() {
        assertThat(new Beta(1, 3).logDensity(0)).isCloseTo(Math.log(3), within(1e-15));
        assertThat(new Beta(3, 1).logDensity(1)).isCloseTo(Math.log(3), within(1e-15));
        assertThat(new Beta(0.5, 2).logDensity(0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(new Beta(2, 2).logDensity(1)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(new Gamma(1, 0.1).logDensity(0)).isCloseTo(Math.log(0.1), within(1e-15));
        assertThat(new Gamma(3, 1).logDensity(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(new HalfNormal(2).logDensity(0)).isCloseTo(Math.log(2 / (2 * Math.sqrt(2 * Math.PI))), within(1e-15));
        assertThat(new Beta(1, 3).dLogDensity(0)).isCloseTo(-2, within(1e-15));
    }

    @Test
    void extremeButLegalValuesDoNotOverflow() {
        assertThat(new Normal(0, 1e-300).logDensity(1e-300)).isFinite();
        assertThat(new Gamma(1e-3, 1e3).logDensity(1e-300)).isFinite();
        assertThat(new Beta(1e3, 1e3).logDensity(0.5)).isFinite();
        assertThat(new Beta(1e-3, 1e-3).logDensity(1e-200)).isFinite();
        assertThat(new Laplace(0, 1e-300).logDensity(1e-300)).isFinite();
    }
}
