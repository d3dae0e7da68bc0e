package dev.mmm.core.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.priors.Distribution;
import dev.mmm.priors.Support;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Default priors as the anchors state them, keyed by parameter name in parameter order. */
class DefaultPriorsTest {

    private static void assertPrior(Distribution prior, String family, double mean, double sd) {
        assertThat(prior.name()).isEqualTo(family);
        assertThat(prior.mean()).isCloseTo(mean, within(1e-12));
        assertThat(Math.sqrt(prior.variance())).isCloseTo(sd, within(1e-12));
    }

    @Test
    void adstockDefaults() {
        double betaOneThreeSd = Math.sqrt(3.0 / (16.0 * 5.0));
        double halfNormalSd = Math.sqrt(1.0 - 2.0 / Math.PI);
        for (String name : List.of("geometric", "binomial")) {
            LinkedHashMap<String, Distribution> priors = Transforms.adstock(name, 8, true).defaultPriors();
            assertThat(priors.keySet()).containsExactly("alpha");
            assertPrior(priors.get("alpha"), "Beta", 0.25, betaOneThreeSd);
        }
        LinkedHashMap<String, Distribution> delayed = Transforms.adstock("delayed", 8, true).defaultPriors();
        assertThat(delayed.keySet()).containsExactly("alpha", "theta");
        assertPrior(delayed.get("alpha"), "Beta", 0.25, betaOneThreeSd);
        assertPrior(delayed.get("theta"), "HalfNormal", Math.sqrt(2.0 / Math.PI), halfNormalSd);
        LinkedHashMap<String, Distribution> pdf = Transforms.adstock("weibull_pdf", 8, true).defaultPriors();
        assertThat(pdf.keySet()).containsExactly("lam", "k");
        assertPrior(pdf.get("lam"), "Gamma", 2.0, 1.0);
        assertPrior(pdf.get("k"), "Gamma", 3.0, 1.0);
        LinkedHashMap<String, Distribution> cdf = Transforms.adstock("weibull_cdf", 8, true).defaultPriors();
        assertPrior(cdf.get("lam"), "Gamma", 2.0, 2.5);
        assertPrior(cdf.get("k"), "Gamma", 2.0, 2.5);
        assertThat(Transforms.adstock("none", 8, true).defaultPriors()).isEmpty();
    }

    @Test
    void saturationDefaults() {
        LinkedHashMap<String, Distribution> logistic = Transforms.saturation("logistic").defaultPriors();
        assertThat(logistic.keySet()).containsExactly("lam");
        // Gamma(shape 3, rate 1): mean 3, sd sqrt(3).
        assertPrior(logistic.get("lam"), "Gamma", 3.0, Math.sqrt(3.0));
        double hn = Math.sqrt(1.0 - 2.0 / Math.PI);
        LinkedHashMap<String, Distribution> hill = Transforms.saturation("hill").defaultPriors();
        assertThat(hill.keySet()).containsExactly("slope", "kappa");
        assertPrior(hill.get("slope"), "HalfNormal", 1.5 * Math.sqrt(2.0 / Math.PI), 1.5 * hn);
        assertPrior(hill.get("kappa"), "HalfNormal", 1.5 * Math.sqrt(2.0 / Math.PI), 1.5 * hn);
        assertPrior(Transforms.saturation("michaelis_menten").defaultPriors().get("lam"), "HalfNormal",
                Math.sqrt(2.0 / Math.PI), hn);
        assertPrior(Transforms.saturation("tanh").defaultPriors().get("c"), "HalfNormal", Math.sqrt(2.0 / Math.PI), hn);
        // Beta(1, 2): mean 1/3, variance 2 / (9 * 4).
        assertPrior(Transforms.saturation("root").defaultPriors().get("alpha"), "Beta", 1.0 / 3.0,
                Math.sqrt(2.0 / 36.0));
        assertThat(Transforms.saturation("log").defaultPriors()).isEmpty();
        assertThat(Transforms.saturation("none").defaultPriors()).isEmpty();
    }

    @Test
    void everyDefaultPriorLivesInsideItsParameterSupport() {
        for (String name : Transforms.adstockNames()) {
            Adstock adstock = Transforms.adstock(name, 8, true);
            assertInside(adstock.defaultPriors(), adstock.parameterNames(), adstock.parameterSupports());
        }
        for (String name : Transforms.saturationNames()) {
            Saturation saturation = Transforms.saturation(name);
            assertInside(saturation.defaultPriors(), saturation.parameterNames(), saturation.parameterSupports());
        }
    }

    private static void assertInside(Map<String, Distribution> priors, List<String> names, List<Support> supports) {
        assertThat(priors.keySet()).containsExactlyElementsOf(names);
        for (int j = 0; j < names.size(); j++) {
            Support prior = priors.get(names.get(j)).support();
            Support legal = supports.get(j);
            assertThat(prior.lower()).as(names.get(j)).isGreaterThanOrEqualTo(legal.lower());
            assertThat(prior.upper()).as(names.get(j)).isLessThanOrEqualTo(legal.upper());
        }
    }
}
