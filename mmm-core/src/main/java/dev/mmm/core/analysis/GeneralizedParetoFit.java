package dev.mmm.core.analysis;

/**
 * A generalized Pareto distribution (shape {@code k}, scale {@code sigma}, location 0) fitted
 * to exceedances by the empirical Bayes method of Zhang and Stephens (2009), as R's
 * {@code loo::gpdfit} does it (loo 2.5.1).
 *
 * <p>The posterior mean of {@code theta = -k / sigma} is taken over a grid of
 * {@code 30 + floor(sqrt(n))} points built from the largest exceedance and the first quartile
 * (prior 3); then {@code k = mean(log1p(-theta x))} and {@code sigma = -k / theta}. Last,
 * {@code k} alone is pulled towards 0.5 by a weakly informative prior worth 10 observations,
 * {@code k n / (n + 10) + 5 / (n + 10)} ("wip" in loo); {@code sigma} keeps the value from the
 * unadjusted {@code k}, as in loo. A {@code k} that comes out NaN is reported as infinite.
 *
 * @param k     shape; the Pareto k diagnostic of PSIS
 * @param sigma scale
 */
public record GeneralizedParetoFit(double k, double sigma) {

    private static final int MIN_GRID_POINTS = 30;
    private static final double PRIOR = 3;
    private static final double WIP_PRIOR_SIZE = 10;

    /**
     * Fits exceedances over a threshold, {@code x} sorted ascending, all {@code >= 0}.
     *
     * @param x sorted exceedances; at least 2
     */
    public static GeneralizedParetoFit fit(double[] x) {
        int n = x.length;
        if (n < 2) {
            throw new IllegalArgumentException("generalized Pareto fit needs at least 2 values, got " + n);
        }
        int m = MIN_GRID_POINTS + (int) Math.floor(Math.sqrt(n));
        double xStar = x[(int) Math.floor(n / 4.0 + 0.5) - 1];
        double[] theta = new double[m];
        double[] logLik = new double[m];
        double maxLogLik = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < m; j++) {
            theta[j] = 1 / x[n - 1] + (1 - Math.sqrt(m / (j + 0.5))) / PRIOR / xStar;
            logLik[j] = n * profileLogLik(theta[j], x);
            maxLogLik = Math.max(maxLogLik, logLik[j]);
        }
        double normaliser = 0;
        for (int j = 0; j < m; j++) {
            normaliser += Math.exp(logLik[j] - maxLogLik);
        }
        double logNormaliser = maxLogLik + Math.log(normaliser);
        double thetaHat = 0;
        for (int j = 0; j < m; j++) {
            thetaHat += theta[j] * Math.exp(logLik[j] - logNormaliser);
        }
        double k = 0;
        for (double v : x) {
            k += Math.log1p(-thetaHat * v);
        }
        k /= n;
        double sigma = -k / thetaHat;
        k = k * n / (n + WIP_PRIOR_SIZE) + WIP_PRIOR_SIZE * 0.5 / (n + WIP_PRIOR_SIZE);
        if (Double.isNaN(k)) {
            k = Double.POSITIVE_INFINITY;
        }
        return new GeneralizedParetoFit(k, sigma);
    }

    /** Quantile {@code p} of this distribution ({@code loo::qgpd}); NaN when sigma is not positive. */
    public double quantile(double p) {
        if (Double.isNaN(sigma) || sigma <= 0) {
            return Double.NaN;
        }
        return sigma * Math.expm1(-k * Math.log1p(-p)) / k;
    }

    /** Profile log-likelihood per observation at {@code theta} ({@code loo:::lx}). */
    private static double profileLogLik(double theta, double[] x) {
        double a = -theta;
        double k = 0;
        for (double v : x) {
            k += Math.log1p(a * v);
        }
        k /= x.length;
        return Math.log(a / k) - k - 1;
    }
}
