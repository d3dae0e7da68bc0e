package dev.mmm.core.calibration;

import dev.mmm.core.analysis.Interval;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.ModelParameter;
import dev.mmm.core.posterior.Posterior;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Prior against posterior ROAS per channel, over the channel's ROI-prior window (every training
 * row for a channel without one): the prior by drawing every sampled parameter from its prior and
 * deriving the rest, the posterior from the draws, both through the same counterfactual
 * ({@code scale * beta * D / spend}, the channel's media term: a synergy's share is not in it;
 * {@code PosteriorAnalysis.channels} gives ROAS with synergies).
 *
 * @param statedPrior true when the channel has a prior on its ROAS, which the prior column then is
 */
public record RoasCheck(String channel, boolean statedPrior, Interval prior, Interval posterior) {

    /** One row per channel in spec order; {@code priorDraws} prior draws from {@code seed}. */
    public static List<RoasCheck> of(CompiledModel model, Posterior posterior, int priorDraws, long seed) {
        if (!posterior.parameterNames().equals(model.parameterNames())) {
            throw new IllegalArgumentException("the posterior's parameters are not the model's");
        }
        List<String> channels = model.spec().channelNames();
        Calibration calibration = model.spec().calibration();
        CompiledModel own = model.copyForChain();
        List<ModelParameter> parameters = own.parameters();
        double[][] priorTheta = new double[priorDraws][];
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] u = new double[own.dimension()];
        for (int d = 0; d < priorDraws; d++) {
            double[] x = new double[parameters.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = parameters.get(i).prior().sample(rng);
            }
            // Derived parameters (beta of a ROI channel) follow from the sampled ones.
            own.unconstrain(x, u);
            own.constrain(u, x);
            priorTheta[d] = x;
        }
        List<RoasCheck> out = new ArrayList<>();
        double[] theta = new double[parameters.size()];
        for (int c = 0; c < channels.size(); c++) {
            RoiPrior roi = calibration.roiPrior(channels.get(c));
            int[] rows = roi == null ? new int[] {0, model.rows()}
                    : Calibrator.rows(model, roi.start(), roi.end(), "roi prior");
            int measureEnd = Math.min(model.rows(), rows[1] + model.maxLag() - 1);
            WindowIncrement increment = new WindowIncrement(model, c, rows[0], rows[1], measureEnd, 0.0);
            int beta = model.mediaTerm().betaIndex(c);
            double perSpend = model.scaling().targetScale() / increment.windowSpend;
            double[] priorRoas = new double[priorDraws];
            for (int d = 0; d < priorDraws; d++) {
                priorRoas[d] = perSpend * priorTheta[d][beta] * increment.forward(priorTheta[d]);
            }
            double[] postRoas = new double[posterior.drawCount()];
            for (int d = 0; d < postRoas.length; d++) {
                posterior.drawInto(d, theta);
                postRoas[d] = perSpend * theta[beta] * increment.forward(theta);
            }
            out.add(new RoasCheck(channels.get(c), roi != null && roi.kind() == RoiPrior.Kind.ROAS,
                    Interval.of(priorRoas), Interval.of(postRoas)));
        }
        return out;
    }
}
