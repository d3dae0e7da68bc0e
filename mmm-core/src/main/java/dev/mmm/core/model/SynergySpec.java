package dev.mmm.core.model;

import dev.mmm.priors.Distribution;
import java.util.Objects;

/**
 * Interaction of two channels' saturated responses, {@code synergy[a:b] * f_a[t] * f_b[t]},
 * reported as its own contribution {@code synergy[a:b]}. Prior null = default {@code Normal(0, 1)}:
 * a synergy may be negative (cannibalisation) and, since both f are at most about 1, a unit scale
 * lets it be as large as a channel's own beta without favouring either sign.
 */
public record SynergySpec(String channelA, String channelB, Distribution prior) {
    public SynergySpec {
        Objects.requireNonNull(channelA, "channelA");
        Objects.requireNonNull(channelB, "channelB");
        if (channelA.equals(channelB)) {
            throw new SpecException("synergy: needs two different channels, got '" + channelA + "' twice");
        }
    }

    public String parameterName() {
        return "synergy[" + channelA + ":" + channelB + "]";
    }
}
