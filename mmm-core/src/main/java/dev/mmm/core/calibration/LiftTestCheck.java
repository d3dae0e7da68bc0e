package dev.mmm.core.calibration;

import dev.mmm.core.analysis.Interval;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.posterior.Posterior;
import java.util.ArrayList;
import java.util.List;

/**
 * How far each lift test's measurement sits from the fitted model's own lift for it: per test
 * the measured lift and its standard error, the posterior of the model's lift (the same quantity
 * its density term compares, draw by draw) and a z-score
 * {@code (measured - posterior mean) / sqrt(se^2 + posterior sd^2)}. |z| above 2 to 3 says the
 * experiment and the rest of the data disagree (or the model is wrong for that channel).
 *
 * @param posteriorSd sd of the model's lift over the draws
 */
public record LiftTestCheck(int index, LiftTest test, Interval posteriorLift, double posteriorSd, double z) {

    /**
     * One row per lift test of {@code model} (the calibrated training model, e.g.
     * {@code fit.model()}), in spec order, over every draw of {@code posterior}.
     */
    public static List<LiftTestCheck> of(CompiledModel model, Posterior posterior) {
        if (!posterior.parameterNames().equals(model.parameterNames())) {
            throw new IllegalArgumentException("the posterior's parameters are not the model's");
        }
        List<LiftTestTerm> terms = Calibrator.liftTestTerms(model);
        int draws = posterior.drawCount();
        double[] theta = new double[model.parameterCount()];
        List<LiftTestCheck> out = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            LiftTestTerm term = terms.get(i).copy();
            double[] lift = new double[draws];
            double sum = 0.0;
            for (int d = 0; d < draws; d++) {
                posterior.drawInto(d, theta);
                lift[d] = term.modelLift(theta);
                sum += lift[d];
            }
            double mean = sum / draws;
            double ss = 0.0;
            for (double v : lift) {
                ss += (v - mean) * (v - mean);
            }
            double sd = draws > 1 ? Math.sqrt(ss / (draws - 1)) : 0.0;
            LiftTest test = term.test();
            double z = (test.lift() - mean) / Math.sqrt(test.se() * test.se() + sd * sd);
            out.add(new LiftTestCheck(i, test, Interval.of(lift), sd, z));
        }
        return out;
    }

    /** A one-line description, e.g. for a report or the CLI. */
    public String describe() {
        return String.format("lift test %d (%s, %s to %s): measured %.4g +- %.4g, model %.4g [%.4g, %.4g], z %.2f",
                index, test.channel(), test.start(), test.end(), test.lift(), test.se(), posteriorLift.mean(),
                posteriorLift.q05(), posteriorLift.q95(), z);
    }
}
