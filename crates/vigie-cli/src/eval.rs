//! `vigie eval`.

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use vigie_eval::{load_gold, GoldDoc, Reference, Scorer};
use vigie_extract::{Config, Pipeline, RawInput};
use vigie_model::Lang;

mod acled;

/// Arguments of `vigie eval`.
#[derive(clap::Args)]
pub struct Args {
    /// Gold files: `*.jsonl` (text inline) or a seed `*.gold.json`.
    #[arg(required_unless_present = "acled")]
    gold: Vec<PathBuf>,
    /// ACLED exports (CSV) to score instead: each note is read as an English report
    /// published on its `event_date`, and its first event is compared with ACLED's coding.
    #[arg(long, num_args = 1.., conflicts_with = "gold")]
    acled: Vec<PathBuf>,
    /// Only ACLED notes of these countries (comma-separated, as ACLED writes them).
    #[arg(long, value_delimiter = ',', requires = "acled")]
    country: Vec<String>,
    /// Only ACLED notes of these years: `2019` or `2017-2020`.
    #[arg(long, requires = "acled", value_parser = parse_years)]
    years: Option<(i32, i32)>,
    /// Only part K of N of the documents or notes (`1/2`, `2/2`): a stable split by a hash
    /// of each id, to tune on one part and only report on the other.
    #[arg(long, value_parser = parse_part)]
    part: Option<(u64, u64)>,
    /// The `shared` folder holding `data/geonames` and `tools/places.tsv`, for reference
    /// coordinates; by default the parent of the first gold file's folder.
    #[arg(long)]
    shared: Option<PathBuf>,
    /// Predicted events ending before this date are out of the keys' scope.
    #[arg(long, default_value = "2024-01-01", value_parser = crate::extract::parse_date)]
    min_date: chrono::NaiveDate,
    /// How many misses to list per facet (0: none); with `--acled`, how many wrong notes
    /// to list (none unless asked).
    #[arg(long)]
    misses: Option<usize>,
    /// Also write the figures as JSON to this file.
    #[arg(long)]
    json: Option<PathBuf>,
}

/// Runs the pipeline on one gold document, as `vigie extract` runs on its text.
pub fn extract_gold(p: &Pipeline, d: &GoldDoc) -> Result<serde_json::Value, String> {
    // exactly what `vigie extract FILE --published --lang` sees, as the reference
    // scorer runs it: the text, its date and language, nothing else
    let (_, ex) = p
        .extract_raw(gold_input(d, false))
        .map_err(|e| e.to_string())?;
    serde_json::to_value(ex).map_err(|e| e.to_string())
}

/// A gold document as pipeline input; `with_source` adds its outlet and URL (which the
/// merge uses), left out when scoring extraction as the reference scorer does.
fn gold_input(d: &GoldDoc, with_source: bool) -> RawInput {
    RawInput {
        bytes: d.text.as_bytes().to_vec(),
        origin: d.id.clone(),
        lang: d.lang.as_deref().and_then(Lang::from_code),
        published: d
            .published
            .as_deref()
            .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()),
        outlet: d.outlet.clone().filter(|_| with_source),
        url: d.url.clone().filter(|_| with_source),
        title: None,
    }
}

fn parse_years(s: &str) -> Result<(i32, i32), String> {
    let bad = || format!("{s:?}: a year (2019) or a range of years (2017-2020)");
    let (a, b) = s.split_once('-').unwrap_or((s, s));
    let (a, b): (i32, i32) = (
        a.trim().parse().map_err(|_| bad())?,
        b.trim().parse().map_err(|_| bad())?,
    );
    if a > b {
        return Err(bad());
    }
    Ok((a, b))
}

fn parse_part(s: &str) -> Result<(u64, u64), String> {
    let bad = || format!("{s:?}: K/N with 1 <= K <= N, such as 1/2");
    let (k, n) = s.split_once('/').ok_or_else(bad)?;
    let (k, n): (u64, u64) = (k.parse().map_err(|_| bad())?, n.parse().map_err(|_| bad())?);
    if k == 0 || k > n {
        return Err(bad());
    }
    Ok((k, n))
}

/// True when `id` falls in part `k` of `n`: FNV-1a of the id, so the split never changes
/// with the order or the number of documents.
pub fn in_part(id: &str, part: Option<(u64, u64)>) -> bool {
    let Some((k, n)) = part else { return true };
    vigie_model::fnv1a(id.as_bytes(), vigie_model::FNV_OFFSET) % n == k - 1
}

pub fn run(config: &Config, a: &Args) -> Result<ExitCode> {
    if !a.acled.is_empty() {
        return acled::run(config, a);
    }
    let mut docs = load_gold(&a.gold)?;
    docs.retain(|d| in_part(&d.id, a.part));
    let shared = a.shared.clone().or_else(|| {
        let first = a.gold.first()?.canonicalize().ok()?;
        Some(first.parent()?.parent()?.to_path_buf())
    });
    let reference = match shared.as_deref() {
        Some(dir) if dir.join("data/geonames").is_dir() => Reference::load(dir)
            .with_context(|| format!("reading reference places under {}", dir.display()))?,
        _ => {
            eprintln!("vigie: note: no shared/data/geonames found; places are judged by name only (pass --shared)");
            Reference::empty()
        }
    };
    let pipeline = Pipeline::new(config)?;
    let t0 = std::time::Instant::now();
    let outputs: Vec<_> = docs.iter().map(|d| extract_gold(&pipeline, d)).collect();
    let spent = t0.elapsed().as_secs_f64();
    let chars: usize = docs.iter().map(|d| d.text.chars().count()).sum();
    let scores = Scorer::new(&reference, Some(a.min_date)).score(&docs, &outputs);
    let table = scores.table();
    let (body, summary) = table.trim_end().rsplit_once('\n').unwrap_or(("", &table));
    outln!("{body}");
    outln!(
        "extract time {spent:.2} s for {chars} chars ({:.0} chars/s, in process)",
        chars as f64 / spent.max(1e-9)
    );
    let misses = a.misses.unwrap_or(40);
    if misses > 0 {
        for facet in vigie_eval::score::FACETS {
            let ms: Vec<_> = scores.misses.iter().filter(|m| m.facet == facet).collect();
            if ms.is_empty() {
                continue;
            }
            outln!("\nmisses: {facet} ({})", ms.len());
            for m in ms.iter().take(misses) {
                outln!("  {:<10} {}", m.doc, m.what);
            }
        }
        outln!();
    }
    let merge = merge_score(&pipeline, &docs, &reference, a.min_date)?;
    if let Some(m) = &merge {
        outln!(
            "merge B3 precision {:.3} recall {:.3} F1 {:.3} over {} gold reports ({} not found as reports); {} merged events",
            m.precision, m.recall, m.f1, m.items, m.unmatched, m.events
        );
    }
    outln!("{summary}");
    if let Some(path) = &a.json {
        write_json(path, &scores, merge.as_ref())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Ingests the gold documents into a record in memory, as `vigie ingest` would, and scores
/// the merged events against the gold `event_key`s. None when no gold event has a key.
fn merge_score(
    pipeline: &Pipeline,
    docs: &[GoldDoc],
    reference: &Reference,
    min_date: chrono::NaiveDate,
) -> Result<Option<vigie_eval::merge::MergeScore>> {
    use vigie_record::{EventFilter, NewDocument, Record, SqliteStore, Store};
    let keyed = docs.iter().any(|d| {
        d.gold
            .get("events")
            .and_then(|e| e.as_array())
            .is_some_and(|e| e.iter().any(|x| x.get("event_key").is_some()))
    });
    if !keyed {
        return Ok(None);
    }
    let mut record = Record::new(SqliteStore::in_memory()?);
    let mut batch = Vec::new();
    for d in docs {
        if let Ok((document, extraction)) = pipeline.extract_raw(gold_input(d, true)) {
            batch.push(NewDocument {
                document,
                extraction,
                source: d.id.clone(),
                format: "json_lines".into(),
            });
        }
    }
    record.add_batch(&batch, &[])?;
    let mut events = Vec::new();
    for e in record.store().events(&EventFilter::default())? {
        if let Some(d) = record.store().event(&e.id)? {
            events.push(serde_json::to_value(d)?);
        }
    }
    Ok(Some(
        Scorer::new(reference, Some(min_date)).merge_b3(docs, &events),
    ))
}

fn write_json(
    path: &Path,
    s: &vigie_eval::Scores,
    merge: Option<&vigie_eval::merge::MergeScore>,
) -> Result<()> {
    let mut f1 = serde_json::Map::new();
    for k in vigie_eval::score::FACETS {
        f1.insert(
            k.into(),
            serde_json::json!((s.f1(k) * 1000.0).round() / 1000.0),
        );
    }
    let matched: serde_json::Map<_, _> = vigie_eval::score::SUBSCORES
        .iter()
        .map(|k| (k.to_string(), serde_json::json!(s.sub_share(k))))
        .collect();
    if let Some(m) = merge {
        f1.insert(
            "merge_b3".into(),
            serde_json::json!((m.f1 * 1000.0).round() / 1000.0),
        );
    }
    let v =
        serde_json::json!({"f1": f1, "matched": matched, "docs": s.docs, "failed": s.failed.len()});
    std::fs::write(path, serde_json::to_string_pretty(&v)?)
        .with_context(|| format!("writing {}", path.display()))
}
