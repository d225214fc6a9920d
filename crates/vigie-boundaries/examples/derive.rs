//! Derive `data/boundaries.bin` from the OCHA GeoJSON files.
//!
//! Usage: `derive <boundaries-dir> <out-file-or-dir> [--tolerance DEG] [--scale N] [--gzip]`

use std::path::PathBuf;
use std::process::ExitCode;

use vigie_boundaries::codec;
use vigie_boundaries::derive::{build, read_folder, DeriveOptions};
use vigie_boundaries::Boundaries;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("derive: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut positional = Vec::new();
    let mut opts = DeriveOptions::default();
    let mut gzip = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--tolerance" => {
                opts.tolerance_deg = args.next().ok_or("--tolerance needs a value")?.parse()?
            }
            "--scale" => opts.scale = args.next().ok_or("--scale needs a value")?.parse()?,
            "--gzip" => gzip = true,
            _ => positional.push(PathBuf::from(a)),
        }
    }
    let [src, out] = positional.as_slice() else {
        return Err("usage: derive <boundaries-dir> <out-file-or-dir> [--tolerance DEG] [--scale N] [--gzip]".into());
    };
    let out = if out.is_dir() {
        out.join("boundaries.bin")
    } else {
        out.clone()
    };
    let sources = read_folder(src)?;
    let src_pts: usize = sources
        .iter()
        .flat_map(|s| s.polygons.iter().flatten())
        .map(Vec::len)
        .sum();
    let decoded = build(&sources, opts);
    let raw = codec::encode(&decoded);
    let bytes = if gzip { codec::gzip(&raw) } else { raw.clone() };
    // Check that what we write decodes.
    let b = Boundaries::from_bytes(&bytes)?;
    std::fs::write(&out, &bytes)?;
    eprintln!(
        "derive: {} areas, {} polygons, {} -> {} vertices (tolerance {} deg, grid 1/{} deg); \
         {} bytes raw, {} bytes gzip; wrote {} ({} bytes)",
        b.area_count(),
        b.polygon_count(),
        src_pts,
        b.vertex_count(),
        opts.tolerance_deg,
        opts.scale,
        raw.len(),
        codec::gzip(&raw).len(),
        out.display(),
        bytes.len()
    );
    Ok(())
}
