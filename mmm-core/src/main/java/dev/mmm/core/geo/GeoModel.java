package dev.mmm.core.geo;

import dev.mmm.core.model.ChannelResponse;
import dev.mmm.core.model.SeasonalitySpec;
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

    /**
     * A unit-Jacobian shear of the sampler's coordinates: the sampler sees
     * {@code u'_k = u_k + u_source} for every target k (parameter indices), so
     * {@code u_k = u'_k - u'_source}. Used with {@code source} = log(lam_c) and targets the
     * log-scale location of channel c's effects (beta_mu, and beta_raw when centred): the
     * sampler then moves along log(beta) + log(lam), the direction the data identify, in one
     * coordinate. The map is linear with determinant 1, so the log density is the same function
     * of the constrained parameters and the posterior is unchanged.
     */
    record Shear(int source, int[] targets) {
    }

    /** Everything the compiler fixes: names, priors, slots, scaled data. */
    record Layout(GeoSpec spec, GeoData data, List<Parameter> parameters, List<String> derivedNames,
                  PooledBlock[] blocks, int[] interceptSlot, int[] sigmaSlot, int[][] betaSlot,
                  ChannelResponse[][] responses, int[][] controlSlot, double[][][] controls, int[][] fourierSlot,
                  double[][] fourierBasis, double[][] target, double targetScale, List<String> channels,
                  double[] channelScales, double[] population, List<Shear> shears, double[][][] scaledSpend) {
    }

    private final Layout layout;
    private final Distribution[] priors;
    private final Bijector[] bijectors;
    private final int[] freeIndex;
    private final double[] fixedValues;
    private final ChannelResponse[][] responses;
    /**
     * The responses the gradient runs on, per geo and channel: where every geo shares a
     * channel's transform parameters, one instance per channel serves all geos (fed each geo's
     * spend), so the hot path keeps one workspace per channel in cache instead of one per geo
     * and channel (40 x 5 workspaces of ~20 KB do not fit in L2).
     */
    private final ChannelResponse[][] kernel;
    /** kernel's input per geo and channel: the geo's scaled spend. */
    private final double[][][] spend;
    private final int geos;
    private final int periods;
    private final double[] values;
    private final double[] dValues;
    private final double[] mu;
    private final double[] dMu;
    /** Per geo, the series mu is a linear combination of: channel responses, controls, Fourier basis. */
    private final double[][][] meanRows;
    /** Per geo, the value-vector slot of each row's coefficient. */
    private final int[][] meanSlot;
    /** Per geo, the rows after the channels' (controls, Fourier): their gradient is a plain dot product. */
    private final double[][][] linearRows;
    private final int[][] linearSlot;
    private final double[] linearDots;
    /** Shears in sampler coordinates: source coordinate, and the coordinates shifted by it. */
    private final int[] shearSource;
    private final int[][] shearTargets;
    /** The position before the shear (the bijectors' coordinates). */
    private final double[] unsheared;
    /** Scratch of {@link #constrain(double[], double[], double[])} and {@link #pullBack} (extra density terms). */
    private final double[] termPoint;
    private final double[] termGradient;

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
        int channelCount = layout.channels().size();
        spend = layout.scaledSpend();
        kernel = new ChannelResponse[geos][channelCount];
        for (int c = 0; c < channelCount; c++) {
            boolean shared = true;
            for (int g = 1; g < geos; g++) {
                shared &= sameParameters(responses[0][c], responses[g][c]);
            }
            ChannelResponse one = shared ? responses[0][c].copy() : null;
            for (int g = 0; g < geos; g++) {
                kernel[g][c] = shared ? one : responses[g][c];
            }
        }
        meanRows = new double[geos][][];
        meanSlot = new int[geos][];
        linearRows = new double[geos][][];
        linearSlot = new int[geos][];
        int linearCount = 0;
        for (int g = 0; g < geos; g++) {
            int[] controlSlot = layout.controlSlot()[g];
            int[] fourierSlot = layout.fourierSlot()[g];
            int nl = controlSlot.length + fourierSlot.length;
            linearCount = Math.max(linearCount, nl);
            linearRows[g] = new double[nl][];
            linearSlot[g] = new int[nl];
            for (int k = 0; k < controlSlot.length; k++) {
                linearRows[g][k] = layout.controls()[g][k];
                linearSlot[g][k] = controlSlot[k];
            }
            for (int m = 0; m < fourierSlot.length; m++) {
                linearRows[g][controlSlot.length + m] = layout.fourierBasis()[m];
                linearSlot[g][controlSlot.length + m] = fourierSlot[m];
            }
            meanRows[g] = new double[channelCount + nl][];
            meanSlot[g] = new int[channelCount + nl];
            for (int c = 0; c < channelCount; c++) {
                // forward() always fills and returns this same buffer.
                meanRows[g][c] = kernel[g][c].lastResponse();
                meanSlot[g][c] = layout.betaSlot()[g][c];
            }
            System.arraycopy(linearRows[g], 0, meanRows[g], channelCount, nl);
            System.arraycopy(linearSlot[g], 0, meanSlot[g], channelCount, nl);
        }
        linearDots = new double[linearCount];
        int[] freeOf = new int[p];
        Arrays.fill(freeOf, -1);
        for (int k = 0; k < freeIndex.length; k++) {
            freeOf[freeIndex[k]] = k;
        }
        List<int[]> targets = new ArrayList<>();
        List<Integer> sources = new ArrayList<>();
        for (Shear shear : layout.shears()) {
            int source = freeOf[shear.source()];
            int[] shifted = Arrays.stream(shear.targets()).map(i -> freeOf[i]).filter(k -> k >= 0).toArray();
            if (source >= 0 && shifted.length > 0) {
                sources.add(source);
                targets.add(shifted);
            }
        }
        shearSource = sources.stream().mapToInt(Integer::intValue).toArray();
        shearTargets = targets.toArray(new int[0][]);
        unsheared = new double[freeIndex.length];
        termPoint = new double[freeIndex.length];
        termGradient = new double[freeIndex.length];
    }

    private static boolean sameParameters(ChannelResponse a, ChannelResponse b) {
        return a.adstock() == b.adstock() && a.saturation() == b.saturation()
                && a.saturationFirst() == b.saturationFirst()
                && Arrays.equals(a.adstockIndex(), b.adstockIndex())
                && Arrays.equals(a.saturationIndex(), b.saturationIndex());
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
        if (shearSource.length > 0) {
            unshear(position, unsheared);
            position = unsheared;
        }
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
        // Chain rule through u_k = u'_k - u'_source: d/du'_k = d/du_k, d/du'_source = d/du_source - sum_k d/du_k.
        for (int s = 0; s < shearSource.length; s++) {
            double sum = 0.0;
            for (int k : shearTargets[s]) {
                sum += gradient[k];
            }
            gradient[shearSource[s]] -= sum;
        }
        return logPrior + logLik;
    }

    /** Sampler coordinates to the bijectors' coordinates: {@code u_k = u'_k - u'_source}. */
    private void unshear(double[] sampler, double[] out) {
        System.arraycopy(sampler, 0, out, 0, freeIndex.length);
        for (int s = 0; s < shearSource.length; s++) {
            double shift = sampler[shearSource[s]];
            for (int k : shearTargets[s]) {
                out[k] -= shift;
            }
        }
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
        ChannelResponse[] rs = kernel[g];
        for (int c = 0; c < rs.length; c++) {
            // rs[c]'s workspace still holds geo g's forward pass (meanInto above).
            dValues[betaSlot[c]] += rs[c].reverseScaled(dMu, values[betaSlot[c]], dValues);
        }
        int[] slots = linearSlot[g];
        Reductions.dots(dMu, linearRows[g], slots.length, periods, linearDots);
        for (int k = 0; k < slots.length; k++) {
            dValues[slots[k]] += linearDots[k];
        }
        return -periods * (Math.log(sigma) + HALF_LOG_TWO_PI) - 0.5 * squares * inverseVariance;
    }

    /**
     * {@code out[t] = mu[g,t]} (scaled units) at a full value vector; uses this instance's channel
     * workspaces, so one thread at a time. Allocates nothing.
     */
    public void meanInto(int g, double[] valueVector, double[] out) {
        ChannelResponse[] rs = kernel[g];
        double[][] x = spend[g];
        for (int c = 0; c < rs.length; c++) {
            rs[c].forward(valueVector, x[c]);
        }
        combineRows(valueVector[layout.interceptSlot()[g]], meanRows[g], meanSlot[g], valueVector, periods, out);
    }

    /**
     * {@code out[t] = log p(y[g,t] | values)} for every training period of geo g: the Normal density
     * of the model's likelihood, {@code y[g,t] / (s_y pop_g) ~ Normal(mu[g,t], sigma_g)}, taken as a
     * density of the target in its own units (so minus {@code log(s_y pop_g)}, as the national
     * model's pointwise log likelihood is minus {@code log(s_y)}): fits of one panel with other
     * scales or populations stay comparable. Summed over periods and geos, plus
     * {@code periods * sum_g log(s_y pop_g)}, it is the likelihood term of {@link #logDensityAndGradient}.
     * The input of PSIS-LOO ({@link GeoLoo}); for the training model only (a {@link #withInputs}
     * model's target is zero). Uses this instance's workspaces, allocates nothing.
     */
    public void pointwiseLogLikelihoodInto(int g, double[] valueVector, double[] out) {
        meanInto(g, valueVector, out);
        double[] y = layout.target()[g];
        double sigma = valueVector[layout.sigmaSlot()[g]];
        double constant = Math.log(sigma) + HALF_LOG_TWO_PI + Math.log(targetUnit(g));
        for (int t = 0; t < periods; t++) {
            double z = (y[t] - out[t]) / sigma;
            out[t] = -constant - 0.5 * z * z;
        }
    }

    /**
     * The parts of the mean, in {@link #contributionsInto} order and named as the national
     * model's contribution series: {@code intercept}, each channel, {@code controls} (when the
     * model has any), then each seasonality's prefix ({@code fourier} for the yearly one).
     */
    public List<String> contributionNames() {
        List<String> out = new ArrayList<>();
        out.add("intercept");
        out.addAll(layout.channels());
        if (!layout.spec().base().controls().isEmpty()) {
            out.add("controls");
        }
        for (SeasonalitySpec s : layout.spec().base().seasonalities()) {
            out.add(s.prefix());
        }
        return out;
    }

    /**
     * {@code out[k][t]} = part k of {@code mu[g,t]} (scaled units; {@link #contributionNames()}
     * order) at a full value vector: the intercept, {@code beta[c,g]} times channel c's response
     * on geo g's spend, the controls' sum, each seasonality's Fourier terms. They add up to
     * {@link #meanInto}. Uses this instance's channel workspaces, so one thread at a time;
     * allocates nothing.
     */
    public void contributionsInto(int g, double[] valueVector, double[][] out) {
        int k = 0;
        Arrays.fill(out[k++], 0, periods, valueVector[layout.interceptSlot()[g]]);
        ChannelResponse[] rs = kernel[g];
        double[][] x = spend[g];
        int[] betaSlot = layout.betaSlot()[g];
        for (int c = 0; c < rs.length; c++) {
            double[] f = rs[c].forward(valueVector, x[c]);
            double beta = valueVector[betaSlot[c]];
            double[] part = out[k++];
            for (int t = 0; t < periods; t++) {
                part[t] = beta * f[t];
            }
        }
        int[] controlSlot = layout.controlSlot()[g];
        if (!layout.spec().base().controls().isEmpty()) {
            addRows(layout.controls()[g], controlSlot, 0, controlSlot.length, valueVector, out[k++]);
        }
        int[] fourierSlot = layout.fourierSlot()[g];
        int m0 = 0;
        for (SeasonalitySpec s : layout.spec().base().seasonalities()) {
            addRows(layout.fourierBasis(), fourierSlot, m0, m0 + 2 * s.order(), valueVector, out[k++]);
            m0 += 2 * s.order();
        }
    }

    /** {@code out[t] = sum_{j in [from, to)} v[slot[j]] * rows[j][t]}. */
    private void addRows(double[][] rows, int[] slot, int from, int to, double[] v, double[] out) {
        Arrays.fill(out, 0, periods, 0.0);
        for (int j = from; j < to; j++) {
            double c = v[slot[j]];
            double[] r = rows[j];
            for (int t = 0; t < periods; t++) {
                out[t] += c * r[t];
            }
        }
    }

    /**
     * {@code out[t] = base + sum_j v[slot[j]] * rows[j][t]}, four rows per pass over t: each pass
     * loads and stores out[t] once for four multiply-adds (a pass per row is bound by those loads
     * and stores), and the loop has no carried dependency, so it vectorises. Each out[t] adds its
     * terms in ascending j.
     */
    private static void combineRows(double base, double[][] rows, int[] slot, double[] v, int n, double[] out) {
        int count = rows.length;
        int j = 0;
        if (count >= 4) {
            double c0 = v[slot[0]];
            double c1 = v[slot[1]];
            double c2 = v[slot[2]];
            double c3 = v[slot[3]];
            double[] r0 = rows[0];
            double[] r1 = rows[1];
            double[] r2 = rows[2];
            double[] r3 = rows[3];
            for (int t = 0; t < n; t++) {
                out[t] = base + c0 * r0[t] + c1 * r1[t] + c2 * r2[t] + c3 * r3[t];
            }
            j = 4;
        } else {
            Arrays.fill(out, 0, n, base);
        }
        for (; j + 3 < count; j += 4) {
            double c0 = v[slot[j]];
            double c1 = v[slot[j + 1]];
            double c2 = v[slot[j + 2]];
            double c3 = v[slot[j + 3]];
            double[] r0 = rows[j];
            double[] r1 = rows[j + 1];
            double[] r2 = rows[j + 2];
            double[] r3 = rows[j + 3];
            for (int t = 0; t < n; t++) {
                out[t] = out[t] + c0 * r0[t] + c1 * r1[t] + c2 * r2[t] + c3 * r3[t];
            }
        }
        for (; j < count; j++) {
            double c = v[slot[j]];
            double[] r = rows[j];
            for (int t = 0; t < n; t++) {
                out[t] += c * r[t];
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
        double[] u = new double[freeIndex.length];
        unshear(unconstrained, u);
        System.arraycopy(fixedValues, 0, valueVectorOut, 0, fixedValues.length);
        for (int k = 0; k < freeIndex.length; k++) {
            int i = freeIndex[k];
            valueVectorOut[i] = bijectors[i].toConstrained(u[k]);
        }
        completeValues(valueVectorOut);
    }

    /**
     * As {@link #constrain(double[], double[])} without allocating: {@code scratch} is any array of
     * {@link #valueCount()} values the pooled blocks may write into (for density terms on the hot path).
     */
    public void constrain(double[] unconstrained, double[] valueVectorOut, double[] scratch) {
        double[] u = unconstrained;
        if (shearSource.length > 0) {
            unshear(unconstrained, termPoint);
            u = termPoint;
        }
        System.arraycopy(fixedValues, 0, valueVectorOut, 0, fixedValues.length);
        for (int k = 0; k < freeIndex.length; k++) {
            int i = freeIndex[k];
            valueVectorOut[i] = bijectors[i].toConstrained(u[k]);
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
        double[] u = position;
        if (shearSource.length > 0) {
            unshear(position, termPoint);
            u = termPoint;
        }
        for (int k = 0; k < freeIndex.length; k++) {
            int i = freeIndex[k];
            termGradient[k] = dValues[i] * bijectors[i].dConstrainedDu(u[k]);
        }
        // The shear's chain rule, as at the end of logDensityAndGradient.
        for (int s = 0; s < shearSource.length; s++) {
            double sum = 0.0;
            for (int k : shearTargets[s]) {
                sum += termGradient[k];
            }
            termGradient[shearSource[s]] -= sum;
        }
        for (int k = 0; k < freeIndex.length; k++) {
            gradient[k] += termGradient[k];
        }
    }

    /** A value vector's sampled parameters back to the sampler's coordinates (the inverse of {@link #constrain}). */
    public void unconstrain(double[] valueVector, double[] unconstrainedOut) {
        for (int k = 0; k < freeIndex.length; k++) {
            int i = freeIndex[k];
            unconstrainedOut[k] = bijectors[i].toUnconstrained(valueVector[i]);
        }
        for (int s = 0; s < shearSource.length; s++) {
            double shift = unconstrainedOut[shearSource[s]];
            for (int k : shearTargets[s]) {
                unconstrainedOut[k] += shift;
            }
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

    /** How many shears of the sampler's coordinates are active ({@link Shear}). */
    int shearCount() {
        return shearSource.length;
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

    /** What the compiler fixed (for tests that take the density apart). */
    Layout layout() {
        return layout;
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
