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

use super::anchors::container_between;
use super::resolve::Choice;
use super::tokens::Doc;
use super::{Cand, MAX_GAP_TO_ANCHOR};
use crate::lexicon::Cue;
use crate::lexicon::Side;
use vigie_model::{PlaceMention, Span};
use vigie_text::hash::{FastMap as HashMap, FastSet as HashSet};
use vigie_text::Token;

/// A capitalized name that the gazetteer did not resolve, with the cue before it: one
/// word, or a few capitalized words in a row ("the village of Tin Tam").
#[derive(Debug, Clone, Copy)]
pub(super) struct Unknown {
    /// Its first token.
    pub tok: usize,
    /// The token after its last one.
    pub end: usize,
    /// The cue phrase right before it, if any.
    pub cue: Option<Cue>,
}

/// How many capitalized words an unresolved name may have.
pub(super) const MAX_NAME_WORDS: usize = 3;

/// The GeoNames feature code that a place noun implies.
fn feature_of(cue: Option<Cue>) -> &'static str {
    match cue {
        Some(Cue::Town | Cue::Village) => "PPL",
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

/// The capitalized names that may be places the gazetteer lacks, with the cue before
/// each: the names no lookup found (`unknown`, from the candidate search: single words,
/// and runs of up to [`MAX_NAME_WORDS`] words such as "Tin Tam"), and the names of up to
/// that many words whose places were all refused (no place `chosen`). A name ending the
/// text `cut` in the middle of a word, a single word of a person's name, names with a
/// chosen place inside and names of fewer than four letters are left out.
pub(super) fn unknown_names(
    doc: Doc<'_>,
    mut unknown: Vec<(usize, usize)>,
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
            .filter(|(c, ch)| {
                ch.is_none() && c.t1 - c.t0 <= MAX_NAME_WORDS && !c.lower && doc.ti[c.t0].name_start
            })
            .map(|(c, _)| (c.t0, c.t1)),
    );
    unknown.sort_unstable();
    unknown.dedup();
    // a name with a place chosen inside it is that place's context, not a name of its own
    let holds_a_place = |u: usize, end: usize| {
        cands
            .iter()
            .zip(chosen)
            .any(|(c, ch)| ch.is_some() && c.t0 < end && u < c.t1)
    };
    let mut out: Vec<Unknown> = Vec::new();
    for (u, end) in unknown {
        if out.last().is_some_and(|p| u < p.end) || holds_a_place(u, end) {
            continue;
        }
        if cut && end == n {
            continue;
        }
        let letters: usize = (u..end).map(|k| f(k).chars().count()).sum();
        // a run of several words was refused as a person's name only for not being a
        // place: its own words do not count against it
        if letters < 4 || end == u + 1 && person_words.contains(f(u)) {
            continue;
        }
        out.push(Unknown {
            tok: u,
            end,
            cue: doc.cue_before(u, &mut phrase),
        });
    }
    out
}

/// The folded words of a name, joined by spaces.
fn folded_name(doc: Doc<'_>, u: &Unknown) -> String {
    let mut s = String::new();
    for k in u.tok..u.end {
        if k > u.tok {
            s.push(' ');
        }
        s.push_str(doc.f(k));
    }
    s
}

/// Whether a located place of `found` opens a parenthesis right after token `t`: an
/// administrative hint ("Tin Tam (Bandiagara, Mopti)"), which says the name before it
/// is a place of that district.
fn hint_after(text: &str, tokens: &[Token], t: usize, found: &[PlaceMention]) -> bool {
    let end = tokens[t].span.end;
    found.iter().any(|p| {
        p.lat.is_some()
            && p.span.start > end
            && text
                .get(end..p.span.start)
                .is_some_and(|between| between.trim() == "(")
    })
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
    let keys: Vec<String> = unknown.iter().map(|u| folded_name(doc, u)).collect();
    // the occurrences that establish a name as a place, by folded name: the first one
    // with an anchor wins, else the first one
    let mut established: HashMap<&str, (&Unknown, Option<Cue>, Option<&PlaceMention>)> =
        HashMap::default();
    for (u, key) in unknown.iter().zip(&keys) {
        let last = u.end - 1;
        let anchor = anchor_after(text, tokens, last, found);
        let by_noun = matches!(u.cue, Some(c) if c != Cue::Loc);
        // or a division it lies in ("in X, Koro cercle"; "à X, commune de Y")
        let in_division = || {
            let end = tokens[last].span.end;
            found
                .iter()
                .find(|p| p.span.start >= end)
                .and_then(|p| container_between(text, doc.lx, end, p))
                .is_some_and(|(_, side)| side != Side::Prep)
        };
        let by_anchor =
            u.cue == Some(Cue::Loc) && (anchor.is_some() || in_division()) && !ti[u.tok].weak;
        // a name followed by its district in parentheses is a place of that district
        let by_hint = !ti[u.tok].weak && hint_after(text, tokens, last, found);
        if !(by_noun || by_anchor || by_hint) {
            continue;
        }
        let e = established
            .entry(key.as_str())
            .or_insert((u, u.cue, anchor));
        if e.2.is_none() && anchor.is_some() {
            *e = (u, u.cue, anchor);
        }
    }
    if established.is_empty() {
        return Vec::new();
    }
    // the first place noun said of each name anywhere in the document
    let mut noun: HashMap<&str, Cue> = HashMap::default();
    for (u, key) in unknown.iter().zip(&keys) {
        if let Some(c) = u.cue.filter(|&c| c != Cue::Loc) {
            noun.entry(key.as_str()).or_insert(c);
        }
    }
    let mut out = Vec::new();
    for (u, key) in unknown.iter().zip(&keys) {
        let Some(&(first, _, anchor)) = established.get(key.as_str()) else {
            continue;
        };
        // the occurrence's own noun, else the one said of the name elsewhere
        let own_noun = u.cue.filter(|&c| c != Cue::Loc);
        let feature = feature_of(own_noun.or_else(|| noun.get(key.as_str()).copied()));
        let span = Span::new(tokens[u.tok].span.start, tokens[u.end - 1].span.end);
        let name = text[tokens[first.tok].span.start..tokens[first.end - 1].span.end].to_string();
        let own_anchor = anchor_after(text, tokens, u.end - 1, found);
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
        let u = unknown_names(
            d,
            vec![(last, last + 1), (abo, abo + 1), (k, k + 1), (k, k + 1)],
            &[],
            &[],
            &none,
            true,
        );
        assert_eq!(u.len(), 1);
        assert_eq!((u[0].tok, u[0].cue), (k, Some(Cue::Well)));
        let persons: HashSet<&str> = ["kwarbeleto"].into_iter().collect();
        assert!(unknown_names(d, vec![(k, k + 1)], &[], &[], &persons, false).is_empty());
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
