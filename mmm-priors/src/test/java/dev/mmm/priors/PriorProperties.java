package dev.mmm.priors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PriorProperties {

    @Provide
    Arbitrary<Distribution> distributions() {
        return Families.anyDistribution();
    }

    @Provide
    Arbitrary<Double> unconstrained() {
        return Families.uniform(-30, 30);
    }

    @Property(tries = 1500)
    void dLogDensityUnconstrainedDuMatchesFiniteDifferences(@ForAll("distributions") Distribution d,
                                                           @ForAll("unconstrained") double u) {
        Prior prior = Prior.of(d);
        double f = prior.logDensityUnconstrained(u);
        Assume.that(Double.isFinite(f));
        double h = 1e-2;
        if (d instanceof Laplace l) {
            // The Laplace kink: keep the stencil on one side of it.
            double kinkU = prior.toUnconstrained(l.mu());
            Assume.that(Math.abs(u - kinkU) > 1e-6);
            h = Math.min(h, 0.5 * Math.abs(u - kinkU));
        }
        double numeric = FiniteDifference.derivative(prior::logDensityUnconstrained, u, h);
        double analytic = prior.dLogDensityUnconstrainedDu(u);
        assertThat(FiniteDifference.agrees(analytic, numeric, 1e-10 * (1 + Math.abs(f)) / h))
                .as("%s at u=%s: %s vs %s", prior, u, analytic, numeric).isTrue();
    }

    @Property(tries = 500)
    void logDensityUnconstrainedIsDensityPlusLogJacobian(@ForAll("distributions") Distribution d,
                                                        @ForAll("unconstrained") double u) {
        Prior prior = Prior.of(d);
        double v = u / 3; // well inside, where x(u) keeps its digits
        double x = prior.toConstrained(v);
        double expected = d.logDensity(x) + Math.log(Math.abs(prior.dConstrainedDu(v)));
        Assume.that(Double.isFinite(expected));
        assertThat(prior.logDensityUnconstrained(v)).isCloseTo(expected, within(1e-9 * (1 + Math.abs(expected))));
    }

    @Example
    void defaultModelPriorsUseStansTransforms() {
        assertThat(Prior.of(new Beta(1, 3)).bijector()).isEqualTo(new IntervalBijector(0, 1));
        assertThat(Prior.of(new Gamma(3, 1)).bijector()).isEqualTo(new LowerBoundBijector(0));
        assertThat(Prior.of(new HalfNormal(2)).bijector()).isEqualTo(new LowerBoundBijector(0));
        assertThat(Prior.of(new Normal(0, 2)).bijector()).isSameAs(IdentityBijector.INSTANCE);
        assertThat(Prior.of(new Laplace(0, 1)).bijector()).isSameAs(IdentityBijector.INSTANCE);
        assertThat(Prior.of(new Normal(0, 2)).isFixed()).isFalse();
    }

    @Example
    void betaPriorKeepsItsDigitsFarIntoTheUpperTail() {
        Prior alpha = Prior.of(new Beta(1, 3));
        // log p(u) = log 3 + 3 log(1 - x) + log x with x = logistic(u); 1 - x = logistic(-u).
        for (double u : new double[] {30, 40, 60}) {
            double expected = Math.log(3) + 3 * (-Numerics.softplus(u)) - Numerics.softplus(-u);
            assertThat(alpha.logDensityUnconstrained(u)).isCloseTo(expected, within(1e-12 * Math.abs(expected)));
            double dExpected = 1 * Numerics.logistic(-u) - 3 * Numerics.logistic(u);
            assertThat(alpha.dLogDensityUnconstrainedDu(u)).isCloseTo(dExpected, within(1e-12));
        }
    }

    @Example
    void diracPriorIsFixed() {
        Prior fixed = Prior.of(new Dirac(0.3));
        assertThat(fixed.isFixed()).isTrue();
        assertThat(fixed.toConstrained(5)).isEqualTo(0.3);
        assertThat(fixed.logDensityUnconstrained(5)).isZero();
        assertThat(fixed.dLogDensityUnconstrainedDu(5)).isZero();
    }
}
