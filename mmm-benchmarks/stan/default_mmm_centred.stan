// default_mmm.stan with the intercept sampled in centred coordinates, as our sampler does
// (docs/MODEL.md, "Sampling coordinates"): the parameter is the level, the mean of mu over the
// rows, and the intercept is level - mean(everything else in mu). The map from
// (level, other parameters) to (intercept, other parameters) is triangular with a unit
// diagonal, so its Jacobian determinant is 1 and no adjustment is needed: the posterior is
// default_mmm.stan's. Stan then sees the same geometry as our sampler, which tells a
// difference of samplers from a difference of geometry.
data {
  int<lower=1> T;
  int<lower=1> C;
  int<lower=0> K;
  int<lower=0> NF;
  int<lower=1> L;
  vector[T] ys;
  matrix[T, L] X_lag[C];
  matrix[T, K] Z;
  matrix[T, NF] F;
}
parameters {
  real level;
  vector<lower=0, upper=1>[C] alpha;
  vector<lower=0>[C] lam;
  vector<lower=0>[C] beta;
  vector[K] gamma;
  vector[NF] fourier;
  real<lower=0> sigma;
}
transformed parameters {
  real intercept;
  vector[T] rest;                 // mu without the intercept
  {
    matrix[T, C] S;
    for (c in 1:C) {
      vector[L] w;
      w[1] = 1;
      for (l in 2:L) w[l] = w[l - 1] * alpha[c];
      w = w / sum(w);
      S[:, c] = tanh(0.5 * lam[c] * (X_lag[c] * w));
    }
    rest = Z * gamma + F * fourier + S * beta;
  }
  intercept = level - mean(rest);
}
model {
  intercept ~ normal(0, 2);       // unit Jacobian: the prior is on the intercept itself
  alpha ~ beta(1, 3);
  lam ~ gamma(3, 1);
  beta ~ normal(0, 2);
  gamma ~ normal(0, 2);
  fourier ~ double_exponential(0, 1);
  sigma ~ normal(0, 2);

  ys ~ normal(intercept + rest, sigma);
}
