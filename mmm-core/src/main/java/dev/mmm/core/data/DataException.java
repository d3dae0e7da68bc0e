package dev.mmm.core.data;

/**
 * Bad input data. The message is one line that names the column, row or JSON path at
 * fault, fit to print to a user as it is.
 */
public class DataException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** {@code message} kept to one safe line ({@link MessageText#line}): escaped and cut. */
    public DataException(String message) {
        super(MessageText.line(message));
    }
}
