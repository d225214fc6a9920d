//! `vigie demo`: the example reports shipped in the repo, into a fresh record.

use crate::record::{DbArg, Ingester};
use anyhow::{Context, Result};
use std::process::ExitCode;
use vigie_extract::{Config, Pipeline};
use vigie_record::{export, EventFilter, Store};

/// The example reports, embedded so that the demo runs from the binary alone.
const REPORTS: &[(&str, &str)] = &[
    (
        "fr-convoi-gao-2024-03-12.txt",
        include_str!("../../../examples/reports/fr-convoi-gao-2024-03-12.txt"),
    ),
    (
        "en-convoy-anefis-2024-03-14.html",
        include_str!("../../../examples/reports/en-convoy-anefis-2024-03-14.html"),
    ),
    (
        "fr-embuscade-anefis-2024-03-16.md",
        include_str!("../../../examples/reports/fr-embuscade-anefis-2024-03-16.md"),
    ),
    (
        "en-feed-2024-03-17.xml",
        include_str!("../../../examples/reports/en-feed-2024-03-17.xml"),
    ),
    (
        "en-drone-strike-2024-05-20.txt",
        include_str!("../../../examples/reports/en-drone-strike-2024-05-20.txt"),
    ),
];

/// Arguments of `vigie demo`.
#[derive(clap::Args)]
pub struct Args {
    /// Where to write the demo record [default: a fresh file in the system's temporary
    /// folder]. An existing file there is replaced.
    #[arg(long, value_name = "PATH")]
    db: Option<std::path::PathBuf>,
    /// Where to serve the page afterwards (a free port is taken when this one is busy).
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: std::net::SocketAddr,
    /// Only load and print; do not serve the page.
    #[arg(long)]
    no_serve: bool,
}

pub fn run(config: &Config, a: &Args) -> Result<ExitCode> {
    let path =
        a.db.clone()
            .unwrap_or_else(|| std::env::temp_dir().join("vigie-demo.sqlite"));
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.clone().into_os_string();
        p.push(suffix);
        let _ = std::fs::remove_file(p);
    }
    let db = DbArg {
        db: Some(path.clone()),
    };
    let pipeline = Pipeline::new(config)?;
    let mut record = db.open()?;
    let mut ing = Ingester::new(&pipeline, &mut record, 64, false, REPORTS.len());
    for (name, text) in REPORTS {
        ing.source(
            &format!("examples/reports/{name}"),
            Some(name),
            text.as_bytes(),
        )
        .with_context(|| format!("reading {name}"))?;
    }
    let (sum, failed) = ing.finish()?;
    crate::record::report(&sum, &failed, &path);
    let events = record.store().events(&EventFilter::default())?;
    outln!("\n{}", export::table(&events));
    let tracks = record.store().tracks()?;
    for t in &tracks {
        outln!(
            "track {} {}: {} waypoints {} – {}",
            t.id,
            t.actor,
            t.waypoints.len(),
            t.from.map_or("?".into(), |d| d.to_string()),
            t.to.map_or("?".into(), |d| d.to_string())
        );
    }
    outln!(
        "\nThe record is {}. Try:\n  vigie event {} --db {}\n  vigie events --db {} --format acled",
        path.display(),
        events.first().map_or("ID", |e| e.id.as_str()),
        path.display(),
        path.display()
    );
    if a.no_serve {
        return Ok(ExitCode::SUCCESS);
    }
    drop(record);
    outln!("\nThe map, the timeline and every event's claims and evidence are on the page below.");
    crate::serve::serve(config, path, a.addr, None, 64 * 1024 * 1024, true)
}
