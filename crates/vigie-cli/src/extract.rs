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
    let days = |from: Option<chrono::NaiveDate>, to: Option<chrono::NaiveDate>| match (from, to) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}/{b}"),
        (None, Some(b)) => format!("/{b}"),
        (Some(a), None) => format!("{a}/"),
        (None, None) => "undated".to_string(),
    };
    let place = |p: Option<&vigie_model::PlaceMention>| {
        p.map_or("no place".to_string(), |p| {
            p.point()
                .map_or(format!("{} (unlocated)", p.name), |(lat, lon)| {
                    format!("{} {lat:.4},{lon:.4}", p.name)
                })
        })
    };
    let _ = writeln!(s, "\nevents ({})", ex.events.len());
    for e in &ex.events {
        let _ = writeln!(
            s,
            "  {} / {} · {} · {}",
            e.event_type,
            e.sub_event_type,
            days(e.from, e.to),
            place(e.location.as_ref())
        );
        let side = |main: &Option<String>, assoc: &[String]| {
            let mut v: Vec<&str> = main.iter().map(String::as_str).collect();
            v.extend(assoc.iter().map(|a| a.as_str()));
            if v.is_empty() {
                "-".to_string()
            } else {
                v.join(" + ")
            }
        };
        let _ = writeln!(
            s,
            "    actors      {}  vs  {}{}",
            side(&e.actor1, &e.assoc_actor1),
            side(&e.actor2, &e.assoc_actor2),
            if e.civilian_targeting {
                "  (civilians targeted)"
            } else {
                ""
            }
        );
        if let Some(f) = &e.fatalities {
            let n = |x: Option<i64>| x.map_or("-".to_string(), |v| v.to_string());
            let _ = writeln!(
                s,
                "    fatalities  low {} · best {} · high {}{}",
                n(f.low),
                n(f.best),
                n(f.high),
                f.best_rule
                    .as_deref()
                    .map(|r| format!(" ({r})"))
                    .unwrap_or_default()
            );
        }
        if let Some(w) = e.wounded {
            let _ = writeln!(s, "    wounded     {w}");
        }
        for c in &e.claims {
            let _ = writeln!(
                s,
                "    claim       {}{}: {}{}",
                c.claimant,
                if c.hedged { " (hedged)" } else { "" },
                c.what,
                c.basis
                    .as_deref()
                    .map(|b| format!(" [{b}]"))
                    .unwrap_or_default()
            );
        }
        for ev in &e.evidence {
            let _ = writeln!(s, "    evidence    {:?}", ev.text);
        }
        let _ = writeln!(s, "    rules       {}", e.rules.join(", "));
    }
    let _ = writeln!(s, "\nmovements ({})", ex.movements.len());
    for m in &ex.movements {
        let _ = writeln!(
            s,
            "  {:<12} {} · {} · {}",
            m.status,
            m.actor,
            place(m.place.as_ref()),
            days(m.from, m.to)
        );
        let _ = writeln!(s, "    evidence    {:?}", m.evidence.text);
    }
    s
}
