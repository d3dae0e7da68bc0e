package dev.mmm.core.model;

import dev.mmm.core.transform.Adstock;
import dev.mmm.core.transform.ChannelTransform;
import dev.mmm.core.transform.Saturation;

/**
 * Binds a {@link ChannelTransform} to one channel's scaled spend and to the positions of its
 * parameters in theta; the transform does all the arithmetic (forward and reverse, O(T*L)).
 *
 * <p>Holds a workspace and gather/scatter buffers sized at construction, so one instance serves
 * one thread; the forward pass caches what the reverse pass needs.
 */
public final class ChannelResponse {

    private final String channel;
    private final double[] input;
    private final int rows;
    private final ChannelTransform transform;
    private final int[] adstockIndex;
    private final int[] saturationIndex;

    private final ChannelTransform.Workspace workspace;
    private final double[] adstockParams;
    private final double[] saturationParams;
    private final double[] adstockGradient;
    private final double[] saturationGradient;
    private final double[] response;

    /**
     * @param input           scaled spend, one value per row (not copied: immutable by convention)
     * @param adstockIndex    theta index of each adstock parameter, in {@code adstock.parameterNames()} order
     * @param saturationIndex theta index of each saturation parameter
     */
    public ChannelResponse(String channel, double[] input, Adstock adstock, Saturation saturation,
                           boolean saturationFirst, int[] adstockIndex, int[] saturationIndex) {
        this(channel, input, new ChannelTransform(adstock, saturation,
                saturationFirst ? ChannelTransform.Order.SATURATION_FIRST : ChannelTransform.Order.ADSTOCK_FIRST),
                adstockIndex, saturationIndex);
    }

    private ChannelResponse(String channel, double[] input, ChannelTransform transform,
                            int[] adstockIndex, int[] saturationIndex) {
        if (adstockIndex.length != transform.adstock().parameterNames().size()
                || saturationIndex.length != transform.saturation().parameterNames().size()) {
            throw new IllegalArgumentException(channel + ": parameter index count does not match the transforms");
        }
        this.channel = channel;
        this.input = input;
        this.rows = input.length;
        this.transform = transform;
        this.adstockIndex = adstockIndex.clone();
        this.saturationIndex = saturationIndex.clone();
        this.workspace = transform.newWorkspace(rows);
        this.adstockParams = new double[adstockIndex.length];
        this.saturationParams = new double[saturationIndex.length];
        this.adstockGradient = new double[adstockIndex.length];
        this.saturationGradient = new double[saturationIndex.length];
        this.response = new double[rows];
    }

    /** A fresh instance with its own scratch over the same data. */
    public ChannelResponse copy() {
        return new ChannelResponse(channel, input, transform, adstockIndex, saturationIndex);
    }

    /** The same transforms over other scaled spend (counterfactuals, response curves). */
    public ChannelResponse withInput(double[] scaledInput) {
        return new ChannelResponse(channel, scaledInput.clone(), transform, adstockIndex, saturationIndex);
    }

    /** The mean of the scaled spend over the rows (0 for no rows). */
    public double meanInput() {
        double sum = 0.0;
        for (double x : input) {
            sum += x;
        }
        return rows == 0 ? 0.0 : sum / rows;
    }

    public String channel() {
        return channel;
    }

    /** theta index of each adstock parameter, in {@code adstock().parameterNames()} order (a copy). */
    public int[] adstockIndex() {
        return adstockIndex.clone();
    }

    /** theta index of each saturation parameter (a copy). */
    public int[] saturationIndex() {
        return saturationIndex.clone();
    }

    public Adstock adstock() {
        return transform.adstock();
    }

    public Saturation saturation() {
        return transform.saturation();
    }

    public boolean saturationFirst() {
        return transform.order() == ChannelTransform.Order.SATURATION_FIRST;
    }

    /**
     * Computes f[t] at theta and returns the internal buffer holding it (valid until the next call;
     * do not modify).
     */
    public double[] forward(double[] theta) {
        for (int j = 0; j < adstockParams.length; j++) {
            adstockParams[j] = theta[adstockIndex[j]];
        }
        for (int j = 0; j < saturationParams.length; j++) {
            saturationParams[j] = theta[saturationIndex[j]];
        }
        transform.forward(adstockParams, saturationParams, input, rows, response, workspace);
        return response;
    }

    /**
     * f[t] at theta for another scaled spend series of this response's length (a candidate
     * plan of the budget optimiser), without copying it; returns the internal buffer. The input
     * is held until the next forward call and must not change before {@link #inputGradient}.
     */
    public double[] forward(double[] theta, double[] scaledInput) {
        if (scaledInput.length != rows) {
            throw new IllegalArgumentException(channel + ": " + scaledInput.length + " input rows, this response has "
                    + rows);
        }
        for (int j = 0; j < adstockParams.length; j++) {
            adstockParams[j] = theta[adstockIndex[j]];
        }
        for (int j = 0; j < saturationParams.length; j++) {
            saturationParams[j] = theta[saturationIndex[j]];
        }
        transform.forward(adstockParams, saturationParams, scaledInput, rows, response, workspace);
        return response;
    }

    /**
     * {@code xGradient[s] = sum_t g[t] d f[t] / d x[s]}: how the response moves with each row's
     * scaled spend, after {@link #forward} at the same theta (d response / d spend for the budget
     * optimiser). Allocates nothing.
     */
    public void inputGradient(double[] g, double[] xGradient) {
        transform.backward(g, workspace, adstockGradient, saturationGradient, xGradient);
    }

    /** The response cached by the last {@link #forward} (do not modify). */
    public double[] lastResponse() {
        return response;
    }

    /**
     * For a term {@code beta * f}: adds {@code beta * J^T dMu} to dTheta, where J = d f / d (this
     * channel's parameters), and returns {@code sum_t dMu[t] f[t]} (the gradient of beta), all from
     * one pass over the rows; after {@link #forward} at the same theta.
     */
    public double reverseScaled(double[] dMu, double beta, double[] dTheta) {
        double dBeta = transform.backwardAndResponseDot(dMu, workspace, adstockGradient, saturationGradient);
        if (beta == 0.0) {
            // The channel's parameters do not move the term (and 0 * Infinity must not become NaN).
            return dBeta;
        }
        for (int j = 0; j < adstockIndex.length; j++) {
            dTheta[adstockIndex[j]] += beta * adstockGradient[j];
        }
        for (int j = 0; j < saturationIndex.length; j++) {
            dTheta[saturationIndex[j]] += beta * saturationGradient[j];
        }
        return dBeta;
    }

    /**
     * {@code dTheta += J^T gResponse} where J = d f / d (this channel's parameters), after
     * {@link #forward} at the same theta.
     */
    public void reverse(double[] gResponse, double[] dTheta) {
        // Spend is data, so its gradient (xGradient) is never needed here.
        transform.backward(gResponse, workspace, adstockGradient, saturationGradient, null);
        for (int j = 0; j < adstockIndex.length; j++) {
            dTheta[adstockIndex[j]] += adstockGradient[j];
        }
        for (int j = 0; j < saturationIndex.length; j++) {
            dTheta[saturationIndex[j]] += saturationGradient[j];
        }
    }
}
