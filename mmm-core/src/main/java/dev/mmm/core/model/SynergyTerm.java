package dev.mmm.core.model;

import java.util.List;

/**
 * Interaction of two channels: {@code synergy[a:b] * f_a[t] * f_b[t]} where f are the channels'
 * shape responses (saturated, before beta). It owns its own copies of the two channel responses
 * so it never depends on another term's cached state; the gradient flows into the channels'
 * transform parameters as well as into its coefficient.
 */
public final class SynergyTerm implements Term {

    private final String name;
    private final ChannelResponse a;
    private final ChannelResponse b;
    private final int coefficientIndex;
    private final double[] upstreamA;
    private final double[] upstreamB;

    public SynergyTerm(String name, ChannelResponse a, ChannelResponse b, int coefficientIndex, int rows) {
        this.name = name;
        this.a = a;
        this.b = b;
        this.coefficientIndex = coefficientIndex;
        this.upstreamA = new double[rows];
        this.upstreamB = new double[rows];
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void addForward(double[] theta, double[] mu) {
        double[] fa = a.forward(theta);
        double[] fb = b.forward(theta);
        double s = theta[coefficientIndex];
        for (int t = 0; t < mu.length; t++) {
            mu[t] += s * fa[t] * fb[t];
        }
    }

    @Override
    public void addReverse(double[] theta, double[] dMu, double[] dTheta) {
        double[] fa = a.lastResponse();
        double[] fb = b.lastResponse();
        double s = theta[coefficientIndex];
        double ds = 0.0;
        for (int t = 0; t < dMu.length; t++) {
            ds += dMu[t] * fa[t] * fb[t];
            upstreamA[t] = dMu[t] * s * fb[t];
            upstreamB[t] = dMu[t] * s * fa[t];
        }
        dTheta[coefficientIndex] += ds;
        a.reverse(upstreamA, dTheta);
        b.reverse(upstreamB, dTheta);
    }

    @Override
    public List<String> contributionNames() {
        return List.of(name);
    }

    @Override
    public void contributions(double[] theta, double[][] out) {
        contributionInto(theta, out[0]);
    }

    /** {@code out[t] = synergy * f_a[t] * f_b[t]}. */
    public void contributionInto(double[] theta, double[] out) {
        double[] fa = a.forward(theta);
        double[] fb = b.forward(theta);
        double s = theta[coefficientIndex];
        for (int t = 0; t < out.length; t++) {
            out[t] = s * fa[t] * fb[t];
        }
    }

    /** The theta index of this synergy's coefficient. */
    public int coefficientIndex() {
        return coefficientIndex;
    }

    /** The two channels this synergy joins. */
    public String channelA() {
        return a.channel();
    }

    public String channelB() {
        return b.channel();
    }

    @Override
    public Term copy() {
        return new SynergyTerm(name, a.copy(), b.copy(), coefficientIndex, upstreamA.length);
    }
}
