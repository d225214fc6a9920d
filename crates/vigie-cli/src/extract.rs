//! `vigie extract`.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;
use vigie_extract::{Config, Pipeline, RawInput};
use vigie_model::{Extraction, Lang};

/// Output formats.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// The extraction contract, format "1".
    Json,
    /// A listing for people.
    Text,
}

/// Arguments of `vigie extract`.
#[derive(clap::Args)]
pub struct Args {
    /// The report to read (`-` for standard input).
    file: PathBuf,
    /// Publication date (YYYY-MM-DD); read from the text's header when not given.
    #[arg(long, value_parser = parse_date)]
    published: Option<NaiveDate>,
    /// Language of the report; detected when not given.
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Lang>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Headline.
    #[arg(long)]
    title: Option<String>,
    /// Outlet that published the report.
    #[arg(long)]
    outlet: Option<String>,
    /// URL of the report.
    #[arg(long)]
    url: Option<String>,
}

/// Parses a `YYYY-MM-DD` date.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| format!("{s:?} is not a YYYY-MM-DD date: {e}"))
}

/// Parses a language code.
pub fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s).ok_or_else(|| format!("{s:?}: Vigie reads fr and en"))
}

pub fn run(config: &Config, a: &Args) -> Result<ExitCode> {
    let (bytes, origin) = if a.file.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .context("reading standard input")?;
        (b, "-".to_string())
    } else {
        let b = std::fs::read(&a.file).with_context(|| format!("reading {}", a.file.display()))?;
        (b, a.file.display().to_string())
    };
    let pipeline = Pipeline::new(config)?;
    let raw = RawInput {
        bytes,
        origin,
        lang: a.lang,
        published: a.published,
        title: a.title.clone(),
        outlet: a.outlet.clone(),
        url: a.url.clone(),
    };
    let (doc, ex) = pipeline.extract_raw(raw)?;
    for d in &ex.diagnostics {
        eprintln!("vigie: note: {d}");
    }
    match a.format {
        Format::Json => {
            // written as it is serialized: a 100 MB report's extraction is not held twice
            use std::io::Write as _;
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            serde_json::to_writer_pretty(&mut out, &ex)?;
            writeln!(out)?;
            out.flush()?;
        }
        Format::Text => print!("{}", render_text(&doc.text, &ex)),
    }
    Ok(ExitCode::SUCCESS)
}

/// A plain listing of what was found, for people.
pub fn render_text(_text: &str, ex: &Extraction) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let d = &ex.document;
    let _ = writeln!(
        s,
        "document {} ({}, published {})",
        d.id,
        d.lang,
        d.published.map_or("unknown".to_string(), |p| p.to_string())
    );
    let _ = writeln!(s, "\nplaces ({})", ex.places.len());
    for p in &ex.places {
        let _ = writeln!(
            s,
            "  {:<28} {} [{}] {} {}{}{} prec {}",
            format!("{:?}", p.span.text),
            p.name,
            p.feature,
            p.point()
                .map_or("unlocated".to_string(), |(lat, lon)| format!(
                    "{lat:.4},{lon:.4}"
                )),
            p.country,
            p.admin1
                .as_deref()
                .map(|a| format!(" / {a}"))
                .unwrap_or_default(),
            p.admin2
                .as_deref()
                .map(|a| format!(" / {a}"))
                .unwrap_or_default(),
            p.geo_precision
        );
    }
    let _ = writeln!(s, "\ndates ({})", ex.dates.len());
    for x in &ex.dates {
        let _ = writeln!(
            s,
            "  {:<28} {} ({:?}, {:?})",
            format!("{:?}", x.span.text),
            x.value,
            x.precision,
            x.anchor
        );
    }
    let _ = writeln!(s, "\nquantities ({})", ex.quantities.len());
    for q in &ex.quantities {
        let range = match (q.value, q.low, q.high) {
            (Some(v), None, None) => format!("~{v}"),
            (_, Some(l), Some(h)) if l == h => format!("{l}"),
            (_, l, h) => format!(
                "{}..{}",
                l.map_or(String::new(), |v| v.to_string()),
                h.map_or(String::new(), |v| v.to_string())
            ),
        };
        let _ = writeln!(
            s,
            "  {:<28} {}{} {}",
            format!("{:?}", q.span.text),
            range,
            if q.approx { " (approx)" } else { "" },
            q.unit.as_deref().unwrap_or("")
        );
    }
    let _ = writeln!(s, "\nactors ({})", ex.actors.len());
    for x in &ex.actors {
        let _ = writeln!(
            s,
            "  {:<28} {} (inter {})",
            format!("{:?}", x.span.text),
            x.actor,
            x.inter
        );
    }
    s
}
