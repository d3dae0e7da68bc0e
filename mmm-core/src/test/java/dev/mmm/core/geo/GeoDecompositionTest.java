package dev.mmm.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mmm.core.analysis.Decomposition;
import dev.mmm.core.analysis.Window;
import dev.mmm.core.geo.GeoSimulator.GeoSimulation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decomposition of a geo model's prediction, per geo and nationally, on cases with a known answer. */
class GeoDecompositionTest {

    /** 3 geos with populations, 2 channels, 1 control, yearly seasonality of order 1. */
    private static final GeoSimulation SIM = GeoSimulator.simulate(3, 30, 2, 1, true, 11);

    /** Five draws around the truth: every sampled parameter times 1 + 0.03 d, derived values refilled. */
    private static double[][] draws(GeoModel model, double[] truth) {
        double[][] out = new double[5][];
        for (int d = 0; d < out.length; d++) {
            out[d] = truth.clone();
            for (int i = 0; i < model.parameterNames().size(); i++) {
                out[d][i] *= 1.0 + 0.03 * d;
            }
            model.completeValues(out[d]);
        }
        return out;
    }

    @Test
    void thePartsAddUpToThePredictionInEveryPeriodOfEveryGeo() {
        GeoModel model = SIM.truthModel();
        GeoAnalysis analysis = new GeoAnalysis(model, GeoPosteriors.of(model, draws(model, SIM.truth())));
        assertThat(model.contributionNames()).containsExactly("intercept", "ch1", "ch2", "controls", "fourier");
        Window window = new Window(4, 27);
        for (int g = 0; g < model.geoCount(); g++) {
            Decomposition dec = analysis.decomposition(g, window, true);
            List<dev.mmm.core.analysis.Interval> prediction = analysis.prediction(g);
            assertThat(dec.dates()).containsExactlyElementsOf(List.of(model.dates()).subList(4, 27));
            for (int t = 0; t < window.rows(); t++) {
                double sum = 0.0;
                for (Decomposition.Series part : dec.parts()) {
                    sum += part.perPeriod().get(t).mean();
                }
                double mean = dec.prediction().perPeriod().get(t).mean();
                // The prediction is the model's own mean, computed apart from the parts.
                assertThat(mean).isCloseTo(prediction.get(window.from() + t).mean(), within(1e-9 * Math.abs(mean)));
                assertThat(sum).isCloseTo(mean, within(1e-9 * Math.abs(mean)));
                double groups = dec.baseline().perPeriod().get(t).mean() + dec.media().perPeriod().get(t).mean();
                assertThat(groups).isCloseTo(mean, within(1e-9 * Math.abs(mean)));
            }
            double shares = 0.0;
            for (Decomposition.Series part : dec.parts()) {
                shares += part.share().mean();
            }
            assertThat(shares).isCloseTo(1.0, within(1e-9));
            assertThat(dec.part("ch1").media()).isTrue();
            assertThat(dec.part("controls").media()).isFalse();
        }
    }

    @Test
    void nationalPartsAreTheSumOfTheGeosPartsDrawByDraw() {
        GeoModel model = SIM.truthModel();
        Window window = new Window(0, 30);
        // One draw: every summary is that draw's value, so the national total of each part must be
        // the geos' totals summed exactly as they are, not only in the mean.
        GeoAnalysis single = new GeoAnalysis(model, GeoPosteriors.single(model, SIM.truth()));
        GeoAnalysis.GeoDecomposition one = single.decomposition(window, true);
        GeoAnalysis several = new GeoAnalysis(model, GeoPosteriors.of(model, draws(model, SIM.truth())));
        GeoAnalysis.GeoDecomposition five = several.decomposition(window, true);
        for (GeoAnalysis.GeoDecomposition dec : List.of(one, five)) {
            for (Decomposition.Series part : dec.national().parts()) {
                double total = 0.0;
                double first = 0.0;
                for (Decomposition geo : dec.perGeo()) {
                    total += geo.part(part.name()).total().mean();
                    first += geo.part(part.name()).perPeriod().get(0).mean();
                }
                assertThat(part.total().mean()).isCloseTo(total, within(1e-9 * Math.abs(total)));
                assertThat(part.perPeriod().get(0).mean()).isCloseTo(first, within(1e-9 * Math.abs(first)));
                if (dec == one) {
                    assertThat(part.total().q05()).isCloseTo(total, within(1e-9 * Math.abs(total)));
                }
            }
        }
        // The national prediction is the national model prediction of GeoAnalysis.
        double nationalMean = several.nationalPrediction().get(7).mean();
        assertThat(five.national().prediction().perPeriod().get(7).mean())
                .isCloseTo(nationalMean, within(1e-9 * nationalMean));
        // The per-geo entries of the all-geo call are the single-geo call's.
        Decomposition geo1 = several.decomposition("Geo1", window, false);
        assertThat(five.of("Geo1").part("ch2").total().mean()).isEqualTo(geo1.part("ch2").total().mean());
        assertThat(geo1.part("ch2").perPeriod()).isEmpty();
    }

    @Test
    void eachPartIsTheHandComputationFromTheDrawsParametersInTheTargetsUnits() {
        // Geo g's channel c over [from, to): s_y pop_g beta[c,g] sum_t f_c,g(x)[t], f the channel's
        // response over the whole series (so carry-over from before the window counts); the
        // intercept s_y pop_g intercept_g per period; the control s_y pop_g gamma[z1,g] z1[t].
        GeoModel model = SIM.truthModel();
        double[] v = SIM.truth();
        GeoAnalysis analysis = new GeoAnalysis(model, GeoPosteriors.single(model, v));
        Window window = new Window(6, 22);
        List<String> names = model.outputNames();
        for (int g = 0; g < model.geoCount(); g++) {
            Decomposition dec = analysis.decomposition(g, window, false);
            double unit = model.targetUnit(g);
            assertThat(model.population(g)).isGreaterThan(1000.0);
            for (int c = 0; c < 2; c++) {
                double[] f = model.response(g, c).forward(v);
                double sum = 0.0;
                for (int t = window.from(); t < window.to(); t++) {
                    sum += f[t];
                }
                double expected = unit * v[model.betaSlot(g, c)] * sum;
                assertThat(dec.part("ch" + (c + 1)).total().mean()).isCloseTo(expected, within(1e-9 * expected));
            }
            String geo = model.geos().get(g);
            double intercept = v[names.indexOf(GeoNames.name("intercept", null, geo))];
            assertThat(dec.part("intercept").total().mean())
                    .isCloseTo(unit * intercept * window.rows(), within(1e-9 * unit * intercept * window.rows()));
            double gamma = v[names.indexOf(GeoNames.name("gamma", "z1", geo))];
            double[] z = SIM.data().geo(g).column("z1");
            double control = 0.0;
            for (int t = window.from(); t < window.to(); t++) {
                control += unit * gamma * z[t];
            }
            assertThat(dec.part("controls").total().mean()).isCloseTo(control, within(1e-9 * Math.abs(control)));
        }
    }

    @Test
    void withoutCarryOverAChannelsTotalIsItsIncrementalOutcome() {
        // No adstock: removing a channel's spend in a geo over every period takes away exactly its
        // part of the prediction (f(0) = 0), so the decomposition's channel total is the ROAS
        // counterfactual's increment, per geo and nationally, draw by draw.
        GeoModel model = GeoToyModels.model(SIM.data(), 2, "none", "logistic");
        double[] values = GeoToyModels.values(model, GeoToyModels.defaults());
        GeoAnalysis analysis = new GeoAnalysis(model, GeoPosteriors.of(model, draws(model, values)));
        GeoAnalysis.GeoDecomposition dec = analysis.decomposition(analysis.all(), false);
        GeoAnalysis.Roas roas = analysis.roas();
        for (String channel : List.of("ch1", "ch2")) {
            for (String geo : model.geos()) {
                double incremental = roas.of(channel, geo).incremental().mean();
                assertThat(dec.of(geo).part(channel).total().mean()).isCloseTo(incremental, within(1e-9 * incremental));
                assertThat(dec.of(geo).part(channel).total().q95())
                        .isCloseTo(roas.of(channel, geo).incremental().q95(), within(1e-9 * incremental));
            }
            double national = roas.of(channel, null).incremental().mean();
            assertThat(dec.national().part(channel).total().mean()).isCloseTo(national, within(1e-9 * national));
        }
    }

    @Test
    void geoJsonHoldsTheDecompositionsTotalsAndSharesNationallyAndPerGeo() throws Exception {
        GeoSimulation sim = GeoSimulator.simulate(2, 20, 1, 1, true, 6);
        GeoFit fit = GeoFit.fit(sim.spec(), sim.data(),
                GeoFit.defaultSettings().toBuilder().chains(1).warmup(40).draws(20).seed(2).build());
        JsonNode dec = new ObjectMapper().readTree(fit.analysisJson()).get("decomposition");
        GeoAnalysis analysis = fit.analysis();
        GeoAnalysis.GeoDecomposition expected = analysis.decomposition(analysis.all(), false);
        assertThat(dec.get("start").asText()).isEqualTo(sim.data().dates()[0].toString());
        assertThat(dec.get("end").asText()).isEqualTo(sim.data().dates()[19].toString());
        JsonNode national = dec.get("national");
        assertThat(national.get("prediction").get("mean").asDouble())
                .isEqualTo(expected.national().prediction().total().mean());
        assertThat(national.get("media").get("share").get("q95").asDouble())
                .isEqualTo(expected.national().media().share().q95());
        List<String> names = new java.util.ArrayList<>();
        national.get("parts").forEach(p -> names.add(p.get("name").asText()));
        assertThat(names).containsExactly("intercept", "ch1", "controls", "fourier");
        JsonNode ch1 = national.get("parts").get(1);
        assertThat(ch1.get("media").asBoolean()).isTrue();
        assertThat(ch1.get("total").get("q05").asDouble()).isEqualTo(expected.national().part("ch1").total().q05());
        assertThat(ch1.has("per_period")).isFalse();
        JsonNode perGeo = dec.get("per_geo");
        assertThat(perGeo).hasSize(2);
        double sum = 0.0;
        for (int g = 0; g < 2; g++) {
            assertThat(perGeo.get(g).get("geo").asText()).isEqualTo("Geo" + g);
            JsonNode part = perGeo.get(g).get("parts").get(1);
            assertThat(part.get("share").get("mean").asDouble())
                    .isEqualTo(expected.perGeo().get(g).part("ch1").share().mean());
            sum += part.get("total").get("mean").asDouble();
        }
        assertThat(ch1.get("total").get("mean").asDouble()).isCloseTo(sum, within(1e-9 * sum));
    }

    @Test
    void badGeoOrWindowIsAClearError() {
        GeoModel model = SIM.truthModel();
        GeoAnalysis analysis = new GeoAnalysis(model, GeoPosteriors.single(model, SIM.truth()));
        assertThatThrownBy(() -> analysis.decomposition("Nowhere", analysis.all(), false))
                .hasMessage("no geo named 'Nowhere'; the geos are Geo0, Geo1, Geo2");
        assertThatThrownBy(() -> analysis.decomposition(0, new Window(0, 31), false))
                .hasMessage("window [0, 31) is past the 30 training periods");
    }
}
