#!/usr/bin/env Rscript
# Stan's side of the geo race: fits geo_mmm.stan to a long-format panel and writes a JSON summary
# in run_stan.R's format (parameters renamed to our names, e.g. beta[ch1,Geo3]), for compare.R.
#
#   Rscript run_stan_geo.R --data panel.csv --channels ch1,ch2 --controls z1 --chains 4 \
#     --warmup 1000 --draws 1000 --seed 1 --cores 2 --out stan.json
suppressPackageStartupMessages({ library(rstan); library(posterior); library(jsonlite) })
fail <- function(...) { message("run_stan_geo: ", ...); quit(status = 1) }
args <- commandArgs(trailingOnly = TRUE)
opts <- list(controls = "", chains = "4", warmup = "1000", draws = "1000", seed = "1", cores = "2",
             date = "date", geo = "geo", target = "y", population = "population", L = "8")
i <- 1
while (i <= length(args)) {
  key <- sub("^--", "", args[i]); opts[[key]] <- args[i + 1]; i <- i + 2
}
for (k in c("data", "channels", "out")) if (is.null(opts[[k]])) fail("--", k, " is required")
split_names <- function(s) if (is.null(s) || s == "") character(0) else strsplit(s, ",", fixed = TRUE)[[1]]
channels <- split_names(opts$channels); controls <- split_names(opts$controls)
chains <- as.integer(opts$chains); warmup <- as.integer(opts$warmup); draws <- as.integer(opts$draws)
seed <- as.integer(opts$seed); cores <- as.integer(opts$cores); L <- as.integer(opts$L)

df <- read.csv(opts$data, check.names = FALSE, stringsAsFactors = FALSE)
geos <- unique(df[[opts$geo]])
df <- df[order(match(df[[opts$geo]], geos), as.Date(df[[opts$date]])), ]
G <- length(geos); T <- nrow(df) / G
pop <- df[[opts$population]]
ypc <- df[[opts$target]] / pop
ys_all <- ypc / max(abs(ypc))
ys <- lapply(seq_len(G), function(g) ys_all[((g - 1) * T + 1):(g * T)])
X_lag <- array(0, dim = c(G, length(channels), T, L))
for (c in seq_along(channels)) {
  xpc <- df[[channels[c]]] / pop
  xs <- xpc / max(abs(xpc))
  for (g in seq_len(G)) {
    x <- xs[((g - 1) * T + 1):(g * T)]
    for (l in 0:(L - 1)) X_lag[g, c, (l + 1):T, l + 1] <- x[1:(T - l)]
  }
}
Z <- array(0, dim = c(G, T, length(controls)))
for (k in seq_along(controls)) for (g in seq_len(G)) Z[g, , k] <- df[[controls[k]]][((g - 1) * T + 1):(g * T)]
dates <- as.Date(df[[opts$date]][1:T])
doy <- as.integer(format(dates, "%j"))
F <- cbind(sin(2 * pi * doy / 365.25), cos(2 * pi * doy / 365.25))
stan_data <- list(G = G, T = T, C = length(channels), K = length(controls), NF = 2L, L = L,
                  ys = ys, X_lag = X_lag, Z = Z, F = F)

here <- local({
  file_arg <- grep("^--file=", commandArgs(FALSE), value = TRUE)
  if (length(file_arg) == 1) dirname(normalizePath(sub("^--file=", "", file_arg))) else getwd()
})
rstan_options(auto_write = TRUE)
model <- stan_model(file.path(here, "geo_mmm.stan"))
start <- proc.time()[["elapsed"]]
fit <- sampling(model, data = stan_data, chains = chains, iter = warmup + draws, warmup = warmup,
                seed = seed, cores = cores, refresh = 0)
elapsed_seconds <- proc.time()[["elapsed"]] - start
chain_seconds <- rowSums(get_elapsed_time(fit))
blocks <- parallel::splitIndices(chains, min(cores, chains))
wall_seconds <- max(vapply(blocks, function(b) sum(chain_seconds[b]), numeric(1)))
sampler <- get_sampler_params(fit, inc_warmup = FALSE)
divergences <- sum(vapply(sampler, function(s) sum(s[, "divergent__"]), numeric(1)))
sampler_all <- get_sampler_params(fit, inc_warmup = TRUE)
gradient_evaluations <- sum(vapply(sampler_all, function(s) sum(s[, "n_leapfrog__"]), numeric(1)))
for (i in seq_along(sampler)) {
  message(sprintf("stan: chain %d mean tree depth %.2f, mean leapfrog steps %.1f (sampling)", i,
                  mean(sampler[[i]][, "treedepth__"]), mean(sampler[[i]][, "n_leapfrog__"])))
}

rename <- c()
for (g in seq_len(G)) {
  rename[sprintf("intercept[%d]", g)] <- sprintf("intercept[%s]", geos[g])
  rename[sprintf("sigma[%d]", g)] <- sprintf("sigma[%s]", geos[g])
  for (c in seq_along(channels)) {
    rename[sprintf("beta_dev[%d,%d]", c, g)] <- sprintf("beta_dev[%s,%s]", channels[c], geos[g])
    rename[sprintf("beta[%d,%d]", c, g)] <- sprintf("beta[%s,%s]", channels[c], geos[g])
  }
  for (k in seq_along(controls)) rename[sprintf("gamma[%d,%d]", k, g)] <- sprintf("gamma[%s,%s]", controls[k], geos[g])
}
for (c in seq_along(channels)) for (p in c("alpha", "lam", "beta_mu", "beta_tau")) {
  rename[sprintf("%s[%d]", p, c)] <- sprintf("%s[%s]", p, channels[c])
}
rename["fourier[1]"] <- "fourier[sin_1]"; rename["fourier[2]"] <- "fourier[cos_1]"
arr <- as.array(fit, pars = c("intercept", "alpha", "lam", "beta_mu", "beta_tau", "beta_dev",
                              if (length(controls)) "gamma", "fourier", "sigma", "beta"))
stan_names <- dimnames(arr)[[3]]
if (any(is.na(rename[stan_names]))) fail("unexpected Stan parameter ", stan_names[is.na(rename[stan_names])][1])
dimnames(arr)[[3]] <- unname(rename[stan_names])
d <- as_draws_array(arr)
q05 <- function(x) quantile(x, 0.05, names = FALSE)
q50 <- function(x) quantile(x, 0.50, names = FALSE)
q95 <- function(x) quantile(x, 0.95, names = FALSE)
s <- summarise_draws(d, mean, sd, q05 = q05, q50 = q50, q95 = q95, rhat, ess_bulk, ess_tail, mcse_mean, mcse_sd)
parameters <- lapply(seq_len(nrow(s)), function(i) list(
  name = s$variable[i], mean = s$mean[i], sd = s$sd[i], q05 = s$q05[i], q50 = s$q50[i],
  q95 = s$q95[i], rhat = s$rhat[i], ess_bulk = s$ess_bulk[i], ess_tail = s$ess_tail[i],
  mcse_mean = s$mcse_mean[i], mcse_sd = s$mcse_sd[i]))
out <- list(library = "stan", rstan_version = as.character(packageVersion("rstan")),
            chains = chains, warmup = warmup, draws = draws, seed = seed, cores = cores,
            rows = T, geos = G, channels = length(channels), controls = length(controls),
            wall_seconds = wall_seconds, elapsed_seconds = elapsed_seconds,
            chain_seconds = unname(chain_seconds), gradient_evaluations = gradient_evaluations,
            divergences = divergences, parameters = parameters)
write_json(out, opts$out, auto_unbox = TRUE, digits = NA, pretty = TRUE)
