package dev.mmm.core.model;

import dev.mmm.core.simulate.Simulation;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parameter recovery on simulated data, one small fit per transform family (2 chains x 500 + 500). */
class RecoveryTest {

    /** "Most weeks": more than half. */
    private static final double MOST_WEEKS = 0.5;

    private static LinkedHashMap<String, Double> baseTruth() {
        LinkedHashMap<String, Double> t = new LinkedHashMap<>();
        t.put("intercept", 0.5);
        t.put("beta[a]", 0.4);
        t.put("beta[b]", 0.25);
        t.put("gamma[promo]", 0.1);
        t.put("sigma", 0.02);
        return t;
    }

    @Test
    void defaultModelGeometricLogistic() {
        ModelSpec spec = ModelSpec.builder().date("week").target("sales").channels("a", "b").controls("promo").build();
        LinkedHashMap<String, Double> truth = baseTruth();
        truth.put("alpha[a]", 0.5);
        truth.put("alpha[b]", 0.3);
        truth.put("lam[a]", 2.0);
        truth.put("lam[b]", 3.0);
        Simulation sim = Recovery.simulate(spec, truth, 101);
        MmmFit fit = Recovery.fit(sim, 7);
        Recovery.assertRecovered(sim, fit, List.of("alpha[a]", "alpha[b]", "lam[a]", "lam[b]", "beta[a]", "beta[b]",
                "gamma[promo]", "intercept", "sigma"), MOST_WEEKS);
    }

    @Test
    void delayedAdstockHillSaturation() {
        ModelSpec spec = ModelSpec.builder().date("week").target("sales")
                .channel(ChannelSpec.of("a").withAdstock("delayed", 8).withSaturation("hill"))
                .channel(ChannelSpec.of("b").withAdstock("delayed", 8).withSaturation("hill")).controls("promo").build();
        LinkedHashMap<String, Double> truth = baseTruth();
        truth.put("alpha[a]", 0.5);
        truth.put("alpha[b]", 0.4);
        truth.put("theta[a]", 2.0);
        truth.put("theta[b]", 1.0);
        truth.put("slope[a]", 1.5);
        truth.put("slope[b]", 2.0);
        truth.put("kappa[a]", 0.5);
        truth.put("kappa[b]", 0.3);
        Simulation sim = Recovery.simulate(spec, truth, 202);
        MmmFit fit = Recovery.fit(sim, 8);
        Recovery.assertRecovered(sim, fit, List.of("alpha[a]", "alpha[b]", "theta[a]", "theta[b]", "gamma[promo]",
                "intercept", "sigma"), 0.8);
    }

    @Test
    void weibullAdstockMichaelisMentenSaturation() {
        ModelSpec spec = ModelSpec.builder().date("week").target("sales")
                .channel(ChannelSpec.of("a").withAdstock("weibull_pdf", 8).withSaturation("michaelis_menten"))
                .channel(ChannelSpec.of("b").withAdstock("weibull_pdf", 8).withSaturation("michaelis_menten"))
                .controls("promo").build();
        LinkedHashMap<String, Double> truth = baseTruth();
        truth.put("adstock_lam[a]", 2.0);
        truth.put("adstock_lam[b]", 1.5);
        truth.put("k[a]", 2.0);
        truth.put("k[b]", 3.0);
        truth.put("saturation_lam[a]", 0.5);
        truth.put("saturation_lam[b]", 0.3);
        Simulation sim = Recovery.simulate(spec, truth, 303);
        MmmFit fit = Recovery.fit(sim, 9);
        Recovery.assertRecovered(sim, fit, List.of("adstock_lam[a]", "adstock_lam[b]", "k[a]", "k[b]",
                "gamma[promo]", "intercept", "sigma"), MOST_WEEKS);
    }

    @Test
    void saturationBeforeAdstock() {
        ModelSpec spec = ModelSpec.builder().date("week").target("sales")
                .channel(ChannelSpec.of("a").withOrder(TransformOrder.SATURATION_FIRST))
                .channel(ChannelSpec.of("b").withOrder(TransformOrder.SATURATION_FIRST)).controls("promo").build();
        LinkedHashMap<String, Double> truth = baseTruth();
        truth.put("alpha[a]", 0.6);
        truth.put("alpha[b]", 0.3);
        truth.put("lam[a]", 2.5);
        truth.put("lam[b]", 3.0);
        Simulation sim = Recovery.simulate(spec, truth, 404);
        MmmFit fit = Recovery.fit(sim, 10);
        Recovery.assertRecovered(sim, fit, List.of("alpha[a]", "alpha[b]", "lam[a]", "lam[b]", "beta[a]", "beta[b]",
                "gamma[promo]", "intercept", "sigma"), MOST_WEEKS);
    }

    @Test
    void studentTAndLogLinkLikelihoods() {
        ModelSpec t = ModelSpec.builder().date("week").target("sales").channels("a", "b").controls("promo")
                .likelihood(LikelihoodSpec.studentT(5.0)).build();
        LinkedHashMap<String, Double> truth = baseTruth();
        truth.put("alpha[a]", 0.5);
        truth.put("alpha[b]", 0.3);
        truth.put("lam[a]", 2.0);
        truth.put("lam[b]", 3.0);
        Simulation sim = Recovery.simulate(t, truth, 505);
        Recovery.assertRecovered(sim, Recovery.fit(sim, 11), List.of("alpha[a]", "alpha[b]", "beta[a]", "beta[b]",
                "gamma[promo]", "intercept", "sigma"), MOST_WEEKS);

        ModelSpec log = t.toBuilder().likelihood(LikelihoodSpec.logNormal()).build();
        LinkedHashMap<String, Double> logTruth = new LinkedHashMap<>(truth);
        logTruth.put("intercept", 0.2);
        logTruth.put("sigma", 0.03);
        Simulation logSim = Recovery.simulate(log, logTruth, 606);
        Recovery.assertRecovered(logSim, Recovery.fit(logSim, 12), List.of("alpha[a]", "alpha[b]", "beta[a]", "beta[b]",
                "gamma[promo]", "intercept", "sigma"), MOST_WEEKS);
    }
}
