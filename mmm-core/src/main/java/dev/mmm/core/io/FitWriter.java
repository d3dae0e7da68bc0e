package dev.mmm.core.io;

import dev.mmm.core.model.MmmFit;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.SamplingResult;
import dev.mmm.sampler.diagnostics.ChainReport;
import dev.mmm.sampler.diagnostics.Diagnostics;
import dev.mmm.sampler.diagnostics.ParameterSummary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the two files of the fit contract into a folder: {@code draws.csv} first, then
 * {@code summary.json}, each atomically, so a folder whose summary exists always has the draws
 * that summary describes.
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
     * diagnostics use each chain's first {@code min(drawsCompleted)} draws (R-hat and ESS need
     * chains of equal length); draws.csv still keeps every completed draw.
     */
    public static FitSummary summaryOf(MmmFit fit, FitMetadata metadata) {
        SamplingResult r = fit.samplingResult();
        SamplerSettings settings = r.settings();
        List<FitSummary.Parameter> parameters = new ArrayList<>();
        for (ParameterSummary p : parameterSummaries(fit)) {
            parameters.add(new FitSummary.Parameter(p.name(), p.mean(), p.sd(), p.q05(), p.q50(), p.q95(),
                    p.rhat(), p.essBulk(), p.essTail(), p.mcseMean(), p.mcseSd()));
        }
        List<Integer> completed = new ArrayList<>();
        for (int n : r.drawsCompleted()) {
            completed.add(n);
        }
        List<FitSummary.Chain> chains = new ArrayList<>();
        for (ChainReport c : ChainReport.of(r)) {
            chains.add(new FitSummary.Chain(c.chain(), c.stepSize(), c.meanTreeDepth(), c.divergences(),
                    c.maxTreedepthHits(), c.ebfmi()));
        }
        return new FitSummary(r.chains(), settings.warmup(), settings.draws(), settings.seed(),
                r.wallSeconds(), r.warmupSeconds(), r.samplingSeconds(), r.gradientEvaluations(),
                r.divergences(), r.maxTreeDepthHits(), r.complete(), completed, metadata.warnings(), parameters,
                chains);
    }

    private static List<ParameterSummary> parameterSummaries(MmmFit fit) {
        Draws draws = drawsOf(fit);
        double[][][] v = draws.values();
        int shortest = Integer.MAX_VALUE;
        int longest = 0;
        for (double[][] chain : v) {
            shortest = Math.min(shortest, chain.length);
            longest = Math.max(longest, chain.length);
        }
        if (v.length > 0 && shortest == longest && shortest > 0) {
            return fit.summary();
        }
        List<ParameterSummary> out = new ArrayList<>();
        List<String> names = draws.parameterNames();
        for (int k = 0; k < names.size(); k++) {
            if (v.length == 0 || shortest == 0) {
                double nan = Double.NaN;
                out.add(new ParameterSummary(names.get(k), nan, nan, nan, nan, nan, nan, nan, nan, nan, nan));
                continue;
            }
            double[][] x = new double[v.length][shortest];
            for (int c = 0; c < v.length; c++) {
                for (int d = 0; d < shortest; d++) {
                    x[c][d] = v[c][d][k];
                }
            }
            out.add(Diagnostics.summarize(names.get(k), x));
        }
        return out;
    }

    /** The constrained draws, each chain cut to the draws it completed. */
    public static Draws drawsOf(MmmFit fit) {
        double[][][] all = fit.draws();
        int[] completed = fit.samplingResult().drawsCompleted();
        double[][][] kept = new double[all.length][][];
        for (int c = 0; c < all.length; c++) {
            int n = c < completed.length ? Math.min(completed[c], all[c].length) : all[c].length;
            kept[c] = Arrays.copyOf(all[c], n);
        }
        return new Draws(fit.parameterNames(), kept);
    }

    public static void write(FitSummary summary, Draws draws, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        DrawsCsv.write(outDir.resolve(DRAWS_FILE), draws);
        SummaryJson.write(outDir.resolve(SUMMARY_FILE), summary);
    }
}
