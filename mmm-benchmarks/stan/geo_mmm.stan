// The hierarchical geo model of docs/geo.md (GeoSimulator's spec), written independently of our
// Java code so that Stan's answer and speed are a fair reference for the same posterior:
// per-geo intercept, noise and control coefficients; shared geometric adstock (L, normalised),
// logistic saturation and yearly Fourier terms; channel effects log-normally pooled across geos,
// non-centred: beta[c, g] = exp(beta_mu[c] + beta_tau[c] * beta_dev[c, g]).
// Array syntax of Stan 2.21 (Debian's rstan). Scaling (per capita, then by the national max),
// the lag matrices and the Fourier basis are data prepared by run_stan_geo.R.
data {
  int<lower=1> G;                 // geos
  int<lower=1> T;                 // periods, the same in every geo
  int<lower=1> C;                 // channels
  int<lower=0> K;                 // controls
  int<lower=0> NF;                // Fourier columns: sin_1, cos_1, ...
  int<lower=1> L;                 // adstock length
  vector[T] ys[G];                // (y / population) / max over all cells
  // X_lag[g, c][t, l + 1] = xs[g, c, t - l], zero before the first row: each geo's own carry-over.
  matrix[T, L] X_lag[G, C];
  matrix[T, K] Z[G];              // controls, unscaled
  matrix[T, NF] F;                // sin/cos(2 pi m doy / 365.25)
}
parameters {
  vector[G] intercept;
  vector<lower=0, upper=1>[C] alpha;
  vector<lower=0>[C] lam;
  vector[C] beta_mu;
  vector<lower=0>[C] beta_tau;
  matrix[C, G] beta_dev;
  matrix[K, G] gamma;
  vector[NF] fourier;
  vector<lower=0>[G] sigma;
}
transformed parameters {
  matrix[C, G] beta;
  for (c in 1:C) beta[c] = exp(beta_mu[c] + beta_tau[c] * beta_dev[c]);
}
model {
  matrix[L, C] w;
  vector[T] season = F * fourier;
  for (c in 1:C) {
    w[1, c] = 1;
    for (l in 2:L) w[l, c] = w[l - 1, c] * alpha[c];
    w[:, c] = w[:, c] / sum(w[:, c]);
  }
  for (g in 1:G) {
    vector[T] mu = intercept[g] + season + Z[g] * gamma[:, g];
    for (c in 1:C) {
      // (1 - e^-u) / (1 + e^-u) == tanh(u / 2)
      mu = mu + beta[c, g] * tanh(0.5 * lam[c] * (X_lag[g, c] * w[:, c]));
    }
    ys[g] ~ normal(mu, sigma[g]);
  }
  intercept ~ normal(0, 2);
  alpha ~ beta(1, 3);
  lam ~ gamma(3, 1);
  beta_mu ~ normal(-1, 1);
  beta_tau ~ normal(0, 1);        // half-normal through the lower bound
  to_vector(beta_dev) ~ normal(0, 1);
  to_vector(gamma) ~ normal(0, 2);
  fourier ~ double_exponential(0, 1);
  sigma ~ normal(0, 2);           // half-normal through the lower bound
}
