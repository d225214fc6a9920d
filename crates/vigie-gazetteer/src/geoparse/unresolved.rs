//! Place names the gazetteer lacks.
//!
//! Reports name wells, gold-mining sites, valleys and hamlets that no gazetteer carries.
//! Dropping them would lose the very place an event happened at, so a capitalized word that
//! the gazetteer does not know is kept as an *unresolved* place when the text itself says it
//! is a place:
//!
//! - a place noun introduces it: "la localité de X", "le puits de X", "la vallée de X",
//!   "the village of X" (the cue kinds other than a bare preposition);
//! - or a locative preposition introduces it and a relative location follows it at once,
//!   locating it against a known place: "à X, à sept kilomètres de Gao", "in X (near Kidal)".
//!
//! Once a name is established as a place, its other capitalized occurrences in the document
//! are that place too ("A X, les habitants …"): one sense per document.
//!
//! An unresolved place located against an anchor takes the anchor's coordinates and
//! administrative areas with geo-precision 2, as ACLED codes a place it cannot find at the
//! nearest known one. Without an anchor it has no coordinates; its country is the document's
//! main country when the document has one.

use super::resolve::Choice;
use super::tokens::Doc;
use super::{Cand, MAX_GAP_TO_ANCHOR};
use crate::lexicon::Cue;
use vigie_model::{PlaceMention, Span};
use vigie_text::hash::{FastMap as HashMap, FastSet as HashSet};
use vigie_text::Token;

/// A capitalized single word that the gazetteer did not resolve, with the cue before it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Unknown {
    /// Its token.
    pub tok: usize,
    /// The cue phrase right before it, if any.
    pub cue: Option<Cue>,
}

/// The GeoNames feature code that a place noun implies.
fn feature_of(cue: Option<Cue>) -> &'static str {
    match cue {
        Some(Cue::Town) => "PPL",
        Some(Cue::Region) => "ADM1",
        Some(Cue::Cercle) => "ADM2",
        Some(Cue::Well) => "WLL",
        Some(Cue::Wadi) => "WAD",
        Some(Cue::Camp) => "CMP",
        Some(Cue::Mine) => "MN",
        Some(Cue::Loc) | None => "",
    }
}

/// The place of `found` whose relative expression starts right after the token `t`:
/// nothing but spaces, a comma, a dash or an opening bracket between them, and perhaps the
/// locative preposition that the expression leaves out ("X (à environ 60 km de Y)").
fn anchor_after<'p>(
    text: &str,
    tokens: &[Token],
    t: usize,
    found: &'p [PlaceMention],
) -> Option<&'p PlaceMention> {
    let end = tokens[t].span.end;
    found.iter().find(|p| {
        let Some(rel) = &p.relative else { return false };
        let start = rel.span.start;
        start >= end
            && start - end <= MAX_GAP_TO_ANCHOR
            && text.is_char_boundary(start)
            && matches!(
                text[end..start]
                    .trim_matches(|c: char| {
                        c.is_whitespace() || matches!(c, ',' | '(' | '–' | '—' | '-')
                    })
                    .to_lowercase()
                    .as_str(),
                "" | "à" | "a" | "at"
            )
    })
}

/// The capitalized single words that may be places the gazetteer lacks, with the cue
/// before each: the words no lookup found (`unknown`, from the candidate search), and the
/// single words whose places were all refused (no place `chosen`). The last word of a
/// text `cut` in the middle of a word, the words of person names and the words of fewer
/// than four letters are left out.
pub(super) fn unknown_names(
    doc: Doc<'_>,
    mut unknown: Vec<usize>,
    cands: &[Cand],
    chosen: &[Option<Choice>],
    person_words: &HashSet<&str>,
    cut: bool,
) -> Vec<Unknown> {
    let (n, f) = (doc.len(), |i: usize| doc.f(i));
    let mut phrase = String::new();
    // names the gazetteer lacks that the text presents as places: the words no lookup
    // found, and single words whose places were all refused
    unknown.extend(
        cands
            .iter()
            .zip(chosen)
            .filter(|(c, ch)| ch.is_none() && c.single && !c.lower && doc.ti[c.t0].name_start)
            .map(|(c, _)| c.t0),
    );
    unknown.sort_unstable();
    unknown.dedup();
    unknown
        .into_iter()
        .filter(|&u| !(cut && u + 1 == n))
        .filter(|&u| !person_words.contains(f(u)) && f(u).chars().count() >= 4)
        .map(|u| Unknown {
            tok: u,
            cue: doc.cue_before(u, &mut phrase),
        })
        .collect()
}

/// The unresolved places among `unknown`, given the places already `found` and the
/// document's main country.
pub(super) fn unresolved<'a>(
    doc: Doc<'a>,
    unknown: &[Unknown],
    found: &[PlaceMention],
    main_country: Option<&str>,
) -> Vec<PlaceMention> {
    let (text, tokens, ti) = (doc.text, doc.tokens, doc.ti);
    let f = |i: usize| doc.f(i);
    // the occurrences that establish a name as a place, by folded name: the first one
    // with an anchor wins, else the first one
    let mut established: HashMap<&'a str, (usize, Option<Cue>, Option<&PlaceMention>)> =
        HashMap::default();
    for u in unknown {
        let anchor = anchor_after(text, tokens, u.tok, found);
        let by_noun = matches!(u.cue, Some(c) if c != Cue::Loc);
        let by_anchor = u.cue == Some(Cue::Loc) && anchor.is_some() && !ti[u.tok].weak;
        if !(by_noun || by_anchor) {
            continue;
        }
        let e = established
            .entry(f(u.tok))
            .or_insert((u.tok, u.cue, anchor));
        if e.2.is_none() && anchor.is_some() {
            *e = (u.tok, u.cue, anchor);
        }
    }
    if established.is_empty() {
        return Vec::new();
    }
    // the first place noun said of each name anywhere in the document
    let mut noun: HashMap<&'a str, Cue> = HashMap::default();
    for u in unknown {
        if let Some(c) = u.cue.filter(|&c| c != Cue::Loc) {
            noun.entry(f(u.tok)).or_insert(c);
        }
    }
    let mut out = Vec::new();
    for u in unknown {
        let Some(&(first, _, anchor)) = established.get(f(u.tok)) else {
            continue;
        };
        // the occurrence's own noun, else the one said of the name elsewhere
        let own_noun = u.cue.filter(|&c| c != Cue::Loc);
        let feature = feature_of(own_noun.or_else(|| noun.get(f(u.tok)).copied()));
        let span = Span::new(tokens[u.tok].span.start, tokens[u.tok].span.end);
        let name = text[tokens[first].span.start..tokens[first].span.end].to_string();
        let own_anchor = anchor_after(text, tokens, u.tok, found);
        let mention = match own_anchor.or(anchor) {
            Some(a) => PlaceMention {
                span: span.with_text(text),
                name,
                geonameid: None,
                lat: a.lat,
                lon: a.lon,
                country: a.country.clone(),
                admin1: a.admin1.clone(),
                admin2: a.admin2.clone(),
                feature: feature.to_string(),
                geo_precision: 2,
                score: 0.3,
                // the relative expression belongs to the occurrence it follows
                relative: own_anchor.and_then(|a| {
                    let mut r = a.relative.clone()?;
                    r.anchor = Some(a.name.clone());
                    Some(r)
                }),
                unresolved: true,
            },
            None => PlaceMention {
                span: span.with_text(text),
                name,
                geonameid: None,
                lat: None,
                lon: None,
                country: main_country.unwrap_or_default().to_string(),
                admin1: None,
                admin2: None,
                feature: feature.to_string(),
                geo_precision: 3,
                score: 0.2,
                relative: None,
                unresolved: true,
            },
        };
        out.push(mention);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geoparse::testkit::{gaz, TestDoc};
    use crate::Geoparser;
    use vigie_model::Lang;

    fn find(text: &str, lang: Lang) -> Vec<PlaceMention> {
        Geoparser::new(gaz(), None).find(text, &vigie_text::tokenize(text), lang, &[])
    }

    #[test]
    fn unknown_names_leave_out_persons_short_words_and_cut_words() {
        let t = TestDoc::new("Le puits de Kwarbeleto et Abo, puis Kwarbel", Lang::Fr);
        let d = t.doc();
        let (k, abo, last) = (t.at("Kwarbeleto"), t.at("Abo"), d.len() - 1);
        let none = HashSet::default();
        let u = unknown_names(d, vec![last, abo, k, k], &[], &[], &none, true);
        assert_eq!(u.len(), 1);
        assert_eq!((u[0].tok, u[0].cue), (k, Some(Cue::Well)));
        let persons: HashSet<&str> = ["kwarbeleto"].into_iter().collect();
        assert!(unknown_names(d, vec![k], &[], &[], &persons, false).is_empty());
    }

    #[test]
    fn a_place_noun_makes_an_unresolved_place_fr() {
        let ps = find("Des bergers ont été tués au puits de Kwarbeleto.", Lang::Fr);
        let p = ps
            .iter()
            .find(|p| p.span.text == "Kwarbeleto")
            .expect("found");
        assert!(p.unresolved && p.lat.is_none());
        assert_eq!(p.feature, "WLL");
    }

    #[test]
    fn an_anchor_lends_its_point_en() {
        let ps = find(
            "Armed men were seen in Kwarbeleto, 15 km north of Gao, on that day.",
            Lang::En,
        );
        let gao = ps.iter().find(|p| p.span.text == "Gao").expect("Gao");
        let p = ps
            .iter()
            .find(|p| p.span.text == "Kwarbeleto")
            .expect("found");
        assert!(p.unresolved);
        assert_eq!((p.lat, p.lon, p.geo_precision), (gao.lat, gao.lon, 2));
        assert_eq!(
            p.relative.as_ref().and_then(|r| r.anchor.as_deref()),
            Some(gao.name.as_str())
        );
    }
}
