package dev.mmm.sampler;

/**
 * Asks running chains to stop. Each chain checks it before every iteration, so a cancelled
 * run returns the draws finished so far, marked incomplete.
 */
public final class CancellationToken {
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
