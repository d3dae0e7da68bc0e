package dev.mmm.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.core.analysis.LooComparison;
import dev.mmm.core.data.DataException;
import dev.mmm.core.geo.GeoSimulator.GeoSimulation;
import dev.mmm.priors.Distribution;
import dev.mmm.sampler.SamplerSettings;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PSIS-LOO of geo fits: the pointwise log likelihood adds up to the likelihood term of the model's
 * log density (the density minus its prior, Jacobians and pooled blocks, taken apart from the
 * compiled layout); on a panel simulated with a control that moves the target in every geo, the
 * fit with the control beats the fit without it, overall and in every geo; fits of another panel
 * are refused.
 */
class GeoLooTest {

    private static final int GEOS = 3;
    private static final int PERIODS = 50;
    private static GeoSimulation sim;
    private static GeoFit full;
    private static GeoFit noControl;

    @BeforeAll
    static void fitWithAndWithoutTheControl() {
        sim = GeoSimulator.simulate(GEOS, PERIODS, 1, 1, true, 21);
        SamplerSettings settings = GeoFit.defaultSettings().toBuilder().chains(2).warmup(150).draws(150).seed(4).build();
        full = GeoFit.fit(sim.spec(), sim.data(), settings);
        noControl = GeoFit.fit(GeoSimulator.spec(1, 0, true), sim.data(), settings);
    }

    @Test
    void pointwiseLogLikelihoodSumsToTheDensityMinusItsPrior() {
        GeoModel model = sim.spec().compile(sim.data());
        SplittableRandom random = new SplittableRandom(3);
        double[] u = new double[model.dimension()];
        double[] gradient = new double[model.dimension()];
        double[] row = new double[PERIODS];
        for (int trial = 0; trial < 5; trial++) {
            double[] values = sim.truth().clone();
            if (trial > 0) {
                // Away from the truth: a random point near it in the sampler's coordinates.
                model.unconstrain(values, u);
                for (int k = 0; k < u.length; k++) {
                    u[k] += 0.3 * (random.nextDouble() - 0.5);
                }
                model.constrain(u, values);
            }
            model.unconstrain(values, u);
            double logDensity = model.logDensityAndGradient(u, gradient);
            double likelihoodTerm = logDensity - logPrior(model, values);
            double pointwise = 0;
            double jacobian = 0;
            for (int g = 0; g < GEOS; g++) {
                model.pointwiseLogLikelihoodInto(g, values, row);
                for (double v : row) {
                    pointwise += v;
                }
                jacobian += PERIODS * Math.log(model.targetUnit(g));
            }
            assertThat(pointwise + jacobian).as("trial " + trial).isCloseTo(likelihoodTerm,
                    within(1e-9 * Math.abs(likelihoodTerm)));
        }
    }

    /**
     * The prior part of {@link GeoModel#logDensityAndGradient} at a value vector: each free
     * parameter's prior and its bijector's log Jacobian, plus the pooled blocks' densities (the
     * shear of the sampler's coordinates has Jacobian 1).
     */
    private static double logPrior(GeoModel model, double[] values) {
        GeoModel.Layout layout = model.layout();
        double out = 0;
        for (int i = 0; i < layout.parameters().size(); i++) {
            GeoModel.Parameter p = layout.parameters().get(i);
            Distribution prior = p.prior();
            if (prior != null && prior.support().isPoint()) {
                continue;
            }
            out += p.bijector().logAbsJacobian(p.bijector().toUnconstrained(values[i]));
            if (prior != null) {
                out += prior.logDensity(values[i]);
            }
        }
        double[] v = values.clone();
        double[] scratch = new double[values.length];
        for (PooledBlock b : layout.blocks()) {
            out += b.forward(v, scratch);
        }
        return out;
    }

    @Test
    void everyGeoPeriodIsAnObservationAndGeosShareTheTotal() {
        GeoLoo loo = GeoLoo.of(full);
        assertThat(loo.loo().observations()).isEqualTo(GEOS * PERIODS);
        assertThat(loo.loo().draws()).isEqualTo(300);
        double sum = 0;
        double pLoo = 0;
        int bad = 0;
        for (GeoLoo.GeoElpd g : loo.perGeo()) {
            sum += g.elpdLoo().value();
            pLoo += g.pLoo();
            bad += g.badParetoK();
        }
        assertThat(sum).isCloseTo(loo.loo().elpdLoo().value(), within(1e-9 * Math.abs(sum)));
        assertThat(pLoo).isCloseTo(loo.loo().pLoo().value(), within(1e-9));
        assertThat(bad).isEqualTo(loo.loo().paretoKSummary().badObservations().length);
        // Observation g * T + t is geo g's period t: its observed target and its name say so.
        assertThat(loo.observed()[PERIODS + 7]).isEqualTo(sim.data().geo(1).column("y")[7]);
        assertThat(loo.observationName(PERIODS + 7)).isEqualTo("Geo1 " + sim.data().dates()[7]);
        // A fit with 4 parameters per geo and a few shared ones: p_loo is of that order, not of N.
        assertThat(loo.loo().pLoo().value()).isBetween(5.0, 40.0);
    }

    @Test
    void theModelWithTheControlThatMattersPredictsBetterInEveryGeo() {
        Map<String, GeoLoo> fits = new LinkedHashMap<>();
        fits.put("no-control", GeoLoo.of(noControl));
        fits.put("full", GeoLoo.of(full));
        GeoLoo.Comparison cmp = GeoLoo.compare(fits);
        LooComparison.Row worse = cmp.overall().rows().get(1);
        System.out.printf(Locale.ROOT, "geo LOO: full %.1f (se %.1f), no control elpd_diff %.1f (se %.1f)%n",
                fits.get("full").loo().elpdLoo().value(), fits.get("full").loo().elpdLoo().se(), worse.elpdDiff(),
                worse.seDiff());
        assertThat(cmp.overall().best()).isEqualTo("full");
        assertThat(worse.elpdDiff()).isLessThan(-2 * worse.seDiff()).isLessThan(-LooComparison.SMALL_DIFFERENCE);
        // The note calls the observations what they are in a geo fit: one geo in one period.
        assertThat(cmp.overall().warnings().get(0)).startsWith("full predicts held-out geo-periods better than no-control");
        // Leaving out z1 (unit variance) adds gamma_g^2 to geo g's noise variance sigma_g^2: the
        // expected loss is T/2 log(1 + gamma_g^2 / sigma_g^2) per geo, 4 to 13 here.
        GeoModel truth = sim.truthModel();
        double perGeoSum = 0;
        for (int g = 0; g < GEOS; g++) {
            double gamma = sim.truth()[truth.outputNames().indexOf(GeoNames.name("gamma", "z1", "Geo" + g))];
            double sigma = sim.truth()[truth.sigmaSlot(g)];
            double expectedLoss = PERIODS / 2.0 * Math.log(1 + gamma * gamma / (sigma * sigma));
            LooComparison.Difference d = cmp.perGeo().get("no-control").get(g);
            System.out.printf(Locale.ROOT, "Geo%d: gamma %.4f sigma %.4f expected loss %.1f, elpd_diff %.2f (se %.2f)%n",
                    g, gamma, sigma, expectedLoss, d.value(), d.se());
            assertThat(expectedLoss).isGreaterThan(2.0);
            assertThat(d.value()).as(cmp.geos().get(g)).isNegative();
            assertThat(cmp.perGeo().get("full").get(g).value()).isZero();
            perGeoSum += d.value();
        }
        assertThat(perGeoSum).isCloseTo(worse.elpdDiff(), within(1e-9 * Math.abs(perGeoSum)));
    }

    @Test
    void fitsOfAnotherPanelAreRefusedNamingTheDifference() {
        GeoSimulation other = GeoSimulator.simulate(GEOS, PERIODS, 1, 1, true, 22);
        GeoModel model = other.spec().compile(other.data());
        // The same spec, so the full fit's draws are value vectors of the other panel's model too.
        GeoLoo otherLoo = GeoLoo.of(model, full.posterior());
        Map<String, GeoLoo> fits = new LinkedHashMap<>();
        fits.put("full", GeoLoo.of(full));
        fits.put("other", otherLoo);
        assertThatThrownBy(() -> GeoLoo.compare(fits)).isInstanceOf(DataException.class)
                .hasMessageContaining("other was fitted to another panel than full (target of Geo0 "
                        + sim.data().dates()[0] + " is")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
