package dev.mmm.core.model;

import dev.mmm.priors.Distribution;
import dev.mmm.priors.Gamma;
import dev.mmm.priors.HalfNormal;
import dev.mmm.priors.Laplace;
import dev.mmm.priors.Normal;

/** The default priors of MODEL.md and of the terms beyond it, in one place. */
public final class DefaultPriors {

    private DefaultPriors() {
    }

    public static Distribution intercept(boolean logLink) {
        return logLink ? new Normal(0.0, 5.0) : new Normal(0.0, 2.0);
    }

    public static Distribution beta() {
        return new HalfNormal(2.0);
    }

    public static Distribution gamma() {
        return new Normal(0.0, 2.0);
    }

    public static Distribution fourier() {
        return new Laplace(0.0, 1.0);
    }

    public static Distribution sigma(boolean logLink) {
        return logLink ? new HalfNormal(0.5) : new HalfNormal(2.0);
    }

    /** Student-t degrees of freedom: Gamma(2, 0.1), the prior the Stan team recommends. */
    public static Distribution nu() {
        return new Gamma(2.0, 0.1);
    }

    public static Distribution event() {
        return new Normal(0.0, 2.0);
    }

    public static Distribution synergy() {
        return new Normal(0.0, 1.0);
    }

    public static Distribution trendK() {
        return new Normal(0.0, 0.05);
    }

    public static Distribution trendDelta() {
        return new Laplace(0.0, 0.25);
    }
}
