package dev.mmm.cli;

/**
 * A command-line value that parses but is out of range ({@code --chains 0}): reported like any
 * error, in one line, but with exit code 2 ({@link ExitCodes#USAGE}) as for a bad command line.
 */
final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    /** Throws a UsageException with {@code message} unless {@code ok}. */
    static void require(boolean ok, String message) {
        if (!ok) {
            throw new UsageException(message);
        }
    }
}
