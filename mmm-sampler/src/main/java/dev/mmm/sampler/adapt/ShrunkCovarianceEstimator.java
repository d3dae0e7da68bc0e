package dev.mmm.sampler.adapt;

import dev.mmm.sampler.SamplerException;
import dev.mmm.sampler.metric.DenseMetric;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * A dense metric from the window's covariance with its correlations shrunk towards zero by the
 * Ledoit-Wolf optimal amount for a diagonal target (Schäfer and Strimmer 2005, target "D"): the
 * variances are kept, every correlation r_ij becomes (1 − λ) r_ij with
 * λ = Σ_{i≠j} Var(r_ij) / Σ_{i≠j} r_ij², clipped to [0, 1], where Var(r_ij) is the sampling
 * variance of r_ij estimated from the standardised draws. Correlations that a window of draws
 * cannot tell from noise are dropped, strong ones are kept; with few draws the metric tends to
 * the diagonal one. Then, as Stan's dense metric, shrunk towards 1e-3·I with weight 5/(n+5).
 *
 * <p>Keeps the window's draws (one array per draw, grown as needed) since λ needs a second pass.
 */
public final class ShrunkCovarianceEstimator implements MetricEstimator {
    private final DenseMetric metric;
    private final int dimension;
    private double[][] draws;
    private int count;
    private final double[] mean;
    private final double[] sd;
    private final double[] correlation;
    private final double[] productSquares;
    private final DMatrixRMaj covariance;
    private double lastShrinkage = Double.NaN;

    public ShrunkCovarianceEstimator(DenseMetric metric) {
        this.metric = metric;
        this.dimension = metric.dimension();
        this.draws = new double[64][];
        this.mean = new double[dimension];
        this.sd = new double[dimension];
        this.correlation = new double[dimension * dimension];
        this.productSquares = new double[dimension * dimension];
        this.covariance = new DMatrixRMaj(dimension, dimension);
    }

    @Override
    public void add(double[] position, double[] gradient) {
        if (count == draws.length) {
            draws = Arrays.copyOf(draws, 2 * draws.length);
        }
        if (draws[count] == null) {
            draws[count] = new double[dimension];
        }
        System.arraycopy(position, 0, draws[count], 0, dimension);
        count++;
    }

    @Override
    public int count() {
        return count;
    }

    /** The λ of the last update (NaN before the first): 0 keeps the sample correlations, 1 drops them. */
    public double lastShrinkage() {
        return lastShrinkage;
    }

    @Override
    public void updateMetricAndRestart() {
        shrunkCovariance(covariance);
        double n = count;
        double weight = n / (n + 5.0);
        double ridge = 1e-3 * (5.0 / (n + 5.0));
        for (int i = 0; i < dimension; i++) {
            for (int j = 0; j < dimension; j++) {
                double value = weight * covariance.get(i, j) + (i == j ? ridge : 0.0);
                if (!Double.isFinite(value)) {
                    throw new SamplerException("numerical overflow in metric adaptation: covariance entry (" + i + ", "
                            + j + ") is " + value + "; the posterior may be improper or badly scaled");
                }
                covariance.set(i, j, value);
            }
        }
        try {
            metric.setInverse(covariance);
        } catch (IllegalArgumentException e) {
            throw new SamplerException("dense metric adaptation failed: " + e.getMessage(), e);
        }
        count = 0;
    }

    /**
     * The shrunk covariance of the draws added so far (without Stan's ridge) into {@code out};
     * needs at least two draws. Coordinates that did not move keep variance 0 and correlation 0.
     */
    public void shrunkCovariance(DMatrixRMaj out) {
        int n = count;
        Arrays.fill(mean, 0);
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < dimension; i++) {
                mean[i] += draws[k][i];
            }
        }
        for (int i = 0; i < dimension; i++) {
            mean[i] /= n;
        }
        Arrays.fill(sd, 0);
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < dimension; i++) {
                double d = draws[k][i] - mean[i];
                sd[i] += d * d;
            }
        }
        for (int i = 0; i < dimension; i++) {
            sd[i] = Math.sqrt(sd[i] / (n - 1.0));
        }
        // r_ij = Σ_k z_ki z_kj / (n − 1) and Σ_k (z_ki z_kj)², from the standardised draws.
        Arrays.fill(correlation, 0);
        Arrays.fill(productSquares, 0);
        double[] z = new double[dimension];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < dimension; i++) {
                z[i] = sd[i] > 0 ? (draws[k][i] - mean[i]) / sd[i] : 0.0;
            }
            for (int i = 0; i < dimension; i++) {
                for (int j = i + 1; j < dimension; j++) {
                    double w = z[i] * z[j];
                    correlation[i * dimension + j] += w;
                    productSquares[i * dimension + j] += w * w;
                }
            }
        }
        double varianceSum = 0;
        double squareSum = 0;
        for (int i = 0; i < dimension; i++) {
            for (int j = i + 1; j < dimension; j++) {
                double sum = correlation[i * dimension + j];
                double wBar = sum / n;
                // Var(r_ij) = n / (n − 1)³ Σ_k (w_kij − w̄_ij)², with Σ (w − w̄)² = Σ w² − n w̄².
                double spread = Math.max(0.0, productSquares[i * dimension + j] - n * wBar * wBar);
                varianceSum += n / ((n - 1.0) * (n - 1.0) * (n - 1.0)) * spread;
                double r = sum / (n - 1.0);
                correlation[i * dimension + j] = r;
                squareSum += r * r;
            }
        }
        double lambda = squareSum > 0 ? Math.max(0.0, Math.min(1.0, varianceSum / squareSum)) : 1.0;
        lastShrinkage = lambda;
        out.reshape(dimension, dimension);
        for (int i = 0; i < dimension; i++) {
            out.set(i, i, sd[i] * sd[i]);
            for (int j = i + 1; j < dimension; j++) {
                double c = (1.0 - lambda) * correlation[i * dimension + j] * sd[i] * sd[j];
                out.set(i, j, c);
                out.set(j, i, c);
            }
        }
    }
}
