package dev.mmm.cli;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.io.AtomicFolder;
import dev.mmm.core.io.FitMetadata;
import dev.mmm.core.io.FitSummary;
import dev.mmm.core.io.FitWriter;
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
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One fit as the command line runs it: progress on stderr, Ctrl-C (or SIGTERM) cancels the
 * chains through a shutdown hook, and the files are written whether the fit finished or not.
 */
final class FitSession {

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
        return run(spec, data, settings, err, quiet, outDir, dataWarnings, finished, staging -> { });
    }

    /** As above, with more files written into the output folder together with the fit's (all or nothing). */
    static Result run(ModelSpec spec, Dataset data, SamplerSettings settings, PrintWriter err, boolean quiet,
                      Path outDir, List<String> dataWarnings, CountDownLatch finished, AtomicFolder.Content more)
            throws IOException {
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
            List<String> fromSampler = samplerWarnings(withoutWarnings);
            warnings.addAll(fromSampler);
            FitSummary summary = withoutWarnings.withWarnings(warnings);
            FitWriter.write(summary, FitWriter.drawsOf(fit), outDir, more);
            fromSampler.forEach(w -> err.println("mmm: warning: " + Errors.oneLine(w)));
            if (!summary.complete()) {
                err.println("mmm: interrupted: the draws finished so far are saved in " + outDir + " (\"complete\": false)");
                err.println("mmm: interrupted: " + summaryChainsLine(summary));
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

    /** What a careful user would check first: divergences, tree-depth saturation, R-hat and ESS. */
    static List<String> samplerWarnings(FitSummary summary) {
        List<String> warnings = new ArrayList<>();
        if (summary.divergences() > 0) {
            warnings.add(summary.divergences() + " divergent transitions after warm-up; the posterior may be biased"
                    + " (more warm-up or tighter priors can help)");
        }
        if (summary.maxTreedepthHits() > 0) {
            warnings.add(summary.maxTreedepthHits() + " transitions hit the maximum tree depth; sampling was inefficient");
        }
        double worstRhat = 1;
        String worstRhatName = null;
        double worstEss = Double.POSITIVE_INFINITY;
        String worstEssName = null;
        for (FitSummary.Parameter p : summary.parameters()) {
            if (p.rhat() > worstRhat) {
                worstRhat = p.rhat();
                worstRhatName = p.name();
            }
            double ess = Math.min(p.essBulk(), p.essTail());
            if (ess < worstEss) {
                worstEss = ess;
                worstEssName = p.name();
            }
        }
        if (worstRhat > 1.01) {
            warnings.add(String.format(Locale.ROOT, "R-hat of %s is %.3f > 1.01; the chains disagree, run longer", worstRhatName, worstRhat));
        }
        if (worstEssName != null && worstEss < 100 * summary.chains()) {
            warnings.add(String.format(Locale.ROOT, "effective sample size of %s is %.0f < %d (100 per chain); estimates are noisy",
                    worstEssName, worstEss, 100 * summary.chains()));
        }
        return warnings;
    }
}
