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
 * <p>No Jacobian of {@code roas -> beta} is added: the prior is stated on roas, which is what is
 * sampled. The gradient of beta flows into roas ({@code spend / (scale D)}) and into the adstock
 * and saturation parameters ({@code -beta / D * dD/dshape}).
 */
final class RoiParameterisation implements DerivedParameters {

    private final WindowIncrement increment;
    private final int betaIndex;
    private final int roasIndex;
    private final double targetScale;
    private final int[] derived;
    private double lastD;
    private double lastFactor;

    RoiParameterisation(WindowIncrement increment, int betaIndex, int roasIndex, double targetScale) {
        this.increment = increment;
        this.betaIndex = betaIndex;
        this.roasIndex = roasIndex;
        this.targetScale = targetScale;
        this.derived = new int[] {betaIndex};
    }

    @Override
    public int[] derivedIndices() {
        return derived.clone();
    }

    @Override
    public void derive(double[] theta) {
        lastD = increment.forward(theta);
        lastFactor = increment.windowSpend / (targetScale * lastD);
        theta[betaIndex] = theta[roasIndex] * lastFactor;
    }

    @Override
    public void reverse(double[] theta, double[] dTheta) {
        double g = dTheta[betaIndex];
        dTheta[betaIndex] = 0.0;
        if (g == 0.0) {
            return;
        }
        dTheta[roasIndex] += g * lastFactor;
        increment.reverse(-g * theta[betaIndex] / lastD, dTheta);
    }

    @Override
    public RoiParameterisation copy() {
        return new RoiParameterisation(increment.copy(), betaIndex, roasIndex, targetScale);
    }
}
