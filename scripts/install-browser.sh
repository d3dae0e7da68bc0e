#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium, which the report's browser test
# (HtmlReportBrowserTest in mmm-report) drives to check that the HTML report
# renders without console errors. Idempotent: if /usr/bin/chromium exists it only
# prints the version. Needs root (or sudo) for apt-get.
set -euo pipefail

log() { echo "install-browser: $*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else log "need root for: $*"; exit 1; fi
}

if [ -x /usr/bin/chromium ]; then
  log "chromium already installed"
else
  log "installing chromium with apt-get"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
/usr/bin/chromium --version
