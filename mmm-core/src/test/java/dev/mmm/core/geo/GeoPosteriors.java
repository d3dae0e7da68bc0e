package dev.mmm.core.geo;

import dev.mmm.core.posterior.Posterior;

/** Posteriors for tests: draws at known value vectors (the truth). */
final class GeoPosteriors {

    private GeoPosteriors() {
    }

    static Posterior single(GeoModel model, double[] values) {
        return of(model, new double[][] {values});
    }

    /** One chain of the given value vectors. */
    static Posterior of(GeoModel model, double[][] draws) {
        return GeoSimulator.fixedDraws(model, draws);
    }
}
