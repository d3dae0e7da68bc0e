package dev.mmm.sampler;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** N(mean, covariance) as a test target: log density −½(q−μ)ᵀP(q−μ) with P = covariance⁻¹. */
public final class GaussianDensity implements LogDensity {
    private final double[] mean;
    private final double[] precision;
    private final double[] covariance;
    private final double[] centered;
    private final int n;

    public GaussianDensity(double[] mean, DMatrixRMaj covariance) {
        this.n = mean.length;
        this.mean = mean.clone();
        this.covariance = covariance.data.clone();
        DMatrixRMaj inverse = new DMatrixRMaj(n, n);
        if (!CommonOps_DDRM.invertSPD(covariance.copy(), inverse)) {
            throw new IllegalArgumentException("covariance is not positive definite");
        }
        this.precision = inverse.data.clone();
        this.centered = new double[n];
    }

    private GaussianDensity(GaussianDensity other) {
        this.n = other.n;
        this.mean = other.mean;
        this.precision = other.precision;
        this.covariance = other.covariance;
        this.centered = new double[n];
    }

    /** Equicorrelated: unit variances, every pair correlated {@code rho}. */
    public static GaussianDensity equicorrelated(int dimension, double rho) {
        DMatrixRMaj cov = new DMatrixRMaj(dimension, dimension);
        for (int i = 0; i < dimension; i++) {
            for (int j = 0; j < dimension; j++) {
                cov.set(i, j, i == j ? 1.0 : rho);
            }
        }
        return new GaussianDensity(new double[dimension], cov);
    }

    public double mean(int i) {
        return mean[i];
    }

    public double sd(int i) {
        return Math.sqrt(covariance[i * n + i]);
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double logDensityAndGradient(double[] position, double[] gradient) {
        for (int i = 0; i < n; i++) {
            centered[i] = position[i] - mean[i];
        }
        double quadratic = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                s += precision[row + j] * centered[j];
            }
            gradient[i] = -s;
            quadratic += centered[i] * s;
        }
        return -0.5 * quadratic;
    }

    @Override
    public LogDensity copyForChain() {
        return new GaussianDensity(this);
    }
}
