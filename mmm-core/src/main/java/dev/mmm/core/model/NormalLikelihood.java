package dev.mmm.core.model;

import dev.mmm.core.numeric.Reductions;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** {@code ys[t] ~ Normal(mu[t], sigma)}. */
public final class NormalLikelihood implements Likelihood {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2.0 * Math.PI);

    private final double[] y;
    private final int sigmaIndex;

    public NormalLikelihood(double[] scaledTarget, int sigmaIndex) {
        this.y = scaledTarget;
        this.sigmaIndex = sigmaIndex;
    }

    @Override
    public String name() {
        return "normal";
    }

    @Override
    public double logLikelihood(double[] theta, double[] mu, double[] dMu, double[] dTheta) {
        double sigma = theta[sigmaIndex];
        double precision = 1.0 / (sigma * sigma);
        for (int t = 0; t < y.length; t++) {
            dMu[t] = y[t] - mu[t];
        }
        double sumSq = Reductions.dot(dMu, dMu, y.length);
        for (int t = 0; t < y.length; t++) {
            dMu[t] *= precision;
        }
        int n = y.length;
        dTheta[sigmaIndex] += -n / sigma + sumSq * precision / sigma;
        return -n * (HALF_LOG_TWO_PI + Math.log(sigma)) - 0.5 * sumSq * precision;
    }

    @Override
    public void pointwise(double[] theta, double[] mu, double[] out) {
        double sigma = theta[sigmaIndex];
        double constant = HALF_LOG_TWO_PI + Math.log(sigma);
        for (int t = 0; t < y.length; t++) {
            double z = (y[t] - mu[t]) / sigma;
            out[t] = -constant - 0.5 * z * z;
        }
    }

    @Override
    public double sample(double[] theta, double mu, UniformRandomProvider rng) {
        return mu + theta[sigmaIndex] * ZigguratSampler.NormalizedGaussian.of(rng).sample();
    }
}
