package dev.mmm.sampler.metric;

import java.util.Arrays;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/** A diagonal metric, given by the diagonal of M⁻¹ (the per-coordinate variances). */
public final class DiagonalMetric implements EuclideanMetric {
    private final double[] inverseDiagonal;
    // p_i = z_i / sqrt(Minv_i): kept so momentum draws need no square roots.
    private final double[] inverseSqrt;

    /** The unit metric. */
    public DiagonalMetric(int dimension) {
        inverseDiagonal = new double[dimension];
        inverseSqrt = new double[dimension];
        Arrays.fill(inverseDiagonal, 1.0);
        Arrays.fill(inverseSqrt, 1.0);
    }

    public DiagonalMetric(double[] inverseDiagonal) {
        this(inverseDiagonal.length);
        setInverseDiagonal(inverseDiagonal);
    }

    /** Replaces M⁻¹'s diagonal; every entry must be finite and positive. */
    public void setInverseDiagonal(double[] values) {
        if (values.length != inverseDiagonal.length) {
            throw new IllegalArgumentException("inverse metric has " + values.length + " entries, expected "
                    + inverseDiagonal.length);
        }
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("inverse metric entry " + i + " must be finite and positive, got " + v);
            }
            inverseDiagonal[i] = v;
            inverseSqrt[i] = 1.0 / Math.sqrt(v);
        }
    }

    @Override
    public int dimension() {
        return inverseDiagonal.length;
    }

    @Override
    public void sampleMomentum(NormalizedGaussianSampler standardNormal, double[] momentum) {
        for (int i = 0; i < momentum.length; i++) {
            momentum[i] = standardNormal.sample() * inverseSqrt[i];
        }
    }

    @Override
    public void multiplyInverse(double[] momentum, double[] out) {
        for (int i = 0; i < momentum.length; i++) {
            out[i] = inverseDiagonal[i] * momentum[i];
        }
    }

    @Override
    public void inverseDiagonal(double[] out) {
        System.arraycopy(inverseDiagonal, 0, out, 0, inverseDiagonal.length);
    }
}
