package dev.mmm.core.model;

import dev.mmm.core.calibration.Calibration;
import dev.mmm.core.calibration.Calibrator;
import dev.mmm.core.calibration.LiftTest;
import dev.mmm.core.calibration.RoiPrior;
import dev.mmm.core.data.Dataset;
import dev.mmm.priors.Distribution;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a media mix model says, independent of any data: immutable, comparable with
 * {@code equals}, convertible to and from JSON ({@link #toJson()}, {@link #fromJson(String)}).
 *
 * <p>The default model (MODEL.md) is {@code builder().date(d).target(y).channels(...)
 * .controls(...).yearlySeasonality(2).build()}.
 *
 * <p><b>Parameter order</b> of the compiled model (fixed; tools compare by name):
 * {@code intercept}; {@code trend_k}, {@code trend_delta[1..n]} if a trend is asked for; the
 * channels' adstock parameters grouped by name in order of first appearance
 * ({@code alpha[c]} for every channel that has one, then e.g. {@code theta[c]}), then their
 * saturation parameters likewise ({@code lam[c]}, ...), then {@code beta[c]}; for each channel
 * with a ROI prior, in channel order, its sampled quantity ({@code roas[c]}, {@code mroas[c]},
 * {@code share[c]} or {@code cost_per_target[c]}; its {@code beta[c]} is then derived, not
 * sampled: see {@link dev.mmm.core.calibration.RoiPrior}); {@code synergy[a:b]};
 * {@code gamma[control]}; {@code event[name]}; each seasonality's {@code <prefix>[sin_1],
 * <prefix>[cos_1], ..., <prefix>[cos_n]}; {@code sigma}; {@code nu} for a Student-t with nu sampled.
 * Where a channel's adstock and saturation both name a parameter the same (Weibull's {@code lam}
 * and logistic's {@code lam}) they become {@code adstock_lam} and {@code saturation_lam}.
 *
 * <p><b>Priors</b> are resolved per parameter as: the channel's own override
 * ({@link ChannelSpec#withPrior}), else the model-wide override by parameter family
 * ({@link Builder#prior}: {@code intercept, alpha, lam, beta, ..., gamma, fourier, event, synergy,
 * trend_k, trend_delta, sigma, nu}), else a control's/seasonality's/event's own prior, else the
 * default: MODEL.md's, the transforms' own defaults for their parameters, and those documented on
 * each spec record.
 */
public final class ModelSpec {

    /**
     * Names a seasonality prefix may not take: the fixed parameter families and the names of
     * the contributions of the other terms.
     */
    static final Set<String> RESERVED_NAMES = Set.of("intercept", "beta", "gamma", "event", "synergy", "trend_k",
            "trend_delta", "sigma", "nu", "controls", "events", "trend");

    private final String dateColumn;
    private final String targetColumn;
    private final ScalingMethod targetScaling;
    private final List<ChannelSpec> channels;
    private final List<ControlSpec> controls;
    private final List<SeasonalitySpec> seasonalities;
    private final TrendSpec trend;
    private final List<EventSpec> events;
    private final List<SynergySpec> synergies;
    private final LikelihoodSpec likelihood;
    private final Map<String, Distribution> priors;
    private final Calibration calibration;

    private ModelSpec(Builder b) {
        this.dateColumn = b.dateColumn;
        this.targetColumn = b.targetColumn;
        this.targetScaling = b.targetScaling;
        this.channels = List.copyOf(b.channels.values());
        this.controls = List.copyOf(b.controls.values());
        this.seasonalities = List.copyOf(b.seasonalities);
        this.trend = b.trend;
        this.events = List.copyOf(b.events);
        this.synergies = List.copyOf(b.synergies);
        this.likelihood = b.likelihood;
        this.priors = Collections.unmodifiableMap(new LinkedHashMap<>(b.priors));
        this.calibration = b.calibration;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this spec's settings, to derive a modified spec. */
    public Builder toBuilder() {
        Builder b = new Builder().date(dateColumn).target(targetColumn).targetScaling(targetScaling)
                .trend(trend).likelihood(likelihood);
        channels.forEach(b::channel);
        controls.forEach(b::control);
        seasonalities.forEach(b::seasonality);
        events.forEach(b::event);
        synergies.forEach(b::synergy);
        priors.forEach(b::prior);
        b.calibration(calibration);
        return b;
    }

    /** Joins this spec with data: scales it, builds the bases and the log posterior. */
    public CompiledModel compile(Dataset data) {
        return Calibrator.attach(ModelCompiler.compile(this, data));
    }

    /** Lift tests and ROI priors ({@link Calibration#none()} when there are none). */
    public Calibration calibration() {
        return calibration;
    }

    public String dateColumn() {
        return dateColumn;
    }

    public String targetColumn() {
        return targetColumn;
    }

    public ScalingMethod targetScaling() {
        return targetScaling;
    }

    public List<ChannelSpec> channels() {
        return channels;
    }

    public List<String> channelNames() {
        return channels.stream().map(ChannelSpec::name).toList();
    }

    public List<ControlSpec> controls() {
        return controls;
    }

    public List<SeasonalitySpec> seasonalities() {
        return seasonalities;
    }

    /** Null when the model has no trend. */
    public TrendSpec trend() {
        return trend;
    }

    public List<EventSpec> events() {
        return events;
    }

    public List<SynergySpec> synergies() {
        return synergies;
    }

    public LikelihoodSpec likelihood() {
        return likelihood;
    }

    /** Model-wide prior overrides by parameter family. */
    public Map<String, Distribution> priors() {
        return priors;
    }

    /** This spec as JSON (see {@link ModelSpecJson} for the format). */
    public String toJson() {
        return ModelSpecJson.write(this);
    }

    /** A spec from JSON; bad input is a {@link SpecException} whose message starts with the JSON path. */
    public static ModelSpec fromJson(String json) {
        return ModelSpecJson.read(json);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ModelSpec s)) {
            return false;
        }
        return dateColumn.equals(s.dateColumn) && targetColumn.equals(s.targetColumn)
                && targetScaling == s.targetScaling && channels.equals(s.channels)
                && controls.equals(s.controls) && seasonalities.equals(s.seasonalities)
                && Objects.equals(trend, s.trend) && events.equals(s.events)
                && synergies.equals(s.synergies) && likelihood.equals(s.likelihood)
                && priors.equals(s.priors) && calibration.equals(s.calibration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dateColumn, targetColumn, targetScaling, channels, controls, seasonalities, trend,
                events, synergies, likelihood, priors, calibration);
    }

    @Override
    public String toString() {
        return toJson();
    }

    /** Fluent builder; {@link #build()} checks the whole spec. */
    public static final class Builder {
        private String dateColumn;
        private String targetColumn;
        private ScalingMethod targetScaling = ScalingMethod.MAX;
        private final LinkedHashMap<String, ChannelSpec> channels = new LinkedHashMap<>();
        private final LinkedHashMap<String, ControlSpec> controls = new LinkedHashMap<>();
        private final List<SeasonalitySpec> seasonalities = new ArrayList<>();
        private TrendSpec trend;
        private final List<EventSpec> events = new ArrayList<>();
        private final List<SynergySpec> synergies = new ArrayList<>();
        private LikelihoodSpec likelihood = LikelihoodSpec.normal();
        private final LinkedHashMap<String, Distribution> priors = new LinkedHashMap<>();
        private Calibration calibration = Calibration.none();

        private Builder() {
        }

        public Builder date(String column) {
            this.dateColumn = column;
            return this;
        }

        public Builder target(String column) {
            this.targetColumn = column;
            return this;
        }

        public Builder targetScaling(ScalingMethod method) {
            this.targetScaling = Objects.requireNonNull(method);
            return this;
        }

        /** Default channels (geometric normalised L = 8, then logistic). */
        public Builder channels(String... names) {
            for (String n : names) {
                channel(ChannelSpec.of(n));
            }
            return this;
        }

        /** Adds or replaces a channel by name (its position is that of its first addition). */
        public Builder channel(ChannelSpec channel) {
            channels.put(channel.name(), channel);
            return this;
        }

        public Builder controls(String... names) {
            for (String n : names) {
                control(ControlSpec.of(n));
            }
            return this;
        }

        public Builder control(ControlSpec control) {
            controls.put(control.name(), control);
            return this;
        }

        public Builder control(String name, Distribution prior) {
            return control(new ControlSpec(name, prior));
        }

        /** Yearly Fourier seasonality of the given order (0 = none): coefficients {@code fourier[sin_1], ...}. */
        public Builder yearlySeasonality(int order) {
            seasonalities.removeIf(s -> s.prefix().equals("fourier"));
            if (order > 0) {
                seasonalities.add(SeasonalitySpec.yearly(order));
            }
            return this;
        }

        public Builder seasonality(SeasonalitySpec seasonality) {
            seasonalities.removeIf(s -> s.prefix().equals(seasonality.prefix()));
            seasonalities.add(seasonality);
            return this;
        }

        /** Null removes the trend. */
        public Builder trend(TrendSpec trendSpec) {
            this.trend = trendSpec;
            return this;
        }

        public Builder event(EventSpec event) {
            events.add(event);
            return this;
        }

        public Builder synergy(SynergySpec synergy) {
            synergies.add(synergy);
            return this;
        }

        public Builder synergy(String channelA, String channelB) {
            return synergy(new SynergySpec(channelA, channelB, null));
        }

        public Builder likelihood(LikelihoodSpec spec) {
            this.likelihood = Objects.requireNonNull(spec);
            return this;
        }

        /** Model-wide prior of a parameter family, e.g. {@code prior("beta", new HalfNormal(1))} for all channels. */
        public Builder prior(String family, Distribution prior) {
            priors.put(Objects.requireNonNull(family), Objects.requireNonNull(prior));
            return this;
        }

        /** Replaces the calibration (lift tests and ROI priors). */
        public Builder calibration(Calibration c) {
            this.calibration = Objects.requireNonNull(c);
            return this;
        }

        /** Adds lift tests. */
        public Builder liftTests(List<LiftTest> tests) {
            this.calibration = calibration.withLiftTests(tests);
            return this;
        }

        /** Adds a prior on a channel's ROAS: its beta becomes derived from the sampled {@code roas[channel]}. */
        public Builder roiPrior(RoiPrior prior) {
            this.calibration = calibration.withRoiPrior(prior);
            return this;
        }

        public ModelSpec build() {
            if (dateColumn == null || dateColumn.isBlank()) {
                throw new SpecException("date: the date column is not set");
            }
            if (targetColumn == null || targetColumn.isBlank()) {
                throw new SpecException("target: the target column is not set");
            }
            Set<String> used = new HashSet<>();
            used.add(dateColumn);
            if (!used.add(targetColumn)) {
                throw new SpecException("target: column '" + targetColumn + "' is also the date column");
            }
            for (String c : channels.keySet()) {
                if (!used.add(c)) {
                    throw new SpecException("channels: column '" + c + "' is used twice");
                }
            }
            for (String c : controls.keySet()) {
                if (!used.add(c)) {
                    throw new SpecException("controls: column '" + c + "' is used twice");
                }
            }
            Set<String> eventNames = new HashSet<>();
            for (EventSpec e : events) {
                if (!eventNames.add(e.name())) {
                    throw new SpecException("events: event '" + e.name() + "' is defined twice");
                }
            }
            Set<String> pairs = new HashSet<>();
            for (SynergySpec s : synergies) {
                for (String c : List.of(s.channelA(), s.channelB())) {
                    if (!channels.containsKey(c)) {
                        throw new SpecException("synergies: '" + c + "' is not a channel; the channels are "
                                + dev.mmm.core.data.MessageText.names(new ArrayList<>(channels.keySet())));
                    }
                }
                String key = s.channelA().compareTo(s.channelB()) < 0 ? s.channelA() + ":" + s.channelB()
                        : s.channelB() + ":" + s.channelA();
                if (!pairs.add(key)) {
                    throw new SpecException("synergies: pair " + s.channelA() + ", " + s.channelB() + " is given twice");
                }
            }
            Set<String> channelFamilies = channelFamilies(channels.values());
            for (SeasonalitySpec s : seasonalities) {
                String clash = prefixClash(s.prefix(), channels.keySet(), controls.keySet(), channelFamilies);
                if (clash != null) {
                    throw new SpecException("seasonality '" + s.prefix() + "': prefix " + clash);
                }
            }
            for (int i = 0; i < calibration.liftTests().size(); i++) {
                requireChannel(calibration.liftTests().get(i).channel(), "calibration.lift_tests[" + i + "].channel");
            }
            for (int i = 0; i < calibration.roiPriors().size(); i++) {
                requireChannel(calibration.roiPriors().get(i).channel(), "calibration.roi_priors[" + i + "].channel");
            }
            java.util.Set<String> families = knownPriorFamilies(this);
            for (String family : priors.keySet()) {
                if (!families.contains(family)) {
                    throw new SpecException("priors." + family + ": no parameter family '" + family + "' in this model; valid: "
                            + String.join(", ", families));
                }
            }
            return new ModelSpec(this);
        }

        private void requireChannel(String channel, String path) {
            if (!channels.containsKey(channel)) {
                throw new SpecException(path + ": '" + channel + "' is not a channel; the channels are "
                        + String.join(", ", channels.keySet()));
            }
        }
    }

    /**
     * Why a seasonality prefix cannot be used, or null. The prefix names the seasonality's
     * parameters ({@code prefix[sin_1]}), its prior family and its contribution, so it must be
     * none of the other families (fixed, or a channel transform's parameter group), no other
     * term's contribution and no channel or control.
     */
    static String prefixClash(String prefix, Set<String> channels, Set<String> controls, Set<String> channelFamilies) {
        if (RESERVED_NAMES.contains(prefix)) {
            return "is the name of another parameter family or term; choose another prefix";
        }
        if (channels.contains(prefix) || controls.contains(prefix)) {
            return "is also a column of the model; choose another prefix";
        }
        if (!prefix.equals("fourier") && channelFamilies.contains(prefix)) {
            return "is the name of a channel parameter family; choose another prefix";
        }
        return null;
    }

    /**
     * The parameter families of these channels' transforms ({@code alpha}, {@code lam}, ...),
     * with {@code adstock_}/{@code saturation_} in front where both name a parameter the same.
     */
    static java.util.Set<String> channelFamilies(java.util.Collection<ChannelSpec> channels) {
        java.util.LinkedHashSet<String> f = new java.util.LinkedHashSet<>();
        for (ChannelSpec c : channels) {
            try {
                List<String> a = dev.mmm.core.transform.Transforms.adstock(c.adstock(), c.lMax(), c.normalize()).parameterNames();
                List<String> s = dev.mmm.core.transform.Transforms.saturation(c.saturation()).parameterNames();
                a.forEach(n -> f.add(s.contains(n) ? "adstock_" + n : n));
                s.forEach(n -> f.add(a.contains(n) ? "saturation_" + n : n));
            } catch (IllegalArgumentException e) {
                throw new SpecException("channel '" + c.name() + "': " + e.getMessage(), e);
            }
        }
        return f;
    }

    /**
     * The names {@link Builder#prior} accepts for the model the builder holds: a family only
     * when the model has a parameter in it (no {@code trend_k} without a trend, no {@code nu}
     * unless a Student-t samples it), so that a prior for a term the model lacks is an error
     * instead of being silently unused.
     */
    static java.util.Set<String> knownPriorFamilies(Builder b) {
        java.util.LinkedHashSet<String> f = new java.util.LinkedHashSet<>(List.of("intercept", "beta", "sigma"));
        if (!b.controls.isEmpty()) {
            f.add("gamma");
        }
        if (!b.seasonalities.isEmpty()) {
            f.add("fourier");
        }
        if (!b.events.isEmpty()) {
            f.add("event");
        }
        if (!b.synergies.isEmpty()) {
            f.add("synergy");
        }
        if (b.trend != null) {
            f.add("trend_k");
            if (b.trend.changepoints() > 0) {
                f.add("trend_delta");
            }
        }
        if (b.likelihood.nuSampled()) {
            f.add("nu");
        }
        for (SeasonalitySpec s : b.seasonalities) {
            f.add(s.prefix());
        }
        f.addAll(channelFamilies(b.channels.values()));
        return f;
    }
}
