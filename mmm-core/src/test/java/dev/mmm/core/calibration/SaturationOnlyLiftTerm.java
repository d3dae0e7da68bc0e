package dev.mmm.core.calibration;

import dev.mmm.core.model.ChannelResponse;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.DensityTerm;
import dev.mmm.core.transform.Transforms;

/**
 * PyMC-Marketing's lift-test comparison, for contrast: the model's lift is the saturation curve's
 * change alone, {@code scale * beta * sum_{t in window} [sat(x_t) - sat(x_t - delta_t)]}, with no
 * adstock (so no carry-in and no carry-over), against a Normal measurement. The same responses as
 * the real term but with the adstock replaced by none.
 */
final class SaturationOnlyLiftTerm implements DensityTerm {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2.0 * Math.PI);

    private final ChannelResponse actual;
    private final ChannelResponse counterfactual;
    private final int betaIndex;
    private final double scale;
    private final double lift;
    private final double se;
    private final double[] weight;
    private final double[] negated;

    private SaturationOnlyLiftTerm(ChannelResponse actual, ChannelResponse counterfactual, int betaIndex, double scale,
                                   double lift, double se) {
        this.actual = actual;
        this.counterfactual = counterfactual;
        this.betaIndex = betaIndex;
        this.scale = scale;
        this.lift = lift;
        this.se = se;
        this.weight = new double[actual.lastResponse().length];
        this.negated = new double[weight.length];
    }

    /** The test on channel c over training rows [from, to) with spend change delta (data units, spread pro rata). */
    static SaturationOnlyLiftTerm of(CompiledModel model, int c, int from, int to, double delta, double lift, double se) {
        String name = model.spec().channelNames().get(c);
        ChannelResponse trained = model.mediaTerm().channelResponses().get(c);
        double[] spend = model.source().column(name);
        double scaleX = model.scaling().channelScale(name);
        double total = 0.0;
        for (int t = from; t < to; t++) {
            total += spend[t];
        }
        double[] x = new double[to - from];
        double[] xc = new double[to - from];
        for (int t = from; t < to; t++) {
            x[t - from] = spend[t] / scaleX;
            xc[t - from] = spend[t] * (1.0 - delta / total) / scaleX;
        }
        ChannelResponse a = new ChannelResponse(name, x, Transforms.adstock("none", 1, true), trained.saturation(), false,
                new int[0], trained.saturationIndex());
        ChannelResponse b = new ChannelResponse(name, xc, Transforms.adstock("none", 1, true), trained.saturation(), false,
                new int[0], trained.saturationIndex());
        return new SaturationOnlyLiftTerm(a, b, model.mediaTerm().betaIndex(c), model.scaling().targetScale(), lift, se);
    }

    @Override
    public String name() {
        return "saturation_only_lift";
    }

    @Override
    public double addLogDensity(double[] theta, double[] dTheta) {
        double[] fa = actual.forward(theta);
        double[] fc = counterfactual.forward(theta);
        double d = 0.0;
        for (int r = 0; r < fa.length; r++) {
            d += fa[r] - fc[r];
        }
        double beta = theta[betaIndex];
        double m = scale * beta * d;
        double z = (lift - m) / se;
        double g = z / se * scale;
        dTheta[betaIndex] += g * d;
        java.util.Arrays.fill(weight, g * beta);
        java.util.Arrays.fill(negated, -g * beta);
        actual.reverse(weight, dTheta);
        counterfactual.reverse(negated, dTheta);
        return -0.5 * z * z - Math.log(se) - HALF_LOG_TWO_PI;
    }

    @Override
    public DensityTerm copy() {
        return new SaturationOnlyLiftTerm(actual.copy(), counterfactual.copy(), betaIndex, scale, lift, se);
    }
}
