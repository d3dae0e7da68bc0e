package dev.mmm.core.io;

import java.util.List;

/**
 * What a fit's files record beyond the fit itself.
 *
 * @param warnings data and sampler warnings, one line each, kept in {@code summary.json}
 */
public record FitMetadata(List<String> warnings) {

    public FitMetadata {
        warnings = List.copyOf(warnings);
    }

    public static FitMetadata none() {
        return new FitMetadata(List.of());
    }
}
