package dev.mmm.core.model;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Log link: {@code ys[t] ~ LogNormal(mu[t], sigma)}, i.e. {@code log ys[t] ~ Normal(mu[t], sigma)}
 * with the Jacobian {@code -log ys[t]} included so the density is that of ys. Needs ys > 0.
 */
public final class LogNormalLikelihood implements Likelihood {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2.0 * Math.PI);

    private final double[] logY;
    private final double sumLogY;
    private final int sigmaIndex;

    public LogNormalLikelihood(double[] scaledTarget, int sigmaIndex) {
        this.logY = new double[scaledTarget.length];
        double s = 0.0;
        for (int t = 0; t < scaledTarget.length; t++) {
            if (!(scaledTarget[t] > 0.0)) {
                throw new IllegalArgumentException("lognormal likelihood: the target must be > 0, row " + t
                        + " is " + scaledTarget[t]);
            }
            logY[t] = Math.log(scaledTarget[t]);
            s += logY[t];
        }
        this.sumLogY = s;
        this.sigmaIndex = sigmaIndex;
    }

    @Override
    public String name() {
        return "lognormal";
    }

    @Override
    public double logLikelihood(double[] theta, double[] mu, double[] dMu, double[] dTheta) {
        double sigma = theta[sigmaIndex];
        double precision = 1.0 / (sigma * sigma);
        double sumSq = 0.0;
        for (int t = 0; t < logY.length; t++) {
            double r = logY[t] - mu[t];
            sumSq += r * r;
            dMu[t] = r * precision;
        }
        int n = logY.length;
        dTheta[sigmaIndex] += -n / sigma + sumSq * precision / sigma;
        return -n * (HALF_LOG_TWO_PI + Math.log(sigma)) - 0.5 * sumSq * precision - sumLogY;
    }

    @Override
    public void pointwise(double[] theta, double[] mu, double[] out) {
        double sigma = theta[sigmaIndex];
        double constant = HALF_LOG_TWO_PI + Math.log(sigma);
        for (int t = 0; t < logY.length; t++) {
            double z = (logY[t] - mu[t]) / sigma;
            out[t] = -constant - 0.5 * z * z - logY[t];
        }
    }

    @Override
    public double sample(double[] theta, double mu, UniformRandomProvider rng) {
        return Math.exp(mu + theta[sigmaIndex] * ZigguratSampler.NormalizedGaussian.of(rng).sample());
    }
}
