package dev.mmm.core.model;

import dev.mmm.priors.Distribution;
import java.util.Objects;

/**
 * The observation model: {@code normal} (default), {@code student_t} with nu fixed
 * ({@code nu != null}) or sampled with prior {@code nuPrior} (default Gamma(2, 0.1), as Stan's
 * recommended prior), or {@code lognormal}: the log link, a multiplicative model in which mu is the
 * mean of log ys (needs ys > 0; default priors then intercept ~ Normal(0, 5), sigma ~ HalfNormal(0.5)
 * as PyMC-Marketing's log link).
 */
public record LikelihoodSpec(String family, Double nu, Distribution nuPrior) {

    public static final String NORMAL = "normal";
    public static final String STUDENT_T = "student_t";
    public static final String LOGNORMAL = "lognormal";
    /** Largest fixed nu accepted (beyond it a Student-t is a Normal to double precision). */
    public static final double MAX_NU = 1e6;

    public LikelihoodSpec {
        Objects.requireNonNull(family, "family");
        if (!family.equals(NORMAL) && !family.equals(STUDENT_T) && !family.equals(LOGNORMAL)) {
            throw new SpecException("unknown likelihood '" + family + "'; valid: normal, student_t, lognormal");
        }
        if (!family.equals(STUDENT_T) && (nu != null || nuPrior != null)) {
            throw new SpecException("likelihood '" + family + "' takes no nu");
        }
        if (nu != null && nuPrior != null) {
            throw new SpecException("student_t: give either a fixed nu or a nu prior, not both");
        }
        if (nu != null && !(nu > 0.0 && nu <= MAX_NU)) {
            throw new SpecException("student_t: nu must be > 0 and at most " + MAX_NU + ", got " + nu);
        }
    }

    public static LikelihoodSpec normal() {
        return new LikelihoodSpec(NORMAL, null, null);
    }

    public static LikelihoodSpec studentT(double fixedNu) {
        return new LikelihoodSpec(STUDENT_T, fixedNu, null);
    }

    /** Student-t with nu sampled; {@code prior} null = the default. */
    public static LikelihoodSpec studentT(Distribution prior) {
        return new LikelihoodSpec(STUDENT_T, null, prior);
    }

    public static LikelihoodSpec logNormal() {
        return new LikelihoodSpec(LOGNORMAL, null, null);
    }

    public boolean logLink() {
        return family.equals(LOGNORMAL);
    }

    /** Student-t with nu a parameter. */
    public boolean nuSampled() {
        return family.equals(STUDENT_T) && nu == null;
    }
}
