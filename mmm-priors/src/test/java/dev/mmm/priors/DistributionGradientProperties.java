package dev.mmm.priors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** d/dx and d/dparameters of every log density against central finite differences. */
class DistributionGradientProperties {

    @Provide
    Arbitrary<Distribution> distributions() {
        return Families.anyDistribution();
    }

    @Provide
    Arbitrary<Double> probabilities() {
        return Families.probabilities();
    }

    /** A legal point of d at probability p, kept off any kink (Laplace's mode). */
    static double pointAt(Distribution d, double p) {
        double x = Families.referenceFor(d).quantile(p);
        Support s = d.support();
        Assume.that(x > s.lower() && x < s.upper() && Double.isFinite(x));
        Assume.that(Double.isFinite(d.logDensity(x)));
        return x;
    }

    static double kinkDistance(Distribution d, double x) {
        return d instanceof Laplace l ? Math.abs(x - l.mu()) : Double.POSITIVE_INFINITY;
    }

    @Property(tries = 1500)
    void dLogDensityMatchesFiniteDifferences(@ForAll("distributions") Distribution d,
                                             @ForAll("probabilities") double p) {
        double x = pointAt(d, p);
        Support s = d.support();
        double h = Math.min(FiniteDifference.step(x, s.lower(), s.upper()), 0.5 * kinkDistance(d, x));
        // x +- h must be representable far more finely than h, or the difference quotient measures rounding.
        Assume.that(h > 1e8 * Math.ulp(x));
        double numeric = FiniteDifference.derivative(d::logDensity, x, h);
        double analytic = d.dLogDensity(x);
        assertThat(FiniteDifference.agrees(analytic, numeric, floor(d.logDensity(x), h)))
                .as("%s at x=%s: analytic %s, numeric %s", d, x, analytic, numeric).isTrue();
    }

    @Property(tries = 1500)
    void dLogDensityDParametersMatchesFiniteDifferences(@ForAll("distributions") Distribution d,
                                                        @ForAll("probabilities") double p) {
        double x = pointAt(d, p);
        LinkedHashMap<String, Double> params = d.parameters();
        List<String> names = new ArrayList<>(params.keySet());
        double[] analytic = new double[names.size()];
        d.dLogDensityDParameters(x, analytic);
        for (int i = 0; i < names.size(); i++) {
            String field = names.get(i);
            double theta = params.get(field);
            if (!Double.isFinite(theta)) {
                continue;
            }
            double h = parameterStep(d, field, theta, x);
            double numeric = FiniteDifference.derivative(t -> {
                Map<String, Double> moved = new LinkedHashMap<>(params);
                moved.put(field, t);
                return Priors.create(d.name(), moved).logDensity(x);
            }, theta, h);
            assertThat(FiniteDifference.agrees(analytic[i], numeric, floor(d.logDensity(x), h)))
                    .as("%s at x=%s, d/d%s: analytic %s, numeric %s", d, x, field, analytic[i], numeric).isTrue();
        }
    }

    /** A step that keeps the perturbed parameters legal and x inside the perturbed support. */
    static double parameterStep(Distribution d, String field, double theta, double x) {
        double h = 1e-3 * Math.max(Math.abs(theta), 1e-3);
        if (d instanceof Laplace l && field.equals("mu")) {
            h = Math.min(h, 0.5 * Math.abs(x - l.mu()));
        }
        if (field.equals("lower")) {
            h = Math.min(h, 0.5 * (x - theta));
        }
        if (field.equals("upper")) {
            h = Math.min(h, 0.5 * (theta - x));
        }
        return h;
    }

    /** Below this the difference is rounding in f itself, not a wrong derivative. */
    static double floor(double f, double h) {
        return 1e-10 * (1 + Math.abs(f)) / h;
    }
}
