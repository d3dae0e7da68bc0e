package dev.mmm.core.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.model.SpecException;
import java.nio.charset.StandardCharsets;

/**
 * {@code ModelSpec.fromJson} on arbitrary text: a spec or a {@link SpecException}, nothing else;
 * and a spec that was read writes JSON that reads back to an equal spec. Without
 * {@code JAZZER_FUZZ=1} this replays the corpus in
 * {@code src/test/resources/dev/mmm/core/io/ModelSpecJsonFuzzTestInputs/} (docs/fuzzing.md).
 */
class ModelSpecJsonFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void readsOrRejectsCleanly(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        ModelSpec spec;
        try {
            spec = ModelSpec.fromJson(json);
        } catch (SpecException expected) {
            return;
        }
        ModelSpec again = ModelSpec.fromJson(spec.toJson());
        if (!again.equals(spec)) {
            throw new AssertionError("a spec read from JSON does not survive a write and a read: " + spec.toJson());
        }
    }
}
