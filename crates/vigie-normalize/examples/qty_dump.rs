//! Prints the quantities found in every text of `../shared/corpus/dev.jsonl` (for eyeballing;
//! the dev set has no quantity answer key), then times the grammar on the whole set.
//!
//! `cargo run --release -p vigie-normalize --example qty_dump [-- --quiet]`

use std::path::PathBuf;
use vigie_model::Lang;
use vigie_normalize::QuantityGrammar;

fn main() {
    let quiet = std::env::args().any(|a| a == "--quiet");
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let Ok(src) = std::fs::read_to_string(dir.join("dev.jsonl")) else {
        println!("skipped: ../shared/corpus/dev.jsonl not found");
        return;
    };
    let g = QuantityGrammar::embedded();
    let mut docs = Vec::new();
    for line in src.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("json line");
        let lang = Lang::from_code(v["lang"].as_str().unwrap_or("fr")).unwrap_or(Lang::Fr);
        docs.push((
            v["id"].as_str().unwrap_or("?").to_string(),
            lang,
            v["text"].as_str().unwrap_or("").to_string(),
        ));
    }
    if !quiet {
        for (id, lang, text) in &docs {
            for q in g.find(text, &vigie_text::tokenize(text), *lang) {
                println!(
                    "{id}\t{:?}\tv={:?} lo={:?} hi={:?} u={:?}{}",
                    q.span.text,
                    q.value,
                    q.low,
                    q.high,
                    q.unit,
                    if q.approx { " ~" } else { "" }
                );
            }
        }
    }
    let bytes: usize = docs.iter().map(|d| d.2.len()).sum();
    let toks: Vec<_> = docs.iter().map(|d| vigie_text::tokenize(&d.2)).collect();
    let rounds = 50;
    let t0 = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        for (d, t) in docs.iter().zip(&toks) {
            n += g.find(&d.2, t, d.1).len();
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "{n} quantities; {:.1} MB/s (find only, tokens precomputed)",
        (bytes * rounds) as f64 / secs / 1e6
    );
}
