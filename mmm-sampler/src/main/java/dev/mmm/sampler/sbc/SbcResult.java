package dev.mmm.sampler.sbc;

import dev.mmm.sampler.sbc.RankUniformity.ParameterCalibration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Ranks of every replication and the per-parameter uniformity tests. */
public final class SbcResult {

    private final SbcSettings settings;
    private final List<String> parameterNames;
    private final int[][] ranks;
    private final int[] divergences;
    private final double[] minEssBulk;
    private final List<ParameterCalibration> calibrations;
    private final double wallSeconds;

    SbcResult(SbcSettings settings, List<String> parameterNames, int[][] ranks, int[] divergences,
            double[] minEssBulk, double wallSeconds) {
        this.settings = settings;
        this.parameterNames = List.copyOf(parameterNames);
        this.ranks = ranks;
        this.divergences = divergences;
        this.minEssBulk = minEssBulk;
        this.wallSeconds = wallSeconds;
        List<ParameterCalibration> tests = new ArrayList<>();
        for (int p = 0; p < parameterNames.size(); p++) {
            tests.add(RankUniformity.test(parameterNames.get(p), ranksOf(p), settings.draws(),
                    settings.bins()));
        }
        this.calibrations = List.copyOf(tests);
    }

    public SbcSettings settings() {
        return settings;
    }

    public List<String> parameterNames() {
        return parameterNames;
    }

    /** Rank (0..L) of every parameter in every replication, as {@code [replication][parameter]}. */
    public int[][] ranks() {
        int[][] copy = new int[ranks.length][];
        for (int i = 0; i < ranks.length; i++) {
            copy[i] = ranks[i].clone();
        }
        return copy;
    }

    /** The ranks of one parameter over the replications. */
    public int[] ranksOf(int parameter) {
        int[] out = new int[ranks.length];
        for (int i = 0; i < ranks.length; i++) {
            out[i] = ranks[i][parameter];
        }
        return out;
    }

    /** Divergent transitions (sampling phase, before thinning) of each replication. */
    public int[] divergences() {
        return divergences.clone();
    }

    /**
     * Smallest bulk-ESS over the parameters of each replication's thinned draws: well below L
     * means the thinned draws are still autocorrelated, which alone skews ranks.
     */
    public double[] minEssBulk() {
        return minEssBulk.clone();
    }

    /** One chi-square test per parameter, in {@link #parameterNames()} order. */
    public List<ParameterCalibration> calibrations() {
        return calibrations;
    }

    /** The p-value of one parameter by name. */
    public double pValue(String parameter) {
        for (ParameterCalibration c : calibrations) {
            if (c.name().equals(parameter)) {
                return c.pValue();
            }
        }
        throw new IllegalArgumentException("no parameter '" + parameter + "' in SBC result; parameters are "
                + parameterNames);
    }

    public double wallSeconds() {
        return wallSeconds;
    }

    /** A plain-text report: settings, sampler health, then chi-square, p-value and bin counts per parameter. */
    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT,
                "SBC: %d replications, L=%d draws (thin %d, warm-up %d), J=%d bins, %.1f s%n",
                settings.replications(), settings.draws(), settings.thin(), settings.warmup(),
                settings.bins(), wallSeconds));
        int totalDivergences = 0;
        int withDivergences = 0;
        for (int d : divergences) {
            totalDivergences += d;
            withDivergences += d > 0 ? 1 : 0;
        }
        double[] ess = minEssBulk.clone();
        java.util.Arrays.sort(ess);
        out.append(String.format(Locale.ROOT,
                "divergences: %d in %d replications; min bulk-ESS of thinned draws: median %.0f, lowest %.0f%n",
                totalDivergences, withDivergences, ess[ess.length / 2], ess[0]));
        int width = "parameter".length();
        for (String name : parameterNames) {
            width = Math.max(width, name.length());
        }
        out.append(String.format(Locale.ROOT, "%-" + width + "s  %8s  %3s  %8s  %s%n", "parameter", "chi2",
                "df", "p", "bin counts (low ranks first)"));
        for (ParameterCalibration c : calibrations) {
            StringBuilder bins = new StringBuilder();
            for (int count : c.binCounts()) {
                bins.append(bins.length() == 0 ? "" : " ").append(count);
            }
            out.append(String.format(Locale.ROOT, "%-" + width + "s  %8.2f  %3d  %8.4f  %s%n", c.name(),
                    c.chiSquare(), c.degreesOfFreedom(), c.pValue(), bins));
        }
        return out.toString();
    }
}
