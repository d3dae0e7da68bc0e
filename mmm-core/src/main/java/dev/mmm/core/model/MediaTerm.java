package dev.mmm.core.model;

import java.util.ArrayList;
import java.util.List;

/** {@code sum_c beta[c] * f_c[t]}: each channel's coefficient times its shape response. */
public final class MediaTerm implements Term {

    private final ChannelResponse[] channels;
    private final int[] betaIndex;
    private final int rows;
    private final List<String> names;

    public MediaTerm(ChannelResponse[] channels, int[] betaIndex, int rows) {
        this.channels = channels.clone();
        this.betaIndex = betaIndex.clone();
        this.rows = rows;
        List<String> n = new ArrayList<>();
        for (ChannelResponse c : channels) {
            n.add(c.channel());
        }
        this.names = List.copyOf(n);
    }

    @Override
    public String name() {
        return "media";
    }

    @Override
    public void addForward(double[] theta, double[] mu) {
        for (int c = 0; c < channels.length; c++) {
            double[] f = channels[c].forward(theta);
            double beta = theta[betaIndex[c]];
            for (int t = 0; t < mu.length; t++) {
                mu[t] += beta * f[t];
            }
        }
    }

    @Override
    public void addReverse(double[] theta, double[] dMu, double[] dTheta) {
        for (int c = 0; c < channels.length; c++) {
            // Each channel owns its buffers, so its forward pass is still cached.
            int index = betaIndex[c];
            dTheta[index] += channels[c].reverseScaled(dMu, theta[index], dTheta);
        }
    }

    @Override
    public List<String> contributionNames() {
        return names;
    }

    @Override
    public void contributions(double[] theta, double[][] out) {
        for (int c = 0; c < channels.length; c++) {
            double[] f = channels[c].forward(theta);
            double beta = theta[betaIndex[c]];
            for (int t = 0; t < out[c].length; t++) {
                out[c][t] = beta * f[t];
            }
        }
    }

    @Override
    public Term copy() {
        ChannelResponse[] fresh = new ChannelResponse[channels.length];
        for (int c = 0; c < channels.length; c++) {
            fresh[c] = channels[c].copy();
        }
        return new MediaTerm(fresh, betaIndex, rows);
    }

    /** The channels' responses (for analysis: counterfactual spend via {@link ChannelResponse#withInput}). */
    public List<ChannelResponse> channelResponses() {
        return List.of(channels);
    }

    /** theta index of beta for channel c. */
    public int betaIndex(int c) {
        return betaIndex[c];
    }
}
