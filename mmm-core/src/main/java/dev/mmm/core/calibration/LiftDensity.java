package dev.mmm.core.calibration;

import org.apache.commons.numbers.gamma.LogGamma;

/**
 * A lift test's measurement as a density in the model's lift {@code m} (target units), by its
 * {@link LiftLikelihood}: {@code lift ~ Normal(m, se)}, or {@code |lift| ~ Gamma(k, k / |m|)}
 * with {@code k = (lift / se)^2}. Shared by every model that calibrates on lift tests (national
 * {@link LiftTestTerm}, geo lift tests). Immutable.
 */
public final class LiftDensity {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2.0 * Math.PI);

    private final LiftTest test;
    /** Gamma: the shape fixed by the measurement, its constant part of the log density. */
    private final double shape;
    private final double gammaConstant;

    public LiftDensity(LiftTest test) {
        this.test = test;
        double y = Math.abs(test.lift());
        this.shape = (y / test.se()) * (y / test.se());
        this.gammaConstant = test.likelihood() == LiftLikelihood.GAMMA
                ? shape * Math.log(shape) - LogGamma.value(shape) + (shape - 1.0) * Math.log(y) : 0.0;
    }

    public LiftTest test() {
        return test;
    }

    /** The log density of the measurement given the model's lift m; minus infinity where it has none. */
    public double logDensity(double m) {
        double y = test.lift();
        if (test.likelihood() == LiftLikelihood.NORMAL) {
            double z = (y - m) / test.se();
            return -0.5 * z * z - Math.log(test.se()) - HALF_LOG_TWO_PI;
        }
        // |y| ~ Gamma(k, rate k / |m|): the model's lift has the measurement's sign when it is not 0.
        double am = Math.signum(y) * m;
        if (!(am > 0.0)) {
            return Double.NEGATIVE_INFINITY;
        }
        return gammaConstant - shape * Math.log(am) - shape * Math.abs(y) / am;
    }

    /** d {@link #logDensity} / d m (where the density is positive). */
    public double dLogDensity(double m) {
        double y = test.lift();
        if (test.likelihood() == LiftLikelihood.NORMAL) {
            // (y - m) / se, then / se again: bit for bit what the national term always computed.
            double z = (y - m) / test.se();
            return z / test.se();
        }
        double am = Math.signum(y) * m;
        return Math.signum(y) * (-shape / am + shape * Math.abs(y) / (am * am));
    }
}
