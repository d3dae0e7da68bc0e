package dev.mmm.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.core.analysis.PosteriorAnalysis;
import dev.mmm.core.analysis.ResponseCurve;
import dev.mmm.core.analysis.Window;
import dev.mmm.core.posterior.Posterior;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sub-window ROAS, marginal ROAS and response curves of a geo model, on closed-form cases. */
class GeoResponseTest {

    private static final GeoData PANEL = GeoSimulator.simulate(3, 30, 2, 1, true, 5).data();

    @Test
    void aLinearChannelHasRoasBetaTimesTheScaleRatioInAnyWindow() {
        // No saturation, a normalised adstock: every unit of spend adds beta * s_y / s_c over its
        // carry-over, in every geo (population cancels), in any window, and at the margin.
        GeoModel model = GeoToyModels.model(PANEL, 2, "geometric", "none");
        double[] values = GeoToyModels.values(model, GeoToyModels.defaults());
        GeoAnalysis analysis = new GeoAnalysis(model, GeoPosteriors.single(model, values));
        for (Window w : List.of(analysis.all(), new Window(5, 15), new Window(25, 30))) {
            GeoAnalysis.Roas roas = analysis.roas(w);
            double nationalIncrement = 0.0;
            for (int g = 0; g < model.geoCount(); g++) {
                for (int c = 0; c < 2; c++) {
                    double expected = values[model.betaSlot(g, c)] * model.targetScale() / model.channelScale(c);
                    GeoAnalysis.ChannelRoas r = roas.of("ch" + (c + 1), model.geos().get(g));
                    assertThat(r.roas().mean()).isCloseTo(expected, within(1e-9 * expected));
                    assertThat(r.mroas().mean()).isCloseTo(expected, within(1e-7 * expected));
                    double spend = 0.0;
                    for (int t = w.from(); t < w.to(); t++) {
                        spend += PANEL.geo(g).column("ch" + (c + 1))[t];
                    }
                    assertThat(r.spend()).isEqualTo(spend);
                    nationalIncrement += c == 0 ? r.incremental().mean() : 0.0;
                }
            }
            GeoAnalysis.ChannelRoas national = roas.of("ch1", null);
            assertThat(national.incremental().mean()).isCloseTo(nationalIncrement, within(1e-9 * nationalIncrement));
        }
    }

    @Test
    void marginalRoasOfASaturatedChannelIsTheSlopeOfItsResponse() {
        // No adstock, logistic saturation f(x) = tanh(lam x / 2): the increment of 1% more spend
        // is, to first order, sum_t beta * unit * f'(x_t) * 0.01 x_t; its second-order term is
        // below 0.5% of it here (lam x <= 2 after scaling).
        GeoModel model = GeoToyModels.model(PANEL, 2, "none", "logistic");
        double[] values = GeoToyModels.values(model, GeoToyModels.defaults());
        GeoAnalysis analysis = new GeoAnalysis(model, GeoPosteriors.single(model, values));
        Window w = new Window(10, 20);
        GeoAnalysis.Roas roas = analysis.roas(w);
        double lam = 2.0;
        for (int g = 0; g < model.geoCount(); g++) {
            double[] raw = PANEL.geo(g).column("ch2");
            double divisor = model.channelScale(1) * model.population(g);
            double slope = 0.0;
            double spend = 0.0;
            double increment = 0.0;
            for (int t = w.from(); t < w.to(); t++) {
                double x = raw[t] / divisor;
                double th = Math.tanh(0.5 * lam * x);
                slope += 0.5 * lam * (1 - th * th) * x;
                increment += th;
                spend += raw[t];
            }
            double unit = values[model.betaSlot(g, 1)] * model.targetUnit(g);
            GeoAnalysis.ChannelRoas r = roas.of("ch2", model.geos().get(g));
            assertThat(r.roas().mean()).isCloseTo(unit * increment / spend, within(1e-9 * r.roas().mean()));
            assertThat(r.mroas().mean()).isCloseTo(unit * slope / spend, within(5e-3 * r.mroas().mean()));
            assertThat(r.mroas().mean()).isLessThan(r.roas().mean());
        }
    }

    @Test
    void responseCurvesRunFromZeroThroughTheRoasAndAddUpNationally() {
        GeoModel model = GeoToyModels.model(PANEL, 2, "geometric", "logistic");
        GeoAnalysis analysis = new GeoAnalysis(model, twoDraws(model));
        Window w = analysis.between(PANEL.dates()[4], PANEL.dates()[23]);
        assertThat(w).isEqualTo(new Window(4, 24));
        double[] grid = PosteriorAnalysis.defaultMultipliers();
        GeoAnalysis.ResponseCurves curves = analysis.responseCurves(w, grid);
        GeoAnalysis.Roas roas = analysis.roas(w);
        for (String ch : List.of("ch1", "ch2")) {
            double nationalAtTwo = 0.0;
            for (String geo : model.geos()) {
                ResponseCurve c = curves.of(ch, geo);
                assertThat(c.response().get(0).mean()).isZero();
                assertThat(c.currentSpend()).isEqualTo(roas.of(ch, geo).spend());
                assertThat(c.spend()[20]).isCloseTo(2 * c.currentSpend(), within(1e-9 * c.currentSpend()));
                // multiplier 1 (point 10) is the ROAS increment; the curve bends down (saturation).
                assertThat(c.response().get(10).mean()).isCloseTo(roas.of(ch, geo).incremental().mean(),
                        within(1e-9 * c.response().get(10).mean()));
                assertThat(c.marginalRoas().get(20).mean()).isLessThan(c.marginalRoas().get(1).mean());
                assertThat(c.response().get(20).q05()).isLessThanOrEqualTo(c.response().get(20).q95());
                nationalAtTwo += c.response().get(20).mean();
            }
            ResponseCurve national = curves.of(ch, null);
            assertThat(national.response().get(20).mean()).isCloseTo(nationalAtTwo, within(1e-9 * nationalAtTwo));
            assertThat(national.response().get(10).mean()).isCloseTo(roas.of(ch, null).incremental().mean(),
                    within(1e-9 * nationalAtTwo));
        }
    }

    @Test
    void aWindowPastTheDataIsRefused() {
        GeoModel model = GeoToyModels.model(PANEL, 2, "geometric", "logistic");
        GeoAnalysis analysis = new GeoAnalysis(model, twoDraws(model));
        assertThatThrownBy(() -> analysis.roas(new Window(20, 31))).hasMessageContaining("30 training periods");
        assertThatThrownBy(() -> analysis.responseCurves(analysis.all(), new double[] {0.5, 1.0}))
                .hasMessageContaining("start at 0");
    }

    /** Two draws that differ in their effects, so intervals have width. */
    static Posterior twoDraws(GeoModel model) {
        double[] a = GeoToyModels.values(model, GeoToyModels.defaults());
        java.util.Map<String, Double> other = new java.util.HashMap<>(GeoToyModels.defaults());
        other.put("beta_mu", Math.log(0.2));
        other.put("lam", 3.0);
        double[] b = GeoToyModels.values(model, other);
        return GeoPosteriors.of(model, new double[][] {a, b});
    }
}
