#!/usr/bin/env bash
# Installs from Debian's packages what the test suite needs beyond Java and Maven:
# R (r-base-core) and R's loo package (r-cran-loo), against which PsisLooRParityTest
# checks PSIS-LOO. Idempotent: when everything is there it says so and changes nothing.
# Needs root (or sudo) only when something is missing.
set -euo pipefail

log() { echo "install-test-deps: $*" >&2; }

have_r_pkg() { Rscript -e "quit(status = if (requireNamespace('$1', quietly = TRUE)) 0 else 1)" >/dev/null 2>&1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else log "need root (or sudo) for: $*"; exit 1; fi
}

missing=()
command -v Rscript >/dev/null 2>&1 || missing+=(r-base-core)
if ! command -v Rscript >/dev/null 2>&1 || ! have_r_pkg loo; then
  missing+=(r-cran-loo)
fi

if [ ${#missing[@]} -eq 0 ]; then
  log "already installed: Rscript ($(command -v Rscript)), R package loo $(Rscript -e 'cat(format(packageVersion("loo")))')"
  exit 0
fi

log "installing ${missing[*]} with apt-get (after one apt-get update)"
as_root apt-get update -qq
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

if ! have_r_pkg loo; then
  log "installed ${missing[*]} but R still cannot load loo"; exit 1
fi
log "installed ${missing[*]}: R package loo $(Rscript -e 'cat(format(packageVersion("loo")))')"
