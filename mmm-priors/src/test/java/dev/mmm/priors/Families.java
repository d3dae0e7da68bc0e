package dev.mmm.priors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.CauchyDistribution;
import org.apache.commons.statistics.distribution.ExponentialDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.distribution.TruncatedNormalDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;
import org.apache.commons.statistics.distribution.WeibullDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.LaplaceDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/** For each family: random legal parameters, fixed examples, and a trusted reference. */
final class Families {

    record Family(String name, Arbitrary<Distribution> arbitrary, List<Distribution> examples,
                  Function<Distribution, Reference> reference) {
    }

    static final Map<String, Family> ALL = new LinkedHashMap<>();

    static {
        add(Normal.NAME,
                Combinators.combine(real(100), logUniform(1e-3, 1e3)).as(Normal::new),
                List.of(new Normal(0, 2), new Normal(-3.5, 0.01), new Normal(1e3, 50)),
                d -> {
                    Normal n = (Normal) d;
                    return Reference.of(NormalDistribution.of(n.mu(), n.sigma()));
                });
        add(HalfNormal.NAME,
                logUniform(1e-3, 1e3).map(HalfNormal::new),
                List.of(new HalfNormal(2), new HalfNormal(0.05), new HalfNormal(300)),
                d -> Reference.half(NormalDistribution.of(0, ((HalfNormal) d).sigma())));
        add(Beta.NAME,
                Combinators.combine(logUniform(0.2, 100), logUniform(0.2, 100)).as(Beta::new),
                List.of(new Beta(1, 3), new Beta(0.5, 0.5), new Beta(20, 4), new Beta(2.5, 1)),
                d -> {
                    Beta b = (Beta) d;
                    return Reference.of(BetaDistribution.of(b.alpha(), b.beta()));
                });
        add(Gamma.NAME,
                Combinators.combine(logUniform(0.2, 100), logUniform(1e-2, 1e2)).as(Gamma::new),
                List.of(new Gamma(3, 1), new Gamma(0.5, 2), new Gamma(1, 0.1), new Gamma(40, 7)),
                d -> {
                    Gamma g = (Gamma) d;
                    return Reference.of(GammaDistribution.of(g.alpha(), 1 / g.beta()));
                });
        add(Laplace.NAME,
                Combinators.combine(real(100), logUniform(1e-3, 1e3)).as(Laplace::new),
                List.of(new Laplace(0, 1), new Laplace(-2, 0.1), new Laplace(10, 30)),
                d -> {
                    Laplace l = (Laplace) d;
                    return Reference.of(LaplaceDistribution.of(l.mu(), l.b()));
                });
        add(TruncatedNormal.NAME,
                Combinators.combine(real(10), logUniform(0.1, 10), uniform(-40, 40), logUniform(1e-2, 20),
                        Arbitraries.integers().between(0, 3)).as((mu, sigma, a, width, kind) -> {
                            // kind: 0 both bounds, 1 lower only, 2 upper only, 3 none; bounds in sd units.
                            double lower = kind == 0 || kind == 1 ? mu + sigma * a : Double.NEGATIVE_INFINITY;
                            double upper = kind == 0 ? mu + sigma * (a + width)
                                    : kind == 2 ? mu + sigma * a : Double.POSITIVE_INFINITY;
                            return new TruncatedNormal(mu, sigma, lower, upper);
                        }),
                List.of(new TruncatedNormal(0, 1, -1, 2), new TruncatedNormal(1, 2, 0, Double.POSITIVE_INFINITY),
                        new TruncatedNormal(0, 1, 40, Double.POSITIVE_INFINITY),
                        new TruncatedNormal(0, 1, Double.NEGATIVE_INFINITY, -30),
                        new TruncatedNormal(0, 1, 8, 9), new TruncatedNormal(-2, 0.5, -10, -5),
                        new TruncatedNormal(3, 1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)),
                d -> {
                    TruncatedNormal t = (TruncatedNormal) d;
                    double a = (t.lower() - t.mu()) / t.sigma();
                    double b = (t.upper() - t.mu()) / t.sigma();
                    if (a >= 5 || b <= -5) {
                        return new TailTruncatedNormal(t.mu(), t.sigma(), t.lower(), t.upper());
                    }
                    return Reference.of(TruncatedNormalDistribution.of(t.mu(), t.sigma(), t.lower(), t.upper()));
                });
        add(LogNormal.NAME,
                Combinators.combine(real(5), logUniform(0.05, 3)).as(LogNormal::new),
                List.of(new LogNormal(0, 1), new LogNormal(2, 0.1), new LogNormal(-1, 2.5)),
                d -> {
                    LogNormal l = (LogNormal) d;
                    return Reference.of(LogNormalDistribution.of(l.mu(), l.sigma()));
                });
        add(InverseGamma.NAME,
                Combinators.combine(logUniform(0.2, 100), logUniform(1e-2, 1e2)).as(InverseGamma::new),
                List.of(new InverseGamma(3, 2), new InverseGamma(0.5, 1), new InverseGamma(50, 0.1)),
                d -> Reference.inverseOf(GammaDistribution.of(((InverseGamma) d).alpha(), 1 / ((InverseGamma) d).beta())));
        add(Exponential.NAME,
                logUniform(1e-3, 1e3).map(Exponential::new),
                List.of(new Exponential(1), new Exponential(0.01), new Exponential(250)),
                d -> Reference.of(ExponentialDistribution.of(1 / ((Exponential) d).lam())));
        add(StudentT.NAME,
                Combinators.combine(logUniform(0.5, 1000), real(100), logUniform(1e-3, 1e3)).as(StudentT::new),
                List.of(new StudentT(3, 0, 1), new StudentT(0.7, -2, 0.3), new StudentT(30, 10, 5)),
                d -> {
                    StudentT t = (StudentT) d;
                    return Reference.locationScale(TDistribution.of(t.nu()), t.mu(), t.sigma());
                });
        add(HalfStudentT.NAME,
                Combinators.combine(logUniform(0.5, 1000), logUniform(1e-3, 1e3)).as(HalfStudentT::new),
                List.of(new HalfStudentT(3, 1), new HalfStudentT(0.7, 0.3), new HalfStudentT(30, 5)),
                d -> Reference.half(TDistribution.of(((HalfStudentT) d).nu()), ((HalfStudentT) d).sigma()));
        add(Cauchy.NAME,
                Combinators.combine(real(100), logUniform(1e-3, 1e3)).as(Cauchy::new),
                List.of(new Cauchy(0, 5), new Cauchy(-3, 0.01), new Cauchy(100, 300)),
                d -> Reference.of(CauchyDistribution.of(((Cauchy) d).alpha(), ((Cauchy) d).beta())));
        add(HalfCauchy.NAME,
                logUniform(1e-3, 1e3).map(HalfCauchy::new),
                List.of(new HalfCauchy(5), new HalfCauchy(0.01), new HalfCauchy(300)),
                d -> Reference.half(CauchyDistribution.of(0, 1), ((HalfCauchy) d).beta()));
        add(Uniform.NAME,
                Combinators.combine(real(100), logUniform(1e-3, 1e3)).as((lo, w) -> new Uniform(lo, lo + w)),
                List.of(new Uniform(0, 1), new Uniform(-5, 20), new Uniform(1e3, 1e3 + 0.5)),
                d -> Reference.of(UniformContinuousDistribution.of(((Uniform) d).lower(), ((Uniform) d).upper())));
        add(Weibull.NAME,
                Combinators.combine(logUniform(0.2, 20), logUniform(1e-2, 1e2)).as(Weibull::new),
                List.of(new Weibull(1.5, 2), new Weibull(0.5, 1), new Weibull(1, 3), new Weibull(10, 0.2)),
                d -> Reference.of(WeibullDistribution.of(((Weibull) d).shape(), ((Weibull) d).scale())));
    }

    private Families() {
    }

    static void add(String name, Arbitrary<? extends Distribution> arbitrary, List<Distribution> examples,
                    Function<Distribution, Reference> reference) {
        ALL.put(name, new Family(name, arbitrary.map(d -> (Distribution) d), examples, reference));
    }

    static Arbitrary<Double> real(double bound) {
        return uniform(-bound, bound);
    }

    /** Uniform on [lower, upper] at full double resolution. */
    static Arbitrary<Double> uniform(double lower, double upper) {
        return Arbitraries.randomValue(r -> lower + (upper - lower) * r.nextDouble());
    }

    static Arbitrary<Double> logUniform(double lower, double upper) {
        return uniform(Math.log(lower), Math.log(upper)).map(Math::exp);
    }

    /** Any family's random legal parameters. */
    static Arbitrary<Distribution> anyDistribution() {
        List<Arbitrary<Distribution>> all = new ArrayList<>();
        ALL.values().forEach(f -> all.add(f.arbitrary()));
        return Arbitraries.oneOf(all);
    }

    static List<Distribution> allExamples() {
        List<Distribution> list = new ArrayList<>();
        ALL.values().forEach(f -> list.addAll(f.examples()));
        return list;
    }

    static Reference referenceFor(Distribution d) {
        return ALL.get(d.name()).reference().apply(d);
    }

    /**
     * Probabilities at which to check: the bulk and far into both tails, so that points near
     * each edge of the support are covered.
     */
    static Arbitrary<Double> probabilities() {
        return Arbitraries.oneOf(
                uniform(1e-3, 1 - 1e-3),
                logUniform(1e-12, 1e-3),
                logUniform(1e-12, 1e-3).map(q -> 1 - q));
    }
}
