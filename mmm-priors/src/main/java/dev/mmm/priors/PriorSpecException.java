package dev.mmm.priors;

/** A prior written in JSON that cannot be read; the message starts with the JSON path. */
public class PriorSpecException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public PriorSpecException(String message) {
        super(message);
    }

    public PriorSpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
