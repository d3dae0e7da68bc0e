package dev.mmm.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.core.analysis.Prediction;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.posterior.Posterior;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prediction over new periods per geo and nationally. */
class GeoPredictionTest {

    private static final GeoSimulator.GeoSimulation SIM = GeoSimulator.simulate(3, 40, 2, 1, true, 8);

    private static GeoData slice(GeoData data, int from, int to, boolean reversed) {
        List<String> geos = new ArrayList<>(data.geos());
        List<Dataset> parts = new ArrayList<>();
        for (int g = 0; g < data.geoCount(); g++) {
            parts.add(data.geo(g).slice(from, to));
        }
        if (reversed) {
            java.util.Collections.reverse(geos);
            java.util.Collections.reverse(parts);
        }
        return GeoData.of(data.geoColumn(), geos, parts);
    }

    @Test
    void newPeriodsAreTheModelOverTheWholeSeriesAndAddUpNationally() {
        // Fit on weeks 0..29, predict 30..39 (geos given in another order): the expected target must
        // be the same model fed all 40 weeks, whose adstock runs from week 0 rather than from the tail.
        GeoModel model = GeoToyModels.model(slice(SIM.data(), 0, 30, false), 2, "geometric", "logistic");
        Posterior posterior = GeoResponseTest.twoDraws(model);
        GeoAnalysis.GeoPrediction p = new GeoAnalysis(model, posterior).predict(slice(SIM.data(), 30, 40, true), 5);
        GeoModel whole = model.withInputs(SIM.data());
        double[] mu = new double[40];
        double[] values = new double[model.valueCount()];
        for (int t = 0; t < 10; t++) {
            double national = 0.0;
            for (int g = 0; g < 3; g++) {
                double[] perDraw = new double[2];
                for (int d = 0; d < 2; d++) {
                    posterior.drawInto(d, values);
                    whole.meanInto(g, values, mu);
                    perDraw[d] = mu[30 + t] * model.targetUnit(g);
                }
                double expected = 0.5 * (perDraw[0] + perDraw[1]);
                Prediction geo = p.of(model.geos().get(g));
                assertThat(geo.mean().get(t).mean()).isCloseTo(expected, within(1e-9 * expected));
                assertThat(geo.observed()[t]).isEqualTo(SIM.data().geo(g).column("y")[30 + t]);
                national += expected;
            }
            assertThat(p.national().mean().get(t).mean()).isCloseTo(national, within(1e-9 * national));
        }
        assertThat(p.national().dates().get(0)).isEqualTo(SIM.data().dates()[30]);
    }

    @Test
    void thePredictiveBandIsTheNoiseOfEachGeoInTargetUnits() {
        // 4000 copies of one draw: the 90% predictive band is 2 * 1.645 sigma_g s_y pop_g wide.
        GeoModel model = GeoToyModels.model(slice(SIM.data(), 0, 30, false), 2, "geometric", "logistic");
        double[] values = GeoToyModels.values(model, GeoToyModels.defaults());
        double[][] copies = new double[4000][];
        java.util.Arrays.fill(copies, values);
        GeoAnalysis.GeoPrediction p = new GeoAnalysis(model, GeoPosteriors.of(model, copies))
                .predict(slice(SIM.data(), 30, 33, false), 1);
        for (int g = 0; g < 3; g++) {
            double sigma = values[model.sigmaSlot(g)] * model.targetUnit(g);
            var band = p.perGeo().get(g).predictive().get(1);
            assertThat(band.q95() - band.q05()).isCloseTo(2 * 1.6449 * sigma, within(0.06 * 2 * 1.6449 * sigma));
            assertThat(p.perGeo().get(g).mean().get(1).q95() - p.perGeo().get(g).mean().get(1).q05()).isZero();
        }
    }

    @Test
    void periodsThatDoNotContinueTheDataOrLackAGeoAreRefused() {
        GeoModel model = GeoToyModels.model(slice(SIM.data(), 0, 30, false), 2, "geometric", "logistic");
        GeoAnalysis a = new GeoAnalysis(model, GeoResponseTest.twoDraws(model));
        assertThatThrownBy(() -> a.predict(slice(SIM.data(), 31, 40, false), 1))
                .hasMessageContaining("next period is " + SIM.data().dates()[30]);
        GeoData twoGeos = GeoData.of("geo", List.of("Geo0", "Geo1"),
                List.of(SIM.data().geo(0).slice(30, 40), SIM.data().geo(1).slice(30, 40)));
        assertThatThrownBy(() -> a.predict(twoGeos, 1)).hasMessageContaining("no rows for geo 'Geo2'");
    }
}
