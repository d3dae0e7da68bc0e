package dev.mmm.core.io;

import dev.mmm.core.model.MmmFit;
import dev.mmm.core.posterior.Posterior;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.SamplingResult;
import dev.mmm.sampler.diagnostics.ChainReport;
import dev.mmm.sampler.diagnostics.ParameterSummary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.nio.file.Path;

/**
 * Writes the files of the fit contract ({@code draws.csv}, {@code summary.json}) into a folder
 * through {@link AtomicFolder}: the folder holds either the complete old fit or the complete
 * new one, never the new draws beside the old summary.
 */
public final class FitWriter {

    public static final String SUMMARY_FILE = "summary.json";
    public static final String DRAWS_FILE = "draws.csv";

    private FitWriter() {
    }

    /**
     * Writes {@code fit}'s files into {@code outDir} and returns what went into summary.json.
     * A cancelled fit keeps, per chain, the draws it finished; {@code "complete": false} then.
     */
    public static FitSummary write(MmmFit fit, Path outDir, FitMetadata metadata) throws IOException {
        FitSummary summary = summaryOf(fit, metadata);
        write(summary, drawsOf(fit), outDir);
        return summary;
    }

    /**
     * The summary of a fit. For a cancelled fit whose chains stopped at different draws, the
     * diagnostics use the chains that have draws, each cut to the fewest any of them has (R-hat
     * and ESS need chains of equal length), as {@link MmmFit#summary()}; which chains is in
     * {@code summary_chains}. draws.csv still keeps every completed draw.
     */
    public static FitSummary summaryOf(MmmFit fit, FitMetadata metadata) {
        return summaryOf(fit.posterior(), fit.summary(), metadata);
    }

    /**
     * The summary of any Posterior (a geo model's too) with its parameter summaries, in the
     * Posterior's order.
     */
    public static FitSummary summaryOf(Posterior posterior, List<ParameterSummary> summaries, FitMetadata metadata) {
        Posterior.RunInfo run = posterior.run();
        List<FitSummary.Parameter> parameters = new ArrayList<>();
        for (ParameterSummary p : summaries) {
            parameters.add(new FitSummary.Parameter(p.name(), p.mean(), p.sd(), p.q05(), p.q50(), p.q95(),
                    p.rhat(), p.essBulk(), p.essTail(), p.mcseMean(), p.mcseSd()));
        }
        List<Integer> completed = new ArrayList<>();
        for (int n : posterior.drawsPerChain()) {
            completed.add(n);
        }
        List<FitSummary.Chain> chains = new ArrayList<>();
        int depthHits = 0;
        for (ChainReport c : posterior.chainReports()) {
            chains.add(new FitSummary.Chain(c.chain(), c.stepSize(), c.meanTreeDepth(), c.divergences(),
                    c.maxTreedepthHits(), c.ebfmi()));
            depthHits += c.maxTreedepthHits();
        }
        return new FitSummary(posterior.chains(), run.warmup(), run.drawsRequested(), posterior.provenance().seed(),
                run.wallSeconds(), run.warmupSeconds(), run.samplingSeconds(), run.gradientEvaluations(),
                posterior.divergences(), depthHits, run.complete(), completed, metadata.warnings(), parameters,
                FitSummary.chainsWithDraws(posterior.chains(), completed), chains);
    }

    /** The constrained draws, each chain cut to the draws it completed. */
    public static Draws drawsOf(MmmFit fit) {
        return new Draws(fit.parameterNames(), fit.draws());
    }

    /** Replaces {@code outDir} with a folder holding exactly these two files, all at once. */
    public static void write(FitSummary summary, Draws draws, Path outDir) throws IOException {
        AtomicFolder.write(outDir, content(summary, draws));
    }

    /**
     * Replaces {@code outDir} with a folder holding these two files and whatever {@code more}
     * writes (e.g. the demo's data), all at once.
     */
    public static void write(FitSummary summary, Draws draws, Path outDir, AtomicFolder.Content more) throws IOException {
        AtomicFolder.Content fit = content(summary, draws);
        AtomicFolder.write(outDir, staging -> {
            fit.writeInto(staging);
            more.writeInto(staging);
        });
    }

    /** The two contract files as a folder's content, for a save that adds files of its own. */
    public static AtomicFolder.Content content(FitSummary summary, Draws draws) {
        return staging -> {
            AtomicFolder.writeText(staging, DRAWS_FILE, out -> DrawsCsv.write(out, draws));
            AtomicFolder.writeText(staging, SUMMARY_FILE, out -> out.write(SummaryJson.toJson(summary)));
        };
    }
}
