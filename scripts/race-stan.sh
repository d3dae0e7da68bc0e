#!/usr/bin/env bash
# The race with Stan: same data, same posterior, same machine, same run.
#
#   scripts/race-stan.sh            # default size: T=156 weeks, C=6 channels, 2 controls, seasonality 2
#   scripts/race-stan.sh --sweep    # T in {52,156,520,1040} at C=6, then C in {2,6,12,20} at T=156
#   scripts/race-stan.sh --sweep --sizes "52x6 520x6"   # a chosen part of the sweep
#
# Options: --seed S (data and both samplers, default 1), --chains N (4), --warmup N (1000),
#          --draws N (1000), --threads N (2: both libraries get the same cores),
#          --out DIR (bench-results), --skip-install
#
# Prints the comparison table and writes DIR/race-T<T>-C<C>.{md,json} (and DIR/sweep.md).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

sweep=0; sizes="52x6 156x6 520x6 1040x6 156x2 156x12 156x20"; seed=1; chains=4; warmup=1000; draws=1000; threads=2; out="bench-results"; skip_install=0
while [ $# -gt 0 ]; do
  case "$1" in
    --sweep) sweep=1; shift ;;
    --sizes) sizes="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --chains) chains="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --draws) draws="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --skip-install) skip_install=1; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "race-stan: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done

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

# One race at size T x C; echoes the path of its JSON result.
race() {
  local weeks="$1" channels="$2" tag="T${1}-C${2}"
  local data="$work/data-$tag.csv" ours_dir="$work/ours-$tag" stan_json="$work/stan-$tag.json"
  log "[$tag] simulating data"
  ./mmm simulate --weeks "$weeks" --channels "$channels" --controls 2 --yearly-seasonality 2 \
    --seed "$seed" --out "$data" >&2
  # The simulator writes the channels, then the controls, in order; date and y may sit anywhere.
  local others; others="$(head -1 "$data" | tr -d '\r"' | tr ',' '\n' | grep -vx -e date -e y | paste -sd, -)"
  local channel_cols control_cols
  channel_cols="$(echo "$others" | cut -d, -f"1-$channels")"
  control_cols="$(echo "$others" | cut -d, -f"$((1 + channels))-$((2 + channels))")"

  log "[$tag] ours: $chains chains x ($warmup + $draws) on $threads threads"
  # CPU seconds of the whole JVM (start-up, JIT, GC, I/O included) beside its wall time:
  # on a shared machine wall time depends on the neighbours, CPU time much less.
  local TIMEFORMAT='%U %S'
  { time ./mmm fit --data "$data" --date date --target y --channels "$channel_cols" --controls "$control_cols" \
      --yearly-seasonality 2 --chains "$chains" --warmup "$warmup" --draws "$draws" --seed "$seed" \
      --threads "$threads" --quiet --out "$ours_dir" >&3 2>&3 ; } 3>&2 2>"$work/ours-$tag.cpu"
  local ours_cpu; ours_cpu="$(awk '{print $1 + $2}' "$work/ours-$tag.cpu")"

  log "[$tag] Stan: $chains chains x ($warmup + $draws) on $threads cores"
  Rscript "$root/mmm-benchmarks/stan/run_stan.R" --data "$data" --date date --target y \
    --channels "$channel_cols" --controls "$control_cols" --yearly-seasonality 2 \
    --chains "$chains" --warmup "$warmup" --draws "$draws" --seed "$seed" --cores "$threads" \
    --out "$stan_json" 2> >(grep -v -e '^Warning' -e 'mc-stan.org' -e '^Running the chains' -e '^Examine the pairs' -e "^Dropping 'draws_df'" -e '^ *$' >&2)

  Rscript "$root/mmm-benchmarks/stan/compare.R" "$ours_dir/summary.json" "$stan_json" \
    --label "T=$weeks, C=$channels, 2 controls, yearly seasonality 2, $chains chains x ($warmup + $draws), $threads cores, seed $seed" \
    --cores "$threads" --ours-cpu-seconds "$ours_cpu" --md "$out/race-$tag.md" --json "$out/race-$tag.json" >/dev/null
  echo "$out/race-$tag.json"
}

machine="$(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(java -version 2>&1 | head -1)"

if [ "$sweep" -eq 0 ]; then
  result="$(race 156 6)"
  cat "${result%.json}.md"
  echo
  echo "Machine: $machine"
  log "table written to ${result%.json}.md and $result ($machine)"
  exit 0
fi

results=()
for size in $sizes; do
  result="$(race "${size%x*}" "${size#*x}")"
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
