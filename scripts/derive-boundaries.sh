#!/usr/bin/env bash
# Rebuild crates/vigie-boundaries/data/boundaries.bin from the OCHA GeoJSON files.
# Usage: scripts/derive-boundaries.sh [SHARED_DIR] [extra derive options, e.g. --tolerance 0.002 --gzip]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${1:-$root/../shared}"
shift || true
cd "$root"
cargo run --release -p vigie-boundaries --example derive -- \
  "$shared/data/boundaries" "$root/crates/vigie-boundaries/data/boundaries.bin" "$@"
