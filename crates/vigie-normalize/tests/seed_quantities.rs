//! Measures quantities against the seed answer key (`../shared/corpus/seed.gold.json`), the
//! way `../shared/tools/score.py` does: each gold entry stands for every whole-word
//! occurrence of its mention; a prediction matches when the spans overlap and the
//! value (or low/high) is equal. Skips when the shared folder is absent.

use std::path::PathBuf;
use vigie_model::Lang;
use vigie_normalize::QuantityGrammar;

fn shared() -> Option<PathBuf> {
    vigie_testkit::shared(env!("CARGO_MANIFEST_DIR"), "corpus/seed.gold.json")
}

/// Byte spans of every whole-word occurrence of `m` in `text`.
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
fn seed_quantities_f1() {
    let Some(dir) = shared() else {
        return;
    };
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("corpus/seed.gold.json")).unwrap())
            .unwrap();
    let text =
        std::fs::read_to_string(dir.join("corpus").join(gold["file"].as_str().unwrap())).unwrap();
    let g = QuantityGrammar::embedded();
    let pred = g.find(&text, &vigie_text::tokenize(&text), Lang::Fr);
    for p in &pred {
        println!(
            "pred {:?} value={:?} low={:?} high={:?} unit={:?} approx={}",
            p.span.text, p.value, p.low, p.high, p.unit, p.approx
        );
    }
    let mut gold_occ = Vec::new();
    for e in gold["gold"]["quantities"].as_array().unwrap() {
        for s in occurrences(&text, e["mention"].as_str().unwrap()) {
            gold_occ.push((e.clone(), s));
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
                let f = |k: &str| e.get(k).and_then(|v| v.as_f64());
                let ok = if let Some(v) = f("value") {
                    p.value == Some(v) || (p.low == Some(v) && p.high == Some(v))
                } else {
                    p.low == f("low") && p.high == f("high")
                };
                if ok {
                    tp += 1;
                } else {
                    println!("WRONG {} -> {:?}", e["mention"], p);
                }
            }
        }
    }
    for (i, p) in pred.iter().enumerate() {
        if !used[i] {
            println!("SPURIOUS {:?}", p.span.text);
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
        "quantities seed: tp={tp} pred={} gold={} P={p:.3} R={r:.3} F1={f1:.3}",
        pred.len(),
        gold_occ.len()
    );
    // A measurement, not a goal: only guard against a collapse.
    assert!(f1 >= 0.5, "quantities F1 on the seed fell to {f1:.3}");
}
