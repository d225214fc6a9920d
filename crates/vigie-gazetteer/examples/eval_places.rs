//! Runs the geoparser on the gold corpus (`../shared/corpus`: the seed and dev.jsonl) and
//! prints, per document, the predicted places next to the gold ones. With `--jsonl OUT`
//! it also writes the predictions (one object per document) for the reference scorer.
//! Reads only; says so and stops when the corpus is absent.
//!
//! usage: eval_places [--jsonl OUT] [--quiet]

use serde_json::Value;
use std::path::PathBuf;
use vigie_gazetteer::{Gazetteer, Geoparser};
use vigie_model::Lang;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let jsonl = args
        .iter()
        .position(|a| a == "--jsonl")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);
    let quiet = args.iter().any(|a| a == "--quiet");
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    if !corpus.is_dir() {
        println!("skipped: {} is absent", corpus.display());
        return;
    }
    let mut docs: Vec<Value> = Vec::new();
    if let Ok(s) = std::fs::read_to_string(corpus.join("seed.gold.json")) {
        if let Ok(mut d) = serde_json::from_str::<Value>(&s) {
            let file = d["file"].as_str().unwrap_or("").to_string();
            let text = std::fs::read_to_string(corpus.join(file)).unwrap_or_default();
            d["text"] = Value::String(text);
            d["id"] = Value::String("seed".into());
            docs.push(d);
        }
    }
    if let Ok(s) = std::fs::read_to_string(corpus.join("dev.jsonl")) {
        docs.extend(
            s.lines()
                .filter_map(|l| serde_json::from_str::<Value>(l).ok()),
        );
    }
    let t = std::time::Instant::now();
    let gaz = Gazetteer::embedded();
    eprintln!(
        "gazetteer: {} places, loaded in {:?}",
        gaz.len(),
        t.elapsed()
    );
    let gp = Geoparser::new(gaz, None);
    let mut out = String::new();
    for d in &docs {
        let text = d["text"].as_str().unwrap_or("");
        let lang = Lang::from_code(d["lang"].as_str().unwrap_or("fr")).unwrap_or(Lang::Fr);
        let toks = vigie_text::tokenize(text);
        let places = gp.find(text, &toks, lang, &[]);
        if !quiet {
            println!("== {} ({})", d["id"].as_str().unwrap_or("?"), lang);
            let gold: Vec<String> = d["gold"]["places"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|g| {
                            format!(
                                "{} → {}",
                                g["mention"].as_str().unwrap_or(""),
                                g["canonical"].as_str().unwrap_or("")
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            println!("   gold: {}", gold.join("; "));
            for p in &places {
                println!(
                    "   pred: {:<16} {} ({}, {}) {} {:?} s={}{}",
                    p.span.text,
                    p.name,
                    p.country,
                    p.feature,
                    p.geonameid.unwrap_or(0),
                    p.point(),
                    p.score,
                    p.relative
                        .as_ref()
                        .map(|r| format!(" rel={} [{}]", r.relation, r.span.text))
                        .unwrap_or_default()
                );
            }
        }
        let obj = serde_json::json!({"id": d["id"], "places": places});
        out.push_str(&obj.to_string());
        out.push('\n');
    }
    if let Some(p) = jsonl {
        if let Err(e) = std::fs::write(&p, out) {
            eprintln!("{}: {e}", p.display());
        }
    }
}
