package dev.mmm.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.core.calibration.LiftDensity;
import dev.mmm.core.calibration.LiftLikelihood;
import dev.mmm.core.calibration.LiftTest;
import dev.mmm.core.model.GradientCheck;
import dev.mmm.sampler.SamplerSettings;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lift tests run in a geo: the model's lift, the term's gradient, and that it narrows that geo's ROAS. */
class GeoLiftTestTest {

    private static final GeoSimulator.GeoSimulation SIM = GeoSimulator.simulate(3, 30, 2, 1, true, 5);

    private static LiftTest test(int fromWeek, int toWeek, double delta, double lift, double se) {
        LocalDate[] d = SIM.data().dates();
        return LiftTest.of("ch1", d[fromWeek], d[toWeek], delta, lift, se);
    }

    @Test
    void aLinearChannelSwitchedOffLiftsBetaTimesTheScaleRatioTimesItsSpend() {
        // No saturation, a normalised adstock of 4: the whole carry-over of weeks 5..9 lands by week 12.
        GeoModel model = GeoToyModels.model(SIM.data(), 2, "geometric", "none");
        double[] values = GeoToyModels.values(model, GeoToyModels.defaults());
        double spend = 0.0;
        for (int t = 5; t <= 9; t++) {
            spend += SIM.data().geo(2).column("ch1")[t];
        }
        GeoLiftTestTerm term = GeoLiftTestTerm.of(model, new GeoLiftTest("Geo2", test(5, 9, spend, 100.0, 10.0)), 0);
        double expected = values[model.betaSlot(2, 0)] * model.targetScale() / model.channelScale(0) * spend;
        assertThat(term.windowSpend()).isEqualTo(spend);
        assertThat(term.modelLift(values)).isCloseTo(expected, within(1e-9 * expected));
        // Half the spend removed: half the lift (linear).
        GeoLiftTestTerm half = GeoLiftTestTerm.of(model, new GeoLiftTest("Geo2", test(5, 9, spend / 2, 100.0, 10.0)), 0);
        assertThat(half.modelLift(values)).isCloseTo(expected / 2, within(1e-9 * expected));
        // The density is the measurement's at the model's lift.
        double[] d = new double[values.length];
        assertThat(term.addLogDensity(values, d))
                .isEqualTo(new LiftDensity(test(5, 9, spend, 100.0, 10.0)).logDensity(term.modelLift(values)));
    }

    @Test
    void theCalibratedGradientMatchesFiniteDifferencesInBothParameterisations() {
        for (GeoSpec spec : List.of(SIM.spec(), SIM.spec().withParameterisation(GeoSpec.Parameterisation.CENTRED))) {
            GeoModel model = spec.compile(SIM.data());
            List<GeoLiftTest> tests = List.of(new GeoLiftTest("Geo1", test(10, 14, 300.0, 2000.0, 300.0)),
                    new GeoLiftTest("Geo2", test(3, 6, 200.0, 1500.0, 400.0).withLikelihood(LiftLikelihood.GAMMA)
                            .measuredUntil(SIM.data().dates()[8])));
            CalibratedGeoModel calibrated = CalibratedGeoModel.withLiftTests(model, tests);
            Random rng = new Random(4);
            for (int trial = 0; trial < 3; trial++) {
                double[] u = rng.doubles(model.dimension(), -1.0, 1.0).toArray();
                GradientCheck.assertGradient(calibrated, u, 1e-5, spec.parameterisation() + " trial " + trial);
                // The terms add exactly their densities to the model's.
                double[] values = new double[model.valueCount()];
                model.constrain(u, values);
                double terms = 0.0;
                for (int i = 0; i < tests.size(); i++) {
                    terms += GeoLiftTestTerm.of(model, tests.get(i), i).addLogDensity(values, new double[values.length]);
                }
                double[] g = new double[u.length];
                assertThat(calibrated.logDensityAndGradient(u, g))
                        .isCloseTo(model.logDensityAndGradient(u, g) + terms, within(1e-9 * Math.abs(terms) + 1e-9));
            }
        }
    }

    @Test
    void theCalibratedGradientDoesNotAllocate() {
        GeoModel model = SIM.spec().compile(SIM.data());
        CalibratedGeoModel calibrated = CalibratedGeoModel.withLiftTests(model,
                List.of(new GeoLiftTest("Geo1", test(10, 14, 300.0, 2000.0, 300.0))));
        double[] u = new Random(9).doubles(model.dimension(), -1, 1).toArray();
        double[] g = new double[u.length];
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        // Long enough for C2 to compile the loop (escape analysis removes the boxed temporaries
        // that interpreted or C1 code allocates): under load 2,000 calls were sometimes not.
        for (int k = 0; k < 20_000; k++) {
            calibrated.logDensityAndGradient(u, g);
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int k = 0; k < 2_000; k++) {
            calibrated.logDensityAndGradient(u, g);
        }
        assertThat(threads.getThreadAllocatedBytes(id) - before).isLessThan(10_000);
    }

    @Test
    void badGeoChannelAndSpendAreOneLineNamingThePath() {
        GeoModel model = SIM.spec().compile(SIM.data());
        assertThatThrownBy(() -> GeoLiftTestTerm.of(model, new GeoLiftTest("Nowhere", test(1, 3, 10, 10, 1)), 2))
                .hasMessage("geo.lift_tests[2].geo: 'Nowhere' is not a geo of the data; the geos are Geo0, Geo1, Geo2");
        assertThatThrownBy(() -> GeoLiftTestTerm.of(model, new GeoLiftTest("Geo0", test(1, 3, 1e9, 10, 1)), 0))
                .hasMessageStartingWith("geo.lift_tests[0].delta_spend: 1.0E9 is more than the channel's spend")
                .hasMessageContaining("geo 'Geo0'");
    }

    @Test
    void aTightLiftTestInOneGeoNarrowsThatGeosRoasAroundTheTruth() {
        // The truth's own lift for ch1 switched off in Geo1 over weeks 5..24, measured with a 2% error.
        GeoSimulator.GeoSimulation sim = GeoSimulator.simulate(3, 40, 2, 0, true, 21);
        LocalDate[] d = sim.data().dates();
        double spend = 0.0;
        for (int t = 5; t <= 24; t++) {
            spend += sim.data().geo(1).column("ch1")[t];
        }
        LiftTest probe = LiftTest.of("ch1", d[5], d[24], spend, 1.0, 1.0);
        double trueLift = GeoLiftTestTerm.of(sim.truthModel(), new GeoLiftTest("Geo1", probe), 0)
                .modelLift(sim.truth());
        GeoLiftTest measured = new GeoLiftTest("Geo1", LiftTest.of("ch1", d[5], d[24], spend, trueLift,
                0.02 * trueLift));
        SamplerSettings settings = GeoFit.defaultSettings().toBuilder().chains(1).warmup(200).draws(200).seed(3).build();
        GeoFit plain = GeoFit.fit(sim.spec(), sim.data(), List.of(), settings, null, null);
        GeoFit calibrated = GeoFit.fit(sim.spec(), sim.data(), List.of(measured), settings, null, null);
        var truth = new GeoAnalysis(sim.truthModel(), GeoPosteriors.single(sim.truthModel(), sim.truth()))
                .roas().of("ch1", "Geo1").roas().mean();
        var before = plain.analysis().roas().of("ch1", "Geo1").roas();
        var after = calibrated.analysis().roas().of("ch1", "Geo1").roas();
        // Measured here: the 90% interval of ROAS 36..163 without the test, 99..106 with it (truth 102.2).
        assertThat(after.q95() - after.q05()).isLessThan(0.2 * (before.q95() - before.q05()));
        assertThat(after.covers(truth)).as("truth %s in [%s, %s]", truth, after.q05(), after.q95()).isTrue();
    }
}
