//! Derive step: read OCHA GeoJSON boundary files, simplify and quantize the
//! polygons, and produce the compact binary file shipped in the crate.
//!
//! Used by `examples/derive.rs` (see `scripts/derive-boundaries.sh`); kept in
//! the library so that it is unit-tested and usable by other tools.

use std::path::Path;

use serde_json::Value;

use crate::codec::{AreaRecord, Decoded, PolygonRecord};
use crate::Error;

/// File name of the Mali ADM2 (cercles) GeoJSON, OCHA COD-AB.
pub const MALI_ADM2_FILE: &str = "ocha_codab_mli_adm2.geojson";
/// File name of the Sahel ADM1 GeoJSON, OCHA ROWCA.
pub const SAHEL_ADM1_FILE: &str = "ocha_rowca_sahel9_adm1.geojson";

/// A polygon in degrees: rings of `[lon, lat]`, ring 0 outer, the others holes.
pub type RingsDeg = Vec<Vec<[f64; 2]>>;

/// One feature read from GeoJSON, before simplification.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceArea {
    /// The administrative unit.
    pub area: AreaRecord,
    /// Its polygons (a MultiPolygon gives several).
    pub polygons: Vec<RingsDeg>,
}

/// Options of the derive step.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DeriveOptions {
    /// Douglas–Peucker tolerance in degrees (0 disables simplification).
    pub tolerance_deg: f64,
    /// Quantization grid, in units per degree.
    pub scale: u32,
}

impl Default for DeriveOptions {
    fn default() -> Self {
        DeriveOptions {
            tolerance_deg: 0.001,
            scale: 100_000,
        }
    }
}

/// Converts the ISO 3166-1 alpha-3 codes used in the OCHA files into alpha-2.
pub fn iso3_to_iso2(iso3: &str) -> Option<&'static str> {
    Some(match iso3 {
        "MLI" => "ML",
        "NER" => "NE",
        "BFA" => "BF",
        "MRT" => "MR",
        "TCD" => "TD",
        "SEN" => "SN",
        "NGA" => "NG",
        "CMR" => "CM",
        "GMB" => "GM",
        "DZA" => "DZ",
        "LBY" => "LY",
        "GIN" => "GN",
        "CIV" => "CI",
        "BEN" => "BJ",
        "TGO" => "TG",
        "GHA" => "GH",
        _ => return None,
    })
}

fn geo_err(msg: impl Into<String>) -> Error {
    Error::GeoJson(msg.into())
}

fn parse_ring(v: &Value) -> Result<Vec<[f64; 2]>, Error> {
    let arr = v
        .as_array()
        .ok_or_else(|| geo_err("ring is not an array"))?;
    let mut ring = Vec::with_capacity(arr.len());
    for p in arr {
        let pa = p
            .as_array()
            .ok_or_else(|| geo_err("position is not an array"))?;
        let (Some(lon), Some(lat)) = (
            pa.first().and_then(Value::as_f64),
            pa.get(1).and_then(Value::as_f64),
        ) else {
            return Err(geo_err("position without two numbers"));
        };
        if !lon.is_finite() || !lat.is_finite() {
            return Err(geo_err("non-finite coordinate"));
        }
        ring.push([lon, lat]);
    }
    // GeoJSON rings repeat the first point at the end; drop it.
    while ring.len() > 1 && ring.first() == ring.last() {
        ring.pop();
    }
    Ok(ring)
}

fn parse_polygon(v: &Value) -> Result<RingsDeg, Error> {
    let arr = v
        .as_array()
        .ok_or_else(|| geo_err("polygon is not an array"))?;
    arr.iter().map(parse_ring).collect()
}

/// Parses a GeoJSON geometry (Polygon or MultiPolygon) into polygons.
pub fn parse_geometry(geom: &Value) -> Result<Vec<RingsDeg>, Error> {
    let ty = geom.get("type").and_then(Value::as_str).unwrap_or("");
    let coords = geom
        .get("coordinates")
        .ok_or_else(|| geo_err("geometry without coordinates"))?;
    match ty {
        "Polygon" => Ok(vec![parse_polygon(coords)?]),
        "MultiPolygon" => coords
            .as_array()
            .ok_or_else(|| geo_err("MultiPolygon coordinates not an array"))?
            .iter()
            .map(parse_polygon)
            .collect(),
        other => Err(geo_err(format!("unsupported geometry type {other:?}"))),
    }
}

fn prop<'a>(props: &'a Value, key: &str) -> Result<&'a str, Error> {
    props
        .get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| geo_err(format!("feature without string property {key:?}")))
}

fn features(doc: &Value) -> Result<&Vec<Value>, Error> {
    doc.get("features")
        .and_then(Value::as_array)
        .ok_or_else(|| geo_err("not a FeatureCollection"))
}

/// Reads the OCHA COD-AB Mali ADM2 GeoJSON text (properties `adm1`, `adm2`).
pub fn read_mali_adm2(json: &str) -> Result<Vec<SourceArea>, Error> {
    let doc: Value = serde_json::from_str(json)?;
    let mut out = Vec::new();
    for f in features(&doc)? {
        let props = f.get("properties").unwrap_or(&Value::Null);
        let geom = f.get("geometry").unwrap_or(&Value::Null);
        out.push(SourceArea {
            area: AreaRecord {
                country: "ML".to_string(),
                admin1: prop(props, "adm1")?.trim().to_string(),
                admin2: Some(prop(props, "adm2")?.trim().to_string()),
            },
            polygons: parse_geometry(geom)?,
        });
    }
    Ok(out)
}

/// Reads the OCHA ROWCA Sahel ADM1 GeoJSON text (properties `country_code`
/// (ISO3) and `ADM1_NAME`). Features of countries in `skip_iso2` are skipped.
pub fn read_sahel_adm1(json: &str, skip_iso2: &[&str]) -> Result<Vec<SourceArea>, Error> {
    let doc: Value = serde_json::from_str(json)?;
    let mut out = Vec::new();
    for f in features(&doc)? {
        let props = f.get("properties").unwrap_or(&Value::Null);
        let iso3 = prop(props, "country_code")?;
        let iso2 =
            iso3_to_iso2(iso3).ok_or_else(|| geo_err(format!("unknown country code {iso3:?}")))?;
        if skip_iso2.contains(&iso2) {
            continue;
        }
        let geom = f.get("geometry").unwrap_or(&Value::Null);
        out.push(SourceArea {
            area: AreaRecord {
                country: iso2.to_string(),
                admin1: prop(props, "ADM1_NAME")?.trim().to_string(),
                admin2: None,
            },
            polygons: parse_geometry(geom)?,
        });
    }
    Ok(out)
}

/// Reads both OCHA files from a folder: Mali from the ADM2 file, the other
/// countries from the ADM1 file (Mali skipped there).
pub fn read_folder(dir: &Path) -> Result<Vec<SourceArea>, Error> {
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path).map_err(|source| Error::Io { path, source })
    };
    let mut areas = read_mali_adm2(&read(MALI_ADM2_FILE)?)?;
    areas.extend(read_sahel_adm1(&read(SAHEL_ADM1_FILE)?, &["ML"])?);
    Ok(areas)
}

fn seg_dist2(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (ex, ey) = (a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
    ex * ex + ey * ey
}

/// Douglas–Peucker on an open chain; marks kept points in `keep`.
fn dp(points: &[[f64; 2]], tol2: f64, keep: &mut [bool]) {
    // Iterative, to avoid deep recursion on long chains.
    let mut stack = vec![(0usize, points.len() - 1)];
    while let Some((i, j)) = stack.pop() {
        keep[i] = true;
        keep[j] = true;
        if j <= i + 1 {
            continue;
        }
        let (mut best, mut best_d) = (i, -1.0);
        for (k, p) in points.iter().enumerate().take(j).skip(i + 1) {
            let d = seg_dist2(*p, points[i], points[j]);
            if d > best_d {
                best = k;
                best_d = d;
            }
        }
        if best_d > tol2 {
            stack.push((i, best));
            stack.push((best, j));
        }
    }
}

/// Simplifies a closed ring (first point not repeated) with Douglas–Peucker.
/// The ring is split at its first point and at the point farthest from it.
/// Rings that would collapse below 3 points are returned unchanged.
pub fn simplify_ring(ring: &[[f64; 2]], tolerance_deg: f64) -> Vec<[f64; 2]> {
    if ring.len() <= 4 || tolerance_deg <= 0.0 {
        return ring.to_vec();
    }
    let first = ring[0];
    let far = (1..ring.len())
        .max_by(|&a, &b| {
            let da = (ring[a][0] - first[0]).powi(2) + (ring[a][1] - first[1]).powi(2);
            let db = (ring[b][0] - first[0]).powi(2) + (ring[b][1] - first[1]).powi(2);
            da.total_cmp(&db)
        })
        .unwrap_or(1);
    // Closed chain: 0..=far and far..=len (index len = point 0 again).
    let mut closed = ring.to_vec();
    closed.push(first);
    let mut keep = vec![false; closed.len()];
    let tol2 = tolerance_deg * tolerance_deg;
    dp(&closed[..=far], tol2, &mut keep[..=far]);
    dp(&closed[far..], tol2, &mut keep[far..]);
    let out: Vec<[f64; 2]> = closed[..ring.len()]
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(p, _)| *p)
        .collect();
    if out.len() < 3 {
        ring.to_vec()
    } else {
        out
    }
}

fn quantize_ring(ring: &[[f64; 2]], scale: f64) -> Vec<[i32; 2]> {
    let mut out: Vec<[i32; 2]> = Vec::with_capacity(ring.len());
    for p in ring {
        let q = [(p[0] * scale).round() as i32, (p[1] * scale).round() as i32];
        if out.last() != Some(&q) {
            out.push(q);
        }
    }
    while out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    out
}

/// Simplifies and quantizes source areas into the encodable form.
/// Areas with identical (country, admin1, admin2) share one area record.
/// Rings left with fewer than 3 points are dropped (and a polygon whose outer
/// ring is dropped is dropped entirely).
pub fn build(sources: &[SourceArea], opts: DeriveOptions) -> Decoded {
    let scale = f64::from(opts.scale.max(1));
    let mut areas: Vec<AreaRecord> = Vec::new();
    let mut polygons = Vec::new();
    for src in sources {
        let idx = match areas.iter().position(|a| *a == src.area) {
            Some(i) => i,
            None => {
                areas.push(src.area.clone());
                areas.len() - 1
            }
        };
        for poly in &src.polygons {
            let mut rings = Vec::with_capacity(poly.len());
            for (ri, ring) in poly.iter().enumerate() {
                let q = quantize_ring(&simplify_ring(ring, opts.tolerance_deg), scale);
                if q.len() >= 3 {
                    rings.push(q);
                } else if ri == 0 {
                    break;
                }
            }
            if !rings.is_empty() {
                polygons.push(PolygonRecord {
                    area: idx as u32,
                    rings,
                });
            }
        }
    }
    Decoded {
        scale: opts.scale.max(1),
        areas,
        polygons,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_polygon_and_multipolygon() {
        let json = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"country_code":"NER","ADM1_NAME":"Est"},
           "geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[2,0],[2,2],[0,2],[0,0]],
              [[0.5,0.5],[1,0.5],[1,1],[0.5,0.5]]],[[[5,5],[6,5],[6,6],[5,5]]]]}},
          {"type":"Feature","properties":{"country_code":"MLI","ADM1_NAME":"Skip"},
           "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}"#;
        let areas = read_sahel_adm1(json, &["ML"]).unwrap();
        assert_eq!(areas.len(), 1);
        assert_eq!(areas[0].area.country, "NE");
        assert_eq!(areas[0].polygons.len(), 2);
        assert_eq!(areas[0].polygons[0].len(), 2);
        assert_eq!(areas[0].polygons[0][0].len(), 4);
    }

    #[test]
    fn bad_geojson_is_an_error() {
        assert!(read_mali_adm2("{").is_err());
        assert!(read_mali_adm2(r#"{"features":[{"properties":{}}]}"#).is_err());
        let pt = r#"{"features":[{"properties":{"adm1":"A","adm2":"B"},
            "geometry":{"type":"Point","coordinates":[1,2]}}]}"#;
        assert!(read_mali_adm2(pt).is_err());
    }

    #[test]
    fn simplify_drops_collinear_points_keeps_corners() {
        let mut ring = Vec::new();
        for i in 0..10 {
            ring.push([i as f64 * 0.1, 0.0]);
        }
        for i in 0..10 {
            ring.push([1.0, i as f64 * 0.1]);
        }
        for i in 0..10 {
            ring.push([1.0 - i as f64 * 0.1, 1.0]);
        }
        for i in 0..10 {
            ring.push([0.0, 1.0 - i as f64 * 0.1]);
        }
        let s = simplify_ring(&ring, 0.01);
        assert_eq!(s.len(), 4, "{s:?}");
        for corner in [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]] {
            assert!(s.contains(&corner));
        }
    }

    #[test]
    fn iso_codes() {
        assert_eq!(iso3_to_iso2("BFA"), Some("BF"));
        assert_eq!(iso3_to_iso2("XXX"), None);
    }
}
