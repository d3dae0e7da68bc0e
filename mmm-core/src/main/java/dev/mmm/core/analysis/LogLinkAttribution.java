package dev.mmm.core.analysis;

/**
 * How a multiplicative (log-link) model's prediction {@code exp(mu)}, {@code mu = sum_k m_k}, is
 * split additively among its parts: part k gets {@code m_k * (exp(mu) - 1) / mu} and the
 * intercept also gets the 1 that {@code exp(0)} leaves, so the parts sum to {@code exp(mu)}
 * exactly, each part in proportion to its share of the log-scale lift, whatever the order of the
 * parts (no part is "first"). {@code (exp(mu) - 1) / mu} is smooth and positive, 1 at mu = 0.
 * Every share is then scaled by the target scale and by {@code exp(sigma^2 / 2)}, the lognormal's
 * mean over its median, so the parts sum to the expected target.
 */
final class LogLinkAttribution {

    private LogLinkAttribution() {
    }

    /** {@code (exp(mu) - 1) / mu}, with its limit 1 at mu = 0. */
    static double share(double mu) {
        return Math.abs(mu) < 1e-8 ? 1.0 + 0.5 * mu : Math.expm1(mu) / mu;
    }
}
