package dev.mmm.priors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BijectorProperties {

    @Provide
    Arbitrary<Bijector> bijectors() {
        Arbitrary<Double> bound = Families.real(50);
        return Arbitraries.oneOf(
                Arbitraries.just(IdentityBijector.INSTANCE),
                bound.map(LowerBoundBijector::new),
                Arbitraries.just(new LowerBoundBijector(0)),
                bound.map(UpperBoundBijector::new),
                Arbitraries.just(new IntervalBijector(0, 1)),
                Combinators.combine(bound, Families.logUniform(1e-3, 1e3)).as((a, w) -> new IntervalBijector(a, a + w)));
    }

    @Provide
    Arbitrary<Double> unconstrained() {
        return Arbitraries.oneOf(Families.uniform(-30, 30), Families.uniform(-2, 2));
    }

    @Property(tries = 1000)
    void dConstrainedDuMatchesFiniteDifferences(@ForAll("bijectors") Bijector b, @ForAll("unconstrained") double u) {
        double numeric = FiniteDifference.derivative(b::toConstrained, u, 1e-2);
        double analytic = b.dConstrainedDu(u);
        double x = b.toConstrained(u);
        // x itself is only known to ulp(x); differences below that are rounding, not a wrong derivative.
        assertThat(FiniteDifference.agrees(analytic, numeric, 1e3 * Math.ulp(x)))
                .as("%s at u=%s: %s vs %s", b, u, analytic, numeric).isTrue();
    }

    @Property(tries = 1000)
    void dLogAbsJacobianDuMatchesFiniteDifferences(@ForAll("bijectors") Bijector b, @ForAll("unconstrained") double u) {
        double numeric = FiniteDifference.derivative(b::logAbsJacobian, u, 1e-2);
        double analytic = b.dLogAbsJacobianDu(u);
        assertThat(FiniteDifference.agrees(analytic, numeric, 1e-9 * (1 + Math.abs(b.logAbsJacobian(u)))))
                .as("%s at u=%s: %s vs %s", b, u, analytic, numeric).isTrue();
    }

    @Property(tries = 1000)
    void logAbsJacobianIsLogOfDerivativeAndInverseUndoesTheMap(@ForAll("bijectors") Bijector b,
                                                               @ForAll("unconstrained") double u) {
        double dxdu = Math.abs(b.dConstrainedDu(u));
        if (dxdu > 0 && Double.isFinite(dxdu)) {
            assertThat(b.logAbsJacobian(u)).isCloseTo(Math.log(dxdu), within(1e-12 * (1 + Math.abs(Math.log(dxdu)))));
        }
        if (Math.abs(u) < 10) {
            // Loses digits as x approaches a bound; within 10 units the round trip stays tight.
            assertThat(b.toUnconstrained(b.toConstrained(u))).as("%s at u=%s", b, u).isCloseTo(u, within(1e-6));
        }
    }

    @Property(tries = 500)
    void constrainedValuesStayInsideTheBounds(@ForAll("bijectors") Bijector b, @ForAll("unconstrained") double u) {
        double x = b.toConstrained(u * 30);
        if (b instanceof IntervalBijector ib) {
            assertThat(x).isBetween(ib.lower(), ib.upper());
        } else if (b instanceof LowerBoundBijector lb) {
            assertThat(x).isGreaterThanOrEqualTo(lb.lower());
        } else if (b instanceof UpperBoundBijector ub) {
            assertThat(x).isLessThanOrEqualTo(ub.upper());
        }
    }

    @Example
    void intervalJacobianIsStableForHugeU() {
        IntervalBijector logit = new IntervalBijector(0, 1);
        assertThat(logit.logAbsJacobian(800)).isCloseTo(-800, within(1e-9));
        assertThat(logit.logAbsJacobian(-800)).isCloseTo(-800, within(1e-9));
        assertThat(logit.dLogAbsJacobianDu(800)).isEqualTo(-1.0);
        assertThat(logit.toConstrained(800)).isEqualTo(1.0);
        assertThat(logit.toConstrained(-800)).isEqualTo(0.0);
        assertThat(logit.distanceToUpper(40)).isCloseTo(Math.exp(-40), within(1e-30));
    }

    @Example
    void forSupportPicksStansTransform() {
        assertThat(Bijectors.forSupport(Support.REAL)).isSameAs(IdentityBijector.INSTANCE);
        assertThat(Bijectors.forSupport(Support.POSITIVE)).isEqualTo(new LowerBoundBijector(0));
        assertThat(Bijectors.forSupport(Support.UNIT_INTERVAL)).isEqualTo(new IntervalBijector(0, 1));
        assertThat(Bijectors.forSupport(new Support(Double.NEGATIVE_INFINITY, 3))).isEqualTo(new UpperBoundBijector(3));
        assertThat(Bijectors.forSupport(new Support(-1, 4))).isEqualTo(new IntervalBijector(-1, 4));
        assertThat(Bijectors.forSupport(new Support(2, 2))).isEqualTo(new PointBijector(2));
    }
}
