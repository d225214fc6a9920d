//! `vigie bench`: throughput and memory of the mention layer.
//!
//! Documents are extracted one by one, as in real use, over and over until the volume
//! reaches `--mb`; each run is timed, and the median and best are reported with the
//! process's peak resident memory.

use anyhow::{bail, Result};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;
use vigie_extract::{Config, Pipeline};
use vigie_model::{content_id, Document, Lang};

/// Arguments of `vigie bench`.
#[derive(clap::Args)]
pub struct Args {
    /// Gold files whose texts make the workload (`*.jsonl`, `*.gold.json`); the bundled
    /// example reports when none are given.
    gold: Vec<PathBuf>,
    /// Megabytes of text per run.
    #[arg(long, default_value_t = 50)]
    mb: usize,
    /// Number of timed runs.
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// Measure the mention layer only (for profiling it).
    #[arg(long)]
    mentions_only: bool,
    /// Write each workload document's extraction as one JSON line to this file and stop
    /// without timing: two builds' dumps must be byte-identical when a change claims to
    /// make extraction faster without changing what it finds.
    #[arg(long, value_name = "FILE")]
    dump: Option<PathBuf>,
}

/// The bundled example reports (the same ones `vigie demo` and the README use).
pub const EXAMPLES: &[(&str, &str, &str)] = &[
    (
        "fr",
        "2024-03-12",
        include_str!("../../../examples/reports/fr-convoi-gao-2024-03-12.txt"),
    ),
    (
        "en",
        "2024-05-20",
        include_str!("../../../examples/reports/en-drone-strike-2024-05-20.txt"),
    ),
];

fn peak_rss_mb() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

pub fn run(config: &Config, a: &Args) -> Result<ExitCode> {
    let t_setup = Instant::now();
    let pipeline = Pipeline::new(config)?;
    let setup = t_setup.elapsed().as_secs_f64();
    let mut docs: Vec<Document> = Vec::new();
    let mk = |text: String, lang: Lang, published: Option<chrono::NaiveDate>| Document {
        id: content_id(&text),
        text,
        lang,
        published,
        title: None,
        outlet: None,
        url: None,
    };
    if a.gold.is_empty() {
        for (lang, date, text) in EXAMPLES {
            docs.push(mk(
                text.to_string(),
                Lang::from_code(lang).unwrap_or(Lang::Fr),
                chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
            ));
        }
    } else {
        for d in vigie_eval::load_gold(&a.gold)? {
            let lang = d
                .lang
                .as_deref()
                .and_then(Lang::from_code)
                .unwrap_or(Lang::Fr);
            let published = d
                .published
                .as_deref()
                .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
            docs.push(mk(d.text, lang, published));
        }
    }
    if let Some(path) = &a.dump {
        use std::io::Write;
        let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
        for d in &docs {
            serde_json::to_writer(&mut out, &pipeline.extract(d))?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
        println!("wrote {} extractions to {}", docs.len(), path.display());
        return Ok(ExitCode::SUCCESS);
    }
    let mentions_only = Pipeline::new(&Config {
        mentions_only: true,
        ..config.clone()
    })?;
    let unit: usize = docs.iter().map(|d| d.text.len()).sum();
    if unit == 0 {
        bail!("no text to measure");
    }
    let target = a.mb * 1_000_000;
    let reps = target.div_ceil(unit);
    let bytes = reps * unit;
    println!(
        "workload: {} documents, {unit} bytes, repeated {reps} times = {:.1} MB per run; pipeline setup {:.0} ms",
        docs.len(),
        bytes as f64 / 1e6,
        setup * 1e3
    );
    let runs = a.runs.max(1);
    let measure = |name: &str, p: &Pipeline| -> (f64, f64, usize) {
        let mut speeds = Vec::new();
        let mut mentions = 0usize;
        for run in 0..runs {
            let t = Instant::now();
            let mut n = 0usize;
            for _ in 0..reps {
                for d in &docs {
                    let ex = p.extract(d);
                    n += ex.places.len()
                        + ex.dates.len()
                        + ex.quantities.len()
                        + ex.actors.len()
                        + ex.events.len()
                        + ex.movements.len();
                }
            }
            let secs = t.elapsed().as_secs_f64();
            let mbs = bytes as f64 / 1e6 / secs;
            println!(
                "{name} run {}: {secs:.2} s, {mbs:.1} MB/s, {n} items",
                run + 1
            );
            speeds.push(mbs);
            mentions = n;
        }
        speeds.sort_by(f64::total_cmp);
        (speeds[speeds.len() / 2], speeds[speeds.len() - 1], mentions)
    };
    let (m_med, m_best, m_n) = measure("mention layer", &mentions_only);
    if a.mentions_only {
        println!("mention layer, one core: median {m_med:.1} MB/s, best {m_best:.1} MB/s ({m_n} mentions per run)");
        return Ok(ExitCode::SUCCESS);
    }
    let (f_med, f_best, f_n) = measure("full extraction", &pipeline);
    stage_breakdown(&docs, reps);
    let rss = peak_rss_mb().map_or("unknown".into(), |m| format!("{m:.0} MB"));
    println!("mention layer, one core: median {m_med:.1} MB/s, best {m_best:.1} MB/s ({m_n} mentions per run)");
    println!("full extraction (mentions, events, claims, movements), one core: median {f_med:.1} MB/s, best {f_best:.1} MB/s ({f_n} items per run)");
    println!("peak RSS {rss}");
    Ok(ExitCode::SUCCESS)
}

/// Times each stage alone over the same workload, to show where the time goes.
fn stage_breakdown(docs: &[Document], reps: usize) {
    use vigie_gazetteer::{Gazetteer, Geoparser};
    let actors = vigie_lexicon::ActorLexicon::embedded();
    let dates = vigie_normalize::DateGrammar::embedded();
    let quantities = vigie_normalize::QuantityGrammar::embedded();
    let geo = Geoparser::new(Gazetteer::embedded(), None);
    let toks: Vec<_> = docs.iter().map(|d| vigie_text::tokenize(&d.text)).collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum::<usize>() * reps;
    let reps = reps.div_ceil(4).max(1);
    let bytes = bytes.div_ceil(4);
    let time = |name: &str, f: &dyn Fn(&Document, &[vigie_text::Token]) -> usize| {
        let t = Instant::now();
        let mut n = 0;
        for _ in 0..reps {
            for (d, tk) in docs.iter().zip(&toks) {
                n += f(d, tk);
            }
        }
        let secs = t.elapsed().as_secs_f64();
        println!(
            "  stage {name:<11} {:>7.1} MB/s ({n} items)",
            bytes as f64 / 1e6 / secs
        );
    };
    time("tokenize", &|d, _| vigie_text::tokenize(&d.text).len());
    time("actors", &|d, tk| actors.find(&d.text, tk, d.lang).len());
    let pubd = chrono::NaiveDate::from_ymd_opt(2024, 10, 9).expect("date");
    time("dates", &|d, tk| {
        dates
            .find(&d.text, tk, d.lang, d.published.unwrap_or(pubd))
            .len()
    });
    time("quantities", &|d, tk| {
        quantities.find(&d.text, tk, d.lang).len()
    });
    time("places", &|d, tk| geo.find(&d.text, tk, d.lang, &[]).len());
    let events = vigie_events::EventLayer::embedded();
    let found: Vec<_> = docs
        .iter()
        .zip(&toks)
        .map(|(d, tk)| {
            let p = d.published.unwrap_or(pubd);
            (
                geo.find(&d.text, tk, d.lang, &[]),
                dates.find(&d.text, tk, d.lang, p),
                quantities.find(&d.text, tk, d.lang),
                actors.find(&d.text, tk, d.lang),
            )
        })
        .collect();
    let docs_found: Vec<_> = docs.iter().zip(&found).collect();
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..reps {
        for ((d, (pl, da, qu, ac)), tk) in docs_found.iter().zip(&toks) {
            let (e, m) = events.extract(&vigie_events::Inputs {
                text: &d.text,
                tokens: tk,
                lang: d.lang,
                published: d.published,
                outlet: None,
                places: pl,
                dates: da,
                quantities: qu,
                actors: ac,
                state_actors: &[],
            });
            n += e.len() + m.len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "  stage {:<11} {:>7.1} MB/s ({n} items)",
        "events",
        bytes as f64 / 1e6 / secs
    );
}
