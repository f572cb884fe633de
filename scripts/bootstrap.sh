#!/usr/bin/env bash
# Create .venv and install the locked dependencies. On Debian, python3 -m venv needs
# the python3-venv package, and the phrase search needs Voikko (libvoikko1, voikko-fi);
# install them when running as root and they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}

if [ ! -x .venv/bin/python ]; then
  if ! "$PYTHON" -m venv .venv 2>/dev/null; then
    rm -rf .venv
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "Installing python3-venv (Debian)..."
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
      "$PYTHON" -m venv .venv
    else
      echo "python3 -m venv failed: install the python3-venv package (sudo apt-get install python3-venv)." >&2
      exit 1
    fi
  fi
fi
if ! ldconfig -p 2>/dev/null | grep -q 'libvoikko\.so\.1' || [ ! -d /usr/lib/voikko ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Voikko (Debian: libvoikko1, voikko-fi)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libvoikko1 voikko-fi >/dev/null
  else
    echo "The phrase search wants Voikko: sudo apt-get install libvoikko1 voikko-fi" >&2
  fi
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=24" 2>&1 | grep -v '^WARNING: Location' || true
.venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock 2>&1 | grep -v '^WARNING: Location' || true
.venv/bin/python -c "import django, wagtail, celery" 
# The SCORM runtime and the H5P player lessons load (npm, locked).
scripts/vendor_players.sh || echo "SCORM and H5P lessons need npm: sudo apt-get install npm" >&2
