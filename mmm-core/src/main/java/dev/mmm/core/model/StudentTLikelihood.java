package dev.mmm.core.model;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * {@code ys[t] ~ StudentT(nu, mu[t], sigma)}, robust to outlying weeks. The degrees of freedom are
 * either fixed or a parameter with its own prior.
 */
public final class StudentTLikelihood implements Likelihood {

    private final double[] y;
    private final int sigmaIndex;
    private final int nuIndex;
    private final double fixedNu;

    /**
     * @param nuIndex theta index of nu, or -1 to use {@code fixedNu}
     */
    public StudentTLikelihood(double[] scaledTarget, int sigmaIndex, int nuIndex, double fixedNu) {
        if (nuIndex < 0 && !(fixedNu > 0.0)) {
            throw new IllegalArgumentException("student_t likelihood: nu must be > 0, got " + fixedNu);
        }
        this.y = scaledTarget;
        this.sigmaIndex = sigmaIndex;
        this.nuIndex = nuIndex;
        this.fixedNu = fixedNu;
    }

    @Override
    public String name() {
        return "student_t";
    }

    @Override
    public double logLikelihood(double[] theta, double[] mu, double[] dMu, double[] dTheta) {
        double sigma = theta[sigmaIndex];
        double nu = nuIndex >= 0 ? theta[nuIndex] : fixedNu;
        int n = y.length;
        double sumLog = 0.0;
        double dSigma = -n / sigma;
        double dNuData = 0.0;
        for (int t = 0; t < n; t++) {
            double z = (y[t] - mu[t]) / sigma;
            double z2 = z * z;
            double denom = nu + z2;
            sumLog += Math.log1p(z2 / nu);
            double common = (nu + 1.0) / denom;
            dMu[t] = common * z / sigma;
            dSigma += common * z2 / sigma;
            dNuData += z2 / (nu * denom);
        }
        dTheta[sigmaIndex] += dSigma;
        double constant = logGamma(0.5 * (nu + 1.0)) - logGamma(0.5 * nu)
                - 0.5 * Math.log(nu * Math.PI) - Math.log(sigma);
        if (nuIndex >= 0) {
            double dConstant = 0.5 * (Digamma.value(0.5 * (nu + 1.0)) - Digamma.value(0.5 * nu)) - 0.5 / nu;
            // d/dnu of -(nu+1)/2 log(1 + z^2/nu) = -1/2 log(1+z^2/nu) + (nu+1) z^2 / (2 nu (nu + z^2)).
            dTheta[nuIndex] += n * dConstant - 0.5 * sumLog + 0.5 * (nu + 1.0) * dNuData;
        }
        return n * constant - 0.5 * (nu + 1.0) * sumLog;
    }

    @Override
    public void pointwise(double[] theta, double[] mu, double[] out) {
        double sigma = theta[sigmaIndex];
        double nu = nuIndex >= 0 ? theta[nuIndex] : fixedNu;
        double constant = logGamma(0.5 * (nu + 1.0)) - logGamma(0.5 * nu)
                - 0.5 * Math.log(nu * Math.PI) - Math.log(sigma);
        for (int t = 0; t < y.length; t++) {
            double z = (y[t] - mu[t]) / sigma;
            out[t] = constant - 0.5 * (nu + 1.0) * Math.log1p(z * z / nu);
        }
    }

    @Override
    public double sample(double[] theta, double mu, UniformRandomProvider rng) {
        double nu = nuIndex >= 0 ? theta[nuIndex] : fixedNu;
        double z = ZigguratSampler.NormalizedGaussian.of(rng).sample();
        double chi2 = 2.0 * AhrensDieterMarsagliaTsangGammaSampler.of(rng, 0.5 * nu, 1.0).sample();
        return mu + theta[sigmaIndex] * z / Math.sqrt(chi2 / nu);
    }

    /**
     * log Gamma(x) for x > 0 without allocation (Commons Numbers' LogGamma allocates on some
     * paths, and this runs on every gradient call when nu is sampled): shift x up to at least 10
     * with the recurrence, then Stirling's series to the x^-9 term (error below 2e-14).
     */
    static double logGamma(double x) {
        double shift = 1.0;
        while (x < 10.0) {
            shift *= x;
            x += 1.0;
        }
        double inv = 1.0 / x;
        double inv2 = inv * inv;
        double series = inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 * (1.0 / 1680 - inv2 / 1188))));
        return (x - 0.5) * Math.log(x) - x + 0.9189385332046728 + series - Math.log(shift);
    }
}
