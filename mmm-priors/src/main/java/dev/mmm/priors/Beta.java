package dev.mmm.priors;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;

/** Beta(alpha, beta) on [0, 1]. */
public final class Beta extends ParametricDistribution implements IntervalDensity {

    public static final String NAME = "Beta";
    private static final String[] FIELDS = {"alpha", "beta"};

    private final double alpha;
    private final double beta;
    private final double logNormaliser;
    private final double digammaAlpha;
    private final double digammaBeta;
    private final double digammaSum;

    public Beta(double alpha, double beta) {
        super(NAME, FIELDS, Check.positive(NAME, "alpha", alpha), Check.positive(NAME, "beta", beta));
        this.alpha = alpha;
        this.beta = beta;
        this.logNormaliser = -LogBeta.value(alpha, beta);
        this.digammaAlpha = Digamma.value(alpha);
        this.digammaBeta = Digamma.value(beta);
        this.digammaSum = Digamma.value(alpha + beta);
    }

    /**
     * The Beta with this mean and standard deviation: with kappa = mean (1 - mean) / sd^2 - 1,
     * alpha = mean kappa and beta = (1 - mean) kappa. Needs sd^2 < mean (1 - mean).
     */
    public static Beta ofMeanSd(double mean, double sd) {
        if (!(mean > 0.0 && mean < 1.0)) {
            throw new ParameterException(NAME, "mu", "must be in (0, 1)", mean);
        }
        Check.positive(NAME, "sigma", sd);
        double spread = mean * (1.0 - mean);
        if (!(sd * sd < spread)) {
            throw new ParameterException(NAME, "sigma", "must be < sqrt(mu (1 - mu)) = " + Math.sqrt(spread), sd);
        }
        double kappa = spread / (sd * sd) - 1.0;
        return new Beta(mean * kappa, (1.0 - mean) * kappa);
    }

    public double alpha() {
        return alpha;
    }

    public double beta() {
        return beta;
    }

    @Override
    public Support support() {
        return Support.UNIT_INTERVAL;
    }

    @Override
    public double logDensity(double x) {
        if (!(x >= 0.0 && x <= 1.0)) {
            return Double.isNaN(x) ? Double.NaN : Double.NEGATIVE_INFINITY;
        }
        return logNormaliser + Numerics.xlogy(alpha - 1.0, x) + Numerics.xlog1py(beta - 1.0, -x);
    }

    @Override
    public double logDensityInterval(double fromLower, double toUpper) {
        return logNormaliser + Numerics.xlogy(alpha - 1.0, fromLower) + Numerics.xlogy(beta - 1.0, toUpper);
    }

    @Override
    public double dLogDensityTimesSpan(double fromLower, double toUpper) {
        return (alpha - 1.0) * toUpper - (beta - 1.0) * fromLower;
    }

    @Override
    public double dLogDensity(double x) {
        double left = alpha == 1.0 ? 0.0 : (alpha - 1.0) / x;
        double right = beta == 1.0 ? 0.0 : (beta - 1.0) / (1.0 - x);
        return left - right;
    }

    @Override
    public void dLogDensityDParameters(double x, double[] out) {
        out[0] = Math.log(x) - digammaAlpha + digammaSum;
        out[1] = Math.log1p(-x) - digammaBeta + digammaSum;
    }

    @Override
    public double cdf(double x) {
        if (x <= 0.0) {
            return 0.0;
        }
        return x >= 1.0 ? 1.0 : RegularizedBeta.value(x, alpha, beta);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return ChengBetaSampler.of(rng, alpha, beta).sample();
    }

    @Override
    public double mean() {
        return alpha / (alpha + beta);
    }

    @Override
    public double variance() {
        double sum = alpha + beta;
        return alpha * beta / (sum * sum * (sum + 1.0));
    }
}
