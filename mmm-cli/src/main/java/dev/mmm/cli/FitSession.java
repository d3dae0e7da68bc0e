package dev.mmm.cli;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.io.AtomicFolder;
import dev.mmm.core.io.FitFolder;
import dev.mmm.core.io.FitMetadata;
import dev.mmm.core.io.FitSummary;
import dev.mmm.core.io.FitWriter;
import dev.mmm.core.model.Mmm;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.WarmStart;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * One fit as the command line runs it: progress on stderr, Ctrl-C (or SIGTERM) cancels the
 * chains through a shutdown hook ({@link ShutdownCancellation}), and the files are written whether
 * the fit finished or not.
 */
final class FitSession {

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
        return run(spec, data, settings, null, err, quiet, outDir, dataWarnings, finished, staging -> { });
    }

    /**
     * As above, each chain warm-started from {@code warmStart} when it is not null (mmm refresh),
     * with {@code more} files written into the output folder together with the fit's (all or nothing).
     */
    static Result run(ModelSpec spec, Dataset data, SamplerSettings settings, WarmStart warmStart, PrintWriter err,
                      boolean quiet, Path outDir, List<String> dataWarnings, CountDownLatch finished,
                      AtomicFolder.Content more) throws IOException {
        // Ctrl-C stops the chains; the hook holds the JVM open until the draws so far are on disk
        // and the command has printed its last line.
        try (ShutdownCancellation cancel = new ShutdownCancellation(finished)) {
            MmmFit fit;
            try (ProgressReporter progress = ProgressReporter.create(settings.chains(), settings.warmup(), settings.draws(), err, quiet)) {
                fit = Mmm.fit(spec, data, settings, warmStart, progress, cancel.token());
            }
            List<String> warnings = new ArrayList<>(dataWarnings);
            FitSummary withoutWarnings = FitWriter.summaryOf(fit, FitMetadata.none());
            List<String> fromSampler = fit.warnings();
            warnings.addAll(fromSampler);
            FitSummary summary = withoutWarnings.withWarnings(warnings);
            FitFolder.write(fit, summary, outDir, more);
            fromSampler.forEach(w -> err.println("mmm: warning: " + Errors.oneLine(w)));
            if (!summary.complete()) {
                ShutdownCancellation.printInterrupted(err, outDir, summary);
            }
            err.flush();
            return new Result(fit, summary);
        }
    }
}
