package dev.mmm.core.calibration;

import dev.mmm.priors.Distribution;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A prior directly on one channel's ROAS over a window (Meridian's ROI prior), e.g. a LogNormal
 * from an experiment's estimate and error. The model then samples {@code roas[channel]} with this
 * prior and derives {@code beta[channel]} from it (see {@link RoiParameterisation}).
 *
 * <p>ROAS is the expected target with the data's spend less the expected target with the
 * channel's spend zeroed over the window, carry-over included, per unit of the window's spend:
 * the same counterfactual as {@code PosteriorAnalysis.channels}.
 *
 * @param start first date of the window, null for the data's start
 * @param end   last date of the window, null for the data's end
 */
public record RoiPrior(String channel, Distribution prior, LocalDate start, LocalDate end) {

    public RoiPrior {
        if (channel == null || channel.isBlank()) {
            throw new IllegalArgumentException("channel: missing");
        }
        Objects.requireNonNull(prior, "prior");
        if (prior.support().lower() < 0.0) {
            throw new IllegalArgumentException("prior: a ROAS prior must live on [0, inf) (media effects are"
                    + " non-negative), got " + prior.name() + " with support [" + prior.support().lower() + ", "
                    + prior.support().upper() + "]");
        }
        if (prior.support().isPoint()) {
            throw new IllegalArgumentException("prior: a fixed ROAS is not supported; fix beta instead");
        }
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
    }

    /** A ROAS prior over every training row. */
    public static RoiPrior of(String channel, Distribution prior) {
        return new RoiPrior(channel, prior, null, null);
    }
}
