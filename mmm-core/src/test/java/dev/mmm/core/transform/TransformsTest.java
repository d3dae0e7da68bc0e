package dev.mmm.core.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TransformsTest {

    @Test
    void everyListedNameBuildsTheTransformOfThatName() {
        assertThat(Transforms.adstockNames())
                .containsExactly("geometric", "delayed", "weibull_pdf", "weibull_cdf", "binomial", "none");
        assertThat(Transforms.saturationNames())
                .containsExactly("logistic", "hill", "michaelis_menten", "tanh", "root", "log", "none");
        for (String name : Transforms.adstockNames()) {
            Adstock adstock = Transforms.adstock(name, 8, true);
            assertThat(adstock.name()).isEqualTo(name);
            assertThat(adstock.parameterSupports()).hasSameSizeAs(adstock.parameterNames());
        }
        for (String name : Transforms.saturationNames()) {
            Saturation saturation = Transforms.saturation(name);
            assertThat(saturation.name()).isEqualTo(name);
            assertThat(saturation.parameterSupports()).hasSameSizeAs(saturation.parameterNames());
        }
    }

    @Test
    void registryPassesLagAndNormalisationThrough() {
        Adstock adstock = Transforms.adstock("weibull_cdf", 5, false);
        assertThat(adstock.lMax()).isEqualTo(5);
        assertThat(adstock.weightCount()).isEqualTo(6);
        assertThat(((AbstractAdstock) adstock).normalize()).isFalse();
        assertThat(Transforms.adstock("geometric", 8, true).weightCount()).isEqualTo(8);
        assertThat(Transforms.adstock("none", 8, true).weightCount()).isEqualTo(1);
    }

    @Test
    void transformsAreEqualWhenTheyComputeTheSameThing() {
        assertThat(Transforms.adstock("geometric", 8, true)).isEqualTo(new GeometricAdstock(8, true))
                .hasSameHashCodeAs(new GeometricAdstock(8, true))
                .isNotEqualTo(new GeometricAdstock(8, false))
                .isNotEqualTo(new GeometricAdstock(6, true))
                .isNotEqualTo(new BinomialAdstock(8, true));
        assertThat(Transforms.adstock("none", 3, false)).isEqualTo(new NoAdstock());
        assertThat(Transforms.saturation("hill")).isEqualTo(new HillSaturation())
                .hasSameHashCodeAs(new HillSaturation())
                .isNotEqualTo(new LogisticSaturation());
    }

    @Test
    void parameterNamesFollowTheAnchors() {
        assertThat(Transforms.adstock("geometric", 8, true).parameterNames()).containsExactly("alpha");
        assertThat(Transforms.adstock("delayed", 8, true).parameterNames()).containsExactly("alpha", "theta");
        assertThat(Transforms.adstock("weibull_pdf", 8, true).parameterNames()).containsExactly("lam", "k");
        assertThat(Transforms.adstock("weibull_cdf", 8, true).parameterNames()).containsExactly("lam", "k");
        assertThat(Transforms.adstock("binomial", 8, true).parameterNames()).containsExactly("alpha");
        assertThat(Transforms.saturation("logistic").parameterNames()).containsExactly("lam");
        assertThat(Transforms.saturation("hill").parameterNames()).containsExactly("slope", "kappa");
        assertThat(Transforms.saturation("michaelis_menten").parameterNames()).containsExactly("lam");
        assertThat(Transforms.saturation("tanh").parameterNames()).containsExactly("c");
        assertThat(Transforms.saturation("root").parameterNames()).containsExactly("alpha");
        assertThat(Transforms.saturation("log").parameterNames()).isEmpty();
    }

    @Test
    void unknownNamesAndBadLagsAreRejectedWithTheValidChoices() {
        assertThatThrownBy(() -> Transforms.adstock("geometrc", 8, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'geometrc'")
                .hasMessageContaining("weibull_pdf");
        assertThatThrownBy(() -> Transforms.saturation("Hill"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("michaelis_menten");
        assertThatThrownBy(() -> Transforms.saturation(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Transforms.adstock("geometric", 0, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lMax");
    }
}
