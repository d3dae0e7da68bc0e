#!/usr/bin/env bash
# The geo race with Stan: the same hierarchical geo model (docs/geo.md; ours: `mmm fit-geo`,
# Stan's: mmm-benchmarks/stan/geo_mmm.stan, vectorised), the same simulated panel, the same
# machine. Compares the posterior means (within 4 combined MCSE) and sds, and both sides'
# min bulk-ESS per second, with mmm-benchmarks/stan/compare.R.
#
#   scripts/race-stan-geo.sh                       # 8 geos x 104 weeks x 3 channels, 1 control
#   scripts/race-stan-geo.sh --size 20x104x4       # geos x weeks x channels
#
# Options: --size GxTxC, --controls K (1), --seed S (1), --chains N (4), --warmup N (1000),
#          --draws N (1000), --threads N (2), --out DIR (bench-results), --skip-install
# Writes DIR/race-geo-<size>.{md,json}.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
size="8x104x3"; controls=1; seed=1; chains=4; warmup=1000; draws=1000; threads=2; out="bench-results"; skip_install=0
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size="$2"; shift 2 ;;
    --controls) controls="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --chains) chains="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --draws) draws="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --skip-install) skip_install=1; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "race-stan-geo: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done
[[ "$size" =~ ^[1-9][0-9]*x[1-9][0-9]*x[1-9][0-9]*$ ]] || { echo "race-stan-geo: --size must be GxTxC, got '$size'" >&2; exit 2; }
IFS=x read -r geos weeks channels <<<"$size"
log() { echo "race-stan-geo: $*" >&2; }

if [ "$skip_install" -eq 0 ] && ! { command -v Rscript >/dev/null 2>&1 && Rscript -e 'quit(status = if (all(vapply(c("rstan","posterior","jsonlite"), requireNamespace, logical(1), quietly = TRUE))) 0 else 1)' >/dev/null 2>&1; }; then
  log "Stan is not ready; running scripts/install-stan.sh"
  "$root/scripts/install-stan.sh"
fi

log "building the CLI and the benchmarks (tests skipped)"
mvn -q -B -ntp -DskipTests -Djqwik.skip=true -pl mmm-cli,mmm-benchmarks -am package >&2
mkdir -p "$out/work"
name="race-geo-$size"
data="$out/work/data-geo-$size.csv"
java -cp mmm-benchmarks/target/benchmarks.jar dev.mmm.benchmarks.GeoScale data "$geos" "$weeks" "$channels" "$controls" "$seed" "$data"
channel_cols="$(seq -s, -f 'ch%g' 1 "$channels")"
control_cols="$(seq -s, -f 'z%g' 1 "$controls")"

log "ours: $chains chains x ($warmup + $draws) on $threads threads"
./mmm fit-geo --data "$data" --date date --geo geo --population population --target y \
  --channels "$channel_cols" --controls "$control_cols" --yearly-seasonality 1 \
  --chains "$chains" --warmup "$warmup" --draws "$draws" --seed "$seed" --threads "$threads" --quiet \
  --out "$out/work/ours-geo-$size" >&2

log "Stan: $chains chains x ($warmup + $draws) on $threads cores"
Rscript "$root/mmm-benchmarks/stan/run_stan_geo.R" --data "$data" --channels "$channel_cols" --controls "$control_cols" \
  --chains "$chains" --warmup "$warmup" --draws "$draws" --seed "$seed" --cores "$threads" \
  --out "$out/work/stan-geo-$size.json"

Rscript "$root/mmm-benchmarks/stan/compare.R" "$out/work/ours-geo-$size/summary.json" "$out/work/stan-geo-$size.json" \
  --label "geo model, $geos geos x $weeks weeks x $channels channels, $controls control(s), $chains chains x ($warmup + $draws), $threads cores, seed $seed" \
  --cores "$threads" --md "$out/$name.md" --json "$out/$name.json" >/dev/null
cat "$out/$name.md"
