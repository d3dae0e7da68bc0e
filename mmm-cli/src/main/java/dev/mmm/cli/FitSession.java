package dev.mmm.cli;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.io.FitFolder;
import dev.mmm.core.io.FitMetadata;
import dev.mmm.core.io.FitSummary;
import dev.mmm.core.io.FitWriter;
import dev.mmm.core.io.SamplerWarnings;
import dev.mmm.core.model.Mmm;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.sampler.CancellationToken;
import dev.mmm.sampler.SamplerSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One fit as the command line runs it: progress on stderr, Ctrl-C (or SIGTERM) cancels the
 * chains through a shutdown hook, and the files are written whether the fit finished or not.
 */
final class FitSession {

    /** Adstock length L of the default model (MODEL.md). */
    static final int ADSTOCK_LENGTH = 8;
    /** How long a Ctrl-C waits for the partial draws to be saved before the JVM exits anyway. */
    private static final long SAVE_GRACE_SECONDS = 60;

    record Result(MmmFit fit, FitSummary summary) {
    }

    private FitSession() {
    }

    /**
     * @param finished counted down by the caller once everything is written and printed; a
     *                 Ctrl-C waits for it (up to a minute) before the JVM exits
     */
    static Result run(ModelSpec spec, Dataset data, SamplerSettings settings, PrintWriter err, boolean quiet,
                      Path outDir, List<String> dataWarnings, CountDownLatch finished) throws IOException {
        CancellationToken token = new CancellationToken();
        // The hook runs on Ctrl-C: stop the chains, then hold the JVM open until the draws so far are on disk
        // and the command has printed its last line.
        Thread hook = new Thread(() -> {
            token.cancel();
            try {
                finished.await(SAVE_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mmm-cancel-on-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            MmmFit fit;
            try (ProgressReporter progress = ProgressReporter.create(settings.chains(), settings.warmup(), settings.draws(), err, quiet)) {
                fit = Mmm.fit(spec, data, settings, progress, token);
            }
            List<String> warnings = new ArrayList<>(dataWarnings);
            FitSummary withoutWarnings = FitWriter.summaryOf(fit, FitMetadata.none());
            List<String> fromSampler = SamplerWarnings.of(withoutWarnings);
            warnings.addAll(fromSampler);
            FitSummary summary = withoutWarnings.withWarnings(warnings);
            FitFolder.write(fit, summary, outDir);
            fromSampler.forEach(w -> err.println("mmm: warning: " + w));
            if (!summary.complete()) {
                err.println("mmm: interrupted: the draws finished so far are saved in " + outDir + " (\"complete\": false)");
            }
            err.flush();
            return new Result(fit, summary);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shutdownUnderWay) {
                // The hook is already running; it returns once 'finished' is counted down.
            }
        }
    }
}
