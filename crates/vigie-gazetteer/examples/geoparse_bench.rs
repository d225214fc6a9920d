//! Geoparsing throughput: the corpus texts (`../shared/corpus`) repeated to about 50 MB;
//! reports MB/s with tokens given and with tokenizing included. Skips when the corpus is
//! absent.

use std::path::PathBuf;
use std::time::Instant;
use vigie_gazetteer::{Gazetteer, Geoparser};
use vigie_model::Lang;

fn main() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let Ok(dev) = std::fs::read_to_string(corpus.join("dev.jsonl")) else {
        println!("skipped: {} is absent", corpus.display());
        return;
    };
    let mut docs: Vec<(String, Lang)> = Vec::new();
    for l in dev.lines() {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(l) {
            let lang = Lang::from_code(v["lang"].as_str().unwrap_or("fr")).unwrap_or(Lang::Fr);
            docs.push((v["text"].as_str().unwrap_or("").to_string(), lang));
        }
    }
    let t = Instant::now();
    let gaz = Gazetteer::embedded();
    let load = t.elapsed();
    let gp = Geoparser::new(gaz, None);
    let one: usize = docs.iter().map(|d| d.0.len()).sum();
    let reps = (50_000_000 / one.max(1)).max(1);
    let toks: Vec<_> = docs.iter().map(|d| vigie_text::tokenize(&d.0)).collect();
    let mut places = 0usize;
    let t = Instant::now();
    for _ in 0..reps {
        for (d, tk) in docs.iter().zip(&toks) {
            places += gp.find(&d.0, tk, d.1, &[]).len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let mb = (one * reps) as f64 / 1e6;
    let t = Instant::now();
    for _ in 0..reps {
        for d in &docs {
            let tk = vigie_text::tokenize(&d.0);
            places += gp.find(&d.0, &tk, d.1, &[]).len();
        }
    }
    let secs_tok = t.elapsed().as_secs_f64();
    println!(
        "embedded gazetteer loaded in {:.0} ms; geoparsed {:.1} MB: {:.1} MB/s (tokens given), {:.1} MB/s (tokenizing included); {} places",
        load.as_secs_f64() * 1000.0,
        mb,
        mb / secs,
        mb / secs_tok,
        places
    );
}
