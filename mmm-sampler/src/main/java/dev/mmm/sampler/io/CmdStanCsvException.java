package dev.mmm.sampler.io;

/** A CmdStan CSV file that cannot be read; the message names the file and line. */
public class CmdStanCsvException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CmdStanCsvException(String message) {
        super(message);
    }

    public CmdStanCsvException(String message, Throwable cause) {
        super(message, cause);
    }
}
