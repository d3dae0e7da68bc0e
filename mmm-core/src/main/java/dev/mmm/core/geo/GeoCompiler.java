package dev.mmm.core.geo;

import dev.mmm.core.data.DataException;
import dev.mmm.core.model.ChannelResponse;
import dev.mmm.core.model.ChannelSpec;
import dev.mmm.core.model.ControlSpec;
import dev.mmm.core.model.DefaultPriors;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.model.ScaledBijector;
import dev.mmm.core.model.Scaling;
import dev.mmm.core.model.SeasonalitySpec;
import dev.mmm.core.model.SpecException;
import dev.mmm.core.model.TransformOrder;
import dev.mmm.core.transform.Adstock;
import dev.mmm.core.transform.LogisticSaturation;
import dev.mmm.core.transform.Saturation;
import dev.mmm.core.transform.Transforms;
import dev.mmm.priors.Bijector;
import dev.mmm.priors.Bijectors;
import dev.mmm.priors.Distribution;
import dev.mmm.priors.HalfNormal;
import dev.mmm.priors.IdentityBijector;
import dev.mmm.priors.LowerBoundBijector;
import dev.mmm.priors.Normal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Builds a {@link GeoModel} from a {@link GeoSpec} and a {@link GeoData} panel: scaling (optionally
 * per capita), the parameter layout and names ({@link GeoNames}), the pooled blocks and one
 * {@link ChannelResponse} per geo and channel.
 *
 * <p>Parameter order: the intercept block; per channel its adstock then saturation parameters
 * (shared or per geo); {@code beta_mu[c]} and {@code beta_tau[c]} of every channel; the channel
 * deviations {@code beta_dev[c,g]} (or {@code beta_raw[c,g]} centred); controls; Fourier terms;
 * sigma. Derived values follow: {@code beta[c,g]} channel by channel, then {@code intercept[g]}
 * when pooled.
 */
final class GeoCompiler {

    private final GeoSpec spec;
    private final ModelSpec base;
    private final GeoData data;
    private final int geos;
    private final int periods;
    private final List<GeoModel.Parameter> parameters = new ArrayList<>();
    private final List<String> derived = new ArrayList<>();
    private final LinkedHashSet<String> names = new LinkedHashSet<>();

    private final boolean shear;
    /** Per channel, the parameter index of a shared logistic lam sampled on the log scale, else -1. */
    private int[] shearLam = new int[0];
    /** Per channel, the beta block's location index, then (centred) its members: what a shear shifts. */
    private final List<int[]> shearTargets = new ArrayList<>();

    private GeoCompiler(GeoSpec spec, GeoData data, boolean shear) {
        this.shear = shear;
        this.spec = spec;
        this.base = spec.base();
        this.data = data;
        this.geos = data.geoCount();
        this.periods = data.periods();
    }

    static GeoModel compile(GeoSpec spec, GeoData data) {
        return compile(spec, data, true);
    }

    /**
     * With {@code shear} false the sampler sees the plain bijector coordinates (no
     * {@link GeoModel.Shear}): the same posterior in other coordinates, for tests and measurements.
     */
    static GeoModel compile(GeoSpec spec, GeoData data, boolean shear) {
        return new GeoCompiler(spec, data, shear).build();
    }

    private int add(String name, Distribution prior, Bijector bijector) {
        if (!names.add(name)) {
            throw new SpecException("two parameters would both be named '" + name + "'");
        }
        parameters.add(new GeoModel.Parameter(name, prior, bijector));
        return parameters.size() - 1;
    }

    private int add(String name, Distribution prior) {
        return add(name, prior, Bijectors.forSupport(prior.support()));
    }

    /** A derived slot, numbered after every parameter once the layout is complete. */
    private int addDerived(String name) {
        if (!names.add(name)) {
            throw new SpecException("two parameters would both be named '" + name + "'");
        }
        derived.add(name);
        return -derived.size();
    }

    /** A parameter's own prior by full name, else its family's in the spec, else the fallback. */
    private Distribution prior(String name, String family, Distribution fallback) {
        Distribution own = spec.priors().get(name);
        if (own != null) {
            return own;
        }
        Distribution fam = spec.priors().get(family);
        if (fam == null) {
            fam = base.priors().get(family);
        }
        return fam != null ? fam : fallback;
    }

    private String geo(int g) {
        return data.geos().get(g);
    }

    private double[][] finite(String column, String role) {
        if (!data.hasColumn(column)) {
            throw new DataException(role + " column '" + column + "' not found; the columns are: "
                    + String.join(", ", data.columnNames()));
        }
        double[][] v = data.column(column);
        LocalDate[] dates = data.dates();
        for (int g = 0; g < geos; g++) {
            for (int t = 0; t < periods; t++) {
                if (!Double.isFinite(v[g][t])) {
                    throw new DataException("column '" + column + "', geo '" + geo(g) + "', date " + dates[t]
                            + ": value is " + v[g][t] + ", expected a finite number");
                }
            }
        }
        return v;
    }

    private GeoModel build() {
        double[] population = new double[geos];
        java.util.Arrays.fill(population, 1.0);
        if (spec.populationColumn() != null) {
            population = data.population(spec.populationColumn());
        }
        double[][] y = finite(base.targetColumn(), "target");
        double[] perCapita = new double[geos * periods];
        for (int g = 0; g < geos; g++) {
            for (int t = 0; t < periods; t++) {
                perCapita[g * periods + t] = y[g][t] / population[g];
            }
        }
        double targetScale = Scaling.scaleOf(perCapita, base.targetScaling());
        double[][] target = new double[geos][periods];
        for (int g = 0; g < geos; g++) {
            for (int t = 0; t < periods; t++) {
                target[g][t] = perCapita[g * periods + t] / targetScale;
            }
        }

        int[] interceptSlot = interceptBlock();
        List<ChannelSpec> channels = base.channels();
        int nc = channels.size();
        double[] channelScales = new double[nc];
        double[][][] scaledSpend = new double[nc][geos][periods];
        for (int c = 0; c < nc; c++) {
            ChannelSpec cs = channels.get(c);
            double[][] x = finite(cs.name(), "channel");
            double[] all = new double[geos * periods];
            for (int g = 0; g < geos; g++) {
                for (int t = 0; t < periods; t++) {
                    if (x[g][t] < 0.0) {
                        throw new DataException("column '" + cs.name() + "', geo '" + geo(g) + "', date "
                                + data.dates()[t] + ": spend must be >= 0, got " + x[g][t]);
                    }
                    all[g * periods + t] = x[g][t] / population[g];
                }
            }
            channelScales[c] = Scaling.scaleOf(all, cs.scaling());
            for (int g = 0; g < geos; g++) {
                for (int t = 0; t < periods; t++) {
                    scaledSpend[c][g][t] = all[g * periods + t] / channelScales[c];
                }
            }
        }
        ChannelResponse[][] responses = channelTransforms(scaledSpend);
        int[][] betaSlot = betaBlocks();

        List<ControlSpec> controlSpecs = base.controls();
        int nk = controlSpecs.size();
        double[][][] controls = new double[geos][nk][];
        int[][] controlSlot = new int[geos][nk];
        for (int k = 0; k < nk; k++) {
            ControlSpec cs = controlSpecs.get(k);
            double[][] z = finite(cs.name(), "control");
            double maxAbs = 0.0;
            for (int g = 0; g < geos; g++) {
                controls[g][k] = z[g];
                for (double v : z[g]) {
                    maxAbs = Math.max(maxAbs, Math.abs(v));
                }
            }
            boolean perGeo = spec.controls() == GeoSpec.Sharing.PER_GEO;
            int shared = -1;
            for (int g = 0; g < geos; g++) {
                if (perGeo || g == 0) {
                    String name = GeoNames.name("gamma", cs.name(), perGeo ? geo(g) : null);
                    Distribution p = cs.prior() != null && spec.priors().get(name) == null ? cs.prior()
                            : prior(name, "gamma", DefaultPriors.gamma());
                    shared = add(name, p, coefficientBijector(p, maxAbs));
                }
                controlSlot[g][k] = shared;
            }
        }

        int fourierCount = 0;
        for (SeasonalitySpec s : base.seasonalities()) {
            fourierCount += 2 * s.order();
        }
        double[][] basis = fourierBasis(base.seasonalities(), data.dates());
        int[][] fourierSlot = new int[geos][fourierCount];
        int m0 = 0;
        boolean fourierPerGeo = spec.seasonality() == GeoSpec.Sharing.PER_GEO;
        for (SeasonalitySpec s : base.seasonalities()) {
            Distribution fallback = s.prior() != null ? s.prior() : DefaultPriors.fourier();
            for (int m = 1; m <= s.order(); m++) {
                for (int j = 0; j < 2; j++) {
                    String term = (j == 0 ? "sin_" : "cos_") + m;
                    int shared = -1;
                    for (int g = 0; g < geos; g++) {
                        if (fourierPerGeo || g == 0) {
                            String name = GeoNames.name(s.prefix(), term, fourierPerGeo ? geo(g) : null);
                            shared = add(name, prior(name, s.prefix(), prior(name, "fourier", fallback)));
                        }
                        fourierSlot[g][m0 + j] = shared;
                    }
                }
                m0 += 2;
            }
        }

        int[] sigmaSlot = new int[geos];
        boolean sigmaPerGeo = spec.sigma() == GeoSpec.Sharing.PER_GEO;
        int sharedSigma = -1;
        for (int g = 0; g < geos; g++) {
            if (sigmaPerGeo || g == 0) {
                String name = GeoNames.name("sigma", null, sigmaPerGeo ? geo(g) : null);
                sharedSigma = add(name, prior(name, "sigma", DefaultPriors.sigma(false)));
            }
            sigmaSlot[g] = sharedSigma;
        }

        int p = parameters.size();
        resolve(interceptSlot, p);
        for (int[] row : betaSlot) {
            resolve(row, p);
        }
        PooledBlock[] blocks = pooled.stream().map(b -> b.build(p)).toArray(PooledBlock[]::new);
        List<String> channelNames = channels.stream().map(ChannelSpec::name).toList();
        GeoModel.Layout layout = new GeoModel.Layout(spec, data, parameters, derived, blocks, interceptSlot, sigmaSlot,
                betaSlot, responses, controlSlot, controls, fourierSlot, basis, target, targetScale, channelNames,
                channelScales, population, shears(), byGeo(scaledSpend, geos));
        return new GeoModel(layout);
    }

    /** The sine and cosine of every Fourier term (seasonality by seasonality, order by order) on each date. */
    static double[][] fourierBasis(List<SeasonalitySpec> seasonalities, LocalDate[] dates) {
        int count = 0;
        for (SeasonalitySpec s : seasonalities) {
            count += 2 * s.order();
        }
        double[][] basis = new double[count][dates.length];
        int m0 = 0;
        for (SeasonalitySpec s : seasonalities) {
            for (int m = 1; m <= s.order(); m++) {
                for (int t = 0; t < dates.length; t++) {
                    double phase = 2.0 * Math.PI * m * dates[t].getDayOfYear() / s.periodDays();
                    basis[m0][t] = Math.sin(phase);
                    basis[m0 + 1][t] = Math.cos(phase);
                }
                m0 += 2;
            }
        }
        return basis;
    }

    /**
     * A compiled layout over other rows (the same geos, in the same order): every parameter,
     * prior, slot and scale frozen; each geo's spend scaled by the training scales and its
     * population; the controls as given; the Fourier basis from the rows' dates; no target.
     */
    static GeoModel.Layout refeed(GeoModel.Layout layout, GeoData rows) {
        if (!rows.geos().equals(layout.data().geos())) {
            throw new IllegalArgumentException("the new rows have geos " + rows.geos() + ", the model "
                    + layout.data().geos());
        }
        int geos = rows.geoCount();
        int n = rows.periods();
        List<String> channels = layout.channels();
        LocalDate[] dates = rows.dates();
        ChannelResponse[][] responses = new ChannelResponse[geos][channels.size()];
        double[][][] scaledSpend = new double[channels.size()][geos][];
        for (int c = 0; c < channels.size(); c++) {
            double[][] x = column(rows, channels.get(c), "channel");
            for (int g = 0; g < geos; g++) {
                double divisor = layout.channelScales()[c] * layout.population()[g];
                double[] scaled = new double[n];
                for (int t = 0; t < n; t++) {
                    if (x[g][t] < 0.0) {
                        throw new DataException("column '" + channels.get(c) + "', geo '" + rows.geos().get(g)
                                + "', date " + dates[t] + ": spend must be >= 0, got " + x[g][t]);
                    }
                    scaled[t] = x[g][t] / divisor;
                }
                scaledSpend[c][g] = scaled;
                responses[g][c] = layout.responses()[g][c].withInput(scaled);
            }
        }
        List<ControlSpec> controlSpecs = layout.spec().base().controls();
        double[][][] controls = new double[geos][controlSpecs.size()][];
        for (int k = 0; k < controlSpecs.size(); k++) {
            double[][] z = column(rows, controlSpecs.get(k).name(), "control");
            for (int g = 0; g < geos; g++) {
                controls[g][k] = z[g];
            }
        }
        double[][] basis = fourierBasis(layout.spec().base().seasonalities(), dates);
        return new GeoModel.Layout(layout.spec(), rows, layout.parameters(), layout.derivedNames(), layout.blocks(),
                layout.interceptSlot(), layout.sigmaSlot(), layout.betaSlot(), responses, layout.controlSlot(),
                controls, layout.fourierSlot(), basis, new double[geos][n], layout.targetScale(), channels,
                layout.channelScales(), layout.population(), layout.shears(), byGeo(scaledSpend, geos));
    }

    /** A column of new rows, every value finite, or an error naming the column, geo and date. */
    private static double[][] column(GeoData rows, String name, String role) {
        if (!rows.hasColumn(name)) {
            throw new DataException(role + " column '" + name + "' not found in the new rows; the columns are: "
                    + String.join(", ", rows.columnNames()));
        }
        double[][] v = rows.column(name);
        for (int g = 0; g < v.length; g++) {
            for (int t = 0; t < v[g].length; t++) {
                if (!Double.isFinite(v[g][t])) {
                    throw new DataException("column '" + name + "', geo '" + rows.geos().get(g) + "', date "
                            + rows.dates()[t] + ": value is " + v[g][t] + ", expected a finite number");
                }
            }
        }
        return v;
    }

    /**
     * One shear per channel whose effects are log-normally pooled (beta_mu a real location of
     * log beta) and whose saturation is a shared logistic with lam sampled as log(lam): for small
     * spend f = tanh(lam a / 2) ~ lam a / 2, so the data pin log(beta[c,g]) + log(lam_c) and
     * leave the two apart only weakly. The sampler's coordinate for beta_mu becomes
     * beta_mu + log(lam) (and beta_raw[c,g] + log(lam) when centred), see {@link GeoModel.Shear}.
     */
    private List<GeoModel.Shear> shears() {
        List<GeoModel.Shear> out = new ArrayList<>();
        if (!shear || spec.mediaPooling() != GeoSpec.Pooling.LOG_NORMAL) {
            return out;
        }
        for (int c = 0; c < shearLam.length; c++) {
            int lam = shearLam[c];
            int[] targets = shearTargets.get(c);
            if (lam < 0 || !(parameters.get(lam).bijector() instanceof LowerBoundBijector b) || b.lower() != 0.0
                    || parameters.get(targets[0]).bijector() != IdentityBijector.INSTANCE) {
                continue;
            }
            out.add(new GeoModel.Shear(lam, targets));
        }
        return out;
    }

    private static Bijector coefficientBijector(Distribution prior, double columnScale) {
        boolean real = prior.support().lower() == Double.NEGATIVE_INFINITY
                && prior.support().upper() == Double.POSITIVE_INFINITY;
        // As the national model: sample a control's coefficient on the scale of its contribution.
        return real && columnScale > 0.0 && columnScale != 1.0 && Double.isFinite(columnScale)
                ? new ScaledBijector(1.0 / columnScale) : Bijectors.forSupport(prior.support());
    }

    /** [channel][geo][t] to [geo][channel][t] (the same row arrays). */
    private static double[][][] byGeo(double[][][] byChannel, int ng) {
        int nc = byChannel.length;
        double[][][] out = new double[ng][nc][];
        for (int c = 0; c < nc; c++) {
            for (int g = 0; g < ng; g++) {
                out[g][c] = byChannel[c][g];
            }
        }
        return out;
    }

    /** Derived slots were numbered -1, -2, ...: they live after the p parameters. */
    private static void resolve(int[] slots, int p) {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] < 0) {
                slots[i] = p - slots[i] - 1;
            }
        }
    }

    /** A pooled block whose value slots are resolved once the parameter count is known. */
    private record PendingBlock(boolean logNormal, boolean centred, int mu, int tau, int[] members, int[] values) {
        PooledBlock build(int p) {
            int[] v = values.clone();
            resolve(v, p);
            return new PooledBlock(logNormal, centred, mu, tau, members, v);
        }
    }

    private final List<PendingBlock> pooled = new ArrayList<>();

    /** A pooled block over geos: mean, scale, one member per geo, one derived value per geo. */
    private int[] pooledBlock(String block, String index, boolean logNormal, Distribution muDefault,
                              Distribution tauDefault) {
        boolean centred = spec.parameterisation() == GeoSpec.Parameterisation.CENTRED;
        String muName = GeoNames.name(block + "_mu", index, null);
        String tauName = GeoNames.name(block + "_tau", index, null);
        int mu = add(muName, prior(muName, block + "_mu", muDefault));
        int tau = add(tauName, prior(tauName, block + "_tau", tauDefault));
        int[] members = new int[geos];
        for (int g = 0; g < geos; g++) {
            if (centred) {
                members[g] = add(GeoNames.name(block + "_raw", index, geo(g)), null, IdentityBijector.INSTANCE);
            } else {
                members[g] = add(GeoNames.name(block + "_dev", index, geo(g)), new Normal(0.0, 1.0));
            }
        }
        int[] values = new int[geos];
        pooled.add(new PendingBlock(logNormal, centred, mu, tau, members, values));
        return values;
    }

    private int[] interceptBlock() {
        int[] slot = new int[geos];
        Distribution fallback = DefaultPriors.intercept(false);
        switch (spec.intercept()) {
            case SHARED -> java.util.Arrays.fill(slot, add("intercept", prior("intercept", "intercept", fallback)));
            case PER_GEO -> {
                for (int g = 0; g < geos; g++) {
                    String name = GeoNames.name("intercept", null, geo(g));
                    slot[g] = add(name, prior(name, "intercept", fallback));
                }
            }
            case POOLED -> {
                int[] values = pooledBlock("intercept", null, false, fallback, new HalfNormal(1.0));
                // Filled after the channels' blocks: the derived intercepts come last.
                pendingIntercept = values;
                return values;
            }
            default -> throw new IllegalStateException(spec.intercept().name());
        }
        return slot;
    }

    private int[] pendingIntercept;

    /** beta_mu, beta_tau and the per-geo members of every channel; returns [geo][channel] slots. */
    private int[][] betaBlocks() {
        List<ChannelSpec> channels = base.channels();
        boolean logNormal = spec.mediaPooling() == GeoSpec.Pooling.LOG_NORMAL;
        Distribution muDefault = logNormal ? new Normal(-1.0, 1.0) : DefaultPriors.beta();
        Distribution tauDefault = logNormal ? new HalfNormal(1.0) : new HalfNormal(0.5);
        int[][] perChannel = new int[channels.size()][];
        for (int c = 0; c < channels.size(); c++) {
            ChannelSpec cs = channels.get(c);
            Distribution own = cs.priors().get("beta_mu");
            perChannel[c] = pooledBlock("beta", cs.name(), logNormal, own != null ? own : muDefault,
                    cs.priors().getOrDefault("beta_tau", tauDefault));
            PendingBlock block = pooled.get(pooled.size() - 1);
            int[] targets = block.centred() ? new int[1 + geos] : new int[] {block.mu()};
            if (block.centred()) {
                targets[0] = block.mu();
                System.arraycopy(block.members(), 0, targets, 1, geos);
            }
            shearTargets.add(targets);
        }
        int[][] slots = new int[geos][channels.size()];
        for (int c = 0; c < channels.size(); c++) {
            for (int g = 0; g < geos; g++) {
                perChannel[c][g] = addDerived(GeoNames.name("beta", channels.get(c).name(), geo(g)));
                slots[g][c] = perChannel[c][g];
            }
        }
        if (pendingIntercept != null) {
            for (int g = 0; g < geos; g++) {
                pendingIntercept[g] = addDerived(GeoNames.name("intercept", null, geo(g)));
            }
        }
        return slots;
    }

    /** Adstock and saturation parameters (shared or per geo) and one response per geo and channel. */
    private ChannelResponse[][] channelTransforms(double[][][] scaledSpend) {
        List<ChannelSpec> channels = base.channels();
        int nc = channels.size();
        boolean perGeo = spec.transforms() == GeoSpec.Sharing.PER_GEO;
        ChannelResponse[][] out = new ChannelResponse[geos][nc];
        shearLam = new int[nc];
        java.util.Arrays.fill(shearLam, -1);
        for (int c = 0; c < nc; c++) {
            ChannelSpec cs = channels.get(c);
            Adstock adstock;
            Saturation saturation;
            try {
                adstock = Transforms.adstock(cs.adstock(), cs.lMax(), cs.normalize());
                saturation = Transforms.saturation(cs.saturation());
            } catch (IllegalArgumentException e) {
                throw new SpecException("channel '" + cs.name() + "': " + e.getMessage(), e);
            }
            List<String> a = adstock.parameterNames();
            List<String> s = saturation.parameterNames();
            int[][] adstockIndex = new int[geos][a.size()];
            int[][] saturationIndex = new int[geos][s.size()];
            for (int g = 0; g < geos; g++) {
                if (!perGeo && g > 0) {
                    adstockIndex[g] = adstockIndex[0];
                    saturationIndex[g] = saturationIndex[0];
                    continue;
                }
                String geoName = perGeo ? geo(g) : null;
                for (int j = 0; j < a.size(); j++) {
                    String param = s.contains(a.get(j)) ? "adstock_" + a.get(j) : a.get(j);
                    adstockIndex[g][j] = add(GeoNames.name(param, cs.name(), geoName),
                            channelPrior(cs, param, GeoNames.name(param, cs.name(), geoName),
                                    adstock.defaultPriors().get(a.get(j))));
                }
                for (int j = 0; j < s.size(); j++) {
                    String param = a.contains(s.get(j)) ? "saturation_" + s.get(j) : s.get(j);
                    saturationIndex[g][j] = add(GeoNames.name(param, cs.name(), geoName),
                            channelPrior(cs, param, GeoNames.name(param, cs.name(), geoName),
                                    saturation.defaultPriors().get(s.get(j))));
                }
            }
            if (!perGeo && saturation instanceof LogisticSaturation) {
                shearLam[c] = saturationIndex[0][0];
            }
            for (int g = 0; g < geos; g++) {
                out[g][c] = new ChannelResponse(cs.name(), scaledSpend[c][g], adstock, saturation,
                        cs.order() == TransformOrder.SATURATION_FIRST, adstockIndex[g], saturationIndex[g]);
            }
        }
        return out;
    }

    private Distribution channelPrior(ChannelSpec channel, String parameter, String fullName, Distribution transformDefault) {
        Distribution chosen = spec.priors().get(fullName);
        if (chosen == null) {
            chosen = channel.priors().get(parameter);
        }
        if (chosen == null) {
            chosen = prior(fullName, parameter, transformDefault);
        }
        if (chosen == null) {
            throw new SpecException("channel '" + channel.name() + "': no prior for parameter '" + parameter + "'");
        }
        if (transformDefault != null) {
            var domain = transformDefault.support();
            var s = chosen.support();
            if (s.lower() < domain.lower() || s.upper() > domain.upper()) {
                throw new SpecException("channel '" + channel.name() + "': impossible prior " + chosen.name()
                        + " for '" + parameter + "'; the parameter lives in [" + domain.lower() + ", "
                        + domain.upper() + "]");
            }
        }
        return chosen;
    }
}
