package dev.mmm.report.chart;

import java.util.Arrays;

/**
 * Gaussian kernel density estimate with Silverman's rule-of-thumb bandwidth,
 * {@code h = 0.9 min(sd, IQR / 1.34) n^(-1/5)}.
 */
public final class Kde {

    private final double[] draws;
    private final double bandwidth;

    private Kde(double[] draws, double bandwidth) {
        this.draws = draws;
        this.bandwidth = bandwidth;
    }

    /** The estimate from {@code draws} (at least two, finite). */
    public static Kde of(double[] draws) {
        if (draws.length < 2) {
            throw new IllegalArgumentException("a density estimate needs at least 2 draws, got " + draws.length);
        }
        double[] sorted = draws.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElseThrow();
        double ss = 0;
        for (double v : sorted) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (sorted.length - 1));
        double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
        double spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
        double h = 0.9 * spread * Math.pow(sorted.length, -0.2);
        if (!(h > 0)) {
            // All draws equal: a narrow bump at the value keeps the chart drawable.
            h = Math.max(Math.abs(mean) * 1e-3, 1e-9);
        }
        return new Kde(sorted, h);
    }

    /** The bandwidth h. */
    public double bandwidth() {
        return bandwidth;
    }

    /** Smallest draw. */
    public double min() {
        return draws[0];
    }

    /** Largest draw. */
    public double max() {
        return draws[draws.length - 1];
    }

    /** The {@code p} quantile of the draws (linear interpolation between order statistics). */
    public double quantile(double p) {
        return quantile(draws, p);
    }

    /** The density at {@code x}. */
    public double density(double x) {
        double sum = 0;
        for (double d : draws) {
            double z = (x - d) / bandwidth;
            sum += Math.exp(-0.5 * z * z);
        }
        return sum / (draws.length * bandwidth * Math.sqrt(2 * Math.PI));
    }

    /** The density at each point of {@code grid}. */
    public double[] density(double[] grid) {
        double[] out = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            out[i] = density(grid[i]);
        }
        return out;
    }

    private static double quantile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
