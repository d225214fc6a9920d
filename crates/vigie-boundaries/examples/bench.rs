//! Timing and accuracy check of the boundary lookup.
//!
//! Usage: `bench [boundaries.bin] [geojson-dir]`. Without a file, uses the
//! embedded data. With a GeoJSON folder, also compares answers with the
//! full-resolution source polygons on a fine grid.

use std::time::Instant;

use vigie_boundaries::derive::{build, read_folder, DeriveOptions};
use vigie_boundaries::{AdminAreaRef, Boundaries};

fn key(a: AdminAreaRef<'_>) -> (&str, &str, Option<&str>) {
    (a.country, a.admin1, a.admin2)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let t = Instant::now();
    let owned;
    let b: &Boundaries = match args.first() {
        Some(path) => {
            let bytes = std::fs::read(path)?;
            owned = Boundaries::from_bytes(&bytes)?;
            &owned
        }
        None => Boundaries::embedded(),
    };
    println!(
        "decode: {:.2} ms ({} polygons, {} vertices)",
        t.elapsed().as_secs_f64() * 1e3,
        b.polygon_count(),
        b.vertex_count()
    );

    // Timing on a grid over the Sahel (mix of inside, snapped and None).
    let mut pts = Vec::new();
    let mut lat = 4.0;
    while lat < 26.0 {
        let mut lon = -17.0;
        while lon < 24.0 {
            pts.push((lat, lon));
            lon += 0.173;
        }
        lat += 0.171;
    }
    let t = Instant::now();
    let (mut inside, mut snapped, mut none) = (0, 0, 0);
    for &(lat, lon) in &pts {
        match b.locate_ref(lat, lon, 10.0) {
            Some(a) if a.snapped_km == 0.0 => inside += 1,
            Some(_) => snapped += 1,
            None => none += 1,
        }
    }
    let el = t.elapsed().as_secs_f64();
    println!(
        "locate: {} points in {:.1} ms, {:.2} us/point (inside {inside}, snapped {snapped}, none {none})",
        pts.len(),
        el * 1e3,
        el * 1e6 / pts.len() as f64
    );

    if let Some(dir) = args.get(1) {
        let full = Boundaries::from_decoded(&build(
            &read_folder(dir.as_ref())?,
            DeriveOptions {
                tolerance_deg: 0.0,
                scale: 10_000_000,
            },
        ));
        // Fine grid over Mali and neighbours (0.02 degree, about 2 km).
        let (mut total, mut differ) = (0u64, 0u64);
        let mut lat = 10.0;
        while lat < 25.1 {
            let mut lon = -12.5;
            while lon < 4.5 {
                total += 1;
                if full.locate_ref(lat, lon, 0.0).map(key) != b.locate_ref(lat, lon, 0.0).map(key) {
                    differ += 1;
                }
                lon += 0.02;
            }
            lat += 0.02;
        }
        println!(
            "vs full resolution: {differ} of {total} grid points differ ({:.4}%)",
            differ as f64 * 100.0 / total as f64
        );
    }
    Ok(())
}
