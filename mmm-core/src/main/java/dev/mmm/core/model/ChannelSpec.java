package dev.mmm.core.model;

import dev.mmm.priors.Distribution;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One media channel: its spend column, adstock (name, maximum lag, normalisation), saturation,
 * order of the two, scaling and prior overrides keyed by parameter name ({@code alpha},
 * {@code lam}, {@code beta}, ...). Immutable; the {@code with...} methods return modified copies.
 *
 * <p>Default, as MODEL.md: geometric adstock normalised with L = 8, then logistic saturation,
 * scaled by the column's max.
 */
public record ChannelSpec(String name, String adstock, int lMax, boolean normalize, String saturation,
                          TransformOrder order, ScalingMethod scaling, Map<String, Distribution> priors) {

    public static final String DEFAULT_ADSTOCK = "geometric";
    public static final int DEFAULT_L_MAX = 8;
    public static final String DEFAULT_SATURATION = "logistic";
    /** Longest adstock accepted, in periods (ten years of weeks, about three of days). */
    public static final int MAX_L_MAX = 520;

    public ChannelSpec {
        Objects.requireNonNull(name, "channel name");
        Objects.requireNonNull(adstock, "adstock");
        Objects.requireNonNull(saturation, "saturation");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(scaling, "scaling");
        if (name.isBlank()) {
            throw new SpecException("a channel name is blank");
        }
        if (lMax < 1 || lMax > MAX_L_MAX) {
            throw new SpecException("channel '" + name + "': lMax must be between 1 and " + MAX_L_MAX + ", got " + lMax);
        }
        priors = Collections.unmodifiableMap(new LinkedHashMap<>(priors == null ? Map.of() : priors));
    }

    /** The default channel over column {@code name}. */
    public static ChannelSpec of(String name) {
        return new ChannelSpec(name, DEFAULT_ADSTOCK, DEFAULT_L_MAX, true, DEFAULT_SATURATION,
                TransformOrder.ADSTOCK_FIRST, ScalingMethod.MAX, Map.of());
    }

    public ChannelSpec withAdstock(String adstockName, int maxLag, boolean normalized) {
        return new ChannelSpec(name, adstockName, maxLag, normalized, saturation, order, scaling, priors);
    }

    public ChannelSpec withAdstock(String adstockName, int maxLag) {
        return withAdstock(adstockName, maxLag, normalize);
    }

    public ChannelSpec withSaturation(String saturationName) {
        return new ChannelSpec(name, adstock, lMax, normalize, saturationName, order, scaling, priors);
    }

    public ChannelSpec withOrder(TransformOrder newOrder) {
        return new ChannelSpec(name, adstock, lMax, normalize, saturation, newOrder, scaling, priors);
    }

    public ChannelSpec withScaling(ScalingMethod method) {
        return new ChannelSpec(name, adstock, lMax, normalize, saturation, order, method, priors);
    }

    /** Replaces the prior of one of this channel's parameters, e.g. {@code withPrior("beta", new HalfNormal(1))}. */
    public ChannelSpec withPrior(String parameter, Distribution prior) {
        LinkedHashMap<String, Distribution> p = new LinkedHashMap<>(priors);
        p.put(parameter, prior);
        return new ChannelSpec(name, adstock, lMax, normalize, saturation, order, scaling, p);
    }
}
