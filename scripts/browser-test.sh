#!/usr/bin/env bash
# Real-browser test: run every notebook in JupyterLab, driven by Playwright in Debian's Chromium,
# and save a screenshot of the article view to docs/article-view.png.
#
# Usage: scripts/browser-test.sh [NOTEBOOK_FOLDER]   (default: notebooks)
# Installs what is missing: the `chromium` Debian package (apt, needs root or sudo) and the
# `playwright` pip package in .venv. Playwright's own browser download is not used.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.venv/bin/python}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

if [ ! -x "$CHROMIUM" ]; then
  SUDO=$([ "$(id -u)" -eq 0 ] && echo "" || echo "sudo")
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
fi
"$PY" -c "import playwright" 2>/dev/null || "$PY" -m pip install --quiet playwright
"$PY" -c "import ipywidgets" 2>/dev/null || "$PY" -m pip install --quiet ipywidgets

export RUN_BROWSER_TESTS=1 CHROMIUM
export BROWSER_NOTEBOOKS=${1:-${BROWSER_NOTEBOOKS:-notebooks}}
exec "$PY" -m pytest -p no:cacheprovider tests/browser -v
