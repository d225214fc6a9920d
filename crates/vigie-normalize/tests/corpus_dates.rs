//! Measures the date grammar on the shared gold corpus (seed + dev), the way
//! `../shared/tools/score.py` scores the dates facet: each gold mention stands for every
//! whole-word occurrence of it; a prediction matches when the spans overlap and the
//! intervals are equal; every prediction counts for precision (bare years excepted).
//!
//! Run with `cargo test -p vigie-normalize --test corpus_dates -- --nocapture` to see the
//! per-document table. Skips (with a message) when `../shared` is absent.
//!
//! Asserted: every date of the seed is found with the right interval and nothing else is
//! predicted there. The dev figures are printed, not asserted (a score is a measurement).

use chrono::NaiveDate;
use serde_json::Value;
use std::path::PathBuf;
use vigie_model::{DateMention, Lang};
use vigie_normalize::DateGrammar;
use vigie_text::tokenize;

fn shared() -> Option<PathBuf> {
    vigie_testkit::shared(env!("CARGO_MANIFEST_DIR"), "corpus/dev.jsonl")
}

struct Doc {
    id: String,
    lang: Lang,
    published: NaiveDate,
    text: String,
    gold: Vec<(String, String)>,
}

fn doc_of(v: &Value, text: String) -> Option<Doc> {
    let gold = v["gold"]["dates"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|g| {
                    Some((
                        g["mention"].as_str()?.to_string(),
                        g["value"].as_str()?.to_string(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    Some(Doc {
        id: v["id"].as_str().unwrap_or("seed").to_string(),
        lang: Lang::from_code(v["lang"].as_str()?)?,
        published: NaiveDate::parse_from_str(v["published"].as_str()?, "%Y-%m-%d").ok()?,
        text,
        gold,
    })
}

fn load(root: &std::path::Path) -> Vec<Doc> {
    let mut docs = Vec::new();
    let c = root.join("corpus");
    if let Ok(s) = std::fs::read_to_string(c.join("seed.gold.json")) {
        if let Ok(v) = serde_json::from_str::<Value>(&s) {
            let file = v["file"]
                .as_str()
                .unwrap_or("seed-mondafrique-2024-10-09.txt");
            if let Ok(text) = std::fs::read_to_string(c.join(file)) {
                docs.extend(doc_of(&v, text));
            }
        }
    }
    if let Ok(s) = std::fs::read_to_string(c.join("dev.jsonl")) {
        for line in s.lines().filter(|l| !l.trim().is_empty()) {
            if let Ok(v) = serde_json::from_str::<Value>(line) {
                let text = v["text"].as_str().unwrap_or("").to_string();
                docs.extend(doc_of(&v, text));
            }
        }
    }
    docs
}

/// The interval a gold value stands for.
fn interval(v: &str) -> (Option<NaiveDate>, Option<NaiveDate>) {
    fn lo(s: &str) -> Option<NaiveDate> {
        let p: Vec<&str> = s.split('-').collect();
        let y = p.first()?.parse().ok()?;
        let m = p.get(1).map_or(Some(1), |x| x.parse().ok())?;
        let d = p.get(2).map_or(Some(1), |x| x.parse().ok())?;
        NaiveDate::from_ymd_opt(y, m, d)
    }
    fn hi(s: &str) -> Option<NaiveDate> {
        let p: Vec<&str> = s.split('-').collect();
        let y: i32 = p.first()?.parse().ok()?;
        match p.len() {
            1 => NaiveDate::from_ymd_opt(y, 12, 31),
            2 => {
                let m: u32 = p[1].parse().ok()?;
                let next = if m == 12 {
                    NaiveDate::from_ymd_opt(y + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(y, m + 1, 1)
                }?;
                next.pred_opt()
            }
            _ => NaiveDate::from_ymd_opt(y, p[1].parse().ok()?, p[2].parse().ok()?),
        }
    }
    match v.split_once('/') {
        Some((a, b)) => (lo(a), hi(b)),
        None => (lo(v), hi(v)),
    }
}

fn whole_word_occurrences(text: &str, m: &str) -> Vec<(usize, usize)> {
    text.match_indices(m)
        .filter(|(i, _)| {
            let before = text[..*i].chars().next_back();
            let after = text[i + m.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .map(|(i, _)| (i, i + m.len()))
        .collect()
}

fn is_year(v: &str) -> bool {
    v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit())
}

/// A gold mention, its value, and one place it occurs (None when it does not occur).
type GoldOccurrence<'a> = (&'a str, &'a str, Option<(usize, usize)>);

/// (tp, fp, fn, report lines)
fn score(doc: &Doc, preds: &[DateMention]) -> (usize, usize, usize, Vec<String>) {
    let preds: Vec<&DateMention> = preds.iter().filter(|p| !is_year(&p.value)).collect();
    let mut gold: Vec<GoldOccurrence> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (m, v) in doc.gold.iter().filter(|(_, v)| !is_year(v)) {
        let occ = whole_word_occurrences(&doc.text, m);
        if occ.is_empty() {
            gold.push((m, v, None));
        }
        for s in occ {
            if seen.insert(s) {
                gold.push((m, v, Some(s)));
            }
        }
    }
    let mut used = vec![false; preds.len()];
    let mut tp = 0;
    let mut lines = Vec::new();
    for (m, v, span) in &gold {
        let hit = span.and_then(|(a, b)| {
            (0..preds.len()).find(|&k| !used[k] && preds[k].span.start < b && a < preds[k].span.end)
        });
        match hit {
            None => lines.push(format!("   MISS  {m:?} = {v}")),
            Some(k) => {
                used[k] = true;
                let p = preds[k];
                if interval(v) == (p.from, p.to) {
                    tp += 1;
                    lines.push(format!("   ok    {m:?} = {v}   <- {:?}", p.span.text));
                } else {
                    lines.push(format!(
                        "   WRONG {m:?} = {v}   <- {:?} = {}",
                        p.span.text, p.value
                    ));
                }
            }
        }
    }
    for (k, p) in preds.iter().enumerate() {
        if !used[k] {
            lines.push(format!("   EXTRA {:?} = {}", p.span.text, p.value));
        }
    }
    (tp, preds.len() - tp, gold.len() - tp, lines)
}

#[test]
fn dates_on_gold_corpus() {
    let Some(root) = shared() else {
        return;
    };
    let docs = load(&root);
    assert!(!docs.is_empty(), "no gold documents could be read");
    let g = DateGrammar::embedded();
    let (mut tp, mut fp, mut fnn) = (0, 0, 0);
    let (mut h_same, mut h_other, mut h_none) = (0, 0, 0);
    let mut seed_ok = None;
    for d in &docs {
        let toks = tokenize(&d.text);
        let preds = g.find(&d.text, &toks, d.lang, d.published);
        let (t, f, n, lines) = score(d, &preds);
        match g.header_date(&d.text, &toks, d.lang) {
            Some(h) if h == d.published => h_same += 1,
            Some(h) => {
                h_other += 1;
                println!("   header date {h} differs from published {}", d.published);
            }
            None => h_none += 1,
        }
        println!(
            "{} ({}, {}): tp {t} fp {f} fn {n}",
            d.id, d.lang, d.published
        );
        for l in lines {
            println!("{l}");
        }
        if d.id == "seed" || d.id.starts_with("seed") {
            seed_ok = Some((f, n));
        }
        tp += t;
        fp += f;
        fnn += n;
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fnn).max(1) as f64;
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!(
        "dates over {} documents: tp {tp} fp {fp} fn {fnn}  P {p:.3} R {r:.3} F1 {f1:.3}",
        docs.len()
    );
    println!("header dates: {h_same} equal to published, {h_other} different, {h_none} none");
    if let Some((f, n)) = seed_ok {
        assert_eq!(
            (f, n),
            (0, 0),
            "every date of the seed must be exactly right"
        );
    }
}
