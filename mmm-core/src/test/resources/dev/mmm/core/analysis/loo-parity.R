# PSIS-LOO by R's loo package, for PsisLooRParityTest. Each argument is a folder holding
# loglik.csv (draws x observations, no header) and chains.csv (one chain id per draw); the
# script writes pointwise.csv and estimates.csv beside them, every number in 17 digits. With
# two or more folders it also writes compare.csv (loo_compare of all of them) in the first.
suppressPackageStartupMessages(library(loo))
args <- commandArgs(trailingOnly = TRUE)
fmt <- function(x) sprintf("%.17g", x)
fits <- list()
for (dir in args) {
  ll <- as.matrix(read.csv(file.path(dir, "loglik.csv"), header = FALSE))
  dimnames(ll) <- NULL
  chains <- scan(file.path(dir, "chains.csv"), what = integer(), quiet = TRUE)
  r_eff <- loo::relative_eff(exp(ll), chain_id = chains)
  fit <- suppressWarnings(loo::loo(ll, r_eff = r_eff))
  pw <- fit$pointwise
  out <- data.frame(elpd_loo = fmt(pw[, "elpd_loo"]), mcse_elpd_loo = fmt(pw[, "mcse_elpd_loo"]),
                    p_loo = fmt(pw[, "p_loo"]), looic = fmt(pw[, "looic"]),
                    pareto_k = fmt(pw[, "influence_pareto_k"]), n_eff = fmt(fit$diagnostics$n_eff),
                    r_eff = fmt(r_eff))
  write.csv(out, file.path(dir, "pointwise.csv"), row.names = FALSE, quote = FALSE)
  est <- fit$estimates
  mcse <- loo::mcse_loo(fit)
  lines <- c("name,estimate,se",
             paste("elpd_loo", fmt(est["elpd_loo", 1]), fmt(est["elpd_loo", 2]), sep = ","),
             paste("p_loo", fmt(est["p_loo", 1]), fmt(est["p_loo", 2]), sep = ","),
             paste("looic", fmt(est["looic", 1]), fmt(est["looic", 2]), sep = ","),
             paste("mcse_elpd_loo", fmt(mcse), "NA", sep = ","))
  writeLines(lines, file.path(dir, "estimates.csv"))
  fits[[basename(dir)]] <- fit
}
if (length(fits) >= 2) {
  cmp <- loo::loo_compare(fits)
  out <- data.frame(model = rownames(cmp), elpd_diff = fmt(cmp[, "elpd_diff"]),
                    se_diff = fmt(cmp[, "se_diff"]))
  write.csv(out, file.path(args[1], "compare.csv"), row.names = FALSE, quote = FALSE)
}
