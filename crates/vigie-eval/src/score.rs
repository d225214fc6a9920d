//! The facets and their matching rules (see `SCHEMA.md`, "How a prediction is scored").

use crate::fold::{name_key, plain};
use crate::gold::GoldDoc;
use crate::interval::{overlaps, parse_interval, pred_interval, Interval};
use crate::reference::{km, RefPoint, Reference};
use chrono::NaiveDate;
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write;

/// Precision / recall counts of one facet.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    pub fn_: usize,
}

impl Prf {
    fn add(&mut self, tp: usize, fp: usize, fn_: usize) {
        self.tp += tp;
        self.fp += fp;
        self.fn_ += fn_;
    }
    /// Precision.
    pub fn p(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// Recall.
    pub fn r(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The facets, in the order they are printed.
pub const FACETS: [&str; 6] = [
    "places",
    "dates",
    "quantities",
    "actors",
    "events",
    "movements",
];

/// The sub-scores on matched events, in the order they are printed.
pub const SUBSCORES: [&str; 7] = [
    "sub_event_type",
    "actor1",
    "actor2",
    "fatalities",
    "wounded",
    "claimant",
    "hedged",
];

/// One miss, for people to read.
#[derive(Debug, Clone)]
pub struct Miss {
    /// The facet.
    pub facet: &'static str,
    /// The document id.
    pub doc: String,
    /// What went wrong, in words.
    pub what: String,
}

/// Everything measured over a set of documents.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// Counts per facet.
    pub facets: BTreeMap<&'static str, Prf>,
    /// Matched events.
    pub matched_events: usize,
    /// Correct sub-scores on matched events.
    pub sub: BTreeMap<&'static str, usize>,
    /// Misses (gold not found, or found with a wrong value) and spurious predictions.
    pub misses: Vec<Miss>,
    /// Documents scored.
    pub docs: usize,
    /// Documents whose extraction failed, with the error.
    pub failed: Vec<(String, String)>,
}

impl Scores {
    /// F1 of a facet.
    pub fn f1(&self, facet: &str) -> f64 {
        self.facets.get(facet).map_or(0.0, Prf::f1)
    }

    /// A sub-score as a share of matched events.
    pub fn sub_share(&self, name: &str) -> f64 {
        ratio(*self.sub.get(name).unwrap_or(&0), self.matched_events)
    }

    /// The table the reference scorer prints, then the compact summary line.
    pub fn table(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:<12}{:>7}{:>7}{:>7}   tp/fp/fn",
            "facet", "P", "R", "F1"
        );
        for f in FACETS {
            let x = self.facets.get(f).copied().unwrap_or_default();
            let _ = writeln!(
                s,
                "{f:<12}{:7.3}{:7.3}{:7.3}   {}/{}/{}",
                x.p(),
                x.r(),
                x.f1(),
                x.tp,
                x.fp,
                x.fn_
            );
        }
        let subs: Vec<String> = SUBSCORES
            .iter()
            .map(|k| format!("{k} {:.2}", self.sub_share(k)))
            .collect();
        let _ = writeln!(
            s,
            "on matched events ({}): {}",
            self.matched_events,
            subs.join(", ")
        );
        if let Some((id, e)) = self.failed.first() {
            let _ = writeln!(
                s,
                "extract failed on {} of {} documents; first: {id}: {e}",
                self.failed.len(),
                self.docs
            );
        }
        let f: Vec<String> = FACETS
            .iter()
            .map(|k| format!("{k}={}", (self.f1(k) * 1000.0).round() / 1000.0))
            .collect();
        let _ = writeln!(
            s,
            "F1 {} docs={} failed={}",
            f.join(" "),
            self.docs,
            self.failed.len()
        );
        s
    }
}

/// Scores extraction outputs (format "1" JSON) against gold documents.
pub struct Scorer<'r> {
    reference: &'r Reference,
    min_date: Option<NaiveDate>,
}

const COUNTRY_NAMES: &[&str] = &[
    "Mali",
    "Algérie",
    "Algeria",
    "Niger",
    "Burkina Faso",
    "Burkina",
    "Ukraine",
    "Russie",
    "Russia",
    "France",
    "Mauritanie",
    "Mauritania",
    "Tchad",
    "Chad",
    "Libye",
    "Libya",
    "Sénégal",
    "Senegal",
    "Nigeria",
    "Maroc",
    "Morocco",
    "Côte d'Ivoire",
    "Guinée",
    "Guinea",
    "Soudan",
    "Sudan",
    "Etats-Unis",
    "United States",
    "Sahel",
];

const COUNTRY_CANONICALS: &[&str] = &[
    "Mali",
    "Algeria",
    "Niger",
    "Burkina Faso",
    "Ukraine",
    "Russia",
    "France",
    "Mauritania",
    "Chad",
    "Libya",
    "Senegal",
    "Nigeria",
    "Sahel",
    "Azawad",
];

const CLAIMANT_CLASSES: &[(&str, &[&str])] = &[
    (
        "jnim",
        &["jnim", "gsim", "katiba", "macina", "groupe de soutien"],
    ),
    (
        "csp",
        &[
            "csp",
            "cma",
            "touareg",
            "tuareg",
            "separatist",
            "separatiste",
            "rebel",
            "rebelle",
            "azawad",
            "apma",
            "fla",
            "ramadan",
        ],
    ),
    (
        "wagner",
        &[
            "wagner",
            "africa corps",
            "rybar",
            "cosi",
            "russian",
            "russe",
        ],
    ),
    ("niger-army", &["niger army", "armee nigerienne", "fan "]),
    (
        "state",
        &[
            "malian army",
            "armee malienne",
            "fama",
            "general staff",
            "etat-major",
            "etat major",
            "dirpa",
            "malian armed",
            "forces armees maliennes",
            "malian military",
            "state television",
            "ortm",
            "government",
            "gouvernement",
            "ministry",
            "ministere",
            "army",
        ],
    ),
    (
        "jihadist",
        &["islamist", "jihadist", "djihadist", "is sahel", "eigs"],
    ),
    (
        "outlet",
        &[
            "outlet",
            "rfi",
            "afp",
            "le monde",
            "efe",
            "liberation",
            "reuters",
            "france 24",
            "jeune afrique",
            "the post",
            "tass",
            "sputnik",
        ],
    ),
    (
        "sources",
        &[
            "source",
            "witness",
            "temoin",
            "resident",
            "habitant",
            "elu",
            "elected",
            "official",
            "observer",
            "ngo",
            "ong",
            "hospital",
            "relative",
            "proche",
            "informations",
            "apprend",
            "unattributed",
            "unnamed",
            "concordant",
        ],
    ),
];

/// The classes of claimant a name belongs to ("the army", "a named armed group", "local
/// sources", "the outlet", …); `other` when none.
pub fn claimant_classes(s: &str) -> HashSet<&'static str> {
    let f = plain(s);
    let out: HashSet<&'static str> = CLAIMANT_CLASSES
        .iter()
        .filter(|(_, keys)| keys.iter().any(|k| f.contains(k)))
        .map(|(n, _)| *n)
        .collect();
    if out.is_empty() {
        HashSet::from(["other"])
    } else {
        out
    }
}

fn s<'a>(v: &'a Value, k: &str) -> Option<&'a str> {
    v.get(k).and_then(Value::as_str)
}

pub(crate) fn arr<'a>(v: &'a Value, k: &str) -> &'a [Value] {
    v.get(k)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn pspan(o: &Value) -> Option<(usize, usize)> {
    let sp = o.get("span")?;
    Some((
        sp.get("start")?.as_u64()? as usize,
        sp.get("end")?.as_u64()? as usize,
    ))
}

fn ov(a: Option<(usize, usize)>, b: Option<(usize, usize)>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a.0 < b.1 && b.0 < a.1)
}

fn place_point(o: &Value) -> Option<RefPoint> {
    Some(RefPoint {
        lat: o.get("lat")?.as_f64()?,
        lon: o.get("lon")?.as_f64()?,
    })
}

/// Byte spans of every whole-word occurrence of `mention` in `text`.
pub fn occurrences(text: &str, mention: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if mention.is_empty() {
        return out;
    }
    let mut start = 0;
    while let Some(off) = text[start..].find(mention) {
        let i = start + off;
        let j = i + mention.len();
        let before = text[..i].chars().next_back().unwrap_or(' ');
        let after = text[j..].chars().next().unwrap_or(' ');
        if !(before.is_alphanumeric() || after.is_alphanumeric()) {
            out.push((i, j));
        }
        start = i + text[i..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

fn num_eq(a: Option<&Value>, b: Option<&Value>) -> bool {
    let n = |v: Option<&Value>| v.filter(|v| !v.is_null()).and_then(Value::as_f64);
    match (a.filter(|v| !v.is_null()), b.filter(|v| !v.is_null())) {
        (None, None) => true,
        (Some(_), Some(_)) => n(a) == n(b),
        _ => false,
    }
}

fn is_year(v: Option<&Value>) -> bool {
    let s = match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => return false,
    };
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())
}

impl<'r> Scorer<'r> {
    /// A scorer that judges places with `reference`; predicted events that end before
    /// `min_date` are out of the keys' scope (the reference uses 2024-01-01).
    pub fn new(reference: &'r Reference, min_date: Option<NaiveDate>) -> Scorer<'r> {
        Scorer {
            reference,
            min_date,
        }
    }

    fn gold_point(&self, canonical: &str, country: Option<&str>) -> Option<RefPoint> {
        if canonical.is_empty() {
            return None;
        }
        self.reference.point(canonical, country)
    }

    fn place_ok(&self, g: &Value, p: &Value) -> bool {
        let cc = s(g, "country").unwrap_or("");
        let canon = s(g, "canonical").or(s(g, "mention")).unwrap_or("");
        let ck = name_key(canon);
        if COUNTRY_CANONICALS.iter().any(|c| name_key(c) == ck) || s(g, "level") == Some("country")
        {
            return s(p, "country").unwrap_or("").eq_ignore_ascii_case(cc);
        }
        match (self.gold_point(canon, Some(cc)), place_point(p)) {
            (Some(g), Some(p)) => km(g, p) <= 25.0,
            _ => name_key(s(p, "name").unwrap_or("")) == ck,
        }
    }

    /// Scores every document; `outputs[i]` is the extraction of `docs[i]` or its error.
    pub fn score(&self, docs: &[GoldDoc], outputs: &[Result<Value, String>]) -> Scores {
        let mut sc = Scores {
            docs: docs.len(),
            ..Default::default()
        };
        for f in FACETS {
            sc.facets.insert(f, Prf::default());
        }
        for (d, out) in docs.iter().zip(outputs) {
            let g = &d.gold;
            let out = match out {
                Ok(v) => v,
                Err(e) => {
                    sc.failed.push((d.id.clone(), e.clone()));
                    for f in FACETS {
                        let n = arr(g, f).len();
                        sc.facets.get_mut(f).expect("facet").add(0, 0, n);
                    }
                    continue;
                }
            };
            for facet in ["places", "dates", "quantities", "actors"] {
                if g.get(facet).is_none() {
                    continue;
                }
                let (tp, fp, fn_) =
                    self.mention_facet(d, arr(out, facet), arr(g, facet), facet, &mut sc.misses);
                sc.facets.get_mut(facet).expect("facet").add(tp, fp, fn_);
            }
            self.events(d, out, &mut sc);
            self.movements(d, out, &mut sc);
        }
        sc
    }

    fn mention_ok(&self, facet: &str, g: &Value, p: &Value) -> bool {
        match facet {
            "places" => self.place_ok(g, p),
            "dates" => parse_interval(s(g, "value").unwrap_or("")) == pred_interval(p),
            "quantities" => {
                if g.get("value").is_some_and(|v| !v.is_null()) {
                    num_eq(p.get("value"), g.get("value"))
                        || (num_eq(p.get("low"), g.get("value"))
                            && num_eq(p.get("high"), g.get("value")))
                } else {
                    num_eq(p.get("low"), g.get("low")) && num_eq(p.get("high"), g.get("high"))
                }
            }
            "actors" => {
                name_key(s(p, "actor").unwrap_or("")) == name_key(s(g, "canonical").unwrap_or(""))
            }
            _ => false,
        }
    }

    fn mention_facet(
        &self,
        d: &GoldDoc,
        preds: &[Value],
        gold: &[Value],
        facet: &'static str,
        misses: &mut Vec<Miss>,
    ) -> (usize, usize, usize) {
        let text = &d.text;
        let country_keys: HashSet<String> = COUNTRY_NAMES.iter().map(|c| name_key(c)).collect();
        let is_country_pred = |p: &Value| {
            s(p, "feature")
                .unwrap_or("")
                .to_uppercase()
                .starts_with("PCL")
                || country_keys.contains(&name_key(s(p, "name").unwrap_or("")))
                || country_keys.contains(&name_key(
                    p.get("span").and_then(|x| s(x, "text")).unwrap_or(""),
                ))
        };
        let gold: Vec<&Value> = gold
            .iter()
            .filter(|g| match facet {
                "places" => !country_keys.contains(&name_key(
                    s(g, "canonical").or(s(g, "mention")).unwrap_or(""),
                )),
                "dates" => !is_year(g.get("value")),
                _ => true,
            })
            .collect();
        let preds: Vec<&Value> = preds
            .iter()
            .filter(|p| match facet {
                "places" => !is_country_pred(p),
                "dates" => !is_year(p.get("value")),
                _ => true,
            })
            .collect();
        let mut entries: Vec<(&Value, Option<(usize, usize)>)> = Vec::new();
        let mut seen = HashSet::new();
        for g in gold {
            let occ = occurrences(text, s(g, "mention").unwrap_or(""));
            if occ.is_empty() {
                entries.push((g, None));
            }
            for sp in occ {
                if seen.insert(sp) {
                    entries.push((g, Some(sp)));
                }
            }
        }
        let mut matched = vec![false; preds.len()];
        let mut tp = 0;
        for (g, gs) in &entries {
            let hit = (0..preds.len()).find(|&i| !matched[i] && ov(*gs, pspan(preds[i])));
            let mention = s(g, "mention").unwrap_or("");
            match hit {
                None => misses.push(Miss {
                    facet,
                    doc: d.id.clone(),
                    what: format!("missed {mention:?} (gold {})", brief(g)),
                }),
                Some(i) => {
                    matched[i] = true;
                    if self.mention_ok(facet, g, preds[i]) {
                        tp += 1;
                    } else {
                        misses.push(Miss {
                            facet,
                            doc: d.id.clone(),
                            what: format!(
                                "wrong {mention:?}: gold {} / predicted {}",
                                brief(g),
                                brief(preds[i])
                            ),
                        });
                    }
                }
            }
        }
        for (i, p) in preds.iter().enumerate() {
            if !matched[i] {
                misses.push(Miss {
                    facet,
                    doc: d.id.clone(),
                    what: format!("spurious {}", brief(p)),
                });
            }
        }
        let mut fp = preds.len() - tp;
        if facet == "places" {
            fp -= preds
                .iter()
                .enumerate()
                .filter(|(i, p)| {
                    !matched[*i] && s(p, "feature").unwrap_or("").eq_ignore_ascii_case("PPLC")
                })
                .count();
        }
        (tp, fp, entries.len() - tp)
    }

    pub(crate) fn event_loc_ok(&self, ge: &Value, pe: &Value) -> bool {
        let Some(gl) = s(ge, "location").filter(|l| !l.is_empty()) else {
            return true;
        };
        let null = Value::Null;
        let loc = pe.get("location").filter(|l| !l.is_null()).unwrap_or(&null);
        let g = self.gold_point(gl, s(ge, "country"));
        if let (Some(g), Some(p)) = (g, place_point(loc)) {
            return km(g, p) <= 50.0;
        }
        name_key(s(loc, "name").unwrap_or("")) == name_key(gl)
            || (g.is_none()
                && s(loc, "country")
                    .unwrap_or("")
                    .eq_ignore_ascii_case(s(ge, "country").unwrap_or("")))
    }

    fn events(&self, d: &GoldDoc, out: &Value, sc: &mut Scores) {
        let ge = arr(&d.gold, "events");
        // a record's own `scope_from` wins over the corpus-wide floor
        let floor = d.scope_from.or(self.min_date);
        let pe: Vec<&Value> = arr(out, "events")
            .iter()
            .filter(|x| match (floor, pred_interval(x).1) {
                (Some(floor), Some(end)) => end >= floor,
                _ => true,
            })
            .collect();
        let mut used = vec![false; pe.len()];
        let mut pairs = Vec::new();
        for (gi, g) in ge.iter().enumerate() {
            let gint: Interval = (
                s(g, "date_start").and_then(|x| parse_interval(x).0),
                s(g, "date_end").and_then(|x| parse_interval(x).1),
            );
            let dated = s(g, "date_start").is_some() || s(g, "date_end").is_some();
            for (pi, p) in pe.iter().enumerate() {
                if used[pi] || s(p, "event_type") != s(g, "event_type") {
                    continue;
                }
                if dated && !overlaps(gint, pred_interval(p), 1) {
                    continue;
                }
                if !self.event_loc_ok(g, p) {
                    continue;
                }
                used[pi] = true;
                pairs.push((gi, pi));
                break;
            }
        }
        sc.facets.get_mut("events").expect("facet").add(
            pairs.len(),
            pe.len() - pairs.len(),
            ge.len() - pairs.len(),
        );
        for &(gi, pi) in &pairs {
            let (g, p) = (&ge[gi], pe[pi]);
            sc.matched_events += 1;
            let key = |v: &Value, k: &str| name_key(s(v, k).unwrap_or(""));
            let mut hit =
                |name: &'static str, ok: bool| *sc.sub.entry(name).or_default() += usize::from(ok);
            hit(
                "sub_event_type",
                s(p, "sub_event_type") == s(g, "sub_event_type"),
            );
            hit("actor1", key(p, "actor1") == key(g, "actor1"));
            hit("actor2", key(p, "actor2") == key(g, "actor2"));
            let null = Value::Null;
            let fat = p
                .get("fatalities")
                .filter(|f| !f.is_null())
                .unwrap_or(&null);
            hit(
                "fatalities",
                num_eq(fat.get("low"), g.get("fatalities_low"))
                    && num_eq(fat.get("high"), g.get("fatalities_high")),
            );
            hit("wounded", num_eq(p.get("wounded"), g.get("wounded")));
            let classes = |v: &Value| -> HashSet<&'static str> {
                arr(v, "claims")
                    .iter()
                    .flat_map(|c| claimant_classes(s(c, "claimant").unwrap_or("")))
                    .collect()
            };
            let (gcl, pcl) = (classes(g), classes(p));
            hit("claimant", gcl.is_empty() || !gcl.is_disjoint(&pcl));
            let hedged = |v: &Value| {
                arr(v, "claims")
                    .iter()
                    .any(|c| c.get("hedged").and_then(Value::as_bool) == Some(true))
            };
            hit("hedged", hedged(g) == hedged(p));
        }
        let matched: HashSet<usize> = pairs.iter().map(|x| x.0).collect();
        for (gi, g) in ge.iter().enumerate() {
            if !matched.contains(&gi) {
                sc.misses.push(Miss {
                    facet: "events",
                    doc: d.id.clone(),
                    what: format!(
                        "missed {} at {} on {}",
                        s(g, "event_type").unwrap_or("?"),
                        s(g, "location").unwrap_or("?"),
                        s(g, "date_start").unwrap_or("?")
                    ),
                });
            }
        }
    }

    fn move_ok(&self, gm: &Value, pm: &Value) -> bool {
        if s(gm, "status") != s(pm, "status") {
            return false;
        }
        if let Some(gp) = s(gm, "place").filter(|x| !x.is_empty()) {
            let null = Value::Null;
            let pp = pm.get("place").filter(|x| !x.is_null()).unwrap_or(&null);
            let near = matches!((self.gold_point(gp, None), place_point(pp)), (Some(g), Some(p)) if km(g, p) <= 25.0);
            if !near && name_key(s(pp, "name").unwrap_or("")) != name_key(gp) {
                return false;
            }
        }
        if let Some(gd) = s(gm, "date").filter(|x| !x.is_empty()) {
            if !overlaps(parse_interval(gd), pred_interval(pm), 1) {
                return false;
            }
        }
        true
    }

    fn movements(&self, d: &GoldDoc, out: &Value, sc: &mut Scores) {
        let gm = arr(&d.gold, "movements");
        let pm = arr(out, "movements");
        let mut used = vec![false; pm.len()];
        let mut tp = 0;
        for m in gm {
            if let Some(i) = (0..pm.len()).find(|&i| !used[i] && self.move_ok(m, &pm[i])) {
                used[i] = true;
                tp += 1;
            } else {
                sc.misses.push(Miss {
                    facet: "movements",
                    doc: d.id.clone(),
                    what: format!("missed {}", brief(m)),
                });
            }
        }
        sc.facets
            .get_mut("movements")
            .expect("facet")
            .add(tp, pm.len() - tp, gm.len() - tp);
    }
}

/// A one-line summary of a gold or predicted object for the list of misses.
fn brief(v: &Value) -> String {
    let mut parts = Vec::new();
    for k in [
        "canonical",
        "actor",
        "name",
        "value",
        "low",
        "high",
        "status",
        "place",
        "date",
        "from",
        "to",
        "country",
    ] {
        match v.get(k) {
            Some(Value::Null) | None => {}
            Some(Value::String(x)) => parts.push(format!("{k}={x}")),
            Some(Value::Object(o)) => {
                if let Some(n) = o.get("name").and_then(Value::as_str) {
                    parts.push(format!("{k}={n}"));
                }
            }
            Some(x) => parts.push(format!("{k}={x}")),
        }
    }
    if let Some(t) = v.get("span").and_then(|x| s(x, "text")) {
        parts.insert(0, format!("{t:?}"));
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc(text: &str, gold: Value) -> GoldDoc {
        GoldDoc {
            id: "t".into(),
            lang: Some("fr".into()),
            published: Some("2024-10-09".into()),
            outlet: None,
            url: None,
            text: text.into(),
            scope_from: None,
            gold,
        }
    }

    #[test]
    fn occurrences_are_whole_words_in_bytes() {
        assert_eq!(occurrences("à Gao, Gaoua", "Gao"), vec![(3, 6)]);
        assert_eq!(occurrences("Kidal Kidal", "Kidal"), vec![(0, 5), (6, 11)]);
    }

    #[test]
    fn dates_scored_by_interval_and_span() {
        let text = "Le 5 octobre, puis mardi.";
        let d = doc(
            text,
            json!({"dates": [{"mention": "Le 5 octobre", "value": "2024-10-05"}, {"mention": "mardi", "value": "2024-10-08"}]}),
        );
        let pred = json!({"dates": [
            {"span": {"start": 0, "end": 12, "text": "Le 5 octobre"}, "value": "2024-10-05", "from": "2024-10-05", "to": "2024-10-05"},
            {"span": {"start": 19, "end": 24, "text": "mardi"}, "value": "2024-10-01", "from": "2024-10-01", "to": "2024-10-01"}
        ]});
        let r = Reference::empty();
        let sc = Scorer::new(&r, None).score(&[d], &[Ok(pred)]);
        let f = sc.facets["dates"];
        assert_eq!((f.tp, f.fp, f.fn_), (1, 1, 1));
    }

    #[test]
    fn claimant_classes_follow_the_reference() {
        assert!(claimant_classes("l'armée malienne").contains("state"));
        assert!(claimant_classes("CSP-DPA").contains("csp"));
        assert!(claimant_classes("Mondafrique").contains("other"));
    }
}
