package dev.mmm.core.calibration;

import dev.mmm.core.model.DerivedParameters;

/**
 * Meridian's ROI parameterisation of one channel: {@code roas[c]} is sampled (on the log scale)
 * with the stated prior and the coefficient is derived,
 * {@code beta[c] = roas[c] * spend / (targetScale * D)}, where spend is the channel's spend over
 * the window and D the sum of its shape response over the window and its carry-over less the same
 * with the window's spend zeroed ({@link WindowIncrement}), at the current adstock and saturation
 * parameters. The counterfactual ROAS of the model is then {@code roas[c]} exactly.
 *
 * <p>The other kinds use the same form {@code beta = q * A / (targetScale * D)} (or
 * {@code A / (q * targetScale * D)} for cost per target, {@code q = 1 / ROAS}) with their own A and
 * D: marginal ROAS {@code A = -step * spend} and D against the window's spend raised by the step
 * (so D < 0); contribution share {@code A} = the observed target over the window and D the
 * response summed over the window's rows.
 *
 * <p>No Jacobian of {@code roas -> beta} is added: the prior is stated on roas, which is what is
 * sampled. The gradient of beta flows into roas ({@code spend / (scale D)}) and into the adstock
 * and saturation parameters ({@code -beta / D * dD/dshape}).
 */
final class RoiParameterisation implements DerivedParameters {

    private final WindowIncrement increment;
    private final int betaIndex;
    private final int roasIndex;
    private final double targetScale;
    /** A in {@code beta = q * A / (scale * D)}. */
    private final double amount;
    /** True when the sampled quantity is the reciprocal of beta's multiple (cost per target). */
    private final boolean inverse;
    private final int[] derived;
    private double lastD;
    private double lastFactor;

    RoiParameterisation(WindowIncrement increment, int betaIndex, int roasIndex, double targetScale, double amount,
                        boolean inverse) {
        this.increment = increment;
        this.betaIndex = betaIndex;
        this.roasIndex = roasIndex;
        this.targetScale = targetScale;
        this.amount = amount;
        this.inverse = inverse;
        this.derived = new int[] {betaIndex};
    }

    @Override
    public int[] derivedIndices() {
        return derived.clone();
    }

    @Override
    public void derive(double[] theta) {
        lastD = increment.forward(theta);
        lastFactor = amount / (targetScale * lastD);
        double q = theta[roasIndex];
        theta[betaIndex] = (inverse ? 1.0 / q : q) * lastFactor;
    }

    @Override
    public void reverse(double[] theta, double[] dTheta) {
        double g = dTheta[betaIndex];
        dTheta[betaIndex] = 0.0;
        if (g == 0.0) {
            return;
        }
        double q = theta[roasIndex];
        dTheta[roasIndex] += inverse ? -g * theta[betaIndex] / q : g * lastFactor;
        increment.reverse(-g * theta[betaIndex] / lastD, dTheta);
    }

    @Override
    public RoiParameterisation copy() {
        return new RoiParameterisation(increment.copy(), betaIndex, roasIndex, targetScale, amount, inverse);
    }
}
