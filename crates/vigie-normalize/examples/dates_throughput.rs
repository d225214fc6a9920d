//! Throughput of the date grammar: runs `DateGrammar::find` over the shared corpus texts,
//! repeated until about 50 MB have been read, and prints MB/s (tokenizing timed apart).
//!
//! `cargo run --release -p vigie-normalize --example dates_throughput [MB]`

use chrono::NaiveDate;
use std::time::{Duration, Instant};
use vigie_model::Lang;
use vigie_normalize::DateGrammar;
use vigie_text::tokenize;

fn main() {
    let target_mb: f64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(50.0);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let mut docs: Vec<(String, Lang)> = Vec::new();
    if let Ok(t) = std::fs::read_to_string(root.join("seed-mondafrique-2024-10-09.txt")) {
        docs.push((t, Lang::Fr));
    }
    if let Ok(s) = std::fs::read_to_string(root.join("dev.jsonl")) {
        for line in s.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let lang = Lang::from_code(v["lang"].as_str().unwrap_or("fr")).unwrap_or(Lang::Fr);
            docs.push((v["text"].as_str().unwrap_or("").to_string(), lang));
        }
    }
    if docs.is_empty() {
        println!("skipped: ../shared/corpus is absent");
        return;
    }
    let g = DateGrammar::embedded();
    let published = NaiveDate::from_ymd_opt(2024, 10, 9).unwrap_or_default();
    let (mut bytes, mut found) = (0usize, 0usize);
    let (mut t_tok, mut t_find) = (Duration::ZERO, Duration::ZERO);
    while (bytes as f64) < target_mb * 1e6 {
        for (text, lang) in &docs {
            let a = Instant::now();
            let toks = tokenize(text);
            let b = Instant::now();
            found += g.find(text, &toks, *lang, published).len();
            t_find += b.elapsed();
            t_tok += b - a;
            bytes += text.len();
        }
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "{mb:.1} MB, {found} dates: find {:.1} MB/s, tokenize {:.1} MB/s, both {:.1} MB/s",
        mb / t_find.as_secs_f64(),
        mb / t_tok.as_secs_f64(),
        mb / (t_find + t_tok).as_secs_f64()
    );
}
