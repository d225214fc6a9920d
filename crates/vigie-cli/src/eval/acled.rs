//! `vigie eval --acled`: ACLED exports' notes scored against ACLED's own coding.

use super::{in_part, Args};
use anyhow::{Context, Result};
use std::process::ExitCode;
use vigie_eval::acled::{read_notes, score_note, AcledScores, ActorMap, Note, Outcome};
use vigie_extract::{Config, Pipeline, RawInput};
use vigie_model::Lang;

/// Reads the notes the arguments select, extracts each on every core, prints the figures,
/// the sub-event-type confusion matrix and, when asked, the notes got wrong.
pub fn run(config: &Config, a: &Args) -> Result<ExitCode> {
    let mut notes = Vec::new();
    let mut skipped = 0;
    for path in &a.acled {
        let (n, s) = read_notes(path).with_context(|| format!("reading {}", path.display()))?;
        notes.extend(n);
        skipped += s;
    }
    let wanted: Vec<String> = a.country.iter().map(|c| c.trim().to_lowercase()).collect();
    notes.retain(|n| {
        (wanted.is_empty() || wanted.contains(&n.country.to_lowercase()))
            && a.years.is_none_or(|(lo, hi)| (lo..=hi).contains(&n.year()))
            && in_part(&n.id, a.part)
    });
    if notes.is_empty() {
        anyhow::bail!("no ACLED note matches the files and filters given");
    }
    let pipeline = Pipeline::new(config)?;
    let t0 = std::time::Instant::now();
    let outcomes = extract_all(&pipeline, &notes)?;
    let spent = t0.elapsed().as_secs_f64();
    let actors = ActorMap::embedded();
    let mut scores = AcledScores::default();
    let mut wrong = Vec::new();
    for (note, out) in notes.iter().zip(&outcomes) {
        let o = match out {
            Ok(v) => score_note(note, v, &actors),
            Err(_) => score_note(note, &serde_json::json!({"events": []}), &actors),
        };
        scores.add(note, &o);
        if !o.all_right() {
            wrong.push((note, o));
        }
    }
    let failed = outcomes.iter().filter(|o| o.is_err()).count();
    outln!(
        "{} ACLED notes ({} rows without a date or note skipped; {} could not be read)",
        notes.len(),
        skipped,
        failed
    );
    outln!("{}", scores.table());
    outln!("{}", scores.confusion_table());
    outln!(
        "extract time {spent:.1} s for {} notes on {} threads",
        notes.len(),
        threads()
    );
    if let Some(k) = a.misses.filter(|k| *k > 0) {
        outln!("\nnotes not coded as ACLED coded them ({}):", wrong.len());
        for (note, o) in wrong.iter().take(k) {
            outln!("{}", describe(note, o, &actors));
        }
    }
    if let Some(path) = &a.json {
        let figures: serde_json::Map<_, _> = scores
            .figures()
            .into_iter()
            .map(|(k, r, of)| {
                (
                    k.to_string(),
                    serde_json::json!({"right": r, "of": of,
                        "share": if of == 0 { 0.0 } else { r as f64 / of as f64 }}),
                )
            })
            .collect();
        std::fs::write(
            path,
            serde_json::to_string_pretty(&serde_json::json!({
                "notes": notes.len(), "failed": failed, "figures": figures}))?,
        )
        .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Extracts every note as an English report published on its date, on every core.
fn extract_all(p: &Pipeline, notes: &[Note]) -> Result<Vec<Result<serde_json::Value, String>>> {
    let out = crate::record::par_map(notes.iter().collect(), |note: &Note| {
        let raw = RawInput {
            bytes: note.notes.as_bytes().to_vec(),
            origin: note.id.clone(),
            lang: Some(Lang::En),
            published: Some(note.date),
            outlet: None,
            url: None,
            title: None,
        };
        let (_, ex) = p.extract_raw(raw).map_err(|e| e.to_string())?;
        serde_json::to_value(ex).map_err(|e| e.to_string())
    });
    // a thread that panicked leaves its notes out: never score notes against the
    // extractions of others
    anyhow::ensure!(out.len() == notes.len(), "an extraction thread panicked");
    Ok(out)
}

/// One wrong note: what ACLED coded, what Vigie made of it, and the note.
fn describe(note: &Note, o: &Outcome, actors: &ActorMap) -> String {
    let pred = o
        .predicted
        .as_ref()
        .map_or("no event".to_string(), |(t, s)| format!("{t} / {s}"));
    let mut flags = Vec::new();
    if !o.event_type || o.sub_event_type == Some(false) {
        flags.push("type");
    }
    if o.location == Some(false) {
        flags.push("place");
    }
    if !o.fatalities {
        flags.push("fatalities");
    }
    if !o.date {
        flags.push("date");
    }
    if o.actor1 == Some(false) {
        flags.push("actor1");
    }
    let mapped = actors
        .canonical(&note.actor1)
        .map(|c| c.join("|"))
        .unwrap_or_else(|| "?".into());
    format!(
        "  {} {} [{}]\n    ACLED: {} / {} · {} ({}) · fatalities {} · actor1 {} ({})\n    Vigie: {} · {} · fatalities {} · actor1 {}\n    {}",
        note.id,
        note.date,
        flags.join(", "),
        note.event_type,
        note.sub_event_type.as_deref().unwrap_or("-"),
        note.location,
        note.admin1,
        note.fatalities,
        mapped,
        note.actor1,
        pred,
        match (&o.place_predicted, o.km) {
            (Some(p), Some(k)) => format!("{p} {k:.0} km off"),
            (Some(p), None) => format!("{p} no point"),
            (None, _) => "no place".to_string(),
        },
        o.fatalities_predicted,
        o.actor1_predicted.as_deref().unwrap_or("-"),
        note.notes
    )
}
