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

use super::{TokInfo, MAX_GAP_TO_ANCHOR};
use crate::lexicon::Cue;
use vigie_model::{PlaceMention, Span};
use vigie_text::hash::FastMap as HashMap;
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

/// The unresolved places among `unknown`, given the places already `found` and the
/// document's main country.
#[allow(clippy::too_many_arguments)]
pub(super) fn unresolved<'a>(
    text: &str,
    tokens: &[Token],
    f: impl Fn(usize) -> &'a str,
    ti: &[TokInfo],
    unknown: &[Unknown],
    found: &[PlaceMention],
    main_country: Option<&str>,
) -> Vec<PlaceMention> {
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
