package dev.mmm.core.model;

import dev.mmm.priors.Distribution;
import java.util.Objects;

/**
 * Fourier seasonality of a given period in days and order n: 2n coefficients named
 * {@code <prefix>[sin_1], <prefix>[cos_1], ..., <prefix>[cos_n]} over
 * {@code sin/cos(2 pi m doy / period)}, doy = day of year (as PyMC-Marketing, which feeds day of
 * year to every Fourier period). The yearly one has prefix {@code fourier} (MODEL.md's names).
 * Prior null = the model default ({@code Laplace(0, 1)}).
 */
public record SeasonalitySpec(String prefix, double periodDays, int order, Distribution prior) {

    public static final double YEAR_DAYS = 365.25;
    /** Highest Fourier order accepted (2 x 50 coefficients already resolve weekly detail of a year). */
    public static final int MAX_ORDER = 50;
    /** Longest period accepted, in days (a century). */
    public static final double MAX_PERIOD_DAYS = 36525.0;

    public SeasonalitySpec {
        Objects.requireNonNull(prefix, "prefix");
        if (!(periodDays > 0.0) || periodDays > MAX_PERIOD_DAYS) {
            throw new SpecException("seasonality '" + prefix + "': period must be > 0 and at most " + MAX_PERIOD_DAYS
                    + " days, got " + periodDays);
        }
        if (order < 1 || order > MAX_ORDER) {
            throw new SpecException("seasonality '" + prefix + "': order must be between 1 and " + MAX_ORDER + ", got " + order);
        }
    }

    public static SeasonalitySpec yearly(int order) {
        return new SeasonalitySpec("fourier", YEAR_DAYS, order, null);
    }

    public static SeasonalitySpec monthly(int order) {
        return new SeasonalitySpec("fourier_monthly", YEAR_DAYS / 12.0, order, null);
    }

    public static SeasonalitySpec weekly(int order) {
        return new SeasonalitySpec("fourier_weekly", 7.0, order, null);
    }

    public SeasonalitySpec withPrior(Distribution p) {
        return new SeasonalitySpec(prefix, periodDays, order, p);
    }
}
