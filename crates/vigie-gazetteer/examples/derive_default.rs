//! Derives the embedded default gazetteer (`data/default.vgz.gz`) from the GeoNames files
//! in `../shared/data/geonames/` and the OpenStreetMap places of
//! `data/osm_places.osm.tsv`. Run through `scripts/derive-gazetteer.sh`.
//!
//! usage: derive_default GEONAMES_DIR OUT [ALTERNATES_MIN_POPULATION] [OSM_PLACES]

use std::path::PathBuf;
use vigie_gazetteer::index_options::ImportOptions;

const FULL: &[&str] = &["ML", "NE", "BF", "MR", "SN", "CI", "GN"];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!(
            "usage: derive_default GEONAMES_DIR OUT [ALTERNATES_MIN_POPULATION] [OSM_PLACES]"
        );
        std::process::exit(2);
    }
    let dir = PathBuf::from(&args[0]);
    let out = PathBuf::from(&args[1]);
    let min_pop: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(15000);
    let mut paths = vec![
        dir.join("admin1CodesASCII.txt"),
        dir.join("countryInfo.txt"),
    ];
    for c in FULL {
        paths.push(dir.join(format!("{c}.txt")));
    }
    paths.push(dir.join("cities500.txt.gz"));
    if let Some(osm) = args.get(3) {
        paths.push(PathBuf::from(osm));
    }
    let opt = ImportOptions {
        full_countries: FULL.iter().map(|s| s.to_string()).collect(),
        alternates_min_population: min_pop,
        complement_files: vec!["cities500.txt.gz".to_string()],
    };
    let t = std::time::Instant::now();
    let (g, st) = match vigie_gazetteer::index_options::import_with(&paths, &opt) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    if let Err(e) = g.write(&out) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
    let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "{} places, {} keys, {} rows read, {} bad, {} skipped, {} countries; {:.1} MB written to {} in {:.1}s",
        st.places,
        g.key_count(),
        st.rows,
        st.bad_rows,
        st.skipped,
        st.countries,
        size as f64 / 1e6,
        out.display(),
        t.elapsed().as_secs_f64()
    );
}
