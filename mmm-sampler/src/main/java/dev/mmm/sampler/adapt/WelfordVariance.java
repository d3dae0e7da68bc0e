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

    /**
     * Adds everything {@code other} has seen, as if its values had been added here (Chan, Golub and
     * LeVeque's pairwise update of count, mean and sum of squared deviations).
     */
    public void merge(WelfordVariance other) {
        if (other.mean.length != mean.length) {
            throw new IllegalArgumentException("cannot merge a Welford variance of dimension " + other.mean.length
                    + " into one of dimension " + mean.length);
        }
        if (other.count == 0) {
            return;
        }
        double n = (double) count + other.count;
        for (int i = 0; i < mean.length; i++) {
            double delta = other.mean[i] - mean[i];
            mean[i] += delta * (other.count / n);
            m2[i] += other.m2[i] + delta * delta * ((double) count * other.count / n);
        }
        count += other.count;
    }

    public int dimension() {
        return mean.length;
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
