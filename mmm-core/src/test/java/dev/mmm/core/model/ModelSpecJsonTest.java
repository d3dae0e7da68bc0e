package dev.mmm.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mmm.priors.Gamma;
import dev.mmm.priors.HalfNormal;
import dev.mmm.priors.Normal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Spec to JSON and back, and path-named errors for bad JSON. */
class ModelSpecJsonTest {

    static ModelSpec everything() {
        return ModelSpec.builder().date("week").target("sales").targetScaling(ScalingMethod.MEAN)
                .channel(ChannelSpec.of("tv").withAdstock("delayed", 12, false).withSaturation("hill")
                        .withOrder(TransformOrder.SATURATION_FIRST).withScaling(ScalingMethod.NONE)
                        .withPrior("beta", new HalfNormal(0.7)).withPrior("alpha", new dev.mmm.priors.Beta(2, 2)))
                .channels("search")
                .channel(ChannelSpec.of("radio").withAdstock("weibull_cdf", 6).withSaturation("michaelis_menten"))
                .control("price", new Normal(0, 0.5)).controls("promo")
                .yearlySeasonality(3).seasonality(SeasonalitySpec.monthly(1).withPrior(new Normal(0, 0.1)))
                .trend(new TrendSpec(4, new Normal(0, 0.1), null))
                .event(EventSpec.gaussian("xmas", 5.5, LocalDate.of(2021, 12, 25), LocalDate.of(2022, 12, 25)))
                .event(EventSpec.dummy("launch", LocalDate.of(2022, 3, 1)))
                .synergy("tv", "search").synergy(new SynergySpec("search", "radio", new Normal(0, 0.3)))
                .likelihood(LikelihoodSpec.studentT(new Gamma(2, 0.1)))
                .prior("sigma", new HalfNormal(0.25)).prior("lam", new Gamma(2, 1))
                .build();
    }

    @Test
    void aSpecOfManyChannelsIsCheckedInLinearTime() {
        // 200,000 channels, then one name twice at the end: list look-ups made this quadratic (2 x 10^10 comparisons).
        StringBuilder json = new StringBuilder("{\"date\": \"d\", \"target\": \"y\", \"channels\": [");
        for (int c = 0; c < 200_000; c++) {
            json.append("\"c").append(c).append("\",");
        }
        json.append("\"c7\"], \"seasonality\": [{\"prefix\": \"c199999\", \"order\": 1}]}");
        assertThatThrownBy(() -> ModelSpec.fromJson(json.toString()))
                .isInstanceOf(SpecException.class).hasMessage("$.channels[200000].name: channel 'c7' is given twice");
    }

    @Test
    void roundTripsExactly() {
        ModelSpec spec = everything();
        String json = spec.toJson();
        ModelSpec back = ModelSpec.fromJson(json);
        assertThat(back).isEqualTo(spec);
        assertThat(back.toJson()).isEqualTo(json);
        assertThat(back.hashCode()).isEqualTo(spec.hashCode());

        ModelSpec simple = ModelSpec.builder().date("d").target("y").channels("x1", "x2").controls("c")
                .yearlySeasonality(2).build();
        assertThat(ModelSpec.fromJson(simple.toJson())).isEqualTo(simple);
        ModelSpec fixedNu = simple.toBuilder().likelihood(LikelihoodSpec.studentT(4.0)).build();
        assertThat(ModelSpec.fromJson(fixedNu.toJson())).isEqualTo(fixedNu);
        assertThat(ModelSpec.fromJson(fixedNu.toJson())).isNotEqualTo(simple);
    }

    @Test
    void shortFormsReadAsTheDefaults() {
        ModelSpec spec = ModelSpec.fromJson("""
                {"date": "date_week", "target": "y", "channels": ["x1", "x2"],
                 "controls": ["event_1", "event_2", "t"], "seasonality": [{"order": 2}]}""");
        assertThat(spec).isEqualTo(ModelSpec.builder().date("date_week").target("y").channels("x1", "x2")
                .controls("event_1", "event_2", "t").yearlySeasonality(2).build());
    }

    private static void assertError(String json, String message) {
        assertThatThrownBy(() -> ModelSpec.fromJson(json)).isInstanceOf(SpecException.class).hasMessage(message);
    }

    private static void assertErrorStarts(String json, String prefix) {
        assertThatThrownBy(() -> ModelSpec.fromJson(json)).isInstanceOf(SpecException.class)
                .hasMessageStartingWith(prefix)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void badJsonNamesThePath() {
        assertError("""
                {"date": "d", "target": "y", "channels": ["a", {"name": "b", "saturation": {"name": "hil"}}]}""",
                "$.channels[1].saturation.name: unknown saturation 'hil'; valid: logistic, hill, michaelis_menten, "
                        + "tanh, root, log, none");
        assertErrorStarts("""
                {"date": "d", "target": "y", "channels": [{"name": "b", "adstock": {"name": "geometrik"}}]}""",
                "$.channels[0].adstock.name: unknown adstock 'geometrik'; valid: geometric, ");
        assertError("""
                {"date": "d", "target": "y", "chanels": []}""",
                "$.chanels: unknown key; valid: calibration, channels, controls, date, events, likelihood, priors, seasonality, "
                        + "synergies, target, target_scaling, trend");
        assertErrorStarts("""
                {"date": "d", "target": "y", "channels": [{"name": "b", "priors": {"beta": {"dist": "HalfNormal", "sigma": -1}}}]}""",
                "$.channels[0].priors.beta.sigma: ");
        assertErrorStarts("""
                {"date": "d", "target": "y", "channels": [{"name": "b", "priors": {"alpha": {"dist": "Normal", "mu": 0, "sigma": 1}}}]}""",
                "$.channels[0].priors.alpha: impossible prior Normal");
        assertErrorStarts("""
                {"date": "d", "target": "y", "channels": [{"name": "b", "priors": {"kappa": {"dist": "HalfNormal", "sigma": 1}}}]}""",
                "$.channels[0].priors.kappa: channel 'b' has no parameter 'kappa'");
        assertErrorStarts("""
                {"date": "d", "target": "y", "priors": {"sigma": {"dist": "Normal", "mu": 0, "sigma": 1}}}""",
                "$.priors.sigma: impossible prior Normal");
        assertError("""
                {"date": "d", "target": "y", "channels": [{"name": "b", "adstock": {"name": "geometric", "l_max": 0}}]}""",
                "$.channels[0].adstock.l_max: must be an integer between 1 and 520, got 0");
        assertError("""
                {"date": "d", "target": "y", "channels": ["a"], "synergies": [{"channels": ["a", "z"]}]}""",
                "$.synergies[0].channels[1]: 'z' is not a channel; the channels are a");
        assertError("""
                {"date": "d", "target": "y", "likelihood": {"family": "poisson"}}""",
                "$.likelihood.family: unknown likelihood 'poisson'; valid: normal, student_t, lognormal");
        assertError("""
                {"date": "d", "target": "y", "events": [{"name": "e", "dates": ["2020-13-01"]}]}""",
                "$.events[0].dates[0]: not an ISO date (yyyy-mm-dd): '2020-13-01'");
        assertError("""
                {"target": "y"}""", "$.date: missing");
        assertError("""
                {"date": "d", "target": "y", "channels": ["a"], "priors": {"betta": {"dist": "HalfNormal", "sigma": 1}}}""",
                "$.priors.betta: no parameter family 'betta' in this model; valid: intercept, beta, sigma, alpha, lam");
        assertErrorStarts("{\"date\": ", "$.date: not valid JSON (line 1, column 10)");
        assertError("""
                {"date": "d", "target": "y", "channels": ["a", "a"]}""", "$.channels[1].name: channel 'a' is given twice");
        assertError("""
                {"date": "d", "target": "y", "target_scaling": "median"}""",
                "$.target_scaling: unknown scaling 'median'; valid: max, mean, none");
    }
}
