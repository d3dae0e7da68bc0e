package dev.mmm.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mmm.core.geo.GeoSimulator.GeoSimulation;
import dev.mmm.core.model.ChannelSpec;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.model.ScalingMethod;
import dev.mmm.core.model.SpecException;
import dev.mmm.core.model.TrendSpec;
import dev.mmm.priors.HalfNormal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The geo spec's JSON form, its refusals, and the parameter names it compiles to. */
class GeoSpecTest {

    @Test
    void jsonRoundTripsEveryChoice() {
        GeoSpec spec = GeoSimulator.spec(2, 1, true).withMediaPooling(GeoSpec.Pooling.NORMAL)
                .withParameterisation(GeoSpec.Parameterisation.CENTRED).withIntercept(GeoSpec.Sharing.POOLED)
                .withSigma(GeoSpec.Sharing.SHARED).withControls(GeoSpec.Sharing.SHARED)
                .withSeasonality(GeoSpec.Sharing.PER_GEO).withTransforms(GeoSpec.Sharing.PER_GEO)
                .withPrior("beta_tau", new HalfNormal(0.5));
        GeoSpec back = GeoSpec.fromJson(spec.toJson());
        assertThat(back).isEqualTo(spec);
    }

    @Test
    void jsonDefaultsAreMeridians() {
        GeoSpec spec = GeoSpec.fromJson("{\"date\": \"d\", \"target\": \"y\", \"channels\": [\"tv\"], \"geo\": {\"column\": \"g\"}}");
        assertThat(spec.mediaPooling()).isEqualTo(GeoSpec.Pooling.LOG_NORMAL);
        assertThat(spec.parameterisation()).isEqualTo(GeoSpec.Parameterisation.NON_CENTRED);
        assertThat(spec.intercept()).isEqualTo(GeoSpec.Sharing.PER_GEO);
        assertThat(spec.transforms()).isEqualTo(GeoSpec.Sharing.SHARED);
        assertThat(spec.populationColumn()).isNull();
    }

    @Test
    void badJsonIsRefusedWithItsPath() {
        String head = "{\"date\": \"d\", \"target\": \"y\", \"channels\": [\"tv\"], ";
        assertThatThrownBy(() -> GeoSpec.fromJson(head + "\"geo\": {\"column\": \"g\", \"media_pooling\": \"lognormal\"}}"))
                .isInstanceOf(SpecException.class)
                .hasMessage("$.geo.media_pooling: unknown value \"lognormal\"; valid: log_normal, normal");
        assertThatThrownBy(() -> GeoSpec.fromJson(head + "\"geo\": {\"colum\": \"g\"}}"))
                .hasMessageStartingWith("$.geo.colum: unknown key");
        assertThatThrownBy(() -> GeoSpec.fromJson(head + "\"geo\": {}}")).hasMessage("$.geo.column: missing (the name of the column)");
        assertThatThrownBy(() -> GeoSpec.fromJson(head + "\"geo\": {\"column\": \"g\", \"sigma\": \"pooled\"}}"))
                .hasMessage("$.geo.sigma: 'pooled' is for the intercept only; use per_geo or shared");
        assertThatThrownBy(() -> GeoSpec.fromJson(head + "\"geo\": {\"column\": \"g\", \"priors\": {\"beta_tau\": {\"dist\": \"Nope\"}}}}"))
                .isInstanceOf(SpecException.class).hasMessageContaining("$.geo.priors.beta_tau");
        assertThatThrownBy(() -> GeoSpec.fromJson(head.substring(0, head.length() - 2) + "}")).hasMessageStartingWith("$.geo:");
    }

    @Test
    void unsupportedPartsAreRefused() {
        ModelSpec trend = ModelSpec.builder().date("d").target("y").channels("tv").trend(TrendSpec.linear()).build();
        assertThatThrownBy(() -> GeoSpec.of(trend, "geo")).isInstanceOf(SpecException.class)
                .hasMessage("trend: a trend is not supported in a geo model yet");
        ModelSpec calibrated = ModelSpec.builder().date("d").target("y").channels("tv").liftTests(List.of(
                dev.mmm.core.calibration.LiftTest.of("tv", java.time.LocalDate.of(2024, 1, 1),
                        java.time.LocalDate.of(2024, 2, 1), 10, 5, 1))).build();
        assertThatThrownBy(() -> GeoSpec.of(calibrated, "geo")).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("calibration: a national calibration is not used by a geo model");
    }

    @Test
    void parametersAreNamedWithTheirGeo() {
        GeoSimulation sim = GeoSimulator.simulate(2, 20, 2, 1, true, 1);
        List<String> names = sim.truthModel().outputNames();
        assertThat(names).contains("intercept[Geo0]", "intercept[Geo1]", "alpha[ch1]", "lam[ch2]", "beta_mu[ch1]",
                "beta_tau[ch2]", "beta_dev[ch1,Geo1]", "gamma[z1,Geo0]", "fourier[sin_1]", "sigma[Geo1]");
        assertThat(sim.truthModel().derivedNames()).containsExactly("beta[ch1,Geo0]", "beta[ch1,Geo1]",
                "beta[ch2,Geo0]", "beta[ch2,Geo1]");
        GeoModel perGeo = sim.spec().withTransforms(GeoSpec.Sharing.PER_GEO).withSigma(GeoSpec.Sharing.SHARED)
                .compile(sim.data());
        assertThat(perGeo.parameterNames()).contains("alpha[ch1,Geo0]", "lam[ch2,Geo1]", "sigma")
                .doesNotContain("alpha[ch1]", "sigma[Geo0]");
    }

    @Test
    void carryOverNeverCrossesGeos() {
        // More spend in geo 0's last week only: geo 1's mean must not move (spend is left
        // unscaled so that the change cannot reach geo 1 through a shared channel scale).
        GeoSimulation sim = GeoSimulator.simulate(2, 12, 1, 0, false, 3);
        GeoSpec spec = GeoSpec.of(ModelSpec.builder().date("date").target("y")
                .channel(ChannelSpec.of("ch1").withScaling(ScalingMethod.NONE)).yearlySeasonality(1).build(), "geo");
        double[][] ch = sim.data().column("ch1");
        ch[0][11] = 10 * ch[0][11] + 50;
        GeoData changedData = GeoData.of("geo", sim.data().geos(),
                List.of(sim.data().geo(0).withColumn("ch1", ch[0]), sim.data().geo(1)));
        GeoModel model = spec.compile(sim.data());
        GeoModel changed = spec.compile(changedData);
        double[] u = new double[model.dimension()];
        java.util.Arrays.fill(u, 0.3);
        double[] values = new double[model.valueCount()];
        model.constrain(u, values);
        double[][] before = new double[2][12];
        double[][] after = new double[2][12];
        for (int g = 0; g < 2; g++) {
            model.meanInto(g, values, before[g]);
            changed.meanInto(g, values, after[g]);
        }
        assertThat(after[0][11]).isNotEqualTo(before[0][11]);
        assertThat(after[0][10]).isEqualTo(before[0][10]);
        assertThat(after[1]).containsExactly(before[1]);
    }
}
