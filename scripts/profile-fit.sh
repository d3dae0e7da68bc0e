#!/usr/bin/env bash
# Where does `mmm fit` spend its time? Runs one fit under Java Flight Recorder and
# prints the hottest methods (top frame of each execution sample) and the hottest
# methods anywhere on the stack (inclusive), from JFR's own sampling.
#
#   scripts/profile-fit.sh DATA.csv OUT_DIR -- <the usual mmm fit options except --data/--out>
#   e.g. scripts/profile-fit.sh bench-results/work/data-T156-C6.csv /tmp/prof -- \
#          --date date --target y --channels ch1,ch2 --controls c1,c2 --yearly-seasonality 2 \
#          --chains 4 --warmup 1000 --draws 1000 --threads 2
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -ge 3 ] && [ "$3" = "--" ] || { sed -n '2,10p' "$0"; exit 2; }
data="$1"; out="$2"; shift 3
mkdir -p "$out"
jfr_file="$out/fit.jfr"
# profile settings: 10 ms (instead of 20 ms) Java sampling.
MMM_JAVA_OPTS="-XX:StartFlightRecording=filename=$jfr_file,settings=profile" \
  "$root/mmm" fit --data "$data" --out "$out/fit" "$@" >&2

jfr print --stack-depth 64 --events jdk.ExecutionSample "$jfr_file" > "$out/samples.txt"
awk '
  /stackTrace = \[/ { depth = 0; inStack = 1; delete seen; next }
  inStack && /^[[:space:]]*\]/ { inStack = 0; samples++; next }
  inStack {
    frame = $0; sub(/^[[:space:]]+/, "", frame); sub(/[[:space:]]+line:.*/, "", frame)
    if (frame == "...") next
    if (depth == 0) self[frame]++
    if (!(frame in seen)) { total[frame]++; seen[frame] = 1 }
    depth++
  }
  END {
    printf "%d execution samples\n\nself (top frame):\n", samples
    for (f in self) printf "%6.1f%%  %s\n", 100 * self[f] / samples, f | "sort -rn | head -25"
    close("sort -rn | head -25")
    printf "\ninclusive (anywhere on the stack):\n"
    for (f in total) printf "%6.1f%%  %s\n", 100 * total[f] / samples, f | "sort -rn | head -25"
  }' "$out/samples.txt" | tee "$out/profile.txt"
