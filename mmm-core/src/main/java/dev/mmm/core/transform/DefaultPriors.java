package dev.mmm.core.transform;

import dev.mmm.priors.Distribution;

/**
 * The default priors the transforms name. Interim: the distributions live in mmm-priors
 * (branch {@code priors}), which has not landed yet; until it does, asking for a default
 * prior fails loudly instead of returning a wrong one.
 */
final class DefaultPriors {

    private DefaultPriors() {
    }

    private static IllegalStateException notYet(String prior) {
        return new IllegalStateException("default prior " + prior + " needs the mmm-priors distributions, not merged yet");
    }

    static Distribution beta(double alpha, double beta) {
        throw notYet("Beta(" + alpha + ", " + beta + ")");
    }

    static Distribution halfNormal(double sigma) {
        throw notYet("HalfNormal(" + sigma + ")");
    }

    static Distribution gammaMeanSd(double mean, double sd) {
        throw notYet("Gamma(mu=" + mean + ", sigma=" + sd + ")");
    }

    static Distribution gammaShapeRate(double shape, double rate) {
        throw notYet("Gamma(shape=" + shape + ", rate=" + rate + ")");
    }
}
