/**
 * Warm-up adaptation as Stan: {@link dev.mmm.sampler.adapt.DualAveraging} for the step size,
 * {@link dev.mmm.sampler.adapt.AdaptationWindows} for the 75/25.../50 schedule, and
 * {@link dev.mmm.sampler.adapt.MetricAdaptation} feeding a
 * {@link dev.mmm.sampler.adapt.MetricEstimator} (Stan's regularised variance or covariance, or
 * nutpie's draw/gradient variance ratio).
 */
package dev.mmm.sampler.adapt;
