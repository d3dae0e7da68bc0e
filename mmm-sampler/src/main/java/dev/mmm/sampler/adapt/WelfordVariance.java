package dev.mmm.sampler.adapt;

import java.util.Arrays;

/** Welford's streaming per-coordinate mean and variance (n − 1 denominator). */
public final class WelfordVariance {
    private final double[] mean;
    private final double[] m2;
    private int count;

    public WelfordVariance(int dimension) {
        mean = new double[dimension];
        m2 = new double[dimension];
    }

    public void add(double[] x) {
        count++;
        for (int i = 0; i < mean.length; i++) {
            double delta = x[i] - mean[i];
            mean[i] += delta / count;
            m2[i] += delta * (x[i] - mean[i]);
        }
    }

    public int count() {
        return count;
    }

    /** Sample variance into {@code out}; needs at least two values. */
    public void variance(double[] out) {
        for (int i = 0; i < mean.length; i++) {
            out[i] = m2[i] / (count - 1.0);
        }
    }

    public void restart() {
        count = 0;
        Arrays.fill(mean, 0);
        Arrays.fill(m2, 0);
    }
}
