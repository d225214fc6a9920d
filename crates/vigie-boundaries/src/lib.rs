//! Administrative boundaries shipped with Vigie: compact polygons and an
//! offline "which admin1 / admin2 contains this point?" lookup.
//!
//! Coverage: Mali at admin2 (cercles, pre-2016 nine-region structure, from
//! OCHA COD-AB) and admin1 for Niger, Burkina Faso, Mauritania, Chad,
//! Senegal, Nigeria, Cameroon and The Gambia (OCHA ROWCA). Other countries
//! (Algeria, Libya, Guinea, Côte d'Ivoire...) are not covered: points there
//! give `None` unless they lie within the snapping distance of a covered
//! polygon.
//!
//! ```
//! let b = vigie_boundaries::Boundaries::embedded();
//! if let Some(area) = b.locate(16.27, -0.04) {
//!     assert_eq!(area.country, "ML");
//! }
//! ```
//!
//! The binary file is produced by `scripts/derive-boundaries.sh` (see
//! [`derive`]); its layout is described in [`codec`].

#![warn(missing_docs)]

pub mod codec;
pub mod derive;

use std::path::PathBuf;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// Attribution text for the boundary data, ready to paste into a NOTICE file.
pub const ATTRIBUTION: &str = "Administrative boundaries: © UN OCHA, published on the \
Humanitarian Data Exchange (HDX). Mali admin1/admin2 (cercles) from the OCHA Common \
Operational Dataset of Administrative Boundaries (COD-AB); admin1 for Niger, Burkina Faso, \
Mauritania, Chad, Senegal, Nigeria, Cameroon and The Gambia from OCHA Regional Office for \
West and Central Africa (ROWCA). Credit: UN OCHA / HDX. Current HDX releases of these \
datasets are licensed CC BY-IGO; the licence of the 2017 copies used here was not verified. \
Polygons were simplified and quantized by Vigie; they are approximate and do not imply any \
position on the legal status of any territory or the delimitation of any frontier.";

/// Default snapping distance, in kilometres, used by [`Boundaries::locate`].
pub const DEFAULT_SNAP_KM: f64 = 10.0;

/// Mean Earth radius in kilometres.
const EARTH_RADIUS_KM: f64 = 6371.0088;
/// Kilometres per degree of latitude (on the mean sphere).
const KM_PER_DEG: f64 = EARTH_RADIUS_KM * std::f64::consts::PI / 180.0;

/// The compact binary boundary file embedded in the crate.
static EMBEDDED_BYTES: &[u8] = include_bytes!("../data/boundaries.bin");

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The data ended before a complete value could be read.
    #[error("boundary data truncated at byte {0}")]
    Truncated(usize),
    /// The data does not start with the expected magic bytes.
    #[error("not a Vigie boundary file (bad magic)")]
    BadMagic,
    /// The data is structurally invalid.
    #[error("invalid boundary data: {0}")]
    Invalid(String),
    /// Gzip decompression failed.
    #[error("gzip error in boundary data: {0}")]
    Gzip(#[source] std::io::Error),
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A GeoJSON file is not valid JSON.
    #[error("JSON error: {0}")]
    Json(#[from] serde_json::Error),
    /// A GeoJSON file is valid JSON but not the expected structure.
    #[error("GeoJSON error: {0}")]
    GeoJson(String),
}

/// The administrative area that contains (or is nearest to) a point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminArea {
    /// ISO 3166-1 alpha-2 country code (e.g. `ML`).
    pub country: String,
    /// First-level unit (region), spelled as in the source (e.g. `Tombouctou`).
    pub admin1: String,
    /// Second-level unit (cercle), only where the data has it (Mali).
    pub admin2: Option<String>,
    /// 0 when the point is inside the polygon; otherwise the distance in km to
    /// the nearest polygon edge the point was snapped to.
    pub snapped_km: f64,
}

/// Borrowed form of [`AdminArea`], returned without allocation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AdminAreaRef<'a> {
    /// ISO 3166-1 alpha-2 country code.
    pub country: &'a str,
    /// First-level unit.
    pub admin1: &'a str,
    /// Second-level unit, where known.
    pub admin2: Option<&'a str>,
    /// 0 when inside; otherwise the snapping distance in km.
    pub snapped_km: f64,
}

impl AdminAreaRef<'_> {
    /// Converts to the owned form.
    pub fn to_owned_area(&self) -> AdminArea {
        AdminArea {
            country: self.country.to_string(),
            admin1: self.admin1.to_string(),
            admin2: self.admin2.map(str::to_string),
            snapped_km: self.snapped_km,
        }
    }
}

#[derive(Debug, Clone)]
struct Poly {
    area: u32,
    /// min_lon, min_lat, max_lon, max_lat (degrees).
    bbox: [f64; 4],
    /// Ranges into `Boundaries::points`; ring 0 is outer.
    rings: Vec<(u32, u32)>,
}

/// A set of administrative polygons with point lookup.
#[derive(Debug, Clone, Default)]
pub struct Boundaries {
    areas: Vec<codec::AreaRecord>,
    polys: Vec<Poly>,
    /// All ring vertices, `[lon, lat]` in degrees.
    points: Vec<[f64; 2]>,
}

static EMBEDDED: OnceLock<Result<Boundaries, String>> = OnceLock::new();

fn embedded_result() -> &'static Result<Boundaries, String> {
    EMBEDDED.get_or_init(|| Boundaries::from_bytes(EMBEDDED_BYTES).map_err(|e| e.to_string()))
}

impl Boundaries {
    /// The boundaries embedded in the crate, decoded once on first use.
    /// If the embedded file cannot be decoded (which the crate's tests rule
    /// out) an empty set is returned; see [`Boundaries::embedded_error`].
    pub fn embedded() -> &'static Boundaries {
        static EMPTY: Boundaries = Boundaries {
            areas: Vec::new(),
            polys: Vec::new(),
            points: Vec::new(),
        };
        embedded_result().as_ref().unwrap_or(&EMPTY)
    }

    /// The error met while decoding the embedded file, if any.
    pub fn embedded_error() -> Option<&'static str> {
        embedded_result().as_ref().err().map(String::as_str)
    }

    /// Decodes a boundary file (see [`codec`]; gzip-compressed or not).
    pub fn from_bytes(bytes: &[u8]) -> Result<Boundaries, Error> {
        Ok(Self::from_decoded(&codec::decode(bytes)?))
    }

    /// Builds the lookup structure from decoded records.
    pub fn from_decoded(d: &codec::Decoded) -> Boundaries {
        let inv = 1.0 / f64::from(d.scale.max(1));
        let total: usize = d
            .polygons
            .iter()
            .flat_map(|p| p.rings.iter().map(Vec::len))
            .sum();
        let mut points = Vec::with_capacity(total);
        let mut polys = Vec::with_capacity(d.polygons.len());
        for p in &d.polygons {
            if p.area as usize >= d.areas.len() || p.rings.is_empty() {
                continue;
            }
            let mut rings = Vec::with_capacity(p.rings.len());
            let mut bbox = [
                f64::INFINITY,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NEG_INFINITY,
            ];
            for (ri, ring) in p.rings.iter().enumerate() {
                let start = points.len() as u32;
                for q in ring {
                    let pt = [f64::from(q[0]) * inv, f64::from(q[1]) * inv];
                    if ri == 0 {
                        bbox[0] = bbox[0].min(pt[0]);
                        bbox[1] = bbox[1].min(pt[1]);
                        bbox[2] = bbox[2].max(pt[0]);
                        bbox[3] = bbox[3].max(pt[1]);
                    }
                    points.push(pt);
                }
                rings.push((start, points.len() as u32));
            }
            polys.push(Poly {
                area: p.area,
                bbox,
                rings,
            });
        }
        Boundaries {
            areas: d.areas.clone(),
            polys,
            points,
        }
    }

    /// Number of administrative areas.
    pub fn area_count(&self) -> usize {
        self.areas.len()
    }

    /// Number of polygons.
    pub fn polygon_count(&self) -> usize {
        self.polys.len()
    }

    /// Total number of ring vertices.
    pub fn vertex_count(&self) -> usize {
        self.points.len()
    }

    /// The boundaries as a GeoJSON FeatureCollection (RFC 7946): one MultiPolygon per
    /// administrative area, with `country`, `admin1` and `admin2` as properties;
    /// coordinates rounded to `decimals` places (4 is about 10 m).
    pub fn to_geojson(&self, decimals: u32) -> serde_json::Value {
        use serde_json::{json, Value};
        let f = 10f64.powi(decimals as i32);
        let round = |x: f64| (x * f).round() / f;
        let mut by_area: Vec<Vec<Value>> = vec![Vec::new(); self.areas.len()];
        for p in &self.polys {
            let rings: Vec<Value> = p
                .rings
                .iter()
                .map(|&(a, b)| {
                    let ring: Vec<Value> = self.points[a as usize..b as usize]
                        .iter()
                        .map(|q| json!([round(q[0]), round(q[1])]))
                        .collect();
                    Value::Array(ring)
                })
                .collect();
            by_area[p.area as usize].push(Value::Array(rings));
        }
        let features: Vec<Value> = self
            .areas
            .iter()
            .zip(by_area)
            .filter(|(_, polys)| !polys.is_empty())
            .map(|(a, polys)| {
                json!({
                    "type": "Feature",
                    "properties": {"country": a.country, "admin1": a.admin1, "admin2": a.admin2},
                    "geometry": {"type": "MultiPolygon", "coordinates": polys},
                })
            })
            .collect();
        json!({"type": "FeatureCollection", "features": features})
    }

    /// Countries (ISO2) covered, sorted, without duplicates.
    pub fn countries(&self) -> Vec<&str> {
        let mut c: Vec<&str> = self.areas.iter().map(|a| a.country.as_str()).collect();
        c.sort_unstable();
        c.dedup();
        c
    }

    /// Which area contains the point (latitude, longitude in degrees)?
    /// Points outside every polygon are snapped to the nearest polygon edge
    /// within [`DEFAULT_SNAP_KM`]; beyond that, or for non-finite or
    /// out-of-range coordinates, `None`.
    pub fn locate(&self, lat: f64, lon: f64) -> Option<AdminArea> {
        self.locate_ref(lat, lon, DEFAULT_SNAP_KM)
            .map(|a| a.to_owned_area())
    }

    /// Like [`Boundaries::locate`] with a chosen snapping distance in km
    /// (0 disables snapping), returning borrowed names.
    pub fn locate_ref(&self, lat: f64, lon: f64, max_snap_km: f64) -> Option<AdminAreaRef<'_>> {
        if !lat.is_finite() || !lon.is_finite() || lat.abs() > 90.0 || lon.abs() > 180.0 {
            return None;
        }
        let p = [lon, lat];
        let (idx, km) = match self.containing(p) {
            Some(i) => (i, 0.0),
            None => self.nearest(p, max_snap_km)?,
        };
        let a = &self.areas[self.polys[idx].area as usize];
        Some(AdminAreaRef {
            country: &a.country,
            admin1: &a.admin1,
            admin2: a.admin2.as_deref(),
            snapped_km: km,
        })
    }

    fn ring(&self, r: (u32, u32)) -> &[[f64; 2]] {
        &self.points[r.0 as usize..r.1 as usize]
    }

    fn poly_contains(&self, poly: &Poly, p: [f64; 2]) -> bool {
        let mut inside = false;
        for &r in &poly.rings {
            if ring_contains(self.ring(r), p) {
                inside = !inside;
            }
        }
        inside
    }

    /// Index of the polygon containing `p`. Where simplified neighbours
    /// overlap, the polygon in which the point lies deepest (farthest from
    /// its boundary) wins.
    fn containing(&self, p: [f64; 2]) -> Option<usize> {
        let mut found: Option<usize> = None;
        let mut best_depth = f64::NEG_INFINITY;
        for (i, poly) in self.polys.iter().enumerate() {
            let b = &poly.bbox;
            if p[0] < b[0] || p[0] > b[2] || p[1] < b[1] || p[1] > b[3] {
                continue;
            }
            if !self.poly_contains(poly, p) {
                continue;
            }
            match found {
                None => found = Some(i),
                Some(prev) => {
                    if best_depth == f64::NEG_INFINITY {
                        best_depth = self.edge_distance_km(&self.polys[prev], p);
                    }
                    let d = self.edge_distance_km(poly, p);
                    if d > best_depth {
                        best_depth = d;
                        found = Some(i);
                    }
                }
            }
        }
        found
    }

    /// Distance in km from `p` to the nearest edge of `poly`.
    fn edge_distance_km(&self, poly: &Poly, p: [f64; 2]) -> f64 {
        let kx = KM_PER_DEG * p[1].to_radians().cos();
        poly.rings
            .iter()
            .map(|&r| ring_distance_km(self.ring(r), p, kx, f64::INFINITY))
            .fold(f64::INFINITY, f64::min)
    }

    /// Nearest polygon edge within `max_km`: (polygon index, km).
    fn nearest(&self, p: [f64; 2], max_km: f64) -> Option<(usize, f64)> {
        if max_km.is_nan() || max_km <= 0.0 {
            return None;
        }
        let cos = p[1].to_radians().cos();
        let kx = KM_PER_DEG * cos;
        let dlat = max_km / KM_PER_DEG;
        let dlon = max_km / (KM_PER_DEG * cos.max(1e-6));
        let mut best: Option<(usize, f64)> = None;
        let mut limit = max_km;
        for (i, poly) in self.polys.iter().enumerate() {
            let b = &poly.bbox;
            if p[0] < b[0] - dlon || p[0] > b[2] + dlon || p[1] < b[1] - dlat || p[1] > b[3] + dlat
            {
                continue;
            }
            for &r in &poly.rings {
                let d = ring_distance_km(self.ring(r), p, kx, limit);
                if d <= limit {
                    limit = d;
                    best = Some((i, d));
                }
            }
        }
        best
    }
}

/// Even-odd test of `p` against a closed ring (first point not repeated).
fn ring_contains(ring: &[[f64; 2]], p: [f64; 2]) -> bool {
    let mut inside = false;
    let Some(&last) = ring.last() else {
        return false;
    };
    let mut a = last;
    for &b in ring {
        if (a[1] > p[1]) != (b[1] > p[1]) {
            let x = a[0] + (p[1] - a[1]) * (b[0] - a[0]) / (b[1] - a[1]);
            if p[0] < x {
                inside = !inside;
            }
        }
        a = b;
    }
    inside
}

/// Minimum distance in km from `p` to the edges of a closed ring, using an
/// equirectangular projection centred on `p` (`kx` = km per degree of
/// longitude at `p`). Edges whose bounding box is farther than `limit` km are
/// skipped cheaply; the result is exact when it is `<= limit`.
fn ring_distance_km(ring: &[[f64; 2]], p: [f64; 2], kx: f64, limit: f64) -> f64 {
    let Some(&last) = ring.last() else {
        return f64::INFINITY;
    };
    let to_xy = |q: [f64; 2]| [(q[0] - p[0]) * kx, (q[1] - p[1]) * KM_PER_DEG];
    let mut best2 = limit * limit;
    let mut best_found = f64::INFINITY;
    let mut a = to_xy(last);
    for &q in ring {
        let b = to_xy(q);
        // Cheap reject: both endpoints beyond the current best on one side.
        let lim = best2.sqrt();
        let reject = (a[0] > lim && b[0] > lim)
            || (a[0] < -lim && b[0] < -lim)
            || (a[1] > lim && b[1] > lim)
            || (a[1] < -lim && b[1] < -lim);
        if !reject {
            let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
            let len2 = dx * dx + dy * dy;
            let t = if len2 > 0.0 {
                (-(a[0] * dx + a[1] * dy) / len2).clamp(0.0, 1.0)
            } else {
                0.0
            };
            let (ex, ey) = (a[0] + t * dx, a[1] + t * dy);
            let d2 = ex * ex + ey * ey;
            if d2 <= best2 {
                best2 = d2;
                best_found = d2;
            }
        }
        a = b;
    }
    best_found.sqrt()
}

#[cfg(test)]
mod tests {
    use super::codec::{AreaRecord, Decoded, PolygonRecord};
    use super::*;

    /// Two squares side by side in country "AA", the left one with a hole
    /// that is itself a separate area "Enclave".
    fn toy() -> Boundaries {
        let s = 100_000; // 1e-5 grid
        let sq = |x0: i32, y0: i32, x1: i32, y1: i32| vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
        let d = Decoded {
            scale: s as u32,
            areas: vec![
                AreaRecord {
                    country: "AA".into(),
                    admin1: "Ouest".into(),
                    admin2: Some("Grand".into()),
                },
                AreaRecord {
                    country: "AA".into(),
                    admin1: "Est".into(),
                    admin2: None,
                },
                AreaRecord {
                    country: "AA".into(),
                    admin1: "Ouest".into(),
                    admin2: Some("Enclave".into()),
                },
            ],
            polygons: vec![
                PolygonRecord {
                    area: 0,
                    rings: vec![sq(0, 0, s, s), sq(s / 4, s / 4, s / 2, s / 2)],
                },
                PolygonRecord {
                    area: 1,
                    rings: vec![sq(s, 0, 2 * s, s)],
                },
                PolygonRecord {
                    area: 2,
                    rings: vec![sq(s / 4, s / 4, s / 2, s / 2)],
                },
            ],
        };
        Boundaries::from_bytes(&codec::encode(&d)).unwrap()
    }

    #[test]
    fn geojson_has_one_feature_per_area_with_closed_rings() {
        let b = Boundaries::embedded();
        let g = b.to_geojson(4);
        let features = g["features"].as_array().unwrap();
        assert_eq!(features.len(), b.area_count());
        let ring = &features[0]["geometry"]["coordinates"][0][0];
        let ring = ring.as_array().unwrap();
        assert!(ring.len() >= 3);
        assert!(features.iter().any(|f| f["properties"]["country"] == "ML"));
    }

    #[test]
    fn inside_outer_ring() {
        let b = toy();
        let a = b.locate(0.8, 0.8).unwrap();
        assert_eq!(
            (a.admin1.as_str(), a.admin2.as_deref()),
            ("Ouest", Some("Grand"))
        );
        assert_eq!(a.snapped_km, 0.0);
        assert_eq!(b.locate(0.5, 1.5).unwrap().admin1, "Est");
    }

    #[test]
    fn hole_is_respected() {
        let b = toy();
        let a = b.locate(0.4, 0.4).unwrap();
        assert_eq!(a.admin2.as_deref(), Some("Enclave"));
    }

    #[test]
    fn snapping_within_limit_only() {
        let b = toy();
        // 0.05 degree south of the bottom edge: about 5.6 km.
        let a = b.locate(-0.05, 0.3).unwrap();
        assert_eq!(a.admin2.as_deref(), Some("Grand"));
        assert!((a.snapped_km - 5.56).abs() < 0.05, "{}", a.snapped_km);
        // 0.2 degree away: about 22 km, too far.
        assert!(b.locate(-0.2, 0.3).is_none());
        // Snapping disabled.
        assert!(b.locate_ref(-0.05, 0.3, 0.0).is_none());
    }

    #[test]
    fn bad_coordinates_give_none() {
        let b = toy();
        for (lat, lon) in [
            (f64::NAN, 0.5),
            (0.5, f64::INFINITY),
            (91.0, 0.5),
            (0.5, -181.0),
        ] {
            assert!(b.locate(lat, lon).is_none());
        }
    }

    #[test]
    fn empty_set_gives_none() {
        assert!(Boundaries::default().locate(0.0, 0.0).is_none());
    }

    #[test]
    fn overlap_prefers_deepest() {
        // Two overlapping squares: [0,1] and [0.9,2] in longitude.
        let s = 100_000;
        let d = Decoded {
            scale: s as u32,
            areas: vec![
                AreaRecord {
                    country: "AA".into(),
                    admin1: "A".into(),
                    admin2: None,
                },
                AreaRecord {
                    country: "BB".into(),
                    admin1: "B".into(),
                    admin2: None,
                },
            ],
            polygons: vec![
                PolygonRecord {
                    area: 0,
                    rings: vec![vec![[0, 0], [s, 0], [s, s], [0, s]]],
                },
                PolygonRecord {
                    area: 1,
                    rings: vec![vec![
                        [9 * s / 10, 0],
                        [2 * s, 0],
                        [2 * s, s],
                        [9 * s / 10, s],
                    ]],
                },
            ],
        };
        let b = Boundaries::from_decoded(&d);
        assert_eq!(b.locate(0.5, 0.93).unwrap().country, "AA");
        assert_eq!(b.locate(0.5, 0.97).unwrap().country, "BB");
    }

    #[test]
    fn embedded_decodes() {
        assert_eq!(Boundaries::embedded_error(), None);
        let b = Boundaries::embedded();
        assert!(b.area_count() > 100, "{}", b.area_count());
        assert_eq!(
            b.countries(),
            vec!["BF", "CM", "GM", "ML", "MR", "NE", "NG", "SN", "TD"]
        );
    }

    #[test]
    fn attribution_mentions_sources() {
        assert!(ATTRIBUTION.contains("UN OCHA / HDX"));
        assert!(ATTRIBUTION.contains("COD-AB"));
        assert!(ATTRIBUTION.contains("ROWCA"));
    }
}
