//! OpenStreetMap places that complement GeoNames: the `*.osm.tsv` files that
//! `scripts/derive-osm-places.py` writes (one populated place per line: OSM node id, name,
//! latitude, longitude, OSM `place` value, ISO2 country, population).
//!
//! GeoNames lacks towns and villages that conflict reports name every week; OpenStreetMap
//! holds many of them. Their places carry no GeoNames id, and no admin1 code (the shipped
//! boundaries give them their areas). Data © OpenStreetMap contributors, ODbL 1.0.

use crate::geonames::{read_records, ReadStats};
use crate::Result;
use std::path::Path;

/// One OSM place of a `*.osm.tsv` file.
#[derive(Debug, Clone, PartialEq)]
pub struct OsmPlace<'a> {
    /// OSM node id.
    pub node: u64,
    /// Name, as mapped.
    pub name: &'a str,
    /// Latitude, WGS84.
    pub lat: f64,
    /// Longitude, WGS84.
    pub lon: f64,
    /// GeoNames feature class the OSM `place` value maps to.
    pub feature_class: char,
    /// GeoNames feature code the OSM `place` value maps to.
    pub feature_code: &'static str,
    /// ISO2 country code.
    pub country: &'a str,
    /// Population (0 when unknown).
    pub population: u64,
}

/// The GeoNames feature (class, code) an OSM `place` value stands for: a settlement is a
/// populated place, a part of a town a section of one, a named locality a locality;
/// `None` for values that are no settlement (an island, a farm).
pub fn feature_of(place: &str) -> Option<(char, &'static str)> {
    match place {
        "city" | "town" | "village" | "hamlet" | "isolated_dwelling" => Some(('P', "PPL")),
        "suburb" | "quarter" | "neighbourhood" => Some(('P', "PPLX")),
        "locality" => Some(('L', "LCTY")),
        _ => None,
    }
}

/// Parses one line; `None` when it is malformed or names no settlement.
pub fn parse_line(line: &str) -> Option<OsmPlace<'_>> {
    let mut c = line.split('\t');
    let node = c.next()?.trim().parse().ok()?;
    let name = c.next()?.trim();
    let lat: f64 = c.next()?.trim().parse().ok()?;
    let lon: f64 = c.next()?.trim().parse().ok()?;
    let (feature_class, feature_code) = feature_of(c.next()?.trim())?;
    let country = c.next()?.trim();
    let population = c.next().and_then(|p| p.trim().parse().ok()).unwrap_or(0);
    let valid = !name.is_empty()
        && country.len() == 2
        && (-90.0..=90.0).contains(&lat)
        && (-180.0..=180.0).contains(&lon);
    valid.then_some(OsmPlace {
        node,
        name,
        lat,
        lon,
        feature_class,
        feature_code,
        country,
        population,
    })
}

/// Reads a `*.osm.tsv` file and calls `f` on every good line; comment (`#`) and blank
/// lines are skipped, bad lines counted.
pub fn read_places(path: &Path, mut f: impl FnMut(&OsmPlace<'_>)) -> Result<ReadStats> {
    read_records(path, |l| parse_line(l).map(|p| f(&p)).is_some())
}

/// Whether a file is an OSM places file (by its name: `….osm.tsv`).
pub fn is_osm_file(path: &Path) -> bool {
    path.file_name()
        .map(|n| {
            n.to_string_lossy()
                .to_ascii_lowercase()
                .ends_with(".osm.tsv")
        })
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_reads_into_a_place() {
        let p = parse_line("42\tKoyo Beri\t15.25000\t-1.50000\tvillage\tML\t300").unwrap();
        assert_eq!(p.node, 42);
        assert_eq!(p.name, "Koyo Beri");
        assert_eq!((p.feature_class, p.feature_code), ('P', "PPL"));
        assert_eq!(p.population, 300);
        let q = parse_line("7\tSabon Gari\t13.5\t2.1\tquarter\tNE\t").unwrap();
        assert_eq!((q.feature_code, q.population), ("PPLX", 0));
    }

    #[test]
    fn bad_lines_and_other_features_are_refused() {
        for bad in [
            "x\tName\t1\t2\tvillage\tML\t0",
            "1\t\t1\t2\tvillage\tML\t0",
            "1\tName\t91\t2\tvillage\tML\t0",
            "1\tName\t1\t2\tfarm\tML\t0",
            "1\tName\t1\t2\tvillage\tMLI\t0",
            "1\tName\t1",
        ] {
            assert!(parse_line(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn the_shipped_file_reads_whole() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/osm_places.osm.tsv");
        assert!(is_osm_file(&path));
        let mut names = Vec::new();
        let st = read_places(&path, |p| names.push(p.name.to_string())).unwrap();
        assert_eq!(st.bad, 0);
        assert!(st.rows > 1000, "{st:?}");
    }
}
