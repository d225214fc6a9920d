//! B-cubed score of cross-document merging, as `tools/merge_score.py` defines it.
//!
//! Items are the gold (document, event) pairs that carry an `event_key`. Each joins the
//! system event whose report from the same document (found by URL) matches it as events
//! match in the events facet (type, dates ±1 day, place ≤ 50 km); a gold pair with no such
//! report stays alone. Precision and recall are averaged over items.

use crate::gold::GoldDoc;
use crate::interval::{overlaps, parse_interval, pred_interval, Interval};
use crate::score::{arr, Scorer};
use serde_json::Value;
use std::collections::HashMap;

/// The merge score.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MergeScore {
    /// B-cubed precision.
    pub precision: f64,
    /// B-cubed recall.
    pub recall: f64,
    /// Their harmonic mean.
    pub f1: f64,
    /// Gold pairs scored.
    pub items: usize,
    /// Gold pairs without a matching report.
    pub unmatched: usize,
    /// System events.
    pub events: usize,
}

fn text<'a>(v: &'a Value, k: &str) -> Option<&'a str> {
    v.get(k).and_then(Value::as_str)
}

impl Scorer<'_> {
    /// Scores merged `events` (each with `id` and `reports`, as `vigie events --format
    /// jsonl` prints them) against the `event_key`s of `docs`.
    pub fn merge_b3(&self, docs: &[GoldDoc], events: &[Value]) -> MergeScore {
        let mut by_url: HashMap<&str, Vec<(&str, &Value)>> = HashMap::new();
        for e in events {
            let id = text(e, "id").unwrap_or("");
            for r in arr(e, "reports") {
                let url = r.get("document").and_then(|d| text(d, "url")).unwrap_or("");
                by_url.entry(url).or_default().push((id, r));
            }
        }
        // (gold key, system cluster); unmatched items get a cluster of their own
        let mut items: Vec<(String, String)> = Vec::new();
        let mut unmatched = 0;
        for d in docs {
            let cands = by_url
                .get(d.url.as_deref().unwrap_or(""))
                .cloned()
                .unwrap_or_default();
            let mut used = vec![false; cands.len()];
            for g in arr(&d.gold, "events") {
                let Some(key) = text(g, "event_key").filter(|k| !k.is_empty()) else {
                    continue;
                };
                let gint: Interval = (
                    text(g, "date_start").and_then(|x| parse_interval(x).0),
                    text(g, "date_end").and_then(|x| parse_interval(x).1),
                );
                let dated = text(g, "date_start").is_some() || text(g, "date_end").is_some();
                let hit = cands.iter().enumerate().find(|(i, (_, r))| {
                    !used[*i]
                        && text(r, "event_type") == text(g, "event_type")
                        && (!dated || overlaps(gint, pred_interval(r), 1))
                        && self.event_loc_ok(g, r)
                });
                match hit {
                    Some((i, (id, _))) => {
                        used[i] = true;
                        items.push((key.to_string(), id.to_string()));
                    }
                    None => {
                        unmatched += 1;
                        items.push((key.to_string(), format!("\u{0}unmatched{}", items.len())));
                    }
                }
            }
        }
        let mut gk: HashMap<&str, usize> = HashMap::new();
        let mut sk: HashMap<&str, usize> = HashMap::new();
        let mut both: HashMap<(&str, &str), usize> = HashMap::new();
        for (k, s) in &items {
            *gk.entry(k).or_default() += 1;
            *sk.entry(s).or_default() += 1;
            *both.entry((k, s)).or_default() += 1;
        }
        let n = items.len() as f64;
        let (mut p, mut r) = (0.0, 0.0);
        for (k, s) in &items {
            let b = both[&(k.as_str(), s.as_str())] as f64;
            p += b / sk[s.as_str()] as f64;
            r += b / gk[k.as_str()] as f64;
        }
        let (p, r) = if items.is_empty() {
            (0.0, 0.0)
        } else {
            (p / n, r / n)
        };
        MergeScore {
            precision: p,
            recall: r,
            f1: if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            },
            items: items.len(),
            unmatched,
            events: events.len(),
        }
    }
}
