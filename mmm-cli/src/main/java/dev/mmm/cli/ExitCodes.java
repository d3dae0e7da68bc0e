package dev.mmm.cli;

/** Process exit codes of the {@code mmm} command. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Bad input data or a failed fit. */
    public static final int FAILURE = 1;
    /** Bad command line (unknown option, missing value). */
    public static final int USAGE = 2;
    /** Cancelled by Ctrl-C; what was done so far is saved. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
