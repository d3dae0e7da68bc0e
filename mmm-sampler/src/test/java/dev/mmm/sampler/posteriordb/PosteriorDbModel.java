package dev.mmm.sampler.posteriordb;

import dev.mmm.sampler.LogDensity;
import java.util.List;

/**
 * A posteriordb posterior written by hand: log density and gradient on the unconstrained scale
 * (Jacobians included, constants dropped as Stan's {@code ~} does) and the map back to the
 * constrained parameters under the names the reference draws use.
 */
abstract class PosteriorDbModel implements LogDensity {

    /** The posteriordb name, also the directory under {@code src/test/resources/dev/mmm/sampler/reference/posteriordb}. */
    abstract String posteriorName();

    /** Constrained parameter names in the order {@link #constrain} writes them. */
    abstract List<String> parameterNames();

    /** Writes the constrained parameters of the unconstrained point {@code q} into {@code out}. */
    abstract void constrain(double[] q, double[] out);

    /** log(1 + (x/scale)^2): minus the half-Cauchy(0, scale) log density up to a constant. */
    static double log1pSquared(double x, double scale) {
        double r = x / scale;
        return Math.log1p(r * r);
    }

    /** d/dx of {@link #log1pSquared}. */
    static double log1pSquaredDerivative(double x, double scale) {
        double r = x / scale;
        return 2 * r / scale / (1 + r * r);
    }
}
