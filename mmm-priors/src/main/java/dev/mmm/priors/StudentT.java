package dev.mmm.priors;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.TSampler;

/** StudentT(nu, mu, sigma): mu + sigma T with T a standard t with nu degrees of freedom. */
public final class StudentT extends ParametricDistribution {

    public static final String NAME = "StudentT";
    private static final String[] FIELDS = {"nu", "mu", "sigma"};

    private final double nu;
    private final double mu;
    private final double sigma;
    private final double logNormaliser;
    private final double dLogNormaliserDNu;

    public StudentT(double nu, double mu, double sigma) {
        super(NAME, FIELDS, Check.positive(NAME, "nu", nu), Check.finite(NAME, "mu", mu),
                Check.positive(NAME, "sigma", sigma));
        this.nu = nu;
        this.mu = mu;
        this.sigma = sigma;
        this.logNormaliser = standardLogNormaliser(nu) - Math.log(sigma);
        this.dLogNormaliserDNu = dStandardLogNormaliserDNu(nu);
    }

    /** log of Gamma((nu+1)/2) / (Gamma(nu/2) sqrt(nu pi)). */
    static double standardLogNormaliser(double nu) {
        return LogGamma.value(0.5 * (nu + 1.0)) - LogGamma.value(0.5 * nu) - 0.5 * (Math.log(nu) + Numerics.LN_PI);
    }

    static double dStandardLogNormaliserDNu(double nu) {
        return 0.5 * (Digamma.value(0.5 * (nu + 1.0)) - Digamma.value(0.5 * nu)) - 0.5 / nu;
    }

    /** log(1 + z^2 / nu) without overflow of z^2 for huge z. */
    static double log1pSquareOverNu(double z, double nu) {
        double t = z / Math.sqrt(nu);
        return Math.abs(t) > 1e150 ? 2.0 * Math.log(Math.abs(t)) : Math.log1p(t * t);
    }

    /** P(T <= z) for a standard t with nu degrees of freedom, accurate in the lower tail. */
    static double standardCdf(double z, double nu) {
        double z2 = z * z;
        if (z2 < nu) {
            // Near the centre nu / (nu + z^2) rounds to 1; use the mirrored incomplete beta instead.
            double central = 0.5 * RegularizedBeta.value(z2 / (nu + z2), 0.5, 0.5 * nu);
            return z < 0 ? 0.5 - central : 0.5 + central;
        }
        double tail = 0.5 * RegularizedBeta.value(nu / (nu + z2), 0.5 * nu, 0.5);
        return z < 0 ? tail : 1.0 - tail;
    }

    /** P(|T| <= z) for z >= 0. */
    static double absCdf(double z, double nu) {
        double z2 = z * z;
        if (z2 < nu) {
            return RegularizedBeta.value(z2 / (nu + z2), 0.5, 0.5 * nu);
        }
        return 1.0 - RegularizedBeta.value(nu / (nu + z2), 0.5 * nu, 0.5);
    }

    public double nu() {
        return nu;
    }

    public double mu() {
        return mu;
    }

    public double sigma() {
        return sigma;
    }

    @Override
    public Support support() {
        return Support.REAL;
    }

    @Override
    public double logDensity(double x) {
        if (Double.isInfinite(x)) {
            return Double.NEGATIVE_INFINITY;
        }
        double z = (x - mu) / sigma;
        return logNormaliser - 0.5 * (nu + 1.0) * log1pSquareOverNu(z, nu);
    }

    @Override
    public double dLogDensity(double x) {
        double z = (x - mu) / sigma;
        return -(nu + 1.0) * z / (sigma * (nu + z * z));
    }

    @Override
    public void dLogDensityDParameters(double x, double[] out) {
        double z = (x - mu) / sigma;
        double z2 = z * z;
        double shrink = z2 / (nu + z2);
        out[0] = dLogNormaliserDNu - 0.5 * log1pSquareOverNu(z, nu) + 0.5 * (nu + 1.0) * shrink / nu;
        out[1] = (nu + 1.0) * z / (sigma * (nu + z2));
        out[2] = ((nu + 1.0) * shrink - 1.0) / sigma;
    }

    @Override
    public double cdf(double x) {
        return standardCdf((x - mu) / sigma, nu);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return mu + sigma * TSampler.of(rng, nu).sample();
    }

    /** mu for nu > 1, undefined (NaN) otherwise. */
    @Override
    public double mean() {
        return nu > 1.0 ? mu : Double.NaN;
    }

    /** Infinite for 1 < nu <= 2, undefined (NaN) for nu <= 1. */
    @Override
    public double variance() {
        if (nu > 2.0) {
            return sigma * sigma * nu / (nu - 2.0);
        }
        return nu > 1.0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }
}
