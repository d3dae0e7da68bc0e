package dev.mmm.core.model;

import dev.mmm.core.transform.Adstock;
import dev.mmm.core.transform.Saturation;

/**
 * A channel's shape response {@code f[t]} to its scaled spend, before the coefficient beta:
 * {@code saturation(adstock(x))} by default, {@code adstock(saturation(x))} when saturation comes
 * first. Forward in O(T*L), reverse in O(T*L) with the adstock weights' Jacobian, not a T x T matrix.
 *
 * <p>Holds scratch buffers sized at construction, so one instance serves one thread; the forward
 * pass caches what the reverse pass needs.
 */
public final class ChannelResponse {

    private final String channel;
    private final double[] input;
    private final int rows;
    private final Adstock adstock;
    private final Saturation saturation;
    private final boolean saturationFirst;
    private final int[] adstockIndex;
    private final int[] saturationIndex;

    private final double[] adstockParams;
    private final double[] saturationParams;
    private final double[] weights;
    private final double[][] dWeights;
    private final double[] stage;
    private final double[] response;
    private final double[] dResponseDInput;
    private final double[][] dSaturationParams;
    private final double[] upstream;
    private final double[] lagSums;

    /**
     * @param input           scaled spend, one value per row (not copied: immutable by convention)
     * @param adstockIndex    theta index of each adstock parameter, in {@code adstock.parameterNames()} order
     * @param saturationIndex theta index of each saturation parameter
     */
    public ChannelResponse(String channel, double[] input, Adstock adstock, Saturation saturation,
                           boolean saturationFirst, int[] adstockIndex, int[] saturationIndex) {
        if (adstockIndex.length != adstock.parameterNames().size()
                || saturationIndex.length != saturation.parameterNames().size()) {
            throw new IllegalArgumentException(channel + ": parameter index count does not match the transforms");
        }
        this.channel = channel;
        this.input = input;
        this.rows = input.length;
        this.adstock = adstock;
        this.saturation = saturation;
        this.saturationFirst = saturationFirst;
        this.adstockIndex = adstockIndex.clone();
        this.saturationIndex = saturationIndex.clone();
        int weightCount = adstock.weightCount();
        this.adstockParams = new double[adstockIndex.length];
        this.saturationParams = new double[saturationIndex.length];
        this.weights = new double[weightCount];
        this.dWeights = new double[adstockIndex.length][weightCount];
        this.stage = new double[rows];
        this.response = new double[rows];
        this.dResponseDInput = new double[rows];
        this.dSaturationParams = new double[saturationIndex.length][rows];
        this.upstream = new double[rows];
        this.lagSums = new double[weightCount];
    }

    /** A fresh instance with its own scratch over the same data. */
    public ChannelResponse copy() {
        return new ChannelResponse(channel, input, adstock, saturation, saturationFirst, adstockIndex, saturationIndex);
    }

    /** The same transforms over other scaled spend (counterfactuals, response curves). */
    public ChannelResponse withInput(double[] scaledInput) {
        return new ChannelResponse(channel, scaledInput.clone(), adstock, saturation, saturationFirst,
                adstockIndex, saturationIndex);
    }

    public String channel() {
        return channel;
    }

    public Adstock adstock() {
        return adstock;
    }

    public Saturation saturation() {
        return saturation;
    }

    public boolean saturationFirst() {
        return saturationFirst;
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
        adstock.weightsAndJacobian(adstockParams, weights, dWeights);
        if (saturationFirst) {
            saturation.evaluate(saturationParams, input, rows, stage, dResponseDInput, dSaturationParams);
            convolve(stage, response);
        } else {
            convolve(input, stage);
            saturation.evaluate(saturationParams, stage, rows, response, dResponseDInput, dSaturationParams);
        }
        return response;
    }

    /** The response cached by the last {@link #forward} (do not modify). */
    public double[] lastResponse() {
        return response;
    }

    /**
     * {@code dTheta += J^T gResponse} where J = d f / d (this channel's parameters), after
     * {@link #forward} at the same theta.
     */
    public void reverse(double[] gResponse, double[] dTheta) {
        if (saturationFirst) {
            addAdstockGradient(gResponse, stage, dTheta);
            int lags = Math.min(weights.length, rows);
            // d f[t] / d stage[s] = w[t - s]: correlate the upstream gradient with the weights.
            for (int s = 0; s < rows; s++) {
                double sum = 0.0;
                int maxLag = Math.min(lags, rows - s);
                for (int l = 0; l < maxLag; l++) {
                    sum += weights[l] * gResponse[s + l];
                }
                upstream[s] = sum;
            }
            addSaturationGradient(upstream, dTheta);
        } else {
            addSaturationGradient(gResponse, dTheta);
            for (int t = 0; t < rows; t++) {
                // A zero adstocked input means every lagged spend is zero (spend >= 0, weights > 0),
                // so no weight moves it: its contribution is exactly 0 even where the saturation's
                // slope at 0 is infinite (Hill or root with exponent < 1), which would give inf * 0.
                upstream[t] = stage[t] == 0.0 ? 0.0 : gResponse[t] * dResponseDInput[t];
            }
            addAdstockGradient(upstream, input, dTheta);
        }
    }

    private void convolve(double[] x, double[] out) {
        int lags = Math.min(weights.length, rows);
        for (int t = 0; t < rows; t++) {
            double sum = 0.0;
            int maxLag = Math.min(lags, t + 1);
            for (int l = 0; l < maxLag; l++) {
                sum += weights[l] * x[t - l];
            }
            out[t] = sum;
        }
    }

    private void addSaturationGradient(double[] g, double[] dTheta) {
        for (int j = 0; j < saturationIndex.length; j++) {
            double[] d = dSaturationParams[j];
            double sum = 0.0;
            for (int t = 0; t < rows; t++) {
                sum += g[t] * d[t];
            }
            dTheta[saturationIndex[j]] += sum;
        }
    }

    /** g = d loss / d (convolution output); x = the convolved series. */
    private void addAdstockGradient(double[] g, double[] x, double[] dTheta) {
        if (adstockIndex.length == 0) {
            return;
        }
        int lags = Math.min(weights.length, rows);
        // lagSums[l] = sum_t g[t] x[t-l] = d loss / d w[l]; then contract with dw/dparams.
        for (int l = 0; l < lags; l++) {
            double sum = 0.0;
            for (int t = l; t < rows; t++) {
                sum += g[t] * x[t - l];
            }
            lagSums[l] = sum;
        }
        for (int j = 0; j < adstockIndex.length; j++) {
            double[] dw = dWeights[j];
            double sum = 0.0;
            for (int l = 0; l < lags; l++) {
                sum += dw[l] * lagSums[l];
            }
            dTheta[adstockIndex[j]] += sum;
        }
    }
}
