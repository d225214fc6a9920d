//! Tests on the embedded data, and (when `/work/shared` exists) against the
//! full-resolution source polygons.

use std::path::PathBuf;

use proptest::prelude::*;
use vigie_boundaries::derive::{build, read_folder, DeriveOptions};
use vigie_boundaries::{AdminArea, AdminAreaRef, Boundaries};

fn shared() -> Option<PathBuf> {
    vigie_testkit::shared(env!("CARGO_MANIFEST_DIR"), "data/boundaries")
}

fn key(a: AdminAreaRef<'_>) -> (&str, &str, Option<&str>) {
    (a.country, a.admin1, a.admin2)
}

fn at(lat: f64, lon: f64) -> AdminArea {
    Boundaries::embedded()
        .locate(lat, lon)
        .unwrap_or_else(|| panic!("no area at {lat},{lon}"))
}

#[test]
fn kidal_town() {
    let a = at(18.44, 1.41);
    assert_eq!(a.country, "ML");
    assert_eq!(a.admin1, "Kidal");
    assert_eq!(a.admin2.as_deref(), Some("Kidal"));
    assert_eq!(a.snapped_km, 0.0);
}

#[test]
fn gao_and_tombouctou() {
    let g = at(16.27, -0.04);
    assert_eq!((g.country.as_str(), g.admin1.as_str()), ("ML", "Gao"));
    assert_eq!(g.admin2.as_deref(), Some("Gao"));
    let t = at(16.77, -3.01);
    assert_eq!(
        (t.country.as_str(), t.admin1.as_str()),
        ("ML", "Tombouctou")
    );
    assert_eq!(t.admin2.as_deref(), Some("Tombouctou"));
}

#[test]
fn bamako_enclave_in_kati() {
    let a = at(12.64, -8.0);
    assert_eq!(a.admin1, "Bamako");
    // Kati cercle surrounds Bamako.
    let k = at(12.75, -8.07);
    assert_eq!(k.admin2.as_deref(), Some("Kati"));
}

/// Anefis: GeoNames gives admin1 Gao, but the point is inside Kidal cercle.
#[test]
fn anefis_is_in_kidal_by_polygon() {
    let a = at(18.04, 0.60111); // GeoNames 2461022
    assert_eq!(a.country, "ML");
    assert_eq!(a.admin1, "Kidal");
    assert_eq!(a.snapped_km, 0.0);
    // The approximate position often quoted gives the same answer.
    assert_eq!(at(17.96, 0.50).admin1, "Kidal");
}

#[test]
fn niamey_ouagadougou() {
    let n = at(13.51, 2.11);
    assert_eq!((n.country.as_str(), n.admin1.as_str()), ("NE", "Niamey"));
    assert_eq!(n.admin2, None);
    let o = at(12.37, -1.53);
    assert_eq!((o.country.as_str(), o.admin1.as_str()), ("BF", "Centre"));
}

#[test]
fn tinzaouaten_on_the_algerian_border() {
    let a = at(19.954, 2.967);
    assert_eq!(a.country, "ML");
    assert_eq!(a.admin1, "Kidal");
    assert!(a.snapped_km < 10.0);
    println!("Tinzaouaten: {a:?}");
}

#[test]
fn outside_coverage_is_none() {
    let b = Boundaries::embedded();
    assert_eq!(b.locate(10.0, -30.0), None); // Atlantic
    assert_eq!(b.locate(28.0, 3.0), None); // central Algeria
    assert_eq!(b.locate(26.0, 14.0), None); // Libya
}

/// The simplified embedded polygons answer like the full-resolution source
/// polygons, except within a short distance of a boundary.
#[test]
fn embedded_agrees_with_full_resolution() {
    let Some(shared) = shared() else { return };
    let sources = read_folder(&shared.join("data/boundaries")).expect("read OCHA files");
    let full = Boundaries::from_decoded(&build(
        &sources,
        DeriveOptions {
            tolerance_deg: 0.0,
            scale: 10_000_000,
        },
    ));
    let emb = Boundaries::embedded();
    let (mut total, mut same, mut differ_far) = (0, 0, 0);
    // Deterministic grid over the covered region (about 0.37 degree step).
    let mut lat = 2.0;
    while lat < 27.0 {
        let mut lon = -17.5;
        while lon < 24.0 {
            let f = full.locate_ref(lat, lon, 0.0);
            let e = emb.locate_ref(lat, lon, 0.0);
            total += 1;
            if f.map(key) == e.map(key) {
                same += 1;
            } else {
                // Only allowed near a boundary (1 km).
                let near = full.locate_ref(lat + 0.009, lon, 0.0).map(|a| a.admin1)
                    != f.map(|a| a.admin1)
                    || full.locate_ref(lat - 0.009, lon, 0.0).map(|a| a.admin1)
                        != f.map(|a| a.admin1)
                    || full.locate_ref(lat, lon + 0.009, 0.0).map(|a| a.admin1)
                        != f.map(|a| a.admin1)
                    || full.locate_ref(lat, lon - 0.009, 0.0).map(|a| a.admin1)
                        != f.map(|a| a.admin1);
                if !near {
                    differ_far += 1;
                    println!("differs at {lat:.3},{lon:.3}: {f:?} vs {e:?}");
                }
            }
            lon += 0.37;
        }
        lat += 0.37;
    }
    println!("agreement {same}/{total}; {differ_far} differences away from boundaries");
    assert!(same as f64 / total as f64 > 0.995);
    assert_eq!(differ_far, 0);
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn locate_never_panics(lat in proptest::num::f64::ANY, lon in proptest::num::f64::ANY) {
        let _ = Boundaries::embedded().locate(lat, lon);
    }

    #[test]
    fn locate_in_range_never_panics(lat in -90.0f64..90.0, lon in -180.0f64..180.0) {
        if let Some(a) = Boundaries::embedded().locate(lat, lon) {
            prop_assert!(a.snapped_km >= 0.0 && a.snapped_km <= 10.0);
            prop_assert_eq!(a.country.len(), 2);
        }
    }

    #[test]
    fn from_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = Boundaries::from_bytes(&bytes);
        let mut v = b"VGBND1".to_vec();
        v.extend_from_slice(&bytes);
        let _ = Boundaries::from_bytes(&v);
    }
}
