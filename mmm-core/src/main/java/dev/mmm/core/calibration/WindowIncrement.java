package dev.mmm.core.calibration;

import dev.mmm.core.model.ChannelResponse;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.ModelInputs;

/**
 * One channel's shape response over a window of training rows, with the data's spend and with
 * the window's spend scaled by a multiplier, and their difference summed over the measured rows:
 * {@code D = sum_{r >= h} (f_actual[r] - f_counterfactual[r])}. The rows are the window with
 * {@code maxLag - 1} carry-in rows before it and the measured rows after it, exactly as
 * {@code PosteriorAnalysis} cuts them, so {@code scale * beta * D} is the counterfactual increment
 * it reports. Both responses are the compiled model's own {@link ChannelResponse}s, so their
 * reverse passes give the gradient of D in the channel's adstock and saturation parameters.
 *
 * <p>Holds scratch: one instance per thread ({@link #copy()}).
 */
final class WindowIncrement {

    final int channel;
    final String name;
    /** First measured row of the window model (rows before it only carry adstock in). */
    final int history;
    final int rows;
    /** The channel's spend over the window rows, data units. */
    final double windowSpend;
    final double multiplier;
    final CompiledModel windowModel;
    private final ChannelResponse actual;
    private final ChannelResponse counterfactual;
    private final double[] weight;
    private final double[] negated;

    /**
     * @param from       first window row of the training data
     * @param to         first row past the window
     * @param measureEnd first training row past the measured rows ({@code >= to})
     * @param multiplier the counterfactual's spend over the window, per unit of the data's
     */
    WindowIncrement(CompiledModel training, int channel, int from, int to, int measureEnd, double multiplier) {
        this(training, channel, from, to, measureEnd, multiplier, false);
    }

    /**
     * @param noSpendAtAll a counterfactual with no spend in any row (carry-in rows too), so D is
     *                     the response summed over the measured rows: the attributed contribution
     */
    WindowIncrement(CompiledModel training, int channel, int from, int to, int measureEnd, double multiplier,
                    boolean noSpendAtAll) {
        this.channel = channel;
        this.name = training.spec().channelNames().get(channel);
        this.multiplier = multiplier;
        ModelInputs inputs = ModelInputs.window(training.source(), from, to, training.maxLag(), measureEnd - to);
        this.windowModel = training.withInputs(inputs);
        this.history = inputs.historyRows();
        this.rows = inputs.rows().rows();
        double[] spend = inputs.rows().column(name);
        double scale = training.scaling().channelScale(name);
        double total = 0.0;
        double[] scaled = new double[rows];
        for (int r = 0; r < rows; r++) {
            boolean inWindow = r >= history && r < history + (to - from);
            if (inWindow) {
                total += spend[r];
            }
            scaled[r] = noSpendAtAll ? 0.0 : (inWindow ? spend[r] * multiplier : spend[r]) / scale;
        }
        this.windowSpend = total;
        this.actual = windowModel.mediaTerm().channelResponses().get(channel).copy();
        this.counterfactual = actual.withInput(scaled);
        this.weight = new double[rows];
        this.negated = new double[rows];
    }

    private WindowIncrement(WindowIncrement o) {
        this.channel = o.channel;
        this.name = o.name;
        this.history = o.history;
        this.rows = o.rows;
        this.windowSpend = o.windowSpend;
        this.multiplier = o.multiplier;
        this.windowModel = o.windowModel;
        this.actual = o.actual.copy();
        this.counterfactual = o.counterfactual.copy();
        this.weight = new double[rows];
        this.negated = new double[rows];
    }

    WindowIncrement copy() {
        return new WindowIncrement(this);
    }

    /** Runs both forward passes at theta and returns D. */
    double forward(double[] theta) {
        double[] fa = actual.forward(theta);
        double[] fc = counterfactual.forward(theta);
        double d = 0.0;
        for (int r = history; r < rows; r++) {
            d += fa[r] - fc[r];
        }
        return d;
    }

    /** {@code f_actual[r] - f_counterfactual[r]} from the last {@link #forward}. */
    double difference(int r) {
        return actual.lastResponse()[r] - counterfactual.lastResponse()[r];
    }

    /** The weight buffer for {@link #reverseWeighted}: fill rows {@code >= history}; rows before are ignored. */
    double[] weights() {
        return weight;
    }

    /**
     * {@code dTheta += d/dshape sum_{r >= h} w[r] (f_actual[r] - f_counterfactual[r])} with w the
     * {@link #weights()} buffer, after {@link #forward} at the same theta.
     */
    void reverseWeighted(double[] dTheta) {
        for (int r = 0; r < history; r++) {
            weight[r] = 0.0;
        }
        for (int r = 0; r < rows; r++) {
            negated[r] = -weight[r];
        }
        actual.reverse(weight, dTheta);
        counterfactual.reverse(negated, dTheta);
    }

    /** {@code dTheta += c * dD/dshape}, after {@link #forward} at the same theta. */
    void reverse(double c, double[] dTheta) {
        for (int r = history; r < rows; r++) {
            weight[r] = c;
        }
        reverseWeighted(dTheta);
    }
}
