package dev.mmm.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.LikelihoodSpec;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.model.SpecException;
import dev.mmm.priors.HalfNormal;
import dev.mmm.priors.LogNormal;
import dev.mmm.priors.Normal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad calibration input gets a one-line error naming the field; good input survives JSON. */
class CalibrationInputsTest {

    private static final Dataset DATA = CalibrationFixtures.small(40, 7);

    private static ModelSpec.Builder base() {
        return ModelSpec.builder().date("date").target("y").channels("x1", "x2").controls("z");
    }

    private static LiftTest test(LocalDate start, LocalDate end, double delta, double lift) {
        return LiftTest.of("x1", start, end, delta, lift, 100);
    }

    private static String compileError(ModelSpec spec) {
        try {
            spec.compile(DATA);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return e.getMessage();
        }
        throw new AssertionError("no error for " + spec.calibration());
    }

    @Test
    void aTestWindowOutsideTheData() {
        LocalDate w = CalibrationFixtures.week(0);
        assertThat(compileError(base().liftTests(List.of(test(w.minusWeeks(2), w.plusWeeks(1), 500, 100))).build()))
                .startsWith("calibration.lift_tests[0]: the window 2021-12-20 to 2022-01-10 is outside the data, which runs from 2022-01-03 to");
        LocalDate last = CalibrationFixtures.week(39);
        assertThat(compileError(base().liftTests(List.of(test(last, last.plusWeeks(3), 500, 100))).build()))
                .contains("is outside the data");
        assertThat(compileError(base().liftTests(List.of(test(last.minusWeeks(2), last,
                500, 100).measuredUntil(last.plusWeeks(4)))).build()))
                .startsWith("calibration.lift_tests[0].measured_until: the window");
        // Inside the last week's period (its days after the week's date) is inside the data.
        assertThat(base().liftTests(List.of(test(last, last.plusDays(6), 500, 100))).build().compile(DATA)
                .densityTerms()).hasSize(1);
    }

    @Test
    void anUnknownChannel() {
        LiftTest t = LiftTest.of("tv", CalibrationFixtures.week(3), CalibrationFixtures.week(5), 500, 100, 50);
        assertThatThrownBy(() -> base().liftTests(List.of(t)).build())
                .isInstanceOf(SpecException.class)
                .hasMessage("calibration.lift_tests[0].channel: 'tv' is not a channel; the channels are x1, x2");
        assertThatThrownBy(() -> base().roiPrior(RoiPrior.of("radio", new LogNormal(0, 1))).build())
                .hasMessage("calibration.roi_priors[0].channel: 'radio' is not a channel; the channels are x1, x2");
    }

    @Test
    void aNonPositiveStandardErrorOrASignAgainstTheSpendChange() {
        LocalDate a = CalibrationFixtures.week(3);
        LocalDate b = CalibrationFixtures.week(5);
        assertThatThrownBy(() -> LiftTest.of("x1", a, b, 500, 100, 0))
                .hasMessage("se: the standard error must be a finite number > 0, got 0.0");
        assertThatThrownBy(() -> LiftTest.of("x1", a, b, 500, 100, -3))
                .hasMessageStartingWith("se: the standard error must be a finite number > 0");
        assertThatThrownBy(() -> LiftTest.of("x1", a, b, 500, -100, 30))
                .hasMessage("lift -100.0 has the opposite sign of the spend change 500.0: media effects are"
                        + " non-negative, so the target moves with spend");
        assertThatThrownBy(() -> LiftTest.of("x1", b, a, 500, 100, 30)).hasMessage("end 2022-01-24 is before start 2022-02-07");
        assertThatThrownBy(() -> LiftTest.of("x1", a, b, 0, 100, 30)).hasMessageStartingWith("delta_spend:");
        // a spend cut with a drop in the target is consistent
        assertThat(LiftTest.of("x1", a, b, -500, -100, 30).lift()).isEqualTo(-100);
    }

    @Test
    void aSpendChangeTheDataCannotHoldAndOtherModelMismatches() {
        LocalDate a = CalibrationFixtures.week(3);
        LocalDate b = CalibrationFixtures.week(5);
        assertThat(compileError(base().liftTests(List.of(test(a, b, 1e7, 100))).build()))
                .startsWith("calibration.lift_tests[0].delta_spend: 1.0E7 is more than the channel's spend");
        assertThat(compileError(base().likelihood(LikelihoodSpec.logNormal()).liftTests(List.of(test(a, b, 500, 100)))
                .build())).startsWith("calibration: lift tests and ROI priors need an additive model");
        assertThat(compileError(base().synergy("x1", "x2").roiPrior(RoiPrior.of("x1", new LogNormal(0, 1))).build()))
                .startsWith("calibration.roi_priors[0]: channel 'x1' is in synergy[x1:x2]");
        assertThatThrownBy(() -> RoiPrior.of("x1", new Normal(0, 1))).hasMessageStartingWith("prior: a roas prior must live on [0, inf)");
        assertThatThrownBy(() -> base().roiPrior(RoiPrior.of("x1", new HalfNormal(1))).roiPrior(RoiPrior.of("x1",
                new HalfNormal(2))).build()).hasMessage("roi_priors[1]: channel 'x1' has a ROI prior already");
    }

    @Test
    void calibrationSurvivesJsonAndJsonErrorsNameTheirPath() {
        ModelSpec spec = base()
                .liftTests(List.of(test(CalibrationFixtures.week(3), CalibrationFixtures.week(5), 500, 100),
                        test(CalibrationFixtures.week(8), CalibrationFixtures.week(9), 300, 60)
                                .measuredUntil(CalibrationFixtures.week(12)).withLikelihood(LiftLikelihood.GAMMA)))
                .roiPrior(new RoiPrior("x2", new LogNormal(0.3, 0.4), CalibrationFixtures.week(4), null))
                .roiPrior(RoiPrior.of("x1", RoiPrior.Kind.COST_PER_TARGET, new LogNormal(1.0, 0.4)))
                .build();
        ModelSpec back = ModelSpec.fromJson(spec.toJson());
        assertThat(back).isEqualTo(spec);
        assertThat(ModelSpec.fromJson(base().build().toJson()).toJson()).doesNotContain("calibration");
        String json = spec.toJson().replace("\"se\" : 100.0", "\"se\" : -1");
        assertThatThrownBy(() -> ModelSpec.fromJson(json)).isInstanceOf(SpecException.class)
                .hasMessage("$.calibration.lift_tests[0]: se: the standard error must be a finite number > 0, got -1.0");
        String unknown = spec.toJson().replace("\"delta_spend\" : 500.0", "\"delta\" : 500.0");
        assertThatThrownBy(() -> ModelSpec.fromJson(unknown)).hasMessageStartingWith("$.calibration.lift_tests[0].delta: unknown key");
        String kind = spec.toJson().replace("\"kind\" : \"cost_per_target\"", "\"kind\" : \"cpa\"");
        assertThatThrownBy(() -> ModelSpec.fromJson(kind)).hasMessage("$.calibration.roi_priors[1].kind: unknown kind"
                + " 'cpa'; valid: roas, mroas, share, cost_per_target");
        String channel = spec.toJson().replace("\"channel\" : \"x2\"", "\"channel\" : \"x9\"");
        assertThatThrownBy(() -> ModelSpec.fromJson(channel))
                .hasMessage("$.calibration.roi_priors[0].channel: 'x9' is not a channel; the channels are x1, x2");
        String likelihood = spec.toJson().replace("\"likelihood\" : \"gamma\"", "\"likelihood\" : \"poisson\"");
        assertThatThrownBy(() -> ModelSpec.fromJson(likelihood))
                .hasMessage("$.calibration.lift_tests[1].likelihood: unknown lift-test likelihood 'poisson'; valid: normal, gamma");
    }
}
