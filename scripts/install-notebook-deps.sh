#!/usr/bin/env bash
# Installs from Debian's packages what the notebook test (NotebooksIT in examples) needs to
# execute examples/notebooks/*.ipynb: Jupyter's nbconvert and nbclient (with jupyter-client).
# Idempotent: when they are there it says so and changes nothing. Needs root (or sudo) only
# when something is missing.
#
# The kernel itself needs nothing here: its protocol library (org.dflib.jjava:jjava-jupyter)
# is a test dependency of the examples module, so Maven fetches it into the build, and
# NotebooksIT writes the kernelspec into examples/target/notebook-kernel/jupyter (a
# project-local JUPYTER_PATH, never the user's home) when it runs.
set -euo pipefail

log() { echo "install-notebook-deps: $*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else log "need root (or sudo) for: $*"; exit 1; fi
}

# Debian's python, not a python on PATH (pyenv, venv) that lacks Debian's Jupyter packages.
have_module() { /usr/bin/python3 -c "import $1" >/dev/null 2>&1; }

missing=()
[ -x /usr/bin/jupyter-nbconvert ] || missing+=(jupyter-nbconvert)
have_module nbclient || missing+=(python3-nbclient)
have_module jupyter_client || missing+=(python3-jupyter-client)

if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]} with apt-get (after one apt-get update)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

for m in nbclient jupyter_client; do
  have_module "$m" || { log "installed ${missing[*]} but /usr/bin/python3 still cannot import $m"; exit 1; }
done
log "nbconvert $(/usr/bin/jupyter-nbconvert --version), nbclient $(/usr/bin/python3 -c 'import nbclient; print(nbclient.__version__)')"
