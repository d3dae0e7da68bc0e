package dev.mmm.cli;

import dev.mmm.core.geo.GeoFit;
import dev.mmm.core.io.FitSummary;
import dev.mmm.sampler.CancellationToken;
import dev.mmm.sampler.ProgressListener;
import dev.mmm.sampler.SamplerSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * One geo fit (or refit) as the command line runs it, as {@link FitSession} runs a national one:
 * progress on stderr, Ctrl-C (or SIGTERM) stops the chains ({@link ShutdownCancellation}), and the
 * folder is written whether the fit finished or not, geo.json computed from the draws kept; then
 * the sampler's warnings and, when interrupted, the same two stderr lines as a national fit.
 */
final class GeoFitSession {

    /** The geo fit and what went into its summary.json. */
    record Result(GeoFit fit, FitSummary summary) {
    }

    /** Runs a geo model's sampler with this progress listener and cancellation token. */
    @FunctionalInterface
    interface Sampling {
        GeoFit sample(ProgressListener progress, CancellationToken token);
    }

    private GeoFitSession() {
    }

    /**
     * @param finished counted down by the caller once everything is written and printed; a
     *                 Ctrl-C waits for it (up to a minute) before the JVM exits
     */
    static Result run(SamplerSettings settings, CountDownLatch finished, Path outDir, PrintWriter err, boolean quiet,
                      Sampling sampling) throws IOException {
        try (ShutdownCancellation cancel = new ShutdownCancellation(finished)) {
            GeoFit fit;
            try (ProgressReporter progress = ProgressReporter.create(settings.chains(), settings.warmup(),
                    settings.draws(), err, quiet)) {
                fit = sampling.sample(progress, cancel.token());
            }
            FitSummary summary = fit.write(outDir, List.of());
            fit.warnings().forEach(w -> err.println("mmm: warning: " + Errors.oneLine(w)));
            if (!summary.complete()) {
                ShutdownCancellation.printInterrupted(err, outDir, summary);
            }
            err.flush();
            return new Result(fit, summary);
        }
    }
}
