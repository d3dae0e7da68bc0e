package dev.mmm.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.core.geo.GeoSimulator.GeoSimulation;
import dev.mmm.core.model.ChannelResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ROAS by counterfactual on cases whose answer is known. */
class GeoAnalysisTest {

    @Test
    void roasIsTheSameWhateverTheTargetScale() {
        // The panel's own model has target scale s = max(y / pop), the truth model 1: the same
        // parameters expressed in either scale must give the same ROAS in the data's units.
        GeoSimulation sim = GeoSimulator.simulate(3, 30, 2, 1, true, 8);
        GeoModel fitted = sim.spec().compile(sim.data());
        double s = fitted.targetScale() / sim.truthModel().targetScale();
        List<String> names = fitted.outputNames();
        double[] values = sim.truth().clone();
        for (int i = 0; i < fitted.parameterNames().size(); i++) {
            String family = GeoNames.family(names.get(i));
            if (List.of("intercept", "gamma", "fourier", "sigma").contains(family)) {
                values[i] /= s;
            } else if (family.equals("beta_mu")) {
                values[i] -= Math.log(s);
            }
        }
        fitted.completeValues(values);
        GeoAnalysis.Roas truth = new GeoAnalysis(sim.truthModel(), GeoPosteriors.single(sim.truthModel(), sim.truth())).roas();
        GeoAnalysis.Roas rescaled = new GeoAnalysis(fitted, GeoPosteriors.single(fitted, values)).roas();
        assertThat(s).isNotCloseTo(1.0, within(0.05));
        for (GeoAnalysis.ChannelRoas r : truth.perGeo()) {
            assertThat(rescaled.of(r.channel(), r.geo()).roas().mean()).isCloseTo(r.roas().mean(), within(1e-9 * r.roas().mean()));
        }
        for (GeoAnalysis.ChannelRoas r : truth.national()) {
            assertThat(rescaled.of(r.channel(), null).roas().mean()).isCloseTo(r.roas().mean(), within(1e-9 * r.roas().mean()));
        }
    }

    @Test
    void incrementIncludesTheCarryOverPastTheLastPeriod() {
        // Linear saturation-free check: the increment of a geo equals beta * sum of its response over
        // the periods plus l_max - 1 more, times the geo's target unit; without the extra periods it is less.
        GeoSimulation sim = GeoSimulator.simulate(2, 20, 1, 0, true, 2);
        GeoModel model = sim.truthModel();
        GeoAnalysis.Roas roas = new GeoAnalysis(model, GeoPosteriors.single(model, sim.truth())).roas();
        int lag = model.maxLag();
        double[] raw = sim.data().geo(1).column("ch1");
        double[] extended = new double[raw.length + lag - 1];
        double divisor = model.channelScale(0) * model.population(1);
        for (int t = 0; t < raw.length; t++) {
            extended[t] = raw[t] / divisor;
        }
        ChannelResponse r = model.response(1, 0).withInput(extended);
        double[] f = r.forward(sim.truth());
        double withCarry = 0.0;
        double inWindow = 0.0;
        for (int t = 0; t < f.length; t++) {
            withCarry += f[t];
            inWindow += t < raw.length ? f[t] : 0.0;
        }
        double beta = sim.truth()[model.betaSlot(1, 0)];
        double expected = beta * withCarry * model.targetUnit(1);
        assertThat(roas.of("ch1", "Geo1").incremental().mean()).isCloseTo(expected, within(1e-9 * expected));
        assertThat(inWindow).isLessThan(withCarry);
    }
}
