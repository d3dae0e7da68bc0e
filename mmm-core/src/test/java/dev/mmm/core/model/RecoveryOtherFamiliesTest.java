package dev.mmm.core.model;

import dev.mmm.core.simulate.Simulation;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parameter recovery for the remaining adstock and saturation families (2 chains x 500 + 500 each). */
class RecoveryOtherFamiliesTest {

    private static LinkedHashMap<String, Double> baseTruth() {
        LinkedHashMap<String, Double> t = new LinkedHashMap<>();
        t.put("intercept", 0.5);
        t.put("beta[a]", 0.4);
        t.put("beta[b]", 0.25);
        t.put("gamma[promo]", 0.1);
        t.put("sigma", 0.02);
        return t;
    }

    private static ModelSpec spec(String adstock, String saturation) {
        return ModelSpec.builder().date("week").target("sales")
                .channel(ChannelSpec.of("a").withAdstock(adstock, 8).withSaturation(saturation))
                .channel(ChannelSpec.of("b").withAdstock(adstock, 8).withSaturation(saturation))
                .controls("promo").build();
    }

    @Test
    void binomialAdstockTanhSaturation() {
        LinkedHashMap<String, Double> truth = baseTruth();
        truth.put("alpha[a]", 0.5);
        truth.put("alpha[b]", 0.3);
        truth.put("c[a]", 0.6);
        truth.put("c[b]", 0.4);
        Simulation sim = Recovery.simulate(spec("binomial", "tanh"), truth, 717);
        Recovery.assertRecovered(sim, Recovery.fit(sim, 13), List.of("alpha[a]", "alpha[b]", "c[a]", "c[b]",
                "beta[a]", "beta[b]", "gamma[promo]", "intercept", "sigma"), 0.5);
    }

    @Test
    void weibullCdfAdstockRootSaturation() {
        LinkedHashMap<String, Double> truth = baseTruth();
        truth.put("lam[a]", 3.0);
        truth.put("lam[b]", 2.0);
        truth.put("k[a]", 1.5);
        truth.put("k[b]", 2.5);
        truth.put("alpha[a]", 0.5);
        truth.put("alpha[b]", 0.7);
        Simulation sim = Recovery.simulate(spec("weibull_cdf", "root"), truth, 808);
        Recovery.assertRecovered(sim, Recovery.fit(sim, 14), List.of("lam[a]", "lam[b]", "alpha[a]", "alpha[b]",
                "beta[a]", "beta[b]", "gamma[promo]", "intercept", "sigma"), 0.5);
    }

    @Test
    void geometricAdstockLogSaturation() {
        LinkedHashMap<String, Double> truth = baseTruth();
        truth.put("alpha[a]", 0.5);
        truth.put("alpha[b]", 0.3);
        Simulation sim = Recovery.simulate(spec("geometric", "log"), truth, 909);
        Recovery.assertRecovered(sim, Recovery.fit(sim, 15), List.of("alpha[a]", "alpha[b]", "beta[a]", "beta[b]",
                "gamma[promo]", "intercept", "sigma"), 0.5);
    }
}
