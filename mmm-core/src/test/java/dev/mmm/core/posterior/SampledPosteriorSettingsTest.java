package dev.mmm.core.posterior;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.sampler.SamplerSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sampler settings a posterior records in its provenance. */
class SampledPosteriorSettingsTest {

    @Test
    void sharedWarmupIsRecordedOnlyWhenOn() {
        Map<String, String> defaults = SampledPosterior.settingsOf(SamplerSettings.defaults());
        assertThat(defaults).doesNotContainKey("shared_warmup").containsEntry("metric", "DIAGONAL");
        Map<String, String> shared = SampledPosterior.settingsOf(SamplerSettings.builder().sharedWarmup(true).build());
        assertThat(shared).containsEntry("shared_warmup", "true");
        assertThat(shared).hasSize(defaults.size() + 1);
    }
}
