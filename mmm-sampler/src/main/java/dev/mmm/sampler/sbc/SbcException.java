package dev.mmm.sampler.sbc;

/** An SBC replication could not be run; the message names the replication. */
public class SbcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SbcException(String message) {
        super(message);
    }

    public SbcException(String message, Throwable cause) {
        super(message, cause);
    }
}
