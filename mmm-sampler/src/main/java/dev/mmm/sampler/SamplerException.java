package dev.mmm.sampler;

/** The sampler cannot proceed: no finite starting point, a metric that overflowed, bad settings. */
public class SamplerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SamplerException(String message) {
        super(message);
    }

    public SamplerException(String message, Throwable cause) {
        super(message, cause);
    }
}
