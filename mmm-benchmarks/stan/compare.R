#!/usr/bin/env Rscript
# Compares two fit summaries of the same posterior (ours = `mmm fit` summary.json,
# stan = run_stan.R's JSON) and prints the race table.
#
# Rscript compare.R OURS.json STAN.json [--md out.md] [--json out.json] [--label text] [--cores 2]
#                   [--ours-cpu-seconds S] [--ours-draws draws.csv] [--stan-draws draws.csv]
#                   [--agreement-only]
#
# A parameter agrees when |mean_ours - mean_stan| < 4 sqrt(mcse_ours^2 + mcse_stan^2)
# and sd_ours / sd_stan - 1 is within +-10%.
#
# Beside the 10% test, the sd difference is also measured against its own noise:
# z_sd = |sd_ours - sd_stan| / sqrt(mcse_sd_ours^2 + mcse_sd_stan^2), MCSE of the sd by
# posterior::mcse_sd on both sides (from the draws CSVs when given, so one estimator serves
# both; otherwise the summaries' mcse_sd fields). A heavy-tailed parameter can miss 10% with
# z_sd ~ 1: then 4000 draws cannot tell the two sds apart, and a longer run
# (race-stan.sh --agreement-draws N) is what settles it.
# --agreement-only prints the agreement part alone (no timings).
suppressPackageStartupMessages(library(jsonlite))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2) { message("usage: compare.R OURS.json STAN.json [--md f] [--json f] [--label s] [--ours-draws f] [--stan-draws f] [--agreement-only]"); quit(status = 2) }
opt <- function(name) { i <- match(name, args); if (is.na(i) || i == length(args)) "" else args[i + 1] }
ours_path <- args[1]; stan_path <- args[2]
md_path <- opt("--md"); json_path <- opt("--json"); label <- opt("--label")
cores <- if (nzchar(opt("--cores"))) as.numeric(opt("--cores")) else 2
ours_cpu <- if (nzchar(opt("--ours-cpu-seconds"))) as.numeric(opt("--ours-cpu-seconds")) else NA_real_
ours_draws_path <- opt("--ours-draws"); stan_draws_path <- opt("--stan-draws")
agreement_only <- "--agreement-only" %in% args

read_summary <- function(path) {
  s <- tryCatch(fromJSON(path, simplifyVector = TRUE), error = function(e) {
    message("compare.R: cannot read ", path, ": ", conditionMessage(e)); quit(status = 2) })
  p <- s$parameters
  for (field in c("name", "mean", "sd", "ess_bulk", "mcse_mean")) {
    if (is.null(p[[field]])) { message("compare.R: ", path, ": parameters[].", field, " is missing"); quit(status = 2) }
  }
  if (is.null(s$wall_seconds)) { message("compare.R: ", path, ": wall_seconds is missing"); quit(status = 2) }
  s
}
num_or_na <- function(x) if (is.null(x)) NA_real_ else as.numeric(x)

ours <- read_summary(ours_path)
stan <- read_summary(stan_path)
po <- ours$parameters; ps <- stan$parameters
missing_in_stan <- setdiff(po$name, ps$name)
missing_in_ours <- setdiff(ps$name, po$name)
if (length(missing_in_stan) || length(missing_in_ours)) {
  message("compare.R: parameter names differ; only in ours: ", paste(missing_in_stan, collapse = ", "),
          "; only in Stan: ", paste(missing_in_ours, collapse = ", "))
  quit(status = 2)
}
ps <- ps[match(po$name, ps$name), ]

# MCSE of each parameter's sd by posterior::mcse_sd, from a long draws CSV
# (columns chain, draw, then the parameters by name: ours and run_stan.R's --draws-csv).
mcse_sd_from_draws <- function(path, names) {
  suppressPackageStartupMessages(library(posterior))
  d <- tryCatch(read.csv(path, check.names = FALSE), error = function(e) {
    message("compare.R: cannot read ", path, ": ", conditionMessage(e)); quit(status = 2) })
  for (col in c("chain", "draw", names)) {
    if (!(col %in% names(d))) { message("compare.R: ", path, ": column '", col, "' is missing"); quit(status = 2) }
  }
  d <- d[order(d$chain, d$draw), , drop = FALSE]
  per_chain <- table(d$chain)
  if (length(unique(per_chain)) != 1) {
    message("compare.R: ", path, ": chains have different numbers of draws (", paste(per_chain, collapse = ", "), ")"); quit(status = 2)
  }
  n_iter <- as.integer(per_chain[1]); n_chain <- length(per_chain)
  vapply(names, function(v) mcse_sd(matrix(d[[v]], nrow = n_iter, ncol = n_chain)), numeric(1))
}
mcse_sd_of <- function(draws_path, p, summary_path) {
  if (nzchar(draws_path)) return(list(values = unname(mcse_sd_from_draws(draws_path, p$name)),
                                      source = paste0("posterior::mcse_sd on ", basename(draws_path))))
  if (!is.null(p$mcse_sd) && !all(is.na(p$mcse_sd))) return(list(values = as.numeric(p$mcse_sd), source = paste0("mcse_sd field of ", basename(summary_path))))
  list(values = rep(NA_real_, nrow(p)), source = "not available")
}

diff <- abs(po$mean - ps$mean)
tolerance <- 4 * sqrt(po$mcse_mean^2 + ps$mcse_mean^2)
mean_ok <- diff < tolerance
sd_ratio <- po$sd / ps$sd
sd_ok <- abs(sd_ratio - 1) <= 0.10
mcse_sd_o <- mcse_sd_of(ours_draws_path, po, ours_path); mcse_sd_s <- mcse_sd_of(stan_draws_path, ps, stan_path)
sd_z <- abs(po$sd - ps$sd) / sqrt(mcse_sd_o$values^2 + mcse_sd_s$values^2)
sd_z_ok <- sd_z < 4
per_param <- data.frame(name = po$name, mean_ours = po$mean, mean_stan = ps$mean,
                        z = diff / sqrt(po$mcse_mean^2 + ps$mcse_mean^2),
                        diff_over_sd = diff / ps$sd, sd_ours = po$sd, sd_stan = ps$sd,
                        sd_ratio = sd_ratio, mcse_sd_ours = mcse_sd_o$values, mcse_sd_stan = mcse_sd_s$values,
                        sd_z = sd_z, ess_bulk_ours = po$ess_bulk, ess_bulk_stan = ps$ess_bulk,
                        mean_ok = mean_ok, sd_ok = sd_ok, sd_z_ok = sd_z_ok, stringsAsFactors = FALSE)

side <- function(s, p, cpu_seconds) {
  min_ess <- min(p$ess_bulk)
  list(wall_seconds = as.numeric(s$wall_seconds), min_ess_bulk = min_ess,
       min_ess_bulk_param = p$name[which.min(p$ess_bulk)],
       min_ess_bulk_per_second = min_ess / as.numeric(s$wall_seconds),
       divergences = num_or_na(s$divergences), gradient_evaluations = num_or_na(s$gradient_evaluations),
       ess_per_1k_gradients = 1000 * min_ess / num_or_na(s$gradient_evaluations),
       # Cost of one gradient inside the sampler (NUTS bookkeeping included), per core.
       microseconds_per_gradient = 1e6 * as.numeric(s$wall_seconds) * min(cores, num_or_na(s$chains)) /
         num_or_na(s$gradient_evaluations),
       max_rhat = if (is.null(p$rhat)) NA_real_ else max(p$rhat),
       cpu_seconds = cpu_seconds, min_ess_bulk_per_cpu_second = min_ess / cpu_seconds)
}
# Stan's chain times are CPU times already (rstan 2.21 uses clock()); ours is measured
# around the whole JVM by the caller.
stan_cpu <- if (is.null(stan$chain_seconds)) NA_real_ else sum(as.numeric(stan$chain_seconds))
o <- side(ours, po, ours_cpu); s <- side(stan, ps, stan_cpu)
ratio <- o$min_ess_bulk_per_second / s$min_ess_bulk_per_second
ratio_cpu <- o$min_ess_bulk_per_cpu_second / s$min_ess_bulk_per_cpu_second
worst <- which.max(per_param$diff_over_sd)
result <- list(label = label, ours = o, stan = s, ratio_ess_per_second = ratio,
               ratio_ess_per_cpu_second = ratio_cpu,
               max_abs_mean_diff_over_sd = per_param$diff_over_sd[worst],
               max_abs_mean_diff_param = per_param$name[worst],
               parameters_total = nrow(per_param), means_agree = sum(mean_ok), sds_agree = sum(sd_ok),
               sds_agree_z = if (all(is.na(sd_z))) NA_integer_ else sum(sd_z_ok, na.rm = TRUE),
               max_sd_z = if (all(is.na(sd_z))) NA_real_ else max(sd_z, na.rm = TRUE),
               max_sd_z_param = if (all(is.na(sd_z))) NA_character_ else per_param$name[which.max(sd_z)],
               mcse_sd_source = list(ours = mcse_sd_o$source, stan = mcse_sd_s$source),
               parameters = per_param)

fmt <- function(x, d = 2) ifelse(is.na(x), "n/a", formatC(x, format = "f", digits = d, big.mark = ","))
fmtg <- function(x, d) ifelse(is.na(x), "n/a", formatC(x, format = "g", digits = d))
speed_lines <- c(
  "| | ours | Stan |", "|---|---:|---:|",
  sprintf("| seconds, warm-up + sampling (ours: wall clock; Stan: its chain clocks, slowest worker) | %s | %s |", fmt(o$wall_seconds), fmt(s$wall_seconds)),
  sprintf("| min bulk-ESS (parameter) | %s (%s) | %s (%s) |", fmt(o$min_ess_bulk, 0), o$min_ess_bulk_param, fmt(s$min_ess_bulk, 0), s$min_ess_bulk_param),
  sprintf("| min bulk-ESS / s | %s | %s |", fmt(o$min_ess_bulk_per_second), fmt(s$min_ess_bulk_per_second)),
  sprintf("| CPU seconds (ours: whole JVM; Stan: its chains) | %s | %s |", fmt(o$cpu_seconds), fmt(s$cpu_seconds)),
  sprintf("| min bulk-ESS / CPU second | %s | %s |", fmt(o$min_ess_bulk_per_cpu_second), fmt(s$min_ess_bulk_per_cpu_second)),
  sprintf("| gradient evaluations | %s | %s |", fmt(o$gradient_evaluations, 0), fmt(s$gradient_evaluations, 0)),
  sprintf("| min bulk-ESS per 1000 gradients | %s | %s |", fmt(o$ess_per_1k_gradients, 3), fmt(s$ess_per_1k_gradients, 3)),
  sprintf("| microseconds per gradient, per core (wall x cores / gradients) | %s | %s |", fmt(o$microseconds_per_gradient, 1), fmt(s$microseconds_per_gradient, 1)),
  sprintf("| divergences | %s | %s |", fmt(o$divergences, 0), fmt(s$divergences, 0)),
  sprintf("| max R-hat | %s | %s |", fmt(o$max_rhat, 3), fmt(s$max_rhat, 3)),
  "",
  sprintf("**ours / Stan, min bulk-ESS per second: %s** (per CPU second: %s)", fmt(ratio), fmt(ratio_cpu)),
  "")
lines <- c(
  if (nzchar(label)) paste0("### ", label) else NULL, "",
  if (!agreement_only) speed_lines else NULL,
  sprintf("Largest |mean_ours - mean_stan| / sd_stan: %s (%s). Means agree within 4 combined MCSE: %d / %d. SDs within 10%%: %d / %d.",
          fmt(result$max_abs_mean_diff_over_sd, 3), result$max_abs_mean_diff_param,
          result$means_agree, nrow(per_param), result$sds_agree, nrow(per_param)),
  "",
  sprintf("SDs within 4 combined MCSE(sd): %s / %d; largest |sd_ours - sd_stan| / combined MCSE(sd): %s (%s). MCSE(sd): ours %s, Stan %s.",
          fmt(result$sds_agree_z, 0), nrow(per_param), fmt(result$max_sd_z), ifelse(is.na(result$max_sd_z_param), "none", result$max_sd_z_param),
          mcse_sd_o$source, mcse_sd_s$source),
  "",
  "| parameter | mean ours | mean Stan | \\|diff\\|/combined MCSE | sd ours | sd Stan | sd ratio | MCSE(sd) ours | MCSE(sd) Stan | \\|sd diff\\|/combined MCSE(sd) | bulk-ESS ours | bulk-ESS Stan | agrees |",
  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|",
  sprintf("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |", per_param$name,
          formatC(per_param$mean_ours, format = "g", digits = 5), formatC(per_param$mean_stan, format = "g", digits = 5),
          fmt(per_param$z), formatC(per_param$sd_ours, format = "g", digits = 4),
          formatC(per_param$sd_stan, format = "g", digits = 4), fmt(per_param$sd_ratio, 3),
          fmtg(per_param$mcse_sd_ours, 3), fmtg(per_param$mcse_sd_stan, 3),
          fmt(per_param$sd_z),
          fmt(per_param$ess_bulk_ours, 0), fmt(per_param$ess_bulk_stan, 0),
          ifelse(per_param$mean_ok & per_param$sd_ok, "yes", ifelse(per_param$mean_ok, "sd", ifelse(per_param$sd_ok, "mean", "no")))))
cat(lines, sep = "\n"); cat("\n")
if (nzchar(md_path)) writeLines(lines, md_path)
if (nzchar(json_path)) write_json(result, json_path, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null")
