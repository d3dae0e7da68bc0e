package dev.mmm.core.transform;

import dev.mmm.priors.Beta;
import dev.mmm.priors.Distribution;
import dev.mmm.priors.Gamma;
import dev.mmm.priors.HalfNormal;

/** The default priors the transforms name, in the parametrisations the anchors write them in. */
final class DefaultPriors {

    private DefaultPriors() {
    }

    static Distribution beta(double alpha, double beta) {
        return new Beta(alpha, beta);
    }

    static Distribution halfNormal(double sigma) {
        return new HalfNormal(sigma);
    }

    /** PyMC's {@code Gamma(mu=..., sigma=...)}. */
    static Distribution gammaMeanSd(double mean, double sd) {
        return Gamma.ofMeanSd(mean, sd);
    }

    /** PyMC's {@code Gamma(alpha=shape, beta=rate)}. */
    static Distribution gammaShapeRate(double shape, double rate) {
        return new Gamma(shape, rate);
    }
}
