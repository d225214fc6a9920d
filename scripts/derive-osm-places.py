#!/usr/bin/env python3
"""Derives crates/vigie-gazetteer/data/osm_places.osm.tsv: the named populated places of
OpenStreetMap in Mali, Niger and Burkina Faso that GeoNames lacks.

GeoNames misses towns that conflict reports name every week (in its 2023 Mali dump Gossi,
Talataye and Ber have no populated-place row). OpenStreetMap has them. This script keeps
an OSM place node when it has a name of at least three letters starting with a capital,
and no GeoNames populated place of the same name (folded) lies within 10 km of it.

Source: the OSM extracts of September 2019 in the GitHub repository ObiWanLansi/GeoData
(commit 3f600c7e2fc03022ee6ae6a2a1c763d28db1fe0c, Africa/{mali,niger,burkina-faso}.sqlite.zip;
the repository's MIT licence covers its code). The data is (c) OpenStreetMap contributors,
available under the Open Database License (ODbL) 1.0; so is the derived file, see
crates/vigie-gazetteer/data/OSM-LICENSE.md.

Each country's extract reaches over its borders: a node is kept only when it lies inside
that country's first-level areas (OCHA ROWCA boundaries, ../shared/data/boundaries).

usage: scripts/derive-osm-places.py GEODATA_GIT_DIR SHARED_DATA_DIR OUT
  GEODATA_GIT_DIR  a clone (or bare git directory) of ObiWanLansi/GeoData
  SHARED_DATA_DIR  the folder holding geonames/{ML,NE,BF}.txt and
                   boundaries/ocha_rowca_sahel9_adm1.geojson (../shared/data)
"""

import io
import json
import math
import os
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections import defaultdict

COMMIT = "3f600c7e2fc03022ee6ae6a2a1c763d28db1fe0c"
COUNTRIES = [("ML", "mali"), ("NE", "niger"), ("BF", "burkina-faso")]
ISO3 = {"ML": "MLI", "NE": "NER", "BF": "BFA"}
# OSM place values kept; the gazetteer maps them to GeoNames feature codes
KEPT = {
    "city", "town", "village", "hamlet", "isolated_dwelling",
    "suburb", "quarter", "neighbourhood", "locality",
}
SAME_PLACE_KM = 10.0


def fold(s):
    s = unicodedata.normalize("NFKD", s.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("'", "").replace("\u2019", "")


def km(lat1, lon1, lat2, lon2):
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(a))


def country_rings(path):
    """ISO3 -> outer and inner rings (lists of (lon, lat)) with their bounding boxes."""
    rings = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for feat in json.load(f)["features"]:
            cc = feat["properties"]["country_code"]
            for poly in feat["geometry"]["coordinates"]:
                for ring in poly:
                    xs = [x for x, _ in ring]
                    ys = [y for _, y in ring]
                    rings[cc].append(((min(xs), min(ys), max(xs), max(ys)), ring))
    return rings


def inside(rings, lon, lat):
    """Even-odd rule over all rings of a country (holes count as crossings too)."""
    crossings = 0
    for (x0, y0, x1, y1), ring in rings:
        if not (x0 <= lon <= x1 and y0 <= lat <= y1):
            continue
        j = len(ring) - 1
        for i in range(len(ring)):
            xi, yi = ring[i]
            xj, yj = ring[j]
            if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
                crossings += 1
            j = i
    return crossings % 2 == 1


def geonames_points(gdir):
    """Folded name -> points of the GeoNames populated places bearing it."""
    by_name = defaultdict(list)
    for cc, _ in COUNTRIES:
        with open(os.path.join(gdir, f"{cc}.txt"), encoding="utf-8") as f:
            for line in f:
                c = line.rstrip("\n").split("\t")
                if len(c) < 9 or c[6] != "P":
                    continue
                names = {fold(c[1]), fold(c[2])} | {fold(a) for a in c[3].split(",") if a}
                for n in names:
                    by_name[n].append((float(c[4]), float(c[5])))
    return by_name


def osm_nodes(git_dir, slug):
    blob = subprocess.run(
        ["git", "-C", git_dir, "show", f"{COMMIT}:Africa/{slug}.sqlite.zip"],
        check=True, capture_output=True,
    ).stdout
    with zipfile.ZipFile(io.BytesIO(blob)) as z, tempfile.TemporaryDirectory() as tmp:
        member = next(n for n in z.namelist() if n.endswith(".sqlite"))
        path = z.extract(member, tmp)
        con = sqlite3.connect(path)
        rows = con.execute(
            "select ID, NAME, LAT, LON, VALUE, POPULATION from NODE "
            "where TAG = 'place' and NAME is not null and NAME <> '' order by ID"
        ).fetchall()
        con.close()
    return rows


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    git_dir, data, out = sys.argv[1:]
    gn = geonames_points(os.path.join(data, "geonames"))
    rings = country_rings(os.path.join(data, "boundaries", "ocha_rowca_sahel9_adm1.geojson"))
    kept = skipped = 0
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# OpenStreetMap populated places of ML, NE, BF that GeoNames lacks.\n")
        f.write("# (c) OpenStreetMap contributors, ODbL 1.0 (see OSM-LICENSE.md).\n")
        f.write(f"# Derived by scripts/derive-osm-places.py from ObiWanLansi/GeoData@{COMMIT}.\n")
        f.write("# osm_node_id\tname\tlat\tlon\tplace\tcountry\tpopulation\n")
        for cc, slug in COUNTRIES:
            for node, name, lat, lon, value, pop in osm_nodes(git_dir, slug):
                name = " ".join(name.split())
                if value not in KEPT or not name[:1].isupper():
                    continue
                folded = fold(name)
                if sum(ch.isalpha() for ch in folded) < 3:
                    continue
                if not inside(rings[ISO3[cc]], lon, lat):
                    continue
                if any(km(lat, lon, a, b) <= SAME_PLACE_KM for a, b in gn.get(folded, [])):
                    skipped += 1
                    continue
                try:
                    population = int(str(pop or "0").replace(" ", ""))
                except ValueError:
                    population = 0
                f.write(f"{node}\t{name}\t{lat:.5f}\t{lon:.5f}\t{value}\t{cc}\t{population}\n")
                kept += 1
    print(f"{kept} places written to {out}; {skipped} already in GeoNames", file=sys.stderr)


if __name__ == "__main__":
    main()
