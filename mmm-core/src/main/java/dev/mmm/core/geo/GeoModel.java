package dev.mmm.core.geo;

import dev.mmm.core.model.ChannelResponse;
import dev.mmm.core.numeric.Reductions;
import dev.mmm.priors.Bijector;
import dev.mmm.priors.Distribution;
import dev.mmm.sampler.LogDensity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The log posterior of a hierarchical geo model on the unconstrained scale, with its gradient
 * written by hand. For geo g and period t,
 * <pre>
 *   y[g,t] / (s_y * pop_g) ~ Normal(mu[g,t], sigma_g),
 *   mu[g,t] = intercept_g + sum_c beta[c,g] f_c,g(x[c,g,.] / (s_c * pop_g))[t]
 *             + sum_k gamma[k,g] z[k,g,t] + sum_m fourier[m,g] basis_m[t],
 * </pre>
 * each channel's response {@code f} a {@link ChannelResponse} over that geo's own series (carry-over
 * never crosses from one geo to the next), pooled blocks ({@link PooledBlock}) giving
 * {@code beta[c,g]} and optionally {@code intercept[g]}, and any block per geo or shared by
 * pointing every geo at the same parameter.
 *
 * <p>The model keeps one <em>value vector</em>: the constrained parameters ({@link #parameterNames()}),
 * then the derived values ({@link #derivedNames()}: the pooled members' values). A Posterior of
 * {@link #outputNames()} holds exactly that vector per draw, so every evaluation method takes it.
 * The gradient costs {@code O(G * T * (C * L + K + M))} and allocates nothing; an instance is not
 * thread-safe ({@link #copyForChain()}).
 */
public final class GeoModel implements LogDensity {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2.0 * Math.PI);

    /** One sampled or fixed parameter; a null prior means a pooled block supplies its density. */
    record Parameter(String name, Distribution prior, Bijector bijector) {
    }

    /** Everything the compiler fixes: names, priors, slots, scaled data. */
    record Layout(GeoSpec spec, GeoData data, List<Parameter> parameters, List<String> derivedNames,
                  PooledBlock[] blocks, int[] interceptSlot, int[] sigmaSlot, int[][] betaSlot,
                  ChannelResponse[][] responses, int[][] controlSlot, double[][][] controls, int[][] fourierSlot,
                  double[][] fourierBasis, double[][] target, double targetScale, List<String> channels,
                  double[] channelScales, double[] population) {
    }

    private final Layout layout;
    private final Distribution[] priors;
    private final Bijector[] bijectors;
    private final int[] freeIndex;
    private final double[] fixedValues;
    private final ChannelResponse[][] responses;
    private final int geos;
    private final int periods;
    private final double[] values;
    private final double[] dValues;
    private final double[] mu;
    private final double[] dMu;

    GeoModel(Layout layout) {
        this(layout, copyResponses(layout.responses()));
    }

    private GeoModel(Layout layout, ChannelResponse[][] responses) {
        this.layout = layout;
        this.responses = responses;
        List<Parameter> ps = layout.parameters();
        int p = ps.size();
        priors = new Distribution[p];
        bijectors = new Bijector[p];
        int total = p + layout.derivedNames().size();
        fixedValues = new double[total];
        int free = 0;
        for (int i = 0; i < p; i++) {
            priors[i] = ps.get(i).prior();
            bijectors[i] = ps.get(i).bijector();
            if (priors[i] != null && priors[i].support().isPoint()) {
                fixedValues[i] = priors[i].support().lower();
            } else {
                free++;
            }
        }
        freeIndex = new int[free];
        for (int i = 0, k = 0; i < p; i++) {
            if (priors[i] == null || !priors[i].support().isPoint()) {
                freeIndex[k++] = i;
            }
        }
        geos = layout.target().length;
        periods = layout.target()[0].length;
        values = fixedValues.clone();
        dValues = new double[total];
        mu = new double[periods];
        dMu = new double[periods];
    }

    private static ChannelResponse[][] copyResponses(ChannelResponse[][] src) {
        ChannelResponse[][] out = new ChannelResponse[src.length][];
        for (int g = 0; g < src.length; g++) {
            out[g] = new ChannelResponse[src[g].length];
            for (int c = 0; c < src[g].length; c++) {
                out[g][c] = src[g][c].copy();
            }
        }
        return out;
    }

    @Override
    public int dimension() {
        return freeIndex.length;
    }

    @Override
    public GeoModel copyForChain() {
        return new GeoModel(layout);
    }

    @Override
    public double logDensityAndGradient(double[] position, double[] gradient) {
        Arrays.fill(dValues, 0.0);
        double logPrior = 0.0;
        int n = freeIndex.length;
        for (int k = 0; k < n; k++) {
            int i = freeIndex[k];
            double u = position[k];
            double x = bijectors[i].toConstrained(u);
            values[i] = x;
            logPrior += bijectors[i].logAbsJacobian(u);
            if (priors[i] != null) {
                logPrior += priors[i].logDensity(x);
                dValues[i] = priors[i].dLogDensity(x);
            }
        }
        if (!(logPrior > Double.NEGATIVE_INFINITY) || Double.isNaN(logPrior)) {
            Arrays.fill(gradient, 0.0);
            return Double.NEGATIVE_INFINITY;
        }
        PooledBlock[] blocks = layout.blocks();
        for (PooledBlock b : blocks) {
            logPrior += b.forward(values, dValues);
        }
        double logLik = 0.0;
        for (int g = 0; g < geos; g++) {
            logLik += geoLogLikelihood(g);
        }
        for (int b = blocks.length - 1; b >= 0; b--) {
            blocks[b].reverse(values, dValues);
        }
        for (int k = 0; k < n; k++) {
            int i = freeIndex[k];
            double u = position[k];
            gradient[k] = dValues[i] * bijectors[i].dConstrainedDu(u) + bijectors[i].dLogAbsJacobianDu(u);
        }
        return logPrior + logLik;
    }

    /** Geo g's forward pass, its normal log likelihood, and its reverse pass into dValues. */
    private double geoLogLikelihood(int g) {
        meanInto(g, values, mu);
        double[] y = layout.target()[g];
        int sigmaSlot = layout.sigmaSlot()[g];
        double sigma = values[sigmaSlot];
        double inverseVariance = 1.0 / (sigma * sigma);
        double squares = 0.0;
        double sum = 0.0;
        for (int t = 0; t < periods; t++) {
            double r = y[t] - mu[t];
            squares += r * r;
            double d = r * inverseVariance;
            dMu[t] = d;
            sum += d;
        }
        dValues[sigmaSlot] += -periods / sigma + squares * inverseVariance / sigma;
        dValues[layout.interceptSlot()[g]] += sum;
        int[] betaSlot = layout.betaSlot()[g];
        ChannelResponse[] rs = responses[g];
        for (int c = 0; c < rs.length; c++) {
            dValues[betaSlot[c]] += rs[c].reverseScaled(dMu, values[betaSlot[c]], dValues);
        }
        int[] controlSlot = layout.controlSlot()[g];
        double[][] z = layout.controls()[g];
        for (int k = 0; k < controlSlot.length; k++) {
            dValues[controlSlot[k]] += Reductions.dot(dMu, z[k], periods);
        }
        int[] fourierSlot = layout.fourierSlot()[g];
        double[][] basis = layout.fourierBasis();
        for (int m = 0; m < fourierSlot.length; m++) {
            dValues[fourierSlot[m]] += Reductions.dot(dMu, basis[m], periods);
        }
        return -periods * (Math.log(sigma) + HALF_LOG_TWO_PI) - 0.5 * squares * inverseVariance;
    }

    /**
     * {@code out[t] = mu[g,t]} (scaled units) at a full value vector; uses this instance's channel
     * workspaces, so one thread at a time. Allocates nothing.
     */
    public void meanInto(int g, double[] valueVector, double[] out) {
        Arrays.fill(out, 0, periods, valueVector[layout.interceptSlot()[g]]);
        int[] betaSlot = layout.betaSlot()[g];
        ChannelResponse[] rs = responses[g];
        for (int c = 0; c < rs.length; c++) {
            double[] f = rs[c].forward(valueVector);
            double beta = valueVector[betaSlot[c]];
            for (int t = 0; t < periods; t++) {
                out[t] += beta * f[t];
            }
        }
        int[] controlSlot = layout.controlSlot()[g];
        double[][] z = layout.controls()[g];
        for (int k = 0; k < controlSlot.length; k++) {
            double gamma = valueVector[controlSlot[k]];
            double[] zk = z[k];
            for (int t = 0; t < periods; t++) {
                out[t] += gamma * zk[t];
            }
        }
        int[] fourierSlot = layout.fourierSlot()[g];
        double[][] basis = layout.fourierBasis();
        for (int m = 0; m < fourierSlot.length; m++) {
            double a = valueVector[fourierSlot[m]];
            double[] bm = basis[m];
            for (int t = 0; t < periods; t++) {
                out[t] += a * bm[t];
            }
        }
    }

    /**
     * Fills the derived values (pooled members) of a value vector whose parameters are set: what
     * a draw needs before evaluation when it was not taken from a Posterior of {@link #outputNames()}.
     */
    public void completeValues(double[] valueVector) {
        double[] scratch = new double[valueVector.length];
        for (PooledBlock b : layout.blocks()) {
            b.forward(valueVector, scratch);
        }
    }

    /** Unconstrained coordinates to a full value vector (fixed parameters at their value, derived values filled). */
    public void constrain(double[] unconstrained, double[] valueVectorOut) {
        System.arraycopy(fixedValues, 0, valueVectorOut, 0, fixedValues.length);
        for (int k = 0; k < freeIndex.length; k++) {
            int i = freeIndex[k];
            valueVectorOut[i] = bijectors[i].toConstrained(unconstrained[k]);
        }
        completeValues(valueVectorOut);
    }

    /**
     * As {@link #constrain(double[], double[])} without allocating: {@code scratch} is any array of
     * {@link #valueCount()} values the pooled blocks may write into (for density terms on the hot path).
     */
    public void constrain(double[] unconstrained, double[] valueVectorOut, double[] scratch) {
        System.arraycopy(fixedValues, 0, valueVectorOut, 0, fixedValues.length);
        for (int k = 0; k < freeIndex.length; k++) {
            int i = freeIndex[k];
            valueVectorOut[i] = bijectors[i].toConstrained(unconstrained[k]);
        }
        for (PooledBlock b : layout.blocks()) {
            b.forward(valueVectorOut, scratch);
        }
    }

    /**
     * Adds to {@code gradient} (the sampler's coordinates) the pull-back of {@code dValues}, the
     * derivative of an extra log-density term in the value vector at {@code position} (derived
     * values included: they flow back through the pooled blocks into their parameters). So a term
     * on constrained values (a lift test) joins the model without touching its own gradient.
     * {@code dValues} is overwritten; allocates nothing.
     */
    public void pullBack(double[] position, double[] valueVector, double[] dValues, double[] gradient) {
        PooledBlock[] blocks = layout.blocks();
        for (int b = blocks.length - 1; b >= 0; b--) {
            blocks[b].reverse(valueVector, dValues);
        }
        for (int k = 0; k < freeIndex.length; k++) {
            int i = freeIndex[k];
            gradient[k] += dValues[i] * bijectors[i].dConstrainedDu(position[k]);
        }
    }

    /** A value vector's sampled parameters back to the sampler's coordinates. */
    public void unconstrain(double[] valueVector, double[] unconstrainedOut) {
        for (int k = 0; k < freeIndex.length; k++) {
            int i = freeIndex[k];
            unconstrainedOut[k] = bijectors[i].toUnconstrained(valueVector[i]);
        }
    }

    /** The constrained parameters (sampled and fixed), in value-vector order. */
    public List<String> parameterNames() {
        List<String> out = new ArrayList<>();
        for (Parameter p : layout.parameters()) {
            out.add(p.name());
        }
        return out;
    }

    /** The derived values after the parameters: {@code beta[c,g]} and a pooled {@code intercept[g]}. */
    public List<String> derivedNames() {
        return layout.derivedNames();
    }

    /** Parameters then derived values: the columns of this model's Posterior and the value vector. */
    public List<String> outputNames() {
        List<String> out = parameterNames();
        out.addAll(layout.derivedNames());
        return out;
    }

    /** Length of the value vector. */
    public int valueCount() {
        return fixedValues.length;
    }

    /** Each parameter's prior (null where a centred pooled block supplies it), in value-vector order. */
    public List<Distribution> priors() {
        return Arrays.asList(priors.clone());
    }

    public GeoSpec spec() {
        return layout.spec();
    }

    public GeoData data() {
        return layout.data();
    }

    public List<String> geos() {
        return layout.data().geos();
    }

    public List<String> channels() {
        return layout.channels();
    }

    public LocalDate[] dates() {
        return layout.data().dates();
    }

    public int geoCount() {
        return geos;
    }

    public int periods() {
        return periods;
    }

    /** The national target scale s_y (per capita when the model has a population). */
    public double targetScale() {
        return layout.targetScale();
    }

    /** Channel c's spend scale s_c (per capita when the model has a population). */
    public double channelScale(int c) {
        return layout.channelScales()[c];
    }

    /** Geo g's population (1 without a population column). */
    public double population(int g) {
        return layout.population()[g];
    }

    /** Multiplier from geo g's scaled mean to the target's units: {@code s_y * pop_g}. */
    public double targetUnit(int g) {
        return layout.targetScale() * layout.population()[g];
    }

    /**
     * The same model over other rows of the same geos (new periods, changed spend or controls):
     * parameters, priors, scales and populations frozen, so a draw of the training posterior is a
     * valid value vector for it. Adstock starts afresh at the first row: put {@code maxLag() - 1}
     * rows of history first to carry spend in. Its target is zero (not for sampling).
     */
    public GeoModel withInputs(GeoData rows) {
        return new GeoModel(GeoCompiler.refeed(layout, rows));
    }

    /** Geo g's target in the model's scaled units (do not modify). */
    double[] scaledTarget(int g) {
        return layout.target()[g];
    }

    /** Geo g's noise scale slot in the value vector. */
    int sigmaSlot(int g) {
        return layout.sigmaSlot()[g];
    }

    /** Value-vector slot of {@code beta[c,g]}. */
    int betaSlot(int g, int c) {
        return layout.betaSlot()[g][c];
    }

    /** Channel c's response in geo g over the training rows (this instance's copy, one thread). */
    ChannelResponse response(int g, int c) {
        return responses[g][c];
    }

    /** The longest adstock of any channel (1 with no channels). */
    public int maxLag() {
        int l = 1;
        for (ChannelResponse r : layout.responses()[0]) {
            l = Math.max(l, r.adstock().weightCount());
        }
        return l;
    }
}
