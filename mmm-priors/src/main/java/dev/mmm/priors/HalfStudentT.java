package dev.mmm.priors;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.TSampler;

/** HalfStudentT(nu, sigma): |StudentT(nu, 0, sigma)| on [0, inf). */
public final class HalfStudentT extends ParametricDistribution {

    public static final String NAME = "HalfStudentT";
    private static final String[] FIELDS = {"nu", "sigma"};

    private final double nu;
    private final double sigma;
    private final double logNormaliser;
    private final double dLogNormaliserDNu;

    public HalfStudentT(double nu, double sigma) {
        super(NAME, FIELDS, Check.positive(NAME, "nu", nu), Check.positive(NAME, "sigma", sigma));
        this.nu = nu;
        this.sigma = sigma;
        this.logNormaliser = Numerics.LN_2 + StudentT.standardLogNormaliser(nu) - Math.log(sigma);
        this.dLogNormaliserDNu = StudentT.dStandardLogNormaliserDNu(nu);
    }

    public double nu() {
        return nu;
    }

    public double sigma() {
        return sigma;
    }

    @Override
    public Support support() {
        return Support.POSITIVE;
    }

    @Override
    public double logDensity(double x) {
        if (!(x >= 0.0) || x == Double.POSITIVE_INFINITY) {
            return Double.isNaN(x) ? Double.NaN : Double.NEGATIVE_INFINITY;
        }
        return logNormaliser - 0.5 * (nu + 1.0) * StudentT.log1pSquareOverNu(x / sigma, nu);
    }

    @Override
    public double dLogDensity(double x) {
        double z = x / sigma;
        return -(nu + 1.0) * z / (sigma * (nu + z * z));
    }

    @Override
    public void dLogDensityDParameters(double x, double[] out) {
        double z = x / sigma;
        double z2 = z * z;
        double shrink = z2 / (nu + z2);
        out[0] = dLogNormaliserDNu - 0.5 * StudentT.log1pSquareOverNu(z, nu) + 0.5 * (nu + 1.0) * shrink / nu;
        out[1] = ((nu + 1.0) * shrink - 1.0) / sigma;
    }

    @Override
    public double cdf(double x) {
        if (x <= 0.0) {
            return 0.0;
        }
        return StudentT.absCdf(x / sigma, nu);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return sigma * Math.abs(TSampler.of(rng, nu).sample());
    }

    /** 2 sigma sqrt(nu / pi) Gamma((nu+1)/2) / (Gamma(nu/2) (nu - 1)) for nu > 1, else infinite. */
    @Override
    public double mean() {
        if (!(nu > 1.0)) {
            return Double.POSITIVE_INFINITY;
        }
        double logRatio = LogGamma.value(0.5 * (nu + 1.0)) - LogGamma.value(0.5 * nu);
        return 2.0 * sigma * Math.sqrt(nu / Math.PI) * Math.exp(logRatio) / (nu - 1.0);
    }

    /** Infinite for nu <= 2. */
    @Override
    public double variance() {
        if (!(nu > 2.0)) {
            return Double.POSITIVE_INFINITY;
        }
        double m = mean();
        return sigma * sigma * nu / (nu - 2.0) - m * m;
    }
}
