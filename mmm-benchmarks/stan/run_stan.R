#!/usr/bin/env Rscript
# Fits the default MMM of design/MODEL.md with Stan (rstan) on the same CSV and
# column settings as `mmm fit`, and writes a summary JSON shaped like ours.
#
# Rscript run_stan.R --data data.csv --date date --target y --channels x1,x2 \
#   [--controls c1,c2] [--yearly-seasonality 2] [--chains 4] [--warmup 1000] \
#   [--draws 1000] [--seed 1] [--cores 2] --out stan_summary.json [--draws-csv f.csv]
#   [--program plain|centred]   (centred: default_mmm_centred.stan, the same posterior sampled
#                                 with the intercept in centred coordinates, as our default)
#
# wall_seconds is the sampling time of all chains as Stan measures it
# (get_elapsed_time, warm-up + sampling), grouped the way rstan hands chains to
# its `cores` worker processes; it excludes compilation and worker start-up.
# elapsed_seconds is the whole sampling() call as seen from R, start-up included.
suppressPackageStartupMessages({
  library(rstan)
  library(posterior)
  library(jsonlite)
})

fail <- function(...) { message("run_stan.R: ", ...); quit(status = 2) }

parse_args <- function(args) {
  opts <- list(controls = "", `yearly-seasonality` = "0", chains = "4", warmup = "1000",
               draws = "1000", seed = "1", cores = "2", `draws-csv` = "", program = "plain")
  if (length(args) %% 2 != 0) fail("options come in --name value pairs, got: ", paste(args, collapse = " "))
  for (i in seq(1, length(args), by = 2)) {
    key <- args[i]
    if (!startsWith(key, "--")) fail("expected an option name starting with --, got '", key, "'")
    opts[[substring(key, 3)]] <- args[i + 1]
  }
  for (required in c("data", "date", "target", "channels", "out")) {
    if (is.null(opts[[required]]) || opts[[required]] == "") fail("--", required, " is required")
  }
  opts
}

split_names <- function(s) if (is.null(s) || s == "") character(0) else strsplit(s, ",", fixed = TRUE)[[1]]

opts <- parse_args(commandArgs(trailingOnly = TRUE))
channels <- split_names(opts$channels)
controls <- split_names(opts$controls)
order <- as.integer(opts$`yearly-seasonality`)
chains <- as.integer(opts$chains)
warmup <- as.integer(opts$warmup)
draws <- as.integer(opts$draws)
seed <- as.integer(opts$seed)
cores <- as.integer(opts$cores)

df <- read.csv(opts$data, check.names = FALSE, stringsAsFactors = FALSE)
for (col in c(opts$date, opts$target, channels, controls)) {
  if (!(col %in% names(df))) fail("column '", col, "' not found in ", opts$data)
}
dates <- as.Date(df[[opts$date]])
if (any(is.na(dates))) fail("column '", opts$date, "' has a value that is not a date (row ", which(is.na(dates))[1], ")")
df <- df[order(dates), , drop = FALSE]
dates <- sort(dates)
T <- nrow(df)

y <- as.numeric(df[[opts$target]])
if (max(y) <= 0) fail("column '", opts$target, "' has no positive value to scale by")
ys <- y / max(y)

L <- 8L
X_lag <- array(0, dim = c(length(channels), T, L))
for (c in seq_along(channels)) {
  x <- as.numeric(df[[channels[c]]])
  if (any(x < 0)) fail("column '", channels[c], "' has a negative spend")
  if (max(x) <= 0) fail("column '", channels[c], "' is all zero")
  xs <- x / max(x)
  for (l in 0:(L - 1)) {
    X_lag[c, , l + 1] <- c(rep(0, min(l, T)), xs)[1:T]
  }
}

Z <- matrix(0, nrow = T, ncol = length(controls))
for (k in seq_along(controls)) Z[, k] <- as.numeric(df[[controls[k]]])

doy <- as.POSIXlt(dates)$yday + 1
F <- matrix(0, nrow = T, ncol = 2 * order)
fourier_names <- character(0)
for (m in seq_len(order)) {
  F[, 2 * m - 1] <- sin(2 * pi * m * doy / 365.25)
  F[, 2 * m] <- cos(2 * pi * m * doy / 365.25)
  fourier_names <- c(fourier_names, paste0("sin_", m), paste0("cos_", m))
}

stan_data <- list(T = T, C = length(channels), K = length(controls), NF = 2L * order, L = L,
                  ys = ys, X_lag = X_lag, Z = Z, F = F)

here <- local({
  file_arg <- grep("^--file=", commandArgs(FALSE), value = TRUE)
  if (length(file_arg) == 1) dirname(normalizePath(sub("^--file=", "", file_arg))) else getwd()
})
rstan_options(auto_write = TRUE)
compile_start <- proc.time()[["elapsed"]]
if (!(opts$program %in% c("plain", "centred"))) fail("--program must be plain or centred, got '", opts$program, "'")
program_file <- if (opts$program == "centred") "default_mmm_centred.stan" else "default_mmm.stan"
model <- stan_model(file.path(here, program_file))
compile_seconds <- proc.time()[["elapsed"]] - compile_start

sample_start <- proc.time()[["elapsed"]]
fit <- sampling(model, data = stan_data, chains = chains, iter = warmup + draws, warmup = warmup,
                seed = seed, cores = cores, refresh = 0)
elapsed_seconds <- proc.time()[["elapsed"]] - sample_start

# rstan gives each of its min(cores, chains) workers a contiguous block of chains
# (parallel::parLapply), so the sampling wall time is the slowest block.
chain_seconds <- rowSums(get_elapsed_time(fit))
workers <- min(cores, chains)
blocks <- parallel::splitIndices(chains, workers)
wall_seconds <- max(vapply(blocks, function(b) sum(chain_seconds[b]), numeric(1)))
warmup_seconds <- max(vapply(blocks, function(b) sum(get_elapsed_time(fit)[b, "warmup"]), numeric(1)))

sampler <- get_sampler_params(fit, inc_warmup = FALSE)
sampler_all <- get_sampler_params(fit, inc_warmup = TRUE)
divergences <- sum(vapply(sampler, function(s) sum(s[, "divergent__"]), numeric(1)))
max_depth_hits <- sum(vapply(sampler, function(s) sum(s[, "treedepth__"] >= 10), numeric(1)))
gradient_evaluations <- sum(vapply(sampler_all, function(s) sum(s[, "n_leapfrog__"]), numeric(1)))
# Adapted step size, mean tree depth and leapfrog steps per draw of each chain (after warm-up):
# to compare with RaceFit's lines for ours.
for (i in seq_along(sampler)) {
  message(sprintf("stan: chain %d step size %.4f, mean tree depth %.2f, mean leapfrog steps %.1f", i,
                  sampler[[i]][1, "stepsize__"], mean(sampler[[i]][, "treedepth__"]),
                  mean(sampler[[i]][, "n_leapfrog__"])))
}

# Stan's index names -> MODEL.md's names, compared by the race 1:1.
rename <- c("intercept" = "intercept", "sigma" = "sigma")
for (c in seq_along(channels)) {
  for (p in c("alpha", "lam", "beta")) rename[sprintf("%s[%d]", p, c)] <- sprintf("%s[%s]", p, channels[c])
}
for (k in seq_along(controls)) rename[sprintf("gamma[%d]", k)] <- sprintf("gamma[%s]", controls[k])
for (j in seq_along(fourier_names)) rename[sprintf("fourier[%d]", j)] <- sprintf("fourier[%s]", fourier_names[j])

arr <- as.array(fit, pars = c("intercept", "alpha", "lam", "beta",
                              if (length(controls)) "gamma", if (order > 0) "fourier", "sigma"))
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
            rows = T, channels = length(channels), controls = length(controls),
            wall_seconds = wall_seconds, warmup_seconds = warmup_seconds,
            sampling_seconds = wall_seconds - warmup_seconds,
            elapsed_seconds = elapsed_seconds, compile_seconds = compile_seconds,
            chain_seconds = unname(chain_seconds),
            gradient_evaluations = gradient_evaluations, divergences = divergences,
            max_treedepth_hits = max_depth_hits, parameters = parameters)
write_json(out, opts$out, auto_unbox = TRUE, digits = NA, pretty = TRUE)

if (opts$`draws-csv` != "") {
  long <- as_draws_df(d)
  names(long)[names(long) == ".chain"] <- "chain"
  names(long)[names(long) == ".draw"] <- "draw"
  long <- long[, c("chain", "draw", variables(d))]
  write.csv(as.data.frame(long), opts$`draws-csv`, row.names = FALSE)
}
message(sprintf("run_stan.R: %d chains x (%d + %d) in %.1f s (worker start-up included: %.1f s), %d divergences",
                chains, warmup, draws, wall_seconds, elapsed_seconds, divergences))
