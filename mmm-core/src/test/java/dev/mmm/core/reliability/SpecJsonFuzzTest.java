package dev.mmm.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.model.SpecException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON spec reader on arbitrary bytes: it either builds a spec that survives a round trip
 * through its own JSON, or throws a {@link SpecException} whose message is one line starting with
 * the JSON path ({@code $...}). Anything else escaping (NullPointerException, a bare
 * IllegalArgumentException, ClassCastException, StackOverflowError, ...) is a bug.
 *
 * <p>Regression mode (plain {@code mvn test}) replays the seeds under
 * {@code src/test/resources/dev/mmm/core/reliability/SpecJsonFuzzTestInputs/readSpec/}; fuzzing
 * mode is {@code JAZZER_FUZZ=1} (see docs/fuzzing-spec.md).
 */
class SpecJsonFuzzTest {

    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({"\"date\"", "\"target\"", "\"channels\"", "\"controls\"", "\"seasonality\"", "\"trend\"",
        "\"events\"", "\"synergies\"", "\"likelihood\"", "\"priors\"", "\"adstock\"", "\"saturation\"", "\"name\"",
        "\"l_max\"", "\"normalize\"", "\"order\"", "\"scaling\"", "\"prior\"", "\"dist\"", "\"sigma\"", "\"mu\"",
        "\"alpha\"", "\"beta\"", "\"lam\"", "\"nu\"", "\"nu_prior\"", "\"family\"", "\"student_t\"", "\"lognormal\"",
        "\"geometric\"", "\"delayed\"", "\"weibull_pdf\"", "\"weibull_cdf\"", "\"hill\"", "\"logistic\"",
        "\"HalfNormal\"", "\"Normal\"", "\"Gamma\"", "\"Beta\"", "\"Dirac\"", "\"Uniform\"", "\"TruncatedNormal\"",
        "\"period_days\"", "\"prefix\"", "\"changepoints\"", "\"k_prior\"", "\"delta_prior\"", "\"dates\"",
        "\"shape\"", "\"width_days\"", "\"gaussian\"", "\"2020-12-25\"", "\"target_scaling\"", "\"max\"",
        "\"mean\"", "\"none\"", "\"adstock_first\"", "\"saturation_first\"", "1e308", "-1", "0", "null", "true"})
    void readSpec(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        ModelSpec spec;
        try {
            spec = ModelSpec.fromJson(json);
        } catch (SpecException e) {
            String message = e.getMessage();
            assertThat(message).as("message of %s", e).isNotNull().startsWith("$").doesNotContain("\n", "\r");
            return;
        }
        String written = spec.toJson();
        ModelSpec again = ModelSpec.fromJson(written);
        assertThat(again).as("round trip of %s", written).isEqualTo(spec);
    }
}
