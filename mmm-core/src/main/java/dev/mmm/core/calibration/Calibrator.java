package dev.mmm.core.calibration;

import dev.mmm.core.analysis.PosteriorAnalysis;
import dev.mmm.core.model.ChannelResponse;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.DensityTerm;
import dev.mmm.core.model.DerivedParameters;
import dev.mmm.core.model.SpecException;
import dev.mmm.core.model.SynergyTerm;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a spec's {@link Calibration} into the compiled model's components: one
 * {@link RoiParameterisation} per ROI prior (beta derived from the sampled roas) and one
 * {@link LiftTestTerm} per lift test, checked against the training data. Errors name the spec's
 * JSON path ({@code calibration.lift_tests[i]}, {@code calibration.roi_priors[i]}).
 */
public final class Calibrator {

    private Calibrator() {
    }

    /** The training model with its spec's calibration attached (the model itself when there is none). */
    public static CompiledModel attach(CompiledModel model) {
        Calibration calibration = model.spec().calibration();
        if (calibration.isEmpty()) {
            return model;
        }
        if (model.logLink()) {
            throw new SpecException("calibration: lift tests and ROI priors need an additive model; the "
                    + model.spec().likelihood().family() + " likelihood is multiplicative");
        }
        List<DerivedParameters> derived = new ArrayList<>();
        for (int i = 0; i < calibration.roiPriors().size(); i++) {
            derived.add(roiParameterisation(model, calibration.roiPriors().get(i), "calibration.roi_priors[" + i + "]"));
        }
        List<DensityTerm> terms = new ArrayList<>();
        for (int i = 0; i < calibration.liftTests().size(); i++) {
            terms.add(liftTestTerm(model, calibration.liftTests().get(i), i));
        }
        return model.withCalibration(derived, terms);
    }

    /** The lift-test terms of a calibrated model, in spec order (for {@link LiftTestCheck}). */
    public static List<LiftTestTerm> liftTestTerms(CompiledModel model) {
        List<LiftTestTerm> out = new ArrayList<>();
        for (DensityTerm t : model.densityTerms()) {
            if (t instanceof LiftTestTerm l) {
                out.add(l);
            }
        }
        return out;
    }

    private static int channelIndex(CompiledModel model, String channel, String path) {
        int c = model.spec().channelNames().indexOf(channel);
        if (c < 0) {
            throw new SpecException(path + ".channel: '" + channel + "' is not a channel; the channels are "
                    + String.join(", ", model.spec().channelNames()));
        }
        return c;
    }

    private static DerivedParameters roiParameterisation(CompiledModel model, RoiPrior prior, String path) {
        int c = channelIndex(model, prior.channel(), path);
        for (SynergyTerm s : model.synergyTerms()) {
            if (s.channelA().equals(prior.channel()) || s.channelB().equals(prior.channel())) {
                throw new SpecException(path + ": channel '" + prior.channel() + "' is in " + s.name()
                        + "; a ROI prior needs the channel's ROAS to be beta's alone");
            }
        }
        int[] rows = rows(model, prior.start(), prior.end(), path);
        int carryOverEnd = Math.min(model.rows(), rows[1] + model.maxLag() - 1);
        RoiPrior.Kind kind = prior.kind();
        WindowIncrement increment = switch (kind) {
            case ROAS, COST_PER_TARGET -> new WindowIncrement(model, c, rows[0], rows[1], carryOverEnd, 0.0);
            case MARGINAL_ROAS -> new WindowIncrement(model, c, rows[0], rows[1], carryOverEnd,
                    1.0 + PosteriorAnalysis.MARGINAL_STEP);
            case CONTRIBUTION_SHARE -> new WindowIncrement(model, c, rows[0], rows[1], rows[1], 0.0, true);
        };
        if (!(increment.windowSpend > 0.0)) {
            throw new SpecException(path + ": channel '" + prior.channel() + "' has no spend in the window "
                    + describe(model, rows) + ", so its " + kind.jsonName() + " is undefined");
        }
        double amount = switch (kind) {
            case ROAS, COST_PER_TARGET -> increment.windowSpend;
            case MARGINAL_ROAS -> -PosteriorAnalysis.MARGINAL_STEP * increment.windowSpend;
            case CONTRIBUTION_SHARE -> observedTarget(model, rows, path);
        };
        int beta = model.parameterNames().indexOf("beta[" + prior.channel() + "]");
        int sampled = model.parameterNames().indexOf(prior.parameterName());
        if (beta < 0 || sampled < 0) {
            throw new IllegalStateException(path + ": the model has no " + prior.parameterName() + " or beta parameter");
        }
        return new RoiParameterisation(increment, beta, sampled, model.scaling().targetScale(), amount,
                kind == RoiPrior.Kind.COST_PER_TARGET);
    }

    /** The observed target summed over the window (data units), which must be positive for a share. */
    private static double observedTarget(CompiledModel model, int[] rows, String path) {
        double[] y = model.source().column(model.spec().targetColumn());
        double total = 0.0;
        for (int t = rows[0]; t < rows[1]; t++) {
            total += y[t];
        }
        if (!(total > 0.0)) {
            throw new SpecException(path + ": the target sums to " + total + " over " + describe(model, rows)
                    + "; a contribution share needs a positive total");
        }
        return total;
    }

    private static LiftTestTerm liftTestTerm(CompiledModel model, LiftTest test, int i) {
        String path = "calibration.lift_tests[" + i + "]";
        int c = channelIndex(model, test.channel(), path);
        int[] rows = rows(model, test.start(), test.end(), path);
        int measureEnd;
        if (test.measuredUntil() == null) {
            measureEnd = Math.min(model.rows(), rows[1] + model.maxLag() - 1);
        } else {
            measureEnd = rows(model, test.start(), test.measuredUntil(), path + ".measured_until")[1];
        }
        WindowIncrement probe = new WindowIncrement(model, c, rows[0], rows[1], measureEnd, 1.0);
        double spend = probe.windowSpend;
        if (!(spend > 0.0)) {
            throw new SpecException(path + ": channel '" + test.channel() + "' has no spend in the data over "
                    + describe(model, rows) + "; the spend change is spread over the data's spend there");
        }
        double multiplier = 1.0 - test.deltaSpend() / spend;
        if (multiplier < 0.0) {
            throw new SpecException(path + ".delta_spend: " + test.deltaSpend() + " is more than the channel's spend "
                    + spend + " in the data over " + describe(model, rows)
                    + "; the counterfactual spend would be negative");
        }
        WindowIncrement increment = new WindowIncrement(model, c, rows[0], rows[1], measureEnd, multiplier);
        List<Integer> synergyIndex = new ArrayList<>();
        List<ChannelResponse> partners = new ArrayList<>();
        for (SynergyTerm s : model.synergyTerms()) {
            String partner = s.channelA().equals(test.channel()) ? s.channelB()
                    : s.channelB().equals(test.channel()) ? s.channelA() : null;
            if (partner != null) {
                synergyIndex.add(s.coefficientIndex());
                int p = model.spec().channelNames().indexOf(partner);
                partners.add(increment.windowModel.mediaTerm().channelResponses().get(p).copy());
            }
        }
        int beta = model.mediaTerm().betaIndex(c);
        return new LiftTestTerm("lift_test[" + i + "]", test, increment, beta, model.scaling().targetScale(),
                synergyIndex.stream().mapToInt(Integer::intValue).toArray(), partners.toArray(new ChannelResponse[0]));
    }

    /**
     * Training rows {@code [from, to)} dated from {@code start} to {@code end} inclusive (null: the
     * data's start or end). A range reaching outside the data, or holding no row, is an error.
     */
    static int[] rows(CompiledModel model, LocalDate start, LocalDate end, String path) {
        return rows(model.dates(), start, end, path);
    }

    /**
     * Rows {@code [from, to)} of {@code dates} (a model's regular, ascending dates) dated from
     * {@code start} to {@code end} inclusive; a range outside them, or holding no row, is a
     * {@link SpecException} starting with {@code path}.
     */
    public static int[] rows(LocalDate[] dates, LocalDate start, LocalDate end, String path) {
        LocalDate first = dates[0];
        long spacing = dates.length > 1 ? ChronoUnit.DAYS.between(dates[dates.length - 2], dates[dates.length - 1]) : 1;
        // The last row's period runs until the day before the next row would be dated.
        LocalDate lastDay = dates[dates.length - 1].plusDays(Math.max(0, spacing - 1));
        if ((start != null && start.isBefore(first)) || (end != null && end.isAfter(lastDay))) {
            throw new SpecException(path + ": the window " + (start == null ? first : start) + " to "
                    + (end == null ? lastDay : end) + " is outside the data, which runs from " + first + " to " + lastDay);
        }
        int from = 0;
        while (start != null && from < dates.length && dates[from].isBefore(start)) {
            from++;
        }
        int to = dates.length;
        while (end != null && to > 0 && dates[to - 1].isAfter(end)) {
            to--;
        }
        if (from >= to) {
            throw new SpecException(path + ": no data row is dated between " + start + " and " + end);
        }
        return new int[] {from, to};
    }

    private static String describe(CompiledModel model, int[] rows) {
        LocalDate[] dates = model.dates();
        return dates[rows[0]] + " to " + dates[rows[1] - 1];
    }
}
