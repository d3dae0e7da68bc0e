package dev.mmm.priors;

import org.apache.commons.rng.UniformRandomProvider;

/** Small numerically careful helpers shared by the distributions and bijectors. */
final class Numerics {

    static final double LN_2 = 0.6931471805599453;
    /** log(sqrt(2 pi)). */
    static final double LN_SQRT_2PI = 0.9189385332046728;
    /** log(pi). */
    static final double LN_PI = 1.1447298858494002;
    static final double SQRT_2 = 1.4142135623730951;
    static final double INV_SQRT_2PI = 0.3989422804014327;

    private Numerics() {
    }

    /** log(1 + exp(x)) without overflow or loss of precision in either tail. */
    static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /** 1 / (1 + exp(-x)), accurate for large |x|. */
    static double logistic(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /**
     * A uniform draw from the open interval (0, 1): never 0, so logarithms and
     * inverse cdfs of the draw stay finite.
     */
    static double openUnit(UniformRandomProvider rng) {
        return ((rng.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
    }

    /** c * log(x) with the convention 0 * log(0) = 0, as needed at closed bounds. */
    static double xlogy(double c, double x) {
        return c == 0.0 ? 0.0 : c * Math.log(x);
    }

    /** c * log1p(x) with 0 * log1p(-1) = 0. */
    static double xlog1py(double c, double x) {
        return c == 0.0 ? 0.0 : c * Math.log1p(x);
    }
}
