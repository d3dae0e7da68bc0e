package dev.mmm.core.model;

/**
 * A model spec that cannot be built: its one-line message starts with the JSON path at fault when
 * it came from JSON, e.g. {@code $.channels[1].saturation.name: unknown saturation 'hil'; valid: ...}.
 */
public class SpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SpecException(String message) {
        super(message);
    }

    public SpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
