//! `vigie`: the command line. It only wires the library crates together; each
//! subcommand lives in its own module.

/// `println!` that returns an error instead of panicking when standard output is
/// closed (`vigie extract … | head`); `main` ends quietly on a closed pipe.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)?;
    }};
}

mod bench;
mod demo;
mod eval;
mod extract;
mod gazetteer;
mod record;
mod serve;

use anyhow::Result;

/// mimalloc instead of the system allocator: extraction makes many small, short-lived
/// allocations (tokens, candidate names, drafts), which it serves markedly faster.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Vigie turns open-source reports about armed conflict into a record an analyst can
/// trust: who did what to whom, where, when, how many, according to whom.
#[derive(Parser)]
#[command(name = "vigie", version, about, propagate_version = true)]
struct Cli {
    /// A folder of your own data files (actors.tsv, places.tsv, dates/, quantities/) that
    /// extend the embedded ones, no rebuild needed.
    #[arg(long, global = true, env = "VIGIE_DATA", value_name = "DIR")]
    data: Option<PathBuf>,
    /// A gazetteer index built by `vigie gazetteer import`, used instead of the embedded one.
    #[arg(long, global = true, env = "VIGIE_GAZETTEER", value_name = "FILE")]
    gazetteer: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract places, dates, quantities, actors (and, later, events) from one report.
    Extract(extract::Args),
    /// Score Vigie against hand-made answer keys (SCHEMA.md of the gold corpus).
    Eval(eval::Args),
    /// Build or query gazetteer indexes.
    #[command(subcommand)]
    Gazetteer(gazetteer::Command),
    /// Measure throughput and memory of the mention layer.
    Bench(bench::Args),
    /// Read files, folders or standard input into a record (text, Markdown, HTML, RSS/Atom,
    /// JSON Lines, Telegram exports, X archives): extract, merge reports into events.
    Ingest(record::IngestArgs),
    /// List merged events, filtered, as a table, JSON Lines, GeoJSON or ACLED CSV.
    Events(record::EventsArgs),
    /// Show one event in full: claims side by side, sources, evidence.
    Event(record::EventArgs),
    /// Movements of units and convoys gathered across documents.
    Tracks(record::TracksArgs),
    /// Full-text search over the record's documents.
    Search(record::SearchArgs),
    /// What could not be read, with its error.
    Failures(record::FailuresArgs),
    /// Load the example reports shipped with Vigie into a fresh record, show what it found
    /// and serve the map at http://127.0.0.1:8080/.
    Demo(demo::Args),
    /// Serve the record over HTTP: a JSON API (OpenAPI at /api/openapi.json) and the
    /// analyst's page (map, timeline, claims and evidence), offline.
    Serve(serve::Args),
    /// Write synthetic reports as JSON Lines (for scale benchmarks and tests).
    Synth(SynthArgs),
}

/// Arguments of `vigie synth`.
#[derive(clap::Args)]
struct SynthArgs {
    /// How many documents.
    count: u64,
    /// Number of the first document.
    #[arg(long, default_value_t = 0)]
    start: u64,
    /// Instead of printing reports, write COUNT synthetic coded events (given, not
    /// extracted: about 70 a day from 1985 at points over the Sahel) straight into this
    /// record; to measure the API and the map with millions of events.
    #[arg(long, value_name = "RECORD")]
    coded_into: Option<PathBuf>,
}

fn synth(a: &SynthArgs) -> Result<ExitCode> {
    use std::io::Write as _;
    if let Some(db) = &a.coded_into {
        let mut record = vigie_record::Record::new(vigie_record::SqliteStore::open(db)?);
        let mut done = 0u64;
        let mut i = a.start;
        while i < a.start + a.count {
            let end = (i + 10_000).min(a.start + a.count);
            let batch: Vec<_> = (i..end).map(vigie_record::synth::coded_event).collect();
            let (_, sum) = record.add_batch(&batch, &[])?;
            done += sum.new as u64;
            i = end;
            eprint!("\r{done} documents written");
        }
        eprintln!();
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for i in a.start..a.start + a.count {
        writeln!(out, "{}", vigie_record::synth::jsonl_line(i))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

impl Cli {
    fn config(&self) -> vigie_extract::Config {
        vigie_extract::Config {
            user_dir: self.data.clone(),
            gazetteer: self.gazetteer.clone(),
            mentions_only: false,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result: Result<ExitCode> = match &cli.command {
        Command::Extract(a) => extract::run(&cli.config(), a),
        Command::Eval(a) => eval::run(&cli.config(), a),
        Command::Gazetteer(c) => gazetteer::run(&cli.config(), c),
        Command::Bench(a) => bench::run(&cli.config(), a),
        Command::Ingest(a) => record::ingest(&cli.config(), a),
        Command::Events(a) => record::events(&cli.config(), a),
        Command::Event(a) => record::event(a),
        Command::Tracks(a) => record::tracks(a),
        Command::Search(a) => record::search(a),
        Command::Failures(a) => record::failures(a),
        Command::Demo(a) => demo::run(&cli.config(), a),
        Command::Serve(a) => serve::run(&cli.config(), a),
        Command::Synth(a) => synth(a),
    };
    match result {
        Ok(code) => code,
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("vigie: {e:#}");
            ExitCode::from(2)
        }
    }
}
