#!/usr/bin/env bash
# The race with Stan: same data, same posterior, same machine, same run.
#
#   scripts/race-stan.sh            # default size: T=156 weeks, C=6 channels, 2 controls, seasonality 2
#   scripts/race-stan.sh --sweep    # T in {52,156,520,1040} at C=6, then C in {2,6,12,20} at T=156
#   scripts/race-stan.sh --sweep --sizes "52x6 520x6"   # a chosen part of the sweep
#   scripts/race-stan.sh --seeds "1 2 3"               # the default-size race once per seed, and a summary
#   scripts/race-stan.sh --agreement-draws 10000       # agreement only, N draws per chain (default size)
#
# Options: --seed S (data and both samplers, default 1), --chains N (4), --warmup N (1000),
#          --draws N (1000), --threads N (2: both libraries get the same cores),
#          --out DIR (bench-results), --skip-install,
#          --stan-program plain|centred (default plain: Stan's program as the model is written;
#          centred: the same posterior with the intercept in our sampler's centred coordinates),
#          --ours-defaults (ours at its own default warm-up and draws, mmm fit without --warmup and
#          --draws, Stan at --warmup/--draws; for a default that differs from Stan's),
#          --reuse-stan (keep Stan's result from an earlier run on byte-identical data, so a change
#          on our side is raced against the same Stan runs; the data file's SHA-256 is checked)
#
# Prints the comparison table and writes DIR/race-T<T>-C<C>.{md,json} (and DIR/sweep.md).
# --seeds writes DIR/race-T156-C6-seed<S>.{md,json} per seed and DIR/race-seeds.{md,json}
# (per seed: times, min bulk-ESS/s, ratio, divergences, agreement; median and geometric mean
# of the ratios). --agreement-draws N writes DIR/agreement-T156-C6-draws<N>-seed<S>.{md,json}:
# the agreement table alone, from N draws per chain on both sides (long runs shrink the MCSE,
# so the 10% sd test then measures the posteriors rather than the noise of 4000 draws).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

sweep=0; sizes="52x6 156x6 520x6 1040x6 156x2 156x12 156x20"; seed=1; chains=4; warmup=1000; draws=1000; threads=2; out="bench-results"; skip_install=0
seeds=""; agreement_draws=""; reuse_stan=0; stan_program=plain; ours_defaults=0
while [ $# -gt 0 ]; do
  case "$1" in
    --sweep) sweep=1; shift ;;
    --sizes) sizes="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --seeds) seeds="$2"; shift 2 ;;
    --agreement-draws) agreement_draws="$2"; shift 2 ;;
    --chains) chains="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --draws) draws="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --skip-install) skip_install=1; shift ;;
    --reuse-stan) reuse_stan=1; shift ;;
    --ours-defaults) ours_defaults=1; shift ;;
    --stan-program) stan_program="$2"; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "race-stan: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done
modes=$(( sweep + (${#seeds} > 0 ? 1 : 0) + (${#agreement_draws} > 0 ? 1 : 0) ))
if [ "$modes" -gt 1 ]; then
  echo "race-stan: --sweep, --seeds and --agreement-draws are separate modes; give one of them" >&2; exit 2
fi
positive_int() { [[ "$2" =~ ^[1-9][0-9]*$ ]] || { echo "race-stan: $1 must be a positive integer, got '$2'" >&2; exit 2; }; }
seed_int() { [[ "$2" =~ ^[0-9]+$ ]] || { echo "race-stan: $1 must be a non-negative integer, got '$2'" >&2; exit 2; }; }
for s in $seeds; do seed_int "--seeds (each seed)" "$s"; done
if [ -n "$seeds" ] && [ -z "${seeds// /}" ]; then echo "race-stan: --seeds needs at least one seed" >&2; exit 2; fi
[ -z "$agreement_draws" ] || positive_int "--agreement-draws" "$agreement_draws"
seed_int --seed "$seed"; positive_int --chains "$chains"; positive_int --warmup "$warmup"
positive_int --draws "$draws"; positive_int --threads "$threads"

log() { echo "race-stan: $*" >&2; }

stan_ready() {
  command -v Rscript >/dev/null 2>&1 &&
  Rscript -e 'ok <- all(vapply(c("rstan","posterior","jsonlite"), requireNamespace, logical(1), quietly = TRUE)) &&
                    file.exists(file.path(system.file(package = "BH"), "include", "boost", "version.hpp"));
              quit(status = if (ok) 0 else 1)' >/dev/null 2>&1
}
if [ "$skip_install" -eq 0 ] && ! stan_ready; then
  log "Stan is not ready; running scripts/install-stan.sh"
  "$root/scripts/install-stan.sh"
fi

log "building our CLI (mvn package, tests skipped)"
build_log="$(mktemp)"
if ! mvn -q -B -ntp -DskipTests -Djqwik.skip=true -pl mmm-cli -am package >"$build_log" 2>&1; then
  cat "$build_log" >&2; rm -f "$build_log"; log "the build failed (log above)"; exit 1
fi
rm -f "$build_log"

mkdir -p "$out"
work="$out/work"
mkdir -p "$work"

# One race at size T x C with a given seed and number of draws; its files are
# DIR/<name>.{md,json} and DIR/work/{data,ours,stan}-<name without "race-">*; echoes the path of its JSON result.
# mode "agreement" prints the agreement table alone.
race() {
  local weeks="$1" channels="$2" seed="$3" draws="$4" name="$5" mode="${6:-race}"
  local tag="T${weeks}-C${channels}" stem="${name#race-}"
  local data="$work/data-$stem.csv" ours_dir="$work/ours-$stem" stan_json="$work/stan-$stem.json"
  log "[$name] simulating data ($tag, seed $seed)"
  ./mmm simulate --weeks "$weeks" --channels "$channels" --controls 2 --yearly-seasonality 2 \
    --seed "$seed" --out "$data" >&2
  # The simulator writes the channels, then the controls, in order; date and y may sit anywhere.
  local others; others="$(head -1 "$data" | tr -d '\r"' | tr ',' '\n' | grep -vx -e date -e y | paste -sd, -)"
  local channel_cols control_cols
  channel_cols="$(echo "$others" | cut -d, -f"1-$channels")"
  control_cols="$(echo "$others" | cut -d, -f"$((1 + channels))-$((2 + channels))")"

  local ours_length=(--warmup "$warmup" --draws "$draws") ours_label="$chains chains x ($warmup + $draws)"
  if [ "$ours_defaults" -eq 1 ]; then ours_length=(); ours_label="$chains chains x (its default warm-up + draws)"; fi
  log "[$name] ours: $ours_label on $threads threads"
  # CPU seconds of the whole JVM (start-up, JIT, GC, I/O included) beside its wall time:
  # on a shared machine wall time depends on the neighbours, CPU time much less.
  local TIMEFORMAT='%U %S'
  { time ./mmm fit --data "$data" --date date --target y --channels "$channel_cols" --controls "$control_cols" \
      --yearly-seasonality 2 --chains "$chains" ${ours_length[@]+"${ours_length[@]}"} --seed "$seed" \
      --threads "$threads" --quiet --out "$ours_dir" >&3 2>&3 ; } 3>&2 2>"$work/ours-$stem.cpu"
  local ours_cpu; ours_cpu="$(awk '{print $1 + $2}' "$work/ours-$stem.cpu")"

  # Stan's result is reusable only for the same data and the same settings.
  local stan_key; stan_key="$(sha256sum "$data" | cut -d' ' -f1) $chains $warmup $draws $seed $threads $stan_program"
  if [ "$reuse_stan" -eq 1 ] && [ -f "$stan_json" ] && [ "$(cat "$stan_json.key" 2>/dev/null)" = "$stan_key" ]; then
    log "[$name] Stan: reusing $stan_json (same data and settings)"
  else
    log "[$name] Stan: $chains chains x ($warmup + $draws) on $threads cores"
    Rscript "$root/mmm-benchmarks/stan/run_stan.R" --data "$data" --date date --target y \
      --channels "$channel_cols" --controls "$control_cols" --yearly-seasonality 2 \
      --chains "$chains" --warmup "$warmup" --draws "$draws" --seed "$seed" --cores "$threads" \
      --program "$stan_program" --out "$stan_json" 2> >(grep -v -e '^Warning' -e 'mc-stan.org' -e '^Running the chains' -e '^Examine the pairs' -e "^Dropping 'draws_df'" -e '^ *$' >&2)
    echo "$stan_key" > "$stan_json.key"
  fi

  # Our MCSE of the sd is recomputed from our draws with posterior::mcse_sd, the function
  # run_stan.R applies to Stan's draws: one estimator on both sides.
  local extra=()
  if [ "$mode" = agreement ]; then extra+=(--agreement-only); fi
  Rscript "$root/mmm-benchmarks/stan/compare.R" "$ours_dir/summary.json" "$stan_json" \
    --label "T=$weeks, C=$channels, 2 controls, yearly seasonality 2, Stan $chains chains x ($warmup + $draws), ours $ours_label, $threads cores, seed $seed" \
    --cores "$threads" --ours-cpu-seconds "$ours_cpu" --ours-draws "$ours_dir/draws.csv" \
    --md "$out/$name.md" --json "$out/$name.json" ${extra[@]+"${extra[@]}"} >/dev/null
  echo "$out/$name.json"
}

machine="$(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(java -version 2>&1 | head -1)"

if [ -n "$agreement_draws" ]; then
  result="$(race 156 6 "$seed" "$agreement_draws" "agreement-T156-C6-draws$agreement_draws-seed$seed" agreement)"
  cat "${result%.json}.md"
  echo
  echo "Machine: $machine"
  log "agreement table written to ${result%.json}.md and $result"
  exit 0
fi

if [ -n "$seeds" ]; then
  results=()
  for s in $seeds; do
    result="$(race 156 6 "$s" "$draws" "race-T156-C6-seed$s")"
    cat "${result%.json}.md" >&2
    results+=("$result")
  done
  Rscript - "$out/race-seeds" "$machine" "${results[@]}" <<'RSCRIPT'
suppressPackageStartupMessages(library(jsonlite))
a <- commandArgs(trailingOnly = TRUE)
rows <- lapply(a[-(1:2)], function(f) {
  r <- fromJSON(f)
  seed <- as.integer(regmatches(f, regexec("seed([0-9]+)\\.json$", f))[[1]][2])
  na0 <- function(x) if (is.null(x)) NA else x
  data.frame(seed = seed, ours_s = r$ours$wall_seconds, stan_s = r$stan$wall_seconds,
             ours_ess_s = r$ours$min_ess_bulk_per_second, stan_ess_s = r$stan$min_ess_bulk_per_second,
             ratio = r$ratio_ess_per_second, ratio_cpu = na0(r$ratio_ess_per_cpu_second),
             ours_div = r$ours$divergences, stan_div = r$stan$divergences,
             params = r$parameters_total, means_agree = r$means_agree, sds_agree = r$sds_agree,
             sds_agree_z = na0(r$sds_agree_z), max_sd_z = na0(r$max_sd_z), max_sd_z_param = na0(r$max_sd_z_param),
             stringsAsFactors = FALSE)
})
d <- do.call(rbind, rows)
geo <- function(x) exp(mean(log(x)))
summary <- list(machine = a[2], seeds = d,
                ratio_median = median(d$ratio), ratio_geometric_mean = geo(d$ratio),
                ratio_min = min(d$ratio), ratio_max = max(d$ratio),
                ratio_cpu_median = median(d$ratio_cpu), ratio_cpu_geometric_mean = geo(d$ratio_cpu))
f <- function(x, n = 2) ifelse(is.na(x), "n/a", formatC(x, format = "f", digits = n, big.mark = ","))
lines <- c(paste("Machine:", a[2]), "",
  "| seed | ours s | Stan s | ours min bulk-ESS/s | Stan min bulk-ESS/s | ours/Stan | ours/Stan per CPU s | divergences ours/Stan | means agree | sds within 10% | sds within 4 MCSE(sd) (largest z) |",
  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  sprintf("| %d | %s | %s | %s | %s | %s | %s | %d / %d | %d/%d | %d/%d | %s/%d (%s, %s) |", d$seed, f(d$ours_s, 1), f(d$stan_s, 1),
          f(d$ours_ess_s, 1), f(d$stan_ess_s, 1), f(d$ratio), f(d$ratio_cpu), as.integer(d$ours_div), as.integer(d$stan_div),
          d$means_agree, d$params, d$sds_agree, d$params, ifelse(is.na(d$sds_agree_z), "n/a", d$sds_agree_z), d$params,
          f(d$max_sd_z), d$max_sd_z_param),
  "",
  sprintf("**ours / Stan, min bulk-ESS per second over %d seeds: median %s, geometric mean %s** (range %s-%s); per CPU second: median %s, geometric mean %s.",
          nrow(d), f(summary$ratio_median), f(summary$ratio_geometric_mean), f(summary$ratio_min), f(summary$ratio_max),
          f(summary$ratio_cpu_median), f(summary$ratio_cpu_geometric_mean)))
cat(lines, sep = "\n"); cat("\n")
writeLines(lines, paste0(a[1], ".md"))
write_json(summary, paste0(a[1], ".json"), auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null")
RSCRIPT
  log "per-seed tables in $out/race-T156-C6-seed<S>.md, summary in $out/race-seeds.md and $out/race-seeds.json"
  exit 0
fi

if [ "$sweep" -eq 0 ]; then
  result="$(race 156 6 "$seed" "$draws" race-T156-C6)"
  cat "${result%.json}.md"
  echo
  echo "Machine: $machine"
  log "table written to ${result%.json}.md and $result ($machine)"
  exit 0
fi

results=()
for size in $sizes; do
  result="$(race "${size%x*}" "${size#*x}" "$seed" "$draws" "race-T${size%x*}-C${size#*x}")"
  cat "${result%.json}.md" >&2
  results+=("$result")
done
Rscript - "$out/sweep.md" "$machine" "${results[@]}" <<'RSCRIPT'
suppressPackageStartupMessages(library(jsonlite))
a <- commandArgs(trailingOnly = TRUE)
rows <- lapply(a[-(1:2)], function(f) {
  r <- fromJSON(f)
  size <- regmatches(f, regexec("T([0-9]+)-C([0-9]+)", f))[[1]]
  data.frame(T = as.integer(size[2]), C = as.integer(size[3]),
             ours_s = r$ours$wall_seconds, stan_s = r$stan$wall_seconds,
             ours_ess_s = r$ours$min_ess_bulk_per_second, stan_ess_s = r$stan$min_ess_bulk_per_second,
             ratio = r$ratio_ess_per_second, ours_div = r$ours$divergences, stan_div = r$stan$divergences,
             agree = sprintf("%d/%d", min(r$means_agree, r$sds_agree), r$parameters_total))
})
d <- do.call(rbind, rows)
f <- function(x, n = 2) formatC(x, format = "f", digits = n, big.mark = ",")
lines <- c(paste("Machine:", a[2]), "",
  "| T | C | ours s | Stan s | ours min bulk-ESS/s | Stan min bulk-ESS/s | ours/Stan | divergences ours/Stan | params agreeing (mean and sd) |",
  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  sprintf("| %d | %d | %s | %s | %s | %s | %s | %d / %d | %s |", d$T, d$C, f(d$ours_s, 1), f(d$stan_s, 1),
          f(d$ours_ess_s, 1), f(d$stan_ess_s, 1), f(d$ratio, 1), as.integer(d$ours_div), as.integer(d$stan_div), d$agree))
cat(lines, sep = "\n"); cat("\n")
writeLines(lines, a[1])
RSCRIPT
log "sweep table written to $out/sweep.md"
