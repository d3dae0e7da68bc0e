package dev.mmm.benchmarks.sbc;

import dev.mmm.core.calibration.RoiPrior;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.ModelParameter;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.model.ScalingMethod;
import dev.mmm.priors.LogNormal;
import dev.mmm.sampler.sbc.SbcModel;
import dev.mmm.sampler.sbc.SbcPosterior;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The default MMM of MODEL.md (geometric adstock L = 8, logistic saturation, Normal likelihood,
 * MODEL.md's priors) as an SBC model, over fixed seeded spend and control series.
 *
 * <p>The fitted model scales the target by 1 ({@link ScalingMethod#NONE}) instead of max(y): with
 * max scaling the density would depend on the simulated data beyond the likelihood (the priors
 * would sit on {@code y / max y}) and the posterior would not be prior x likelihood of the process
 * that generated the data. Channels keep their max scaling: spend is fixed, so its scale is a
 * constant of the model. Parameters are drawn from the compiled model's own prior objects, the mean
 * comes from the compiled model's own terms and the noise from its own likelihood, so prior,
 * simulator and posterior are one and the same model.
 */
public final class DefaultMmmSbcModel implements SbcModel<Dataset> {

    static final String DATE = "date";
    static final String TARGET = "y";

    private final ModelSpec spec;
    private final ModelSpec fittedSpec;
    private final LocalDate[] dates;
    private final LinkedHashMap<String, double[]> inputs;
    private final CompiledModel generator;
    private final List<ModelParameter> parameters;

    /**
     * @param channels     number of media channels ({@code x1, x2, ...})
     * @param controls     number of controls ({@code z1, ...})
     * @param weeks        rows, weekly from 2022-01-03
     * @param fourierOrder yearly seasonality order (0 = none)
     * @param inputSeed    seed of the fixed spend and control series (not of the replications)
     */
    public DefaultMmmSbcModel(int channels, int controls, int weeks, int fourierOrder, long inputSeed) {
        this(channels, controls, weeks, fourierOrder, inputSeed, ScalingMethod.NONE);
    }

    /**
     * As above, but the posterior rescales the target with {@code fittedScaling}. Anything but
     * {@link ScalingMethod#NONE} makes the posterior differ from the generating model (the priors
     * then sit on {@code y / scale(y)}): a deliberately wrong setup, to show that SBC detects it.
     */
    public DefaultMmmSbcModel(int channels, int controls, int weeks, int fourierOrder, long inputSeed,
            ScalingMethod fittedScaling) {
        this(channels, controls, weeks, fourierOrder, inputSeed, fittedScaling, false);
    }

    /**
     * As above; with {@code roiPriors} every channel is ROI-parameterised (Meridian's ROI prior over
     * every row): {@code roas[c] ~ LogNormal(log r0, 0.9)} is sampled and {@code beta[c]} derived,
     * where {@code r0} is the channel's ROAS at beta = 1 and the shape priors' unconstrained origin
     * (so beta's prior scale stays about the default model's). Both roas and the derived beta are
     * checked.
     */
    public DefaultMmmSbcModel(int channels, int controls, int weeks, int fourierOrder, long inputSeed,
            ScalingMethod fittedScaling, boolean roiPriors) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be at least 1, got " + channels);
        }
        if (controls < 0) {
            throw new IllegalArgumentException("controls must be at least 0, got " + controls);
        }
        if (weeks < 2) {
            throw new IllegalArgumentException("weeks must be at least 2, got " + weeks);
        }
        if (fourierOrder < 0) {
            throw new IllegalArgumentException("fourier order must be at least 0, got " + fourierOrder);
        }
        String[] channelNames = new String[channels];
        for (int c = 0; c < channels; c++) {
            channelNames[c] = "x" + (c + 1);
        }
        String[] controlNames = new String[controls];
        for (int k = 0; k < controls; k++) {
            controlNames[k] = "z" + (k + 1);
        }
        ModelSpec direct = ModelSpec.builder().date(DATE).target(TARGET).targetScaling(ScalingMethod.NONE)
                .channels(channelNames).controls(controlNames).yearlySeasonality(fourierOrder).build();
        this.dates = new LocalDate[weeks];
        LocalDate start = LocalDate.of(2022, 1, 3);
        for (int t = 0; t < weeks; t++) {
            dates[t] = start.plusWeeks(t);
        }
        this.inputs = inputs(channelNames, controlNames, weeks, inputSeed);
        LinkedHashMap<String, double[]> columns = new LinkedHashMap<>(inputs);
        // the target does not enter the mean, the priors or (under NONE scaling) the scales
        columns.put(TARGET, new double[weeks]);
        Dataset rows = Dataset.of(DATE, dates, columns);
        if (roiPriors) {
            ModelSpec.Builder b = direct.toBuilder();
            ModelSpec unit = direct;
            for (String c : channelNames) {
                unit = unit.toBuilder().roiPrior(RoiPrior.of(c, new LogNormal(0.0, 1.0))).build();
            }
            CompiledModel probe = unit.compile(rows);
            double[] theta = new double[probe.parameterCount()];
            probe.constrain(new double[probe.dimension()], theta);
            for (String c : channelNames) {
                // roas = 1 at the origin: beta there is 1 / r0
                double r0 = 1.0 / theta[probe.parameterNames().indexOf("beta[" + c + "]")];
                b.roiPrior(RoiPrior.of(c, new LogNormal(Math.log(r0), 0.9)));
            }
            direct = b.build();
        }
        this.spec = direct;
        this.fittedSpec = spec.toBuilder().targetScaling(fittedScaling).build();
        this.generator = spec.compile(rows);
        this.parameters = generator.parameters();
        if (generator.dimension() != generator.parameterCount() - (roiPriors ? channels : 0)) {
            throw new IllegalStateException("the default model should have no fixed parameters");
        }
    }

    /** Bursty spend (zero in about a fifth of the weeks, log-normal otherwise) and a smooth standardised control. */
    private static LinkedHashMap<String, double[]> inputs(String[] channels, String[] controls, int weeks,
            long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        LinkedHashMap<String, double[]> out = new LinkedHashMap<>();
        for (String channel : channels) {
            double[] x = new double[weeks];
            for (int t = 0; t < weeks; t++) {
                x[t] = rng.nextDouble() < 0.2 ? 0.0 : 1000.0 * Math.exp(0.6 * gaussian(rng));
            }
            out.put(channel, x);
        }
        for (String control : controls) {
            double[] z = new double[weeks];
            double level = 0.0;
            for (int t = 0; t < weeks; t++) {
                level = 0.8 * level + 0.6 * gaussian(rng);
                z[t] = level;
            }
            out.put(control, z);
        }
        return out;
    }

    private static double gaussian(UniformRandomProvider rng) {
        // Box-Muller: the fixed inputs need no sampler object
        double u = 1.0 - rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * rng.nextDouble());
    }

    public ModelSpec spec() {
        return spec;
    }

    /** The fixed input columns (spend and controls) by name; copies. */
    public LinkedHashMap<String, double[]> inputs() {
        LinkedHashMap<String, double[]> copy = new LinkedHashMap<>();
        inputs.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    @Override
    public List<String> parameterNames() {
        return generator.parameterNames();
    }

    /** Every sampled parameter from its prior; derived ones (beta under ROI priors) from those. */
    @Override
    public synchronized double[] samplePrior(UniformRandomProvider rng) {
        double[] theta = new double[parameters.size()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = parameters.get(i).prior().sample(rng);
        }
        if (generator.dimension() < theta.length) {
            double[] u = new double[generator.dimension()];
            generator.unconstrain(theta, u);
            generator.constrain(u, theta);
        }
        return theta;
    }

    @Override
    public synchronized Dataset simulate(double[] parameters, UniformRandomProvider rng) {
        double[] mu = generator.mean(parameters);
        double[] y = new double[mu.length];
        for (int t = 0; t < y.length; t++) {
            y[t] = generator.likelihood().sample(parameters, mu[t], rng);
        }
        LinkedHashMap<String, double[]> columns = new LinkedHashMap<>(inputs);
        columns.put(TARGET, y);
        return Dataset.of(DATE, dates, columns);
    }

    @Override
    public SbcPosterior posterior(Dataset data) {
        CompiledModel model = fittedSpec.compile(data);
        return new SbcPosterior(model, model::constrain);
    }
}
