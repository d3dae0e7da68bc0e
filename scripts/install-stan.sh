#!/usr/bin/env bash
# Installs what the race with Stan needs (rstan, posterior, jsonlite from Debian's
# packages) and repairs Debian's BH stub, then proves it works by compiling a tiny
# Stan program. Idempotent: a second run changes nothing and only re-checks.
# Needs root for apt-get and for the BH symlink.
set -euo pipefail

log() { echo "install-stan: $*" >&2; }

have_r_pkg() { Rscript -e "quit(status = if (requireNamespace('$1', quietly = TRUE)) 0 else 1)" >/dev/null 2>&1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else log "need root for: $*"; exit 1; fi
}

missing=()
command -v Rscript >/dev/null 2>&1 || missing+=(r-base-core)
for pkg in rstan posterior jsonlite; do
  if ! command -v Rscript >/dev/null 2>&1 || ! have_r_pkg "$pkg"; then
    missing+=("r-cran-$pkg")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]} with apt-get"
  as_root apt-get update -qq
  # build-essential: rstan compiles each model with the system C++ compiler.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" build-essential libboost-dev >/dev/null
else
  log "rstan, posterior and jsonlite already installed"
fi

# Debian's r-cran-bh is a virtual package whose Boost headers live in /usr/include
# (libboost-dev), but rstan's compile flags point at <BH>/include, which Debian
# does not ship. Give rstan the folder it looks for.
bh_dir="$(Rscript -e 'cat(system.file(package = "BH"))')"
if [ -z "$bh_dir" ]; then
  log "R cannot find the BH package (r-cran-bh) after installation"; exit 1
fi
if [ ! -e "$bh_dir/include/boost/version.hpp" ]; then
  if [ ! -f /usr/include/boost/version.hpp ]; then
    log "installing libboost-dev for the Boost headers"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libboost-dev >/dev/null
  fi
  if [ -L "$bh_dir/include" ] || [ ! -e "$bh_dir/include" ]; then
    log "linking $bh_dir/include -> /usr/include"
    as_root ln -sfn /usr/include "$bh_dir/include"
  else
    log "$bh_dir/include exists but has no boost/version.hpp; fix it by hand"; exit 1
  fi
else
  log "BH include folder already usable ($bh_dir/include)"
fi

# Compiling a trivial model is the only real proof that headers and flags fit.
log "compiling a trivial Stan model (about a minute the first time)"
Rscript --vanilla - <<'RSCRIPT'
suppressPackageStartupMessages(library(rstan))
code <- "parameters { real x; } model { x ~ normal(0, 1); }"
m <- stan_model(model_code = code, model_name = "install_check")
fit <- suppressWarnings(sampling(m, chains = 1, iter = 200, refresh = 0, seed = 1))
draws <- extract(fit)$x
stopifnot(length(draws) == 100, all(is.finite(draws)))
cat("install-stan: rstan", as.character(packageVersion("rstan")), "compiles and samples\n")
RSCRIPT
