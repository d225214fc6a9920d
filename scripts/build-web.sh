#!/usr/bin/env bash
# Builds the web page into a folder, as crates/vigie-web/build.rs does during `cargo build`:
#
#   scripts/build-web.sh [OUT_DIR]        # default web/dist
#
# Useful to build Vigie where Node.js is missing: build the page here, copy the folder,
# and build there with VIGIE_WEB_DIST=/path/to/dist cargo build --release.
set -euo pipefail
cd "$(dirname "$0")/../web"
out="${1:-dist}"
npm ci --no-audit --no-fund --ignore-scripts
node build.mjs "$out"
echo "built the page into $out (relative to web/)" >&2
