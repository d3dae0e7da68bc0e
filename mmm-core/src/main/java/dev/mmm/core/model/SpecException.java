package dev.mmm.core.model;

/**
 * A model spec that cannot be built: its one-line message starts with the JSON path at fault when
 * it came from JSON, e.g. {@code $.channels[1].saturation.name: unknown saturation 'hil'; valid: ...}.
 */
public class SpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SpecException(String message) {
        super(oneLine(message));
    }

    public SpecException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /**
     * Messages quote names from the input, which may hold line breaks or terminal escapes:
     * escape them to keep one safe line, and cut what is unbounded.
     */
    private static String oneLine(String message) {
        return message == null ? null : dev.mmm.core.data.MessageText.line(message);
    }
}
