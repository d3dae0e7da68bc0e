package dev.mmm.sampler;

/** A fatal error while evaluating a log density: the fit stops with this message. */
public class LogDensityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LogDensityException(String message) {
        super(message);
    }

    public LogDensityException(String message, Throwable cause) {
        super(message, cause);
    }
}
