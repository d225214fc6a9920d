#!/usr/bin/env bash
# Regenerates the embedded default gazetteer of crates/vigie-gazetteer from the GeoNames
# files in ../shared/data/geonames (data © GeoNames, CC BY 4.0) and the OpenStreetMap
# places of crates/vigie-gazetteer/data/osm_places.osm.tsv (© OpenStreetMap contributors,
# ODbL 1.0; regenerate that file with scripts/derive-osm-places.py).
# usage: scripts/derive-gazetteer.sh [GEONAMES_DIR] [ALTERNATES_MIN_POPULATION]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:-$root/../shared/data/geonames}"
minpop="${2:-15000}"
cd "$root"
cargo run --release -p vigie-gazetteer --example derive_default -- \
  "$dir" crates/vigie-gazetteer/data/default.vgz.gz "$minpop" \
  crates/vigie-gazetteer/data/osm_places.osm.tsv
