package dev.mmm.sampler;

/**
 * N(0, Σ) with unit variances and every pair correlated ρ, evaluated in O(n) through the
 * closed-form precision Σ⁻¹ = (I − c·11ᵀ)/(1 − ρ), c = ρ/(1 + (n − 1)ρ). Stateless.
 */
public final class EquicorrelatedGaussianDensity implements LogDensity {
    private final int n;
    private final double scale;
    private final double c;

    public EquicorrelatedGaussianDensity(int dimension, double rho) {
        this.n = dimension;
        this.scale = 1 / (1 - rho);
        this.c = rho / (1 + (dimension - 1) * rho);
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double logDensityAndGradient(double[] q, double[] g) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += q[i];
        }
        double quadratic = 0;
        for (int i = 0; i < n; i++) {
            double pq = scale * (q[i] - c * sum);
            g[i] = -pq;
            quadratic += q[i] * pq;
        }
        return -0.5 * quadratic;
    }
}
