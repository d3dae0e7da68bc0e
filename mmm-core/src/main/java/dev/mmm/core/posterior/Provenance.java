package dev.mmm.core.posterior;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a posterior came from, enough to audit and to reproduce it: the model spec (canonical
 * JSON), the scales applied to the data, a SHA-256 fingerprint of the training data, the seed and
 * sampler settings, the library version and when it was made.
 *
 * @param specJson        {@code ModelSpec.toJson()} of the fitted model
 * @param targetScale     divisor of the target
 * @param channelScales   divisor of each channel's spend, in spec order
 * @param dataSha256      {@link DataFingerprint} of the training data
 * @param dataRows        training rows
 * @param firstDate       first training date (ISO)
 * @param lastDate        last training date (ISO)
 * @param seed            master seed of the sampler
 * @param samplerSettings chains, warmup, draws, max tree depth, target acceptance, metric, ...
 * @param libraryVersion  the mmm version that made it
 * @param createdAt       ISO-8601 instant
 */
public record Provenance(String specJson, double targetScale, Map<String, Double> channelScales, String dataSha256,
                         int dataRows, String firstDate, String lastDate, long seed,
                         Map<String, String> samplerSettings, String libraryVersion, String createdAt) {

    public Provenance {
        channelScales = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(channelScales));
        samplerSettings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(samplerSettings));
    }

    /** The version of this library, from the build (or "unknown" when run from classes without it). */
    public static String currentLibraryVersion() {
        java.util.Properties p = new java.util.Properties();
        try (java.io.InputStream in = Provenance.class.getResourceAsStream("/mmm-core-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (java.io.IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
