//! Prints the full output of `Geoparser::find` as JSON, one line per document and variant,
//! for the documents of `../shared/corpus` (dev.jsonl and the seed text) and the sample
//! reports of `examples/reports/`. Used to check that a change to the geoparser leaves
//! its output byte-identical: run before and after, then `diff` the two outputs.
//!
//! Each text is run in four variants, to cover more code paths: in its own language, in
//! the other language, with every fifth word excluded (as if another finder had claimed
//! it), and upper-cased.
//!
//! usage: dump_places [OUT] (stdout when OUT is absent)

use std::path::PathBuf;
use vigie_gazetteer::{Gazetteer, Geoparser};
use vigie_model::{Lang, Span};
use vigie_text::TokenKind;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let corpus = root.join("../shared/corpus");
    let mut docs: Vec<(String, String, Lang)> = Vec::new();
    if let Ok(dev) = std::fs::read_to_string(corpus.join("dev.jsonl")) {
        for l in dev.lines() {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(l) {
                let lang = Lang::from_code(v["lang"].as_str().unwrap_or("fr")).unwrap_or(Lang::Fr);
                let id = v["id"].as_str().unwrap_or("?").to_string();
                docs.push((id, v["text"].as_str().unwrap_or("").to_string(), lang));
            }
        }
    }
    let mut files: Vec<PathBuf> = vec![corpus.join("seed-mondafrique-2024-10-09.txt")];
    if let Ok(rd) = std::fs::read_dir(root.join("examples/reports")) {
        let mut v: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        v.sort();
        files.extend(
            v.into_iter()
                .filter(|p| p.extension().is_some_and(|e| e == "txt")),
        );
    }
    for p in files {
        if let Ok(text) = std::fs::read_to_string(&p) {
            let name = p.file_name().map(|n| n.to_string_lossy().to_string());
            let name = name.unwrap_or_default();
            let lang = if name.starts_with("en") {
                Lang::En
            } else {
                Lang::Fr
            };
            docs.push((name, text, lang));
        }
    }
    if docs.is_empty() {
        eprintln!("skipped: no documents found");
        return;
    }
    let gp = Geoparser::new(Gazetteer::embedded(), None);
    let mut out = String::new();
    for (id, text, lang) in &docs {
        let other = if *lang == Lang::Fr {
            Lang::En
        } else {
            Lang::Fr
        };
        let upper = text.to_uppercase();
        let toks = vigie_text::tokenize(text);
        let exclude: Vec<Span> = toks
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .step_by(5)
            .map(|t| t.span)
            .collect();
        let up_toks = vigie_text::tokenize(&upper);
        let variants: [(&str, &str, &[_], Lang, &[Span]); 4] = [
            ("own", text, &toks, *lang, &[]),
            ("other", text, &toks, other, &[]),
            ("exclude", text, &toks, *lang, &exclude),
            ("upper", &upper, &up_toks, *lang, &[]),
        ];
        for (variant, t, tk, l, ex) in variants {
            let places = gp.find(t, tk, l, ex);
            let obj = serde_json::json!({"id": id, "variant": variant, "places": places});
            out.push_str(&obj.to_string());
            out.push('\n');
        }
    }
    match std::env::args().nth(1) {
        Some(p) => {
            if let Err(e) = std::fs::write(&p, out) {
                eprintln!("{p}: {e}");
            }
        }
        None => print!("{out}"),
    }
}
