package dev.mmm.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.core.geo.GeoSimulator.GeoSimulation;
import dev.mmm.core.posterior.Posterior;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.diagnostics.ParameterSummary;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Simulator recovery at the size: 20 geos x 104 weeks x 4 channels with populations,
 * fitted with the model that generated it: per-geo 90% ROAS intervals cover the truth for at
 * least 80% of the 80 geo-channel pairs, national 90% intervals for at least 3 of the 4 channels
 * (they lean on the shared adstock and saturation, whose errors are common to every geo), no
 * divergences, R-hat below 1.02 (2 chains of 500 draws).
 */
class GeoRecoveryTest {

    /** Meridian's: non-centred (centred mixes beta_mu and lam far worse here, docs/geo.md). */
    static final GeoSpec.Parameterisation PARAMETERISATION = GeoSpec.Parameterisation.NON_CENTRED;

    @Test
    void nationalAndPerGeoRoasCoverTheTruth() {
        GeoSimulation sim = GeoSimulator.simulate(20, 104, 4, 1, true, 43);
        SamplerSettings settings = GeoFit.defaultSettings().toBuilder().chains(2).warmup(500).draws(500).seed(7).build();
        GeoFit fit = GeoFit.fit(sim.spec().withParameterisation(PARAMETERISATION), sim.data(), settings);
        Posterior truthPosterior = GeoPosteriors.single(sim.truthModel(), sim.truth());
        GeoAnalysis.Roas truth = new GeoAnalysis(sim.truthModel(), truthPosterior).roas();
        GeoAnalysis.Roas fitted = fit.analysis().roas();

        java.util.List<String> names = sim.truthModel().outputNames();
        for (String name : names) {
            if (!name.contains(",") && !name.startsWith("intercept") && !name.startsWith("sigma")) {
                ParameterSummary p = fit.summary(name);
                System.out.printf(Locale.ROOT, "%-16s true %8.4f fitted %8.4f [%8.4f, %8.4f] rhat %.4f ess %.0f%n", name,
                        sim.truth()[names.indexOf(name)], p.mean(), p.q05(), p.q95(), p.rhat(), p.essBulk());
            }
        }
        int nationalCovered = 0;
        for (GeoAnalysis.ChannelRoas t : truth.national()) {
            GeoAnalysis.ChannelRoas f = fitted.of(t.channel(), null);
            System.out.printf(Locale.ROOT, "national %s: true ROAS %.4f, fitted %.4f [%.4f, %.4f]%n", t.channel(),
                    t.roas().mean(), f.roas().mean(), f.roas().q05(), f.roas().q95());
            nationalCovered += f.roas().covers(t.roas().mean()) ? 1 : 0;
        }
        int covered = 0;
        for (GeoAnalysis.ChannelRoas t : truth.perGeo()) {
            if (fitted.of(t.channel(), t.geo()).roas().covers(t.roas().mean())) {
                covered++;
            }
        }
        int total = truth.perGeo().size();
        System.out.printf(Locale.ROOT, "per-geo ROAS: %d of %d 90%% intervals cover the truth; %d divergences; max R-hat %.4f; %.1f s; %d gradients%n",
                covered, total, fit.posterior().divergences(), maxRhat(fit), fit.posterior().run().wallSeconds(),
                fit.posterior().run().gradientEvaluations());
        assertThat(nationalCovered).as("national ROAS intervals covering the truth").isGreaterThanOrEqualTo(3);
        assertThat(covered).as("per-geo ROAS intervals covering the truth").isGreaterThanOrEqualTo((int) (0.8 * total));
        assertThat(fit.posterior().divergences()).isZero();
        assertThat(maxRhat(fit)).isLessThan(1.02);
    }

    private static double maxRhat(GeoFit fit) {
        return fit.summary().stream().mapToDouble(ParameterSummary::rhat).filter(Double::isFinite).max().orElse(Double.NaN);
    }
}
