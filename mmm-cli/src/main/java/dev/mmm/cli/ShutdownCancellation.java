package dev.mmm.cli;

import dev.mmm.core.io.FitSummary;
import dev.mmm.sampler.CancellationToken;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or SIGTERM) during a fit as the command line handles it, national or geo: a shutdown
 * hook cancels {@link #token()}, so the chains stop and the caller saves the draws so far, and
 * holds the JVM open until the command counts down its {@code finished} latch (up to a minute).
 * Closing it removes the hook once the files are written.
 */
final class ShutdownCancellation implements AutoCloseable {

    /** How long a Ctrl-C waits for the partial draws to be saved before the JVM exits anyway. */
    private static final long SAVE_GRACE_SECONDS = 60;

    private final CancellationToken token = new CancellationToken();
    private final Thread hook;

    /**
     * @param finished counted down by the command once everything is written and printed; a
     *                 Ctrl-C waits for it before the JVM exits
     */
    ShutdownCancellation(CountDownLatch finished) {
        hook = new Thread(() -> {
            token.cancel();
            try {
                finished.await(SAVE_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mmm-cancel-on-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Cancelled by the hook: give it to the sampler. */
    CancellationToken token() {
        return token;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownUnderWay) {
            // The hook is already running; it returns once 'finished' is counted down.
        }
    }

    /** The two stderr lines of an interrupted fit: where its draws are, and which the summary uses. */
    static void printInterrupted(PrintWriter err, Path outDir, FitSummary summary) {
        err.println("mmm: interrupted: the draws finished so far are saved in " + outDir + " (\"complete\": false)");
        err.println("mmm: interrupted: " + summaryChainsLine(summary));
    }

    /** Which chains and how many draws of each an interrupted fit's summary uses. */
    static String summaryChainsLine(FitSummary summary) {
        if (summary.summaryChains().isEmpty()) {
            return "no chain has a draw yet; the summary is empty";
        }
        List<String> without = new ArrayList<>();
        for (int c = 1; c <= summary.chains(); c++) {
            if (!summary.summaryChains().contains(c)) {
                without.add(Integer.toString(c));
            }
        }
        return "the summary uses chain" + (summary.summaryChains().size() == 1 ? " " : "s ")
                + String.join(", ", summary.summaryChains().stream().map(String::valueOf).toList())
                + ", " + summary.summaryDrawsPerChain() + " draws each"
                + (without.isEmpty() ? "" : " (chain" + (without.size() == 1 ? " " : "s ") + String.join(", ", without)
                + " had no draws yet)");
    }
}
