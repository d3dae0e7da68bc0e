package dev.mmm.core.analysis;

import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.ModelInputs;
import dev.mmm.core.model.SynergyTerm;
import java.util.ArrayList;
import java.util.List;

/**
 * One channel's spend in a window scaled by several multipliers (0 = removed, 1 = as spent,
 * 1.01 = one percent more, ...), each as a re-fed model over the window plus the carry-in rows
 * before it and the {@code maxLag - 1} rows after it where the window's carry-over lands. Spend
 * outside the window stays as it was. Per draw it gives the expected target summed over the
 * window and its carry-over rows, in the target's units; differences between multipliers are
 * the channel's incremental effect, carry-over included, synergy terms with the channel included.
 */
final class ChannelCounterfactual {

    final int channel;
    final String name;
    final double[] multipliers;
    /** First reported row (after the carry-in history) and the first row past the window. */
    final int history;
    final int windowEnd;
    final int rows;
    final double windowSpend;
    private final CompiledModel base;
    private final CompiledModel[] models;
    private final int[] synergies;
    private final boolean logLink;
    private final double scale;
    private final int sigmaIndex;

    ChannelCounterfactual(CompiledModel training, Window window, int channel, double[] multipliers) {
        this.channel = channel;
        this.name = training.spec().channelNames().get(channel);
        this.multipliers = multipliers.clone();
        int lag = training.maxLag();
        ModelInputs inputs = ModelInputs.window(training.source(), window.from(), window.to(), lag, lag - 1);
        this.history = inputs.historyRows();
        this.windowEnd = history + window.rows();
        this.rows = inputs.rows().rows();
        double[] spend = inputs.rows().column(name);
        double total = 0.0;
        for (int r = history; r < windowEnd; r++) {
            total += spend[r];
        }
        this.windowSpend = total;
        this.base = training.withInputs(inputs);
        this.models = new CompiledModel[multipliers.length];
        for (int j = 0; j < multipliers.length; j++) {
            double[] scaled = spend.clone();
            for (int r = history; r < windowEnd; r++) {
                scaled[r] = spend[r] * multipliers[j];
            }
            models[j] = multipliers[j] == 1.0 ? base : training.withInputs(inputs.withColumn(name, scaled));
        }
        List<Integer> mine = new ArrayList<>();
        List<SynergyTerm> all = training.synergyTerms();
        for (int s = 0; s < all.size(); s++) {
            if (all.get(s).channelA().equals(name) || all.get(s).channelB().equals(name)) {
                mine.add(s);
            }
        }
        this.synergies = mine.stream().mapToInt(Integer::intValue).toArray();
        this.logLink = training.logLink();
        this.scale = training.scaling().targetScale();
        this.sigmaIndex = training.parameterNames().indexOf("sigma");
    }

    /** A thread's own copies of the models and buffers. */
    final class Workspace {
        final CompiledModel base = ChannelCounterfactual.this.base.copyForChain();
        final CompiledModel[] models = new CompiledModel[ChannelCounterfactual.this.models.length];
        final double[] mu = new double[rows];
        final double[] actualPart = new double[rows];
        final double[] part = new double[rows];
        final double[] buffer = new double[rows];
        /** This channel's attributed contribution over the window rows (no carry-over), after {@link #effects}. */
        double windowContribution;

        Workspace() {
            for (int j = 0; j < models.length; j++) {
                models[j] = ChannelCounterfactual.this.models[j] == ChannelCounterfactual.this.base ? base
                        : ChannelCounterfactual.this.models[j].copyForChain();
            }
        }
    }

    Workspace newWorkspace() {
        return new Workspace();
    }

    /** The channel's media series plus its synergy series on one model, into {@code out}. */
    private void part(CompiledModel model, double[] theta, Workspace w, double[] out) {
        model.channelContributionInto(theta, channel, out);
        for (int s : synergies) {
            model.synergyContributionInto(theta, s, w.buffer);
            for (int r = 0; r < rows; r++) {
                out[r] += w.buffer[r];
            }
        }
    }

    /**
     * {@code out[j]} = expected target over the reported rows with the window's spend times
     * {@code multipliers[j]}, up to a constant shared by every j (under the identity link the
     * rest of the mean cancels in differences and is left out).
     */
    void effects(double[] theta, Workspace w, double[] out) {
        if (!logLink) {
            w.base.channelContributionInto(theta, channel, w.actualPart);
            double contribution = 0.0;
            for (int r = history; r < windowEnd; r++) {
                contribution += w.actualPart[r];
            }
            w.windowContribution = scale * contribution;
            for (int j = 0; j < models.length; j++) {
                part(w.models[j], theta, w, w.part);
                double sum = 0.0;
                for (int r = history; r < rows; r++) {
                    sum += w.part[r];
                }
                out[j] = scale * sum;
            }
            return;
        }
        double kappa = sigmaIndex >= 0 ? Math.exp(0.5 * theta[sigmaIndex] * theta[sigmaIndex]) : 1.0;
        w.base.meanInto(theta, w.mu);
        w.base.channelContributionInto(theta, channel, w.buffer);
        double contribution = 0.0;
        for (int r = history; r < windowEnd; r++) {
            contribution += w.buffer[r] * LogLinkAttribution.share(w.mu[r]);
        }
        w.windowContribution = scale * kappa * contribution;
        part(w.base, theta, w, w.actualPart);
        for (int j = 0; j < models.length; j++) {
            part(w.models[j], theta, w, w.part);
            double sum = 0.0;
            for (int r = history; r < rows; r++) {
                sum += Math.exp(w.mu[r] - w.actualPart[r] + w.part[r]);
            }
            out[j] = scale * kappa * sum;
        }
    }
}
