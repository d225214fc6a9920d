//! Measures actors against the seed answer key (`../shared/corpus/seed.gold.json`) the way
//! `../shared/tools/score.py` does: each gold entry stands for every whole-word occurrence
//! of its mention; a prediction matches when the spans overlap and the canonical name is
//! equal; every prediction counts for precision. Skips when the shared folder is absent.

use std::path::PathBuf;
use vigie_lexicon::ActorLexicon;
use vigie_model::Lang;

fn shared() -> Option<PathBuf> {
    vigie_testkit::shared(env!("CARGO_MANIFEST_DIR"), "corpus/seed.gold.json")
}

fn occurrences(text: &str, m: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = text[from..].find(m) {
        let i = from + k;
        let j = i + m.len();
        let before = text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let after = text[j..].chars().next().is_some_and(char::is_alphanumeric);
        if !before && !after {
            out.push((i, j));
        }
        from = i + text[i..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

#[test]
fn seed_actors_f1() {
    let Some(dir) = shared() else {
        return;
    };
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("corpus/seed.gold.json")).unwrap())
            .unwrap();
    let text =
        std::fs::read_to_string(dir.join("corpus").join(gold["file"].as_str().unwrap())).unwrap();
    let lex = ActorLexicon::embedded();
    let pred = lex.find(&text, &vigie_text::tokenize(&text), Lang::Fr);
    for p in &pred {
        println!("pred {:?} -> {}", p.span.text, p.actor);
    }
    let mut gold_occ = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for e in gold["gold"]["actors"].as_array().unwrap() {
        for s in occurrences(&text, e["mention"].as_str().unwrap()) {
            if seen.insert(s) {
                gold_occ.push((e.clone(), s));
            }
        }
    }
    let mut used = vec![false; pred.len()];
    let mut tp = 0;
    for (e, (a, b)) in &gold_occ {
        let hit = pred
            .iter()
            .enumerate()
            .find(|(i, p)| !used[*i] && p.span.start < *b && *a < p.span.end);
        match hit {
            None => println!("MISS {}", e["mention"]),
            Some((i, p)) => {
                used[i] = true;
                if p.actor == e["canonical"].as_str().unwrap() {
                    tp += 1;
                } else {
                    println!("WRONG {} -> {}", e["mention"], p.actor);
                }
            }
        }
    }
    for (i, p) in pred.iter().enumerate() {
        if !used[i] {
            println!("SPURIOUS {:?} -> {}", p.span.text, p.actor);
        }
    }
    let (p, r) = (
        tp as f64 / pred.len().max(1) as f64,
        tp as f64 / gold_occ.len().max(1) as f64,
    );
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!(
        "actors seed: tp={tp} pred={} gold={} P={p:.3} R={r:.3} F1={f1:.3}",
        pred.len(),
        gold_occ.len()
    );
    assert!(f1 >= 0.5, "actors F1 on the seed fell to {f1:.3}");
}
