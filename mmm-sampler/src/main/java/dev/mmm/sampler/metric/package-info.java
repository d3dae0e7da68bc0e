/**
 * Euclidean metrics: momentum draws, M⁻¹p products and the diagonal of M⁻¹, for a diagonal or
 * a dense (Cholesky-factored) inverse metric.
 */
package dev.mmm.sampler.metric;
