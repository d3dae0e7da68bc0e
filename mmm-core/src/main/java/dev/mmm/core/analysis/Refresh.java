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
        CompiledModel before = previous.model();
        double[] theta = new double[before.parameterCount()];
        return warmStart(previous.posterior().adaptation(), before.dimension(), model.dimension(), chains,
                (oldPosition, newPosition) -> {
                    before.constrain(oldPosition, theta);
                    model.unconstrain(theta, newPosition);
                });
    }

    /** Moves a previous chain's last position into the coordinates of the refit's model. */
    @FunctionalInterface
    public interface PositionMap {
        /** Writes the refit's unconstrained coordinates of {@code oldPosition} into {@code newPosition}. */
        void map(double[] oldPosition, double[] newPosition);
    }

    /**
     * The warm start of any refit (national or geo) from a previous fit's per-chain adaptation:
     * one state per chain of {@code chains}, the chains that made draws reused in turn, each one's
     * last position moved by {@code map} into the refit's {@code newDimension} coordinates, with
     * its step size and diagonal metric.
     *
     * @throws IllegalArgumentException if no previous chain has a last position of {@code oldDimension} values
     */
    public static WarmStart warmStart(List<ChainAdaptation> previous, int oldDimension, int newDimension, int chains,
                                      PositionMap map) {
        List<ChainAdaptation> usable = new ArrayList<>();
        for (ChainAdaptation a : previous) {
            if (a.lastPosition().length == oldDimension) {
                usable.add(a);
            }
        }
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("the previous fit has no chain with draws to start from");
        }
        List<AdaptedState> states = new ArrayList<>();
        for (int c = 0; c < chains; c++) {
            ChainAdaptation a = usable.get(c % usable.size());
            double[] position = new double[newDimension];
            map.map(a.lastPosition(), position);
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

        /** The drift of one channel, moved when either new mean leaves its old 90% interval. */
        public static ChannelDrift of(String channel, Interval oldRoas, Interval newRoas, Interval oldContribution,
                                      Interval newContribution) {
            boolean moved = !oldRoas.covers(newRoas.mean()) || !oldContribution.covers(newContribution.mean());
            return new ChannelDrift(channel, oldRoas, newRoas, oldContribution, newContribution, moved);
        }
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
            out.add(ChannelDrift.of(o.channel(), o.roas(), n.roas(), o.contribution(), n.contribution()));
        }
        return new DriftReport(before.from(), before.to(), out);
    }
}
