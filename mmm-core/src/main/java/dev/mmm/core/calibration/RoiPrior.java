package dev.mmm.core.calibration;

import dev.mmm.core.analysis.PosteriorAnalysis;
import dev.mmm.priors.Distribution;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A prior directly on one channel's ROAS over a window (Meridian's ROI prior), e.g. a LogNormal
 * from an experiment's estimate and error, or on another quantity that is linear in the
 * channel's coefficient ({@link Kind}). The model then samples {@code roas[channel]} (or
 * {@code mroas}, {@code share}, {@code cost_per_target}) with this prior and derives
 * {@code beta[channel]} from it (see {@link RoiParameterisation}).
 *
 * <p>ROAS is the expected target with the data's spend less the expected target with the
 * channel's spend zeroed over the window, carry-over included, per unit of the window's spend:
 * the same counterfactual as {@code PosteriorAnalysis.channels}.
 *
 * @param start first date of the window, null for the data's start
 * @param end   last date of the window, null for the data's end
 * @param kind  what the prior is on (null: {@link Kind#ROAS})
 */
public record RoiPrior(String channel, Distribution prior, LocalDate start, LocalDate end, Kind kind) {

    /** The quantity a {@link RoiPrior} is stated on; each is {@code beta} times a function of the shape parameters. */
    public enum Kind {
        /** Counterfactual ROAS over the window, carry-over included (Meridian's {@code roi}). */
        ROAS("roas"),
        /**
         * Marginal ROAS: the extra target per extra unit of spend when the window's spend rises by
         * {@link PosteriorAnalysis#MARGINAL_STEP} (1%), carry-over included (Meridian's {@code mroi}).
         */
        MARGINAL_ROAS("mroas"),
        /**
         * The channel's contribution over the window's rows as a share of the observed target over
         * them (Meridian's {@code contribution}), the contribution as {@code PosteriorAnalysis} reports it.
         */
        CONTRIBUTION_SHARE("share"),
        /** Cost per incremental unit of the target, 1 / ROAS (for a target that is not revenue). */
        COST_PER_TARGET("cost_per_target");

        private final String jsonName;

        Kind(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }

        /** The sampled parameter's name, e.g. {@code roas[tv]}. */
        public String parameterName(String channel) {
            return jsonName + "[" + channel + "]";
        }

        public static Kind fromJsonName(String name) {
            for (Kind k : values()) {
                if (k.jsonName.equals(name.toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown kind '" + name + "'; valid: roas, mroas, share, cost_per_target");
        }
    }

    /** A ROAS prior over the window. */
    public RoiPrior(String channel, Distribution prior, LocalDate start, LocalDate end) {
        this(channel, prior, start, end, Kind.ROAS);
    }

    public RoiPrior {
        if (kind == null) {
            kind = Kind.ROAS;
        }
        if (channel == null || channel.isBlank()) {
            throw new IllegalArgumentException("channel: missing");
        }
        Objects.requireNonNull(prior, "prior");
        if (prior.support().lower() < 0.0) {
            throw new IllegalArgumentException("prior: a " + (kind == null ? "roas" : kind.jsonName()) + " prior must live on [0, inf) (media effects are"
                    + " non-negative), got " + prior.name() + " with support [" + prior.support().lower() + ", "
                    + prior.support().upper() + "]");
        }
        if (prior.support().isPoint()) {
            throw new IllegalArgumentException("prior: a fixed value is not supported; fix beta instead");
        }
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
    }

    /** A ROAS prior over every training row. */
    public static RoiPrior of(String channel, Distribution prior) {
        return new RoiPrior(channel, prior, null, null, Kind.ROAS);
    }

    /** A prior of another kind over every training row. */
    public static RoiPrior of(String channel, Kind kind, Distribution prior) {
        return new RoiPrior(channel, prior, null, null, kind);
    }

    /** The sampled parameter's name, e.g. {@code roas[tv]}. */
    public String parameterName() {
        return kind.parameterName(channel);
    }
}
