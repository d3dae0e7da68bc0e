// The default MMM of design/MODEL.md, written independently of our Java code so that
// Stan's answer and Stan's speed are a fair reference for the same posterior.
// Written in the array syntax of Stan 2.21 (Debian's rstan), which newer stanc
// versions still accept with a deprecation warning.
//
// Scaling (y / max y, x / max x), the lag structure and the Fourier basis are
// data prepared by run_stan.R, exactly as our compiled model prepares them once.
data {
  int<lower=1> T;                 // rows (periods), sorted by date
  int<lower=1> C;                 // channels
  int<lower=0> K;                 // controls
  int<lower=0> NF;                // Fourier columns: sin_1, cos_1, sin_2, cos_2, ...
  int<lower=1> L;                 // adstock length (8 in the default model)
  vector[T] ys;                   // y / max(y)
  // X_lag[c][t, l + 1] = xs[t - l, c], zero before the first row: adstock of
  // channel c is then one data-matrix times weight-vector product.
  matrix[T, L] X_lag[C];
  matrix[T, K] Z;                 // controls, unscaled
  matrix[T, NF] F;                // sin/cos(2 pi m doy / 365.25)
}
parameters {
  real intercept;
  vector<lower=0, upper=1>[C] alpha;
  vector<lower=0>[C] lam;
  vector<lower=0>[C] beta;
  vector[K] gamma;
  vector[NF] fourier;
  real<lower=0> sigma;
}
model {
  vector[T] mu = intercept + Z * gamma + F * fourier;
  matrix[T, C] S;
  for (c in 1:C) {
    vector[L] w;
    w[1] = 1;
    for (l in 2:L) w[l] = w[l - 1] * alpha[c];
    w = w / sum(w);
    // (1 - e^-u) / (1 + e^-u) == tanh(u / 2)
    S[:, c] = tanh(0.5 * lam[c] * (X_lag[c] * w));
  }

  mu = mu + S * beta;

  intercept ~ normal(0, 2);
  alpha ~ beta(1, 3);
  lam ~ gamma(3, 1);
  beta ~ normal(0, 2);            // half-normal through the lower bound
  gamma ~ normal(0, 2);
  fourier ~ double_exponential(0, 1);
  sigma ~ normal(0, 2);           // half-normal through the lower bound

  ys ~ normal(mu, sigma);
}
