package dev.mmm.sampler;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * y ~ N(Xβ, σ²I) with σ known and β ~ N(0, τ²I): the posterior is N(m, S) with
 * S = (XᵀX/σ² + I/τ²)⁻¹ and m = S Xᵀy/σ². Simulated data with correlated predictors.
 */
public final class ConjugateLinearRegression implements LogDensity {
    private final int rows;
    private final int k;
    private final double[] x;
    private final double[] y;
    private final double sigma;
    private final double tau;
    private final double[] residual;
    private final double[] posteriorMean;
    private final double[] posteriorSd;

    public ConjugateLinearRegression(int rows, int k, double sigma, double tau, long seed) {
        this.rows = rows;
        this.k = k;
        this.sigma = sigma;
        this.tau = tau;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        x = new double[rows * k];
        y = new double[rows];
        double[] beta = new double[k];
        for (int j = 0; j < k; j++) {
            beta[j] = 2 * normal.sample();
        }
        for (int i = 0; i < rows; i++) {
            double shared = normal.sample();
            double mean = 0;
            for (int j = 0; j < k; j++) {
                // Columns share a common factor: correlation about 0.8 between predictors.
                x[i * k + j] = 2 * shared + normal.sample() + (j == 0 ? 1 : 0);
                mean += x[i * k + j] * beta[j];
            }
            y[i] = mean + sigma * normal.sample();
        }
        residual = new double[rows];

        DMatrixRMaj design = DMatrixRMaj.wrap(rows, k, x);
        DMatrixRMaj precision = new DMatrixRMaj(k, k);
        CommonOps_DDRM.multTransA(design, design, precision);
        CommonOps_DDRM.scale(1 / (sigma * sigma), precision);
        for (int j = 0; j < k; j++) {
            precision.add(j, j, 1 / (tau * tau));
        }
        DMatrixRMaj covariance = new DMatrixRMaj(k, k);
        CommonOps_DDRM.invertSPD(precision, covariance);
        DMatrixRMaj xty = new DMatrixRMaj(k, 1);
        CommonOps_DDRM.multTransA(design, DMatrixRMaj.wrap(rows, 1, y), xty);
        CommonOps_DDRM.scale(1 / (sigma * sigma), xty);
        DMatrixRMaj m = new DMatrixRMaj(k, 1);
        CommonOps_DDRM.mult(covariance, xty, m);
        posteriorMean = m.data.clone();
        posteriorSd = new double[k];
        for (int j = 0; j < k; j++) {
            posteriorSd[j] = Math.sqrt(covariance.get(j, j));
        }
    }

    private ConjugateLinearRegression(ConjugateLinearRegression other) {
        rows = other.rows;
        k = other.k;
        x = other.x;
        y = other.y;
        sigma = other.sigma;
        tau = other.tau;
        posteriorMean = other.posteriorMean;
        posteriorSd = other.posteriorSd;
        residual = new double[rows];
    }

    public double posteriorMean(int j) {
        return posteriorMean[j];
    }

    public double posteriorSd(int j) {
        return posteriorSd[j];
    }

    @Override
    public int dimension() {
        return k;
    }

    @Override
    public double logDensityAndGradient(double[] beta, double[] gradient) {
        double sumSquares = 0;
        for (int i = 0; i < rows; i++) {
            double fitted = 0;
            for (int j = 0; j < k; j++) {
                fitted += x[i * k + j] * beta[j];
            }
            residual[i] = (y[i] - fitted) / (sigma * sigma);
            sumSquares += (y[i] - fitted) * (y[i] - fitted);
        }
        double prior = 0;
        for (int j = 0; j < k; j++) {
            double g = -beta[j] / (tau * tau);
            for (int i = 0; i < rows; i++) {
                g += x[i * k + j] * residual[i];
            }
            gradient[j] = g;
            prior += beta[j] * beta[j];
        }
        return -0.5 * sumSquares / (sigma * sigma) - 0.5 * prior / (tau * tau);
    }

    @Override
    public LogDensity copyForChain() {
        return new ConjugateLinearRegression(this);
    }
}
