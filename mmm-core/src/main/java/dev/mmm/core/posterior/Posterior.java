package dev.mmm.core.posterior;

import dev.mmm.sampler.diagnostics.ChainReport;
import dev.mmm.sampler.diagnostics.Diagnostics;
import dev.mmm.sampler.diagnostics.ParameterSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The draws of a fit, standing alone: constrained parameter draws by name, stored column-major
 * (one array per parameter, chain after chain), CmdStan's per-draw sampler columns, each chain's
 * adaptation and the provenance. Analysis reads only this and the compiled model; it can be saved
 * and loaded bit for bit ({@link PosteriorStore}) and exported as CmdStan CSV ({@link CmdStanCsvExport}).
 *
 * <p>Immutable: arrays are copied in; accessors that return arrays return copies unless they say
 * otherwise.
 */
public final class Posterior {

    /** CmdStan's sampler columns, in CmdStan's order. */
    public static final List<String> SAMPLER_COLUMNS = List.of("lp__", "accept_stat__", "stepsize__",
            "treedepth__", "n_leapfrog__", "divergent__", "energy__");

    private final List<String> parameterNames;
    private final Map<String, Integer> index;
    private final int[] drawsPerChain;
    private final int[] chainStart;
    private final int drawCount;
    private final double[][] columns;
    private final LinkedHashMap<String, double[]> samplerColumns;
    private final List<ChainAdaptation> adaptation;
    private final Provenance provenance;
    private final RunInfo run;

    /**
     * Timing and counts of the run that made the draws.
     *
     * @param warmup             warm-up iterations per chain
     * @param drawsRequested     kept draws asked per chain
     * @param complete           false if the run was cancelled before every chain finished
     * @param wallSeconds        adaptation and sampling of all chains
     * @param warmupSeconds      slowest chain's warm-up
     * @param samplingSeconds    slowest chain's sampling
     * @param gradientEvaluations all chains
     */
    public record RunInfo(int warmup, int drawsRequested, boolean complete, double wallSeconds, double warmupSeconds,
                          double samplingSeconds, long gradientEvaluations) {
    }

    /**
     * @param columns        {@code [parameter][pooled draw]}, chain after chain
     * @param samplerColumns each of {@link #SAMPLER_COLUMNS} as {@code [pooled draw]}
     */
    public Posterior(List<String> parameterNames, int[] drawsPerChain, double[][] columns,
                     Map<String, double[]> samplerColumns, List<ChainAdaptation> adaptation, Provenance provenance,
                     RunInfo run) {
        this.parameterNames = List.copyOf(parameterNames);
        this.drawsPerChain = drawsPerChain.clone();
        this.chainStart = new int[drawsPerChain.length + 1];
        for (int c = 0; c < drawsPerChain.length; c++) {
            if (drawsPerChain[c] < 0) {
                throw new IllegalArgumentException("chain " + c + " has a negative draw count");
            }
            chainStart[c + 1] = chainStart[c] + drawsPerChain[c];
        }
        this.drawCount = chainStart[drawsPerChain.length];
        if (columns.length != parameterNames.size()) {
            throw new IllegalArgumentException(columns.length + " columns for " + parameterNames.size() + " parameters");
        }
        this.columns = new double[columns.length][];
        for (int k = 0; k < columns.length; k++) {
            if (columns[k].length != drawCount) {
                throw new IllegalArgumentException("column '" + parameterNames.get(k) + "' has " + columns[k].length
                        + " draws, expected " + drawCount);
            }
            this.columns[k] = columns[k].clone();
        }
        this.samplerColumns = new LinkedHashMap<>();
        for (String name : SAMPLER_COLUMNS) {
            double[] v = samplerColumns.get(name);
            if (v == null || v.length != drawCount) {
                throw new IllegalArgumentException("sampler column '" + name + "' is missing or has the wrong length");
            }
            this.samplerColumns.put(name, v.clone());
        }
        this.index = new HashMap<>();
        for (int k = 0; k < parameterNames.size(); k++) {
            if (index.put(parameterNames.get(k), k) != null) {
                throw new IllegalArgumentException("two parameters named '" + parameterNames.get(k) + "'");
            }
        }
        this.adaptation = List.copyOf(adaptation);
        this.provenance = provenance;
        this.run = run;
    }

    public List<String> parameterNames() {
        return parameterNames;
    }

    public int chains() {
        return drawsPerChain.length;
    }

    /** Kept draws of each chain. */
    public int[] drawsPerChain() {
        return drawsPerChain.clone();
    }

    /** Kept draws of all chains. */
    public int drawCount() {
        return drawCount;
    }

    /** Index of the first pooled draw of chain c. */
    public int chainStart(int chain) {
        return chainStart[chain];
    }

    /** Chain of the pooled draw d. */
    public int chainOf(int draw) {
        int c = Arrays.binarySearch(chainStart, draw);
        if (c >= 0) {
            while (c + 1 < chainStart.length && chainStart[c + 1] == draw) {
                c++;
            }
            return c;
        }
        return -c - 2;
    }

    public int parameterIndex(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no parameter named '" + name + "'; the parameters are "
                    + String.join(", ", parameterNames));
        }
        return i;
    }

    public boolean hasParameter(String name) {
        return index.containsKey(name);
    }

    /** Every draw of one parameter, chain after chain (a copy). */
    public double[] column(String name) {
        return columns[parameterIndex(name)].clone();
    }

    /** One parameter's draws as {@code [chain][draw]}. */
    public double[][] chainsOf(String name) {
        double[] all = columns[parameterIndex(name)];
        double[][] out = new double[chains()][];
        for (int c = 0; c < chains(); c++) {
            out[c] = Arrays.copyOfRange(all, chainStart[c], chainStart[c + 1]);
        }
        return out;
    }

    /** Writes pooled draw {@code d} as a constrained parameter vector into {@code theta}. Allocates nothing. */
    public void drawInto(int draw, double[] theta) {
        for (int k = 0; k < columns.length; k++) {
            theta[k] = columns[k][draw];
        }
    }

    /** One sampler column ({@link #SAMPLER_COLUMNS}), pooled (a copy). */
    public double[] samplerColumn(String name) {
        double[] v = samplerColumns.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no sampler column '" + name + "'; they are " + SAMPLER_COLUMNS);
        }
        return v.clone();
    }

    /** Divergent transitions among the kept draws. */
    public int divergences() {
        int n = 0;
        for (double v : samplerColumns.get("divergent__")) {
            if (v != 0.0) {
                n++;
            }
        }
        return n;
    }

    public List<ChainAdaptation> adaptation() {
        return adaptation;
    }

    public Provenance provenance() {
        return provenance;
    }

    public RunInfo run() {
        return run;
    }

    /**
     * Per chain (numbered from 1): step size, mean tree depth, divergences, tree-depth hits,
     * E-BFMI and lp__ statistics, from the saved sampler columns (so a loaded fit reports the
     * same as the fit that made it).
     */
    public List<ChainReport> chainReports() {
        int maxDepth = Integer.parseInt(provenance.samplerSettings().getOrDefault("max_tree_depth", "10"));
        double[] depth = samplerColumns.get("treedepth__");
        double[] divergent = samplerColumns.get("divergent__");
        double[] energy = samplerColumns.get("energy__");
        double[] lp = samplerColumns.get("lp__");
        double[] stepsize = samplerColumns.get("stepsize__");
        List<ChainReport> out = new ArrayList<>();
        for (int c = 0; c < chains(); c++) {
            int from = chainStart[c];
            int n = drawsPerChain[c];
            int[] treeDepth = new int[n];
            boolean[] div = new boolean[n];
            for (int d = 0; d < n; d++) {
                treeDepth[d] = (int) depth[from + d];
                div[d] = divergent[from + d] != 0.0;
            }
            double step = c < adaptation.size() ? adaptation.get(c).stepSize() : n > 0 ? stepsize[from] : Double.NaN;
            out.add(ChainReport.of(c + 1, step, treeDepth, div, Arrays.copyOfRange(energy, from, from + n),
                    Arrays.copyOfRange(lp, from, from + n), maxDepth));
        }
        return out;
    }

    /** Chains that have at least one draw; the summary uses these. */
    public List<Integer> chainsWithDraws() {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < chains(); c++) {
            if (drawsPerChain[c] > 0) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Mean, sd, quantiles, R-hat, ESS and MCSE of every parameter, over the chains that have
     * draws, each cut to the shortest of them (the diagnostics need chains of equal length). With
     * no draws at all every statistic is NaN.
     */
    public List<ParameterSummary> summary() {
        List<Integer> used = chainsWithDraws();
        int shortest = Integer.MAX_VALUE;
        for (int c : used) {
            shortest = Math.min(shortest, drawsPerChain[c]);
        }
        List<ParameterSummary> out = new ArrayList<>();
        for (int k = 0; k < parameterNames.size(); k++) {
            if (used.isEmpty()) {
                double nan = Double.NaN;
                out.add(new ParameterSummary(parameterNames.get(k), nan, nan, nan, nan, nan, nan, nan, nan, nan, nan));
                continue;
            }
            double[][] x = new double[used.size()][];
            for (int j = 0; j < used.size(); j++) {
                int start = chainStart[used.get(j)];
                x[j] = Arrays.copyOfRange(columns[k], start, start + shortest);
            }
            out.add(Diagnostics.summarize(parameterNames.get(k), x));
        }
        return out;
    }

    /** Bit-for-bit equality of every draw, sampler column, adaptation and provenance. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Posterior p)) {
            return false;
        }
        if (!p.parameterNames.equals(parameterNames) || !Arrays.equals(p.drawsPerChain, drawsPerChain)
                || !p.adaptation.equals(adaptation) || !p.provenance.equals(provenance) || !p.run.equals(run)) {
            return false;
        }
        for (int k = 0; k < columns.length; k++) {
            if (!Arrays.equals(columns[k], p.columns[k])) {
                return false;
            }
        }
        for (String name : SAMPLER_COLUMNS) {
            if (!Arrays.equals(samplerColumns.get(name), p.samplerColumns.get(name))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return parameterNames.hashCode() * 31 + Arrays.hashCode(drawsPerChain);
    }

    /** Package view of a raw column for the store (no copy). */
    double[] rawColumn(int k) {
        return columns[k];
    }

    double[] rawSamplerColumn(String name) {
        return samplerColumns.get(name);
    }
}
