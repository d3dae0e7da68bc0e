package dev.mmm.core.model;

import dev.mmm.core.numeric.Reductions;
import java.util.Arrays;
import java.util.List;

/** A constant level {@code intercept}. */
public final class InterceptTerm implements Term {

    private final int index;

    public InterceptTerm(int index) {
        this.index = index;
    }

    /** The intercept's index into theta. */
    public int index() {
        return index;
    }

    @Override
    public String name() {
        return "intercept";
    }

    @Override
    public void addForward(double[] theta, double[] mu) {
        double level = theta[index];
        for (int t = 0; t < mu.length; t++) {
            mu[t] += level;
        }
    }

    @Override
    public void addReverse(double[] theta, double[] dMu, double[] dTheta) {
        dTheta[index] += Reductions.sum(dMu, dMu.length);
    }

    @Override
    public List<String> contributionNames() {
        return List.of("intercept");
    }

    @Override
    public void contributions(double[] theta, double[][] out) {
        Arrays.fill(out[0], theta[index]);
    }

    @Override
    public Term copy() {
        return this;
    }
}
