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
