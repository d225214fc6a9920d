//! `vigie gazetteer`.

use anyhow::{Context, Result};
use std::path::PathBuf;
use std::process::ExitCode;
use vigie_extract::Config;

/// Subcommands of `vigie gazetteer`.
#[derive(clap::Subcommand)]
pub enum Command {
    /// Build an index from GeoNames dumps (country files, cities500.txt, allCountries.zip;
    /// plain, .gz or .zip) for use with `--gazetteer`.
    Import {
        /// The dumps to read.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Where to write the index.
        #[arg(long, short)]
        out: PathBuf,
        /// A TSV of your own places and aliases to add (see ARCHITECTURE.md).
        #[arg(long)]
        places: Vec<PathBuf>,
    },
    /// Show the gazetteer's candidates for a name.
    Lookup {
        /// The name as written in a report.
        name: String,
    },
}

pub fn run(config: &Config, c: &Command) -> Result<ExitCode> {
    match c {
        Command::Import { files, out, places } => {
            let t = std::time::Instant::now();
            let (mut g, stats) =
                vigie_gazetteer::import(files).context("importing GeoNames dumps")?;
            for p in places {
                g.extend_tsv(p)
                    .with_context(|| format!("reading {}", p.display()))?;
            }
            g.write(out)
                .with_context(|| format!("writing {}", out.display()))?;
            let size = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
            outln!(
                "{} files, {} rows ({} unreadable, {} skipped), {} places, {} admin1 names; index {} written ({:.1} MB) in {:.1} s",
                stats.files,
                stats.rows,
                stats.bad_rows,
                stats.skipped,
                stats.places,
                stats.admin1,
                out.display(),
                size as f64 / 1e6,
                t.elapsed().as_secs_f64()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Lookup { name } => {
            let g = match &config.gazetteer {
                Some(p) => vigie_gazetteer::Gazetteer::open(p)?,
                None => vigie_gazetteer::Gazetteer::embedded().clone(),
            };
            let found = g.lookup(name);
            if found.is_empty() {
                outln!("no place named {name:?}");
                return Ok(ExitCode::from(1));
            }
            let bounds = vigie_boundaries::Boundaries::embedded();
            for (id, level) in found {
                let Some(p) = g.place(id) else { continue };
                let admin = bounds
                    .locate(p.lat, p.lon)
                    .map(|a| format!("{} / {}", a.admin1, a.admin2.unwrap_or_default()))
                    .unwrap_or_default();
                outln!(
                    "{:<10} {:<28} {:>9.5} {:>10.5} {} {:<6} pop {:>8} {:?} {}",
                    p.geonameid.map_or("-".to_string(), |g| g.to_string()),
                    p.name,
                    p.lat,
                    p.lon,
                    p.country,
                    p.feature_code,
                    p.population,
                    level,
                    admin
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
