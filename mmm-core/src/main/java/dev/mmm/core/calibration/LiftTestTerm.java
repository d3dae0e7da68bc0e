package dev.mmm.core.calibration;

import dev.mmm.core.model.ChannelResponse;
import dev.mmm.core.model.DensityTerm;
import java.util.Arrays;

/**
 * A lift test's log-density term: its measurement against the model's own lift, the expected
 * target with the data's spend less the expected target with the test's spend change removed over
 * the test window, summed over the measured rows (the carry-over past the window's end included),
 * in target units:
 * {@code m = scale * [beta * D + sum_s synergy_s * sum_{r >= h} (f_a - f_cf)[r] * f_s[r]]},
 * D as in {@link WindowIncrement}, one synergy sum per synergy term of the channel (its partner's
 * response f_s does not change). The gradient flows into beta, the synergy coefficients, and every
 * adstock and saturation parameter involved, through the responses' reverse passes.
 */
public final class LiftTestTerm implements DensityTerm {

    private final String name;
    private final LiftTest test;
    private final WindowIncrement increment;
    private final int betaIndex;
    private final double scale;
    private final int[] synergyIndex;
    private final ChannelResponse[] partners;
    private final double[] partnerWeight;
    private final LiftDensity density;

    LiftTestTerm(String name, LiftTest test, WindowIncrement increment, int betaIndex, double targetScale,
                 int[] synergyIndex, ChannelResponse[] partners) {
        this.name = name;
        this.test = test;
        this.increment = increment;
        this.betaIndex = betaIndex;
        this.scale = targetScale;
        this.synergyIndex = synergyIndex.clone();
        this.partners = partners.clone();
        this.partnerWeight = new double[increment.rows];
        this.density = new LiftDensity(test);
    }

    @Override
    public String name() {
        return name;
    }

    public LiftTest test() {
        return test;
    }

    /** The channel's spend in the data over the test window (data units). */
    public double windowSpend() {
        return increment.windowSpend;
    }

    /** The model's lift at constrained theta (target units). Uses this instance's scratch; allocates nothing. */
    public double modelLift(double[] theta) {
        double d = increment.forward(theta);
        double m = theta[betaIndex] * d;
        for (int s = 0; s < partners.length; s++) {
            double[] fb = partners[s].forward(theta);
            double sum = 0.0;
            for (int r = increment.history; r < increment.rows; r++) {
                sum += increment.difference(r) * fb[r];
            }
            m += theta[synergyIndex[s]] * sum;
        }
        return scale * m;
    }

    @Override
    public double addLogDensity(double[] theta, double[] dTheta) {
        double d = increment.forward(theta);
        double beta = theta[betaIndex];
        double m = beta * d;
        for (int s = 0; s < partners.length; s++) {
            double[] fb = partners[s].forward(theta);
            double sum = 0.0;
            for (int r = increment.history; r < increment.rows; r++) {
                sum += increment.difference(r) * fb[r];
            }
            m += theta[synergyIndex[s]] * sum;
        }
        m *= scale;
        double logDensity = density.logDensity(m);
        if (logDensity == Double.NEGATIVE_INFINITY) {
            return logDensity;
        }
        double dm = density.dLogDensity(m);
        // d m / d beta = scale * D; the shape parameters through both responses' reverse passes.
        double g = dm * scale;
        dTheta[betaIndex] += g * d;
        double[] w = increment.weights();
        for (int r = increment.history; r < increment.rows; r++) {
            w[r] = g * beta;
        }
        for (int s = 0; s < partners.length; s++) {
            double[] fb = partners[s].lastResponse();
            double coefficient = theta[synergyIndex[s]];
            double sum = 0.0;
            Arrays.fill(partnerWeight, 0, increment.history, 0.0);
            for (int r = increment.history; r < increment.rows; r++) {
                double diff = increment.difference(r);
                sum += diff * fb[r];
                w[r] += g * coefficient * fb[r];
                partnerWeight[r] = g * coefficient * diff;
            }
            dTheta[synergyIndex[s]] += g * sum;
            partners[s].reverse(partnerWeight, dTheta);
        }
        increment.reverseWeighted(dTheta);
        return logDensity;
    }

    @Override
    public LiftTestTerm copy() {
        ChannelResponse[] fresh = new ChannelResponse[partners.length];
        for (int s = 0; s < partners.length; s++) {
            fresh[s] = partners[s].copy();
        }
        return new LiftTestTerm(name, test, increment.copy(), betaIndex, scale, synergyIndex, fresh);
    }
}
