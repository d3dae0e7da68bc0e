/**
 * Prior distributions and the bijectors that let a sampler work on an unconstrained scale.
 *
 * <ul>
 *   <li>{@link dev.mmm.priors.Distribution} implementations, one final class per family, named
 *       as JSON names them ({@code Normal}, {@code HalfNormal}, {@code TruncatedNormal},
 *       {@code LogNormal}, {@code Gamma}, {@code InverseGamma}, {@code Beta},
 *       {@code Exponential}, {@code Laplace}, {@code StudentT}, {@code HalfStudentT},
 *       {@code Cauchy}, {@code HalfCauchy}, {@code Uniform}, {@code Weibull}, {@code Dirac}).
 *       Parameters follow PyMC's names; constructors reject illegal values with a
 *       {@link dev.mmm.priors.ParameterException} naming the field.</li>
 *   <li>{@link dev.mmm.priors.Bijector}s as Stan chooses them
 *       ({@link dev.mmm.priors.Bijectors#forSupport}): identity, {@code a + exp(u)},
 *       {@code b - exp(u)}, {@code a + (b - a) logistic(u)}, and a constant for fixed values.</li>
 *   <li>{@link dev.mmm.priors.Prior}: a distribution with its bijector, evaluated on the
 *       unconstrained scale including the log-Jacobian; the Beta/Uniform-on-logit case is
 *       evaluated from distances to both bounds so it keeps its digits next to the upper bound.</li>
 *   <li>{@link dev.mmm.priors.Priors}: the name registry and the JSON form
 *       {@code {"dist": "HalfNormal", "sigma": 2}}, with errors prefixed by the JSON path.</li>
 * </ul>
 *
 * <p>Everything is immutable; log densities, their gradients and the bijectors allocate nothing.
 */
package dev.mmm.priors;
