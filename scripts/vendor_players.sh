#!/usr/bin/env bash
# The SCORM runtime (scorm-again) and the H5P player (h5p-standalone) from the npm
# registry, at the versions locked in packages/player/package-lock.json, copied into
# packages/static/packages/vendor/ where lessons load them from. Run by
# scripts/bootstrap.sh (make run, make test) and scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/../packages/player"
if ! command -v npm >/dev/null; then
  echo "npm is missing: install Debian's npm to play SCORM and H5P packages" >&2
  exit 1
fi
# --ignore-scripts: h5p-standalone's install script asks for yarn; nothing needs building.
if [ ! -d node_modules/scorm-again ] || [ ! -d node_modules/h5p-standalone ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --ignore-scripts --no-audit --no-fund
fi
vendor=../static/packages/vendor
rm -rf "$vendor"
mkdir -p "$vendor/scorm-again" "$vendor/h5p-standalone"
# With their source maps: the files name them, and the production static files storage
# (a manifest) refuses a file whose reference it cannot follow.
cp node_modules/scorm-again/dist/scorm12.min.js node_modules/scorm-again/dist/scorm12.min.js.map \
  node_modules/scorm-again/dist/scorm2004.min.js node_modules/scorm-again/dist/scorm2004.min.js.map \
  "$vendor/scorm-again/"
cp -r node_modules/h5p-standalone/dist/main.bundle.js node_modules/h5p-standalone/dist/frame.bundle.js \
  node_modules/h5p-standalone/dist/styles node_modules/h5p-standalone/dist/fonts \
  node_modules/h5p-standalone/dist/images node_modules/h5p-standalone/LICENSE "$vendor/h5p-standalone/"
