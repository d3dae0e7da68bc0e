package dev.mmm.priors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PriorsJsonTest {

    @Provide
    Arbitrary<Distribution> distributions() {
        return Families.anyDistribution();
    }

    @Property(tries = 500)
    void everyDistributionSurvivesAJsonRoundTrip(@ForAll("distributions") Distribution d) {
        ObjectNode json = Priors.toJson(d);
        assertThat(json.get("dist").asText()).isEqualTo(d.name());
        assertThat(Priors.fromJson(json)).isEqualTo(d);
        assertThat(Priors.fromJson(json.toString())).isEqualTo(d).hasSameHashCodeAs(d);
    }

    @Example
    void everyTestedFamilyIsRegistered() {
        assertThat(Priors.names()).containsAll(Families.ALL.keySet());
    }

    @Example
    void readsTheDocumentedFormat() {
        assertThat(Priors.fromJson("{\"dist\": \"HalfNormal\", \"sigma\": 2}")).isEqualTo(new HalfNormal(2));
        assertThat(Priors.fromJson("{\"dist\": \"Gamma\", \"alpha\": 3, \"beta\": 1}")).isEqualTo(new Gamma(3, 1));
        assertThat(Priors.toJson(new Beta(1, 3)).toString()).isEqualTo("{\"dist\":\"Beta\",\"alpha\":1.0,\"beta\":3.0}");
    }

    @Example
    void gammaAndBetaAcceptMeanAndSd() {
        Gamma g = (Gamma) Priors.fromJson("{\"dist\": \"Gamma\", \"mu\": 2, \"sigma\": 0.5}");
        assertThat(g.mean()).isCloseTo(2, within(1e-12));
        assertThat(Math.sqrt(g.variance())).isCloseTo(0.5, within(1e-12));
        Beta b = (Beta) Priors.fromJson("{\"dist\": \"Beta\", \"mu\": 0.25, \"sigma\": 0.1}");
        assertThat(b.mean()).isCloseTo(0.25, within(1e-12));
        assertThat(Math.sqrt(b.variance())).isCloseTo(0.1, within(1e-12));
    }

    @Example
    void badJsonNamesThePath() {
        String path = "$.channels.tv.priors.beta";
        assertError("{\"dist\": \"HalfNormal\", \"sigma\": -1}", path, path + ".sigma: must be > 0, got -1");
        assertError("{\"dist\": \"HalfNormal\", \"sigma\": -1.5}", path, path + ".sigma: must be > 0, got -1.5");
        assertError("{\"dist\": \"HalfNormal\", \"sigma\": \"two\"}", path, path + ".sigma: must be a number, got \"two\"");
        assertError("{\"dist\": \"HalfNormal\"}", path, path + ".sigma: missing (HalfNormal needs sigma)");
        assertError("{\"dist\": \"HalfNormal\", \"sigma\": 1, \"mu\": 0}", path,
                path + ".mu: unknown field for HalfNormal (expected sigma)");
        assertError("{\"dist\": \"Halfnormal\", \"sigma\": 1}", path, path + ".dist: unknown distribution \"Halfnormal\"");
        assertError("{\"sigma\": 1}", path, path + ".dist: missing");
        assertError("{\"dist\": 3}", path, path + ".dist: must be a string, got 3");
        assertError("[1, 2]", path, path + ": a prior must be a JSON object");
        assertError("{\"dist\": \"Gamma\", \"alpha\": 2, \"sigma\": 1}", path, path + ": Gamma takes alpha, beta or mu, sigma, not a mix");
        assertError("{\"dist\": \"Gamma\", \"mu\": 2}", path, path + ".sigma: missing (Gamma needs alpha, beta or mu, sigma)");
        assertError("{\"dist\": \"Beta\", \"mu\": 0.5, \"sigma\": 0.6}", path, path + ".sigma: must be < sqrt(mu (1 - mu))");
        assertError("{\"dist\": \"Beta\", \"alpha\": 0, \"beta\": 1}", path, path + ".alpha: must be > 0, got 0");
        assertError("{\"dist\": \"Normal\", \"mu\": 1e400, \"sigma\": 1}", path, path + ".mu: must be finite");
        assertError("{not json", path, path + ": not valid JSON");
        assertThatThrownBy(() -> Priors.fromJson("{\"dist\": \"HalfNormal\", \"sigma\": 0}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("$.sigma: must be > 0, got 0");
    }

    private static void assertError(String json, String path, String messageStart) {
        assertThatThrownBy(() -> Priors.fromJson(json, path))
                .isInstanceOf(PriorSpecException.class)
                .hasMessageStartingWith(messageStart)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Example
    void constructorsRejectIllegalParametersNamingTheField() {
        assertThatThrownBy(() -> new HalfNormal(-1)).hasMessage("HalfNormal: sigma must be > 0, got -1.0");
        assertThatThrownBy(() -> new Normal(Double.NaN, 1)).hasMessage("Normal: mu must be finite, got NaN");
        assertThatThrownBy(() -> new Gamma(1, Double.POSITIVE_INFINITY)).hasMessage("Gamma: beta must be finite, got Infinity");
        assertThatThrownBy(() -> new Beta(Double.NaN, 1)).hasMessage("Beta: alpha must be > 0, got NaN");
        assertThatThrownBy(() -> new Laplace(0, 0)).hasMessage("Laplace: b must be > 0, got 0.0");
        assertThatThrownBy(() -> Gamma.ofMeanSd(-1, 1)).hasMessage("Gamma: mu must be > 0, got -1.0");
    }

    @Example
    void equalityIsByFamilyAndParameters() {
        assertThat(new Normal(0, 2)).isEqualTo(new Normal(0, 2)).hasSameHashCodeAs(new Normal(0, 2));
        assertThat(new Normal(0, 2)).isNotEqualTo(new Normal(0, 2.5)).isNotEqualTo(new Laplace(0, 2));
        assertThat(new Gamma(3, 1)).hasToString("Gamma(alpha=3.0, beta=1.0)");
        assertThat(new Gamma(3, 1).parameters()).containsExactly(
                java.util.Map.entry("alpha", 3.0), java.util.Map.entry("beta", 1.0));
    }
}
