package dev.mmm.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.sampler.LogDensity;
import dev.mmm.sampler.Sampler;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.SamplingResult;
import dev.mmm.sampler.diagnostics.ChainReport;
import dev.mmm.sampler.diagnostics.Diagnostics;
import dev.mmm.sampler.diagnostics.ParameterSummary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each sampler warning on a case that triggers it and one that does not. */
class FitWarningsTest {

    private static final List<ParameterSummary> GOOD_PARAMETERS = List.of(parameter("intercept", 1.002, 900, 800),
            parameter("sigma", 1.004, 1200, 700));

    /** Four healthy chains: no divergences, no tree-depth hits, E-BFMI near 1, agreeing lp__ and step sizes. */
    private static List<ChainReport> healthy() {
        List<ChainReport> chains = new ArrayList<>();
        for (int c = 1; c <= 4; c++) {
            chains.add(chain(c, 0.3 + 0.01 * c, 0, 0, 0.9 + 0.05 * c, -100 + 0.2 * c, 3));
        }
        return chains;
    }

    private static ChainReport chain(int chain, double stepSize, int divergences, int depthHits, double ebfmi,
            double meanLp, double sdLp) {
        return new ChainReport(chain, 1000, stepSize, 3.5, divergences, depthHits, ebfmi, meanLp, sdLp);
    }

    private static ParameterSummary parameter(String name, double rhat, double essBulk, double essTail) {
        return new ParameterSummary(name, 0, 1, -1.6, 0, 1.6, rhat, essBulk, essTail, 0.03, 0.02);
    }

    @Test
    void aHealthyFitHasNoWarnings() {
        assertThat(FitWarnings.of(healthy(), GOOD_PARAMETERS)).isEmpty();
    }

    @Test
    void divergencesAreCountedAndPlacedByChain() {
        List<ChainReport> chains = healthy();
        chains.set(0, chain(1, 0.31, 2, 0, 0.95, -99.8, 3));
        chains.set(3, chain(4, 0.34, 1, 0, 1.1, -99.2, 3));
        assertThat(FitWarnings.of(chains, GOOD_PARAMETERS)).containsExactly("3 divergent transitions after warm-up"
                + " (chain 1: 2, chain 4: 1); the posterior may be biased (a higher adapt_delta, e.g. --adapt-delta 0.95, more warm-up or tighter priors can help)");
    }

    @Test
    void maximumTreeDepthHitsAreCountedByChain() {
        List<ChainReport> chains = healthy();
        chains.set(2, chain(3, 0.33, 0, 12, 1.05, -99.4, 3));
        assertThat(FitWarnings.of(chains, GOOD_PARAMETERS)).containsExactly(
                "12 transitions hit the maximum tree depth (chain 3: 12); sampling was inefficient");
    }

    @Test
    void rhatAboveTheLimitNamesTheWorstParameter() {
        List<ParameterSummary> parameters = List.of(parameter("intercept", 1.02, 900, 800),
                parameter("sigma", 1.05, 1200, 700));
        assertThat(FitWarnings.of(healthy(), parameters))
                .containsExactly("R-hat of sigma is 1.050 > 1.01; the chains disagree, run longer");
        assertThat(FitWarnings.of(healthy(), List.of(parameter("sigma", 1.0099, 1200, 700)))).isEmpty();
    }

    @Test
    void essBelowAHundredPerChainNamesTheWorstParameter() {
        List<ParameterSummary> parameters = List.of(parameter("intercept", 1.0, 900, 399),
                parameter("sigma", 1.0, 350, 700));
        assertThat(FitWarnings.of(healthy(), parameters)).containsExactly(
                "effective sample size of sigma is 350 < 400 (100 per chain); estimates are noisy");
        assertThat(FitWarnings.of(healthy(), List.of(parameter("sigma", 1.0, 400, 400)))).isEmpty();
    }

    @Test
    void lowEbfmiNamesTheChainFromItsEnergy() {
        // Energy climbing by one each draw: 7 squared differences of 1 over 8 draws, over var(1..8) = 6, is 0.1458.
        ChainReport climbing = ChainReport.of(2, 0.32, new int[] {3, 3, 3, 3, 3, 3, 3, 3}, new boolean[8],
                new double[] {1, 2, 3, 4, 5, 6, 7, 8}, new double[] {-100, -99, -101, -100, -98, -102, -100, -100}, 10);
        assertThat(climbing.ebfmi()).isEqualTo(7.0 / 8 / 6);
        // Energy alternating 0, 1: 7 squared differences of 1 over 8 draws, over var = 2/7, is 3.06.
        ChainReport alternating = ChainReport.of(3, 0.33, new int[] {3, 3, 3, 3, 3, 3, 3, 3}, new boolean[8],
                new double[] {0, 1, 0, 1, 0, 1, 0, 1}, new double[] {-100, -99, -101, -100, -98, -102, -100, -100}, 10);
        assertThat(alternating.ebfmi()).isGreaterThan(3);
        List<ChainReport> chains = healthy();
        chains.set(1, climbing);
        chains.set(2, alternating);
        List<String> warnings = FitWarnings.of(chains, GOOD_PARAMETERS);
        assertThat(warnings).containsExactly("chain 2 has E-BFMI 0.15 < 0.3: its energy moved too little from draw"
                + " to draw to explore the posterior, whose tails may be missed (a reparameterisation or tighter"
                + " priors can help)");
        chains.set(1, chain(2, 0.32, 0, 0, 0.3, -99.6, 3));
        assertThat(FitWarnings.of(chains, GOOD_PARAMETERS)).isEmpty();
    }

    @Test
    void aChainWithLowLogDensityLooksStuck() {
        List<ChainReport> chains = healthy();
        // Median of the means -99.7, typical sd 3: (130 - 99.7) / 3 = 10.1 sds.
        chains.set(2, chain(3, 0.33, 0, 0, 1.05, -130, 3));
        assertThat(FitWarnings.of(chains, GOOD_PARAMETERS)).containsExactly("chain 3 looks stuck: its mean lp__ -130.0"
                + " is 10.1 sds from the median chain's -99.70; its draws may come from another region than the other"
                + " chains' (rerun with another seed or more warm-up)");
        chains.set(2, chain(3, 0.33, 0, 0, 1.05, -107, 3));
        assertThat(FitWarnings.of(chains, GOOD_PARAMETERS)).isEmpty();
    }

    @Test
    void aChainWithATinyStepSizeLooksStuck() {
        List<ChainReport> chains = healthy();
        chains.set(0, chain(1, 0.01, 0, 0, 0.95, -99.8, 3));
        assertThat(FitWarnings.of(chains, GOOD_PARAMETERS)).containsExactly("chain 1 looks stuck: its step size 0.0100"
                + " is under a fifth of the median chain's 0.325, so it moved slowly (rerun with another seed or more"
                + " warm-up)");
        chains.set(0, chain(1, 0.1, 0, 0, 0.95, -99.8, 3));
        assertThat(FitWarnings.of(chains, GOOD_PARAMETERS)).isEmpty();
    }

    @Test
    void aRealRunWarnsOnlyWhenItsTreesAreCutShort() {
        LogDensity standardNormal = new LogDensity() {
            @Override
            public int dimension() {
                return 3;
            }

            @Override
            public double logDensityAndGradient(double[] x, double[] gradient) {
                double lp = 0;
                for (int i = 0; i < 3; i++) {
                    gradient[i] = -x[i];
                    lp -= 0.5 * x[i] * x[i];
                }
                return lp;
            }
        };
        SamplerSettings settings = SamplerSettings.builder().chains(4).warmup(500).draws(500).seed(3).build();
        SamplingResult healthy = Sampler.sample(standardNormal, settings);
        assertThat(FitWarnings.of(healthy, summaries(healthy))).isEmpty();
        SamplingResult shallow = Sampler.sample(standardNormal, settings.toBuilder().maxTreeDepth(1).build());
        assertThat(FitWarnings.of(shallow, summaries(shallow))).anySatisfy(w -> assertThat(w)
                .startsWith(shallow.maxTreeDepthHits() + " transitions hit the maximum tree depth (chain 1: "));
    }

    private static List<ParameterSummary> summaries(SamplingResult result) {
        List<ParameterSummary> out = new ArrayList<>();
        for (int i = 0; i < result.dimension(); i++) {
            double[][] x = new double[result.chains()][];
            for (int c = 0; c < result.chains(); c++) {
                x[c] = new double[result.positions()[c].length];
                for (int d = 0; d < x[c].length; d++) {
                    x[c][d] = result.positions()[c][d][i];
                }
            }
            out.add(Diagnostics.summarize("x[" + i + "]", x));
        }
        return out;
    }
}
