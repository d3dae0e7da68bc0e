package dev.mmm.core.analysis;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.posterior.ChainAdaptation;
import dev.mmm.sampler.AdaptedState;
import dev.mmm.sampler.WarmStart;
import java.util.ArrayList;
import java.util.List;

/**
 * Refitting a model when new weeks arrive, warm-started from the previous fit: each chain starts
 * where the previous fit's chain ended (mapped through the new model's scaling: the values are
 * the same, their unconstrained coordinates move with the new scales) with its step size and
 * metric, so a short warm-up re-tunes instead of searching from scratch. Then a drift report:
 * which channels' ROAS and contribution moved outside the previous fit's 90% interval.
 */
public final class Refresh {

    /** Warm-up iterations of a refresh by default: a quarter of Stan's cold 1000. */
    public static final int DEFAULT_WARMUP = 250;

    private Refresh() {
    }

    /**
     * The warm start of a refit of {@code previous}'s spec on {@code data}, one state per chain of
     * {@code chains} (the previous chains are reused in turn when there are more).
     */
    public static WarmStart warmStart(MmmFit previous, Dataset data, int chains) {
        ModelSpec spec = previous.spec();
        CompiledModel model = spec.compile(data);
        if (!model.parameterNames().equals(previous.parameterNames())) {
            throw new IllegalArgumentException("the refit's parameters " + model.parameterNames()
                    + " are not the previous fit's " + previous.parameterNames());
        }
        List<ChainAdaptation> old = previous.posterior().adaptation();
        List<ChainAdaptation> usable = new ArrayList<>();
        for (ChainAdaptation a : old) {
            if (a.lastPosition().length == previous.model().dimension()) {
                usable.add(a);
            }
        }
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("the previous fit has no chain with draws to start from");
        }
        double[] theta = new double[previous.model().parameterCount()];
        List<AdaptedState> states = new ArrayList<>();
        for (int c = 0; c < chains; c++) {
            ChainAdaptation a = usable.get(c % usable.size());
            previous.model().constrain(a.lastPosition(), theta);
            double[] position = new double[model.dimension()];
            model.unconstrain(theta, position);
            states.add(new AdaptedState(a.stepSize(), a.inverseMetricDiagonal(), null, position));
        }
        return new WarmStart(states);
    }

    /**
     * One channel old vs new over the previous fit's window.
     *
     * @param moved whether the new posterior mean ROAS or contribution lies outside the old 90% interval
     */
    public record ChannelDrift(String channel, Interval oldRoas, Interval newRoas, Interval oldContribution,
                               Interval newContribution, boolean moved) {
    }

    /** The drift of every channel, judged over the previous fit's rows (both fits see them). */
    public record DriftReport(java.time.LocalDate from, java.time.LocalDate to, List<ChannelDrift> channels) {

        public List<String> movedChannels() {
            return channels.stream().filter(ChannelDrift::moved).map(ChannelDrift::channel).toList();
        }
    }

    public static DriftReport drift(MmmFit previous, MmmFit refreshed) {
        CompiledModel oldModel = previous.model();
        java.time.LocalDate[] dates = oldModel.dates();
        Window oldWindow = Window.all(oldModel);
        Window sameRows = Window.between(refreshed.model(), dates[0], dates[dates.length - 1]);
        ChannelTable before = PosteriorAnalysis.of(previous).channels(oldWindow);
        ChannelTable after = PosteriorAnalysis.of(refreshed).channels(sameRows);
        List<ChannelDrift> out = new ArrayList<>();
        for (ChannelSummary o : before.channels()) {
            ChannelSummary n = after.channel(o.channel());
            boolean moved = !o.roas().covers(n.roas().mean()) || !o.contribution().covers(n.contribution().mean());
            out.add(new ChannelDrift(o.channel(), o.roas(), n.roas(), o.contribution(), n.contribution(), moved));
        }
        return new DriftReport(before.from(), before.to(), out);
    }
}
