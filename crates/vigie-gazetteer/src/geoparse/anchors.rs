//! Anchors: what a text writes right after a place to say where it lies. A relative
//! location ("Ayouba, near Bani Bangou"; "Tiloa, some 30 km south of Ménaka") or the
//! division the place belongs to ("Kaare, in the commune of Gueskerou"; "Talawat, commune
//! de Tonka"; "Orowaran, Koro cercle"; the phrases are data, `containers_*.tsv`).
//!
//! The writer names the anchor because the place alone is ambiguous or obscure, so the
//! anchor decides between namesakes: a place resolved farther from its anchor than the
//! text allows is re-resolved to the namesake nearest to the anchor, and when no namesake
//! lies close enough it is a village the gazetteer lacks, placed at its anchor with
//! geo-precision 2, the way a coder places such a village. An unresolved place without a
//! point takes its anchor's point too. Countries and first-level regions are no anchors
//! here: the region support of the resolution phase already weighs them.

use super::hints::{locate_by_hint, nearest_namesake, unresolve_at};
use super::km;
use crate::lexicon::{normalize_phrase, Container, LangLex, Side};
use crate::Gazetteer;
use vigie_model::PlaceMention;

/// How far from an anchor it is "near" to, or from the seat of its commune, a place may lie.
const NEAR_KM: f64 = 50.0;
/// How far from the seat of its cercle or department a place may lie (the Sahel's
/// largest cercles are some 300 km across).
const DISTRICT_KM: f64 = 150.0;
/// What is added to a stated distance ("30 km south of X": within 30 + this of X), for
/// the rounding of the distance and the size of the anchor town.
const DISTANCE_SLACK_KM: f64 = 30.0;
/// What a stated distance is multiplied by when that gives more room than
/// [`DISTANCE_SLACK_KM`]: long distances are told in round figures ("200 km north of X"
/// for a town 240 km away by the great circle).
const DISTANCE_SLACK_SHARE: f64 = 1.25;
/// The longest text between a place and its division that can hold a container phrase
/// ("X, dans la commune rurale de Y" and a little room).
const MAX_PHRASE_BYTES: usize = 48;
/// At most this many bytes of separators between a place and its relative anchor.
const MAX_GAP: usize = 8;

/// Whether `c` only separates a place from what follows it.
fn separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | '(' | '–' | '—' | '-' | ';')
}

/// The anchor of `places[t]`, the place right after it: its index and how far from it
/// `places[t]` may lie. None when the text between them says nothing of the kind.
fn anchor_of(text: &str, lx: &LangLex, places: &[PlaceMention], t: usize) -> Option<(usize, f64)> {
    let (m, next) = (&places[t], places.get(t + 1)?);
    if next.span.start < m.span.end {
        return None;
    }
    // a relative expression that begins right after the place ("X, near Y")
    if let Some(rel) = next.relative.as_ref().filter(|r| r.anchor.is_none()) {
        let gap = text.get(m.span.end..rel.span.start.max(m.span.end))?;
        if rel.span.start >= m.span.end && gap.len() <= MAX_GAP && gap.chars().all(separator) {
            // "near Y": close by; "north of Y" without a distance: a district's reach
            let limit = match rel.distance_km_high {
                Some(d) => (d + DISTANCE_SLACK_KM).max(d * DISTANCE_SLACK_SHARE),
                None if rel.relation == "near" => NEAR_KM,
                None => DISTRICT_KM,
            };
            return Some((t + 1, limit));
        }
    }
    let limit = match container_between(text, lx, m.span.end, next)?.0 {
        Container::Commune => NEAR_KM,
        Container::District => DISTRICT_KM,
    };
    Some((t + 1, limit))
}

/// The kind of division that the text between byte `end` (the end of a place's name) and
/// the place `next` says the first place lies in: a container phrase between them ("X, in
/// the commune of Y"), or only separators between them and a container noun right after
/// `next` ("X, Y cercle"); with the side of the phrase that says so ([`Side::Prep`] for a
/// bare preposition).
pub(super) fn container_between(
    text: &str,
    lx: &LangLex,
    end: usize,
    next: &PlaceMention,
) -> Option<(Container, Side)> {
    let between = text.get(end..next.span.start)?;
    // no container phrase is longer (a quick refusal before folding)
    if between.len() > MAX_PHRASE_BYTES {
        return None;
    }
    let phrase = normalize_phrase(between.trim_matches(separator));
    if let Some(&(kind, side @ (Side::Before | Side::Prep))) = lx.containers.get(&phrase) {
        return Some((kind, side));
    }
    // otherwise only separators, or a locative phrase of the kind "in" or "in the" that
    // the container noun after the name completes ("X in the Koro area"), may stand between
    let lead = matches!(lx.containers.get(&phrase), Some(&(_, Side::Lead)));
    if !(phrase.is_empty() && between.len() <= MAX_GAP || lead) {
        return None;
    }
    let after = text.get(next.span.end..)?;
    let word: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    if !after.starts_with(char::is_whitespace) || word.is_empty() {
        return None;
    }
    match lx.containers.get(&normalize_phrase(&word)) {
        Some(&(kind, Side::After)) => Some((kind, Side::After)),
        _ => None,
    }
}

/// Holds each place to the anchor written after it (see the module documentation).
pub(super) fn apply(gaz: &Gazetteer, lx: &LangLex, text: &str, places: &mut [PlaceMention]) {
    for t in 0..places.len() {
        let Some((a, limit)) = anchor_of(text, lx, places, t) else {
            continue;
        };
        let anchor = &places[a];
        if anchor.unresolved || anchor.feature.starts_with("PCL") || anchor.feature == "ADM1" {
            continue;
        }
        let Some(to) = anchor.point() else {
            continue;
        };
        let m = &places[t];
        // a country or a region is never a namesake of a village ("the embassy of France
        // in Niamey")
        if m.feature.starts_with("PCL") || m.feature == "ADM1" {
            continue;
        }
        let Some(at) = m.point() else {
            if m.unresolved {
                locate_by_hint(places, t, a);
            }
            continue;
        };
        // an unresolved place already placed, or the anchor of a relative expression of
        // its own, stays where it is
        if m.unresolved || m.relative.is_some() || km(at.0, at.1, to.0, to.1) <= limit {
            continue;
        }
        if !nearest_namesake(gaz, &mut places[t], to, limit) {
            unresolve_at(places, t, a);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Gazetteer, Geoparser};
    use vigie_model::{Lang, PlaceMention};

    fn find(text: &str, lang: Lang) -> Vec<PlaceMention> {
        Geoparser::new(Gazetteer::embedded(), None).find(
            text,
            &vigie_text::tokenize(text),
            lang,
            &[],
        )
    }

    fn at<'p>(ps: &'p [PlaceMention], name: &str) -> &'p PlaceMention {
        ps.iter()
            .find(|p| p.span.text == name)
            .unwrap_or_else(|| panic!("{name} not found in {ps:#?}"))
    }

    /// Issue 12: a place the gazetteer only holds far from the commune the text puts it
    /// in is a village it lacks, placed at the commune's seat.
    #[test]
    fn issue12_a_commune_named_after_a_place_holds_it() {
        for (text, lang, place, anchor) in [
            (
                "On 4 March, gunmen raided the village of Karé in the commune of Ouatagouna.",
                Lang::En,
                "Karé",
                "Ouatagouna",
            ),
            (
                "Le 4 mars, des hommes armés ont pillé Karé, commune de Ouatagouna.",
                Lang::Fr,
                "Karé",
                "Ouatagouna",
            ),
        ] {
            let ps = find(text, lang);
            let (p, a) = (at(&ps, place), at(&ps, anchor));
            assert!(a.lat.is_some(), "{a:?}");
            let (pp, ap) = (p.point().expect("located"), a.point().unwrap());
            assert!(
                super::km(pp.0, pp.1, ap.0, ap.1) <= super::NEAR_KM,
                "{text}: {p:?}"
            );
        }
    }

    /// Issue 12: "X, near Y" keeps X within reach of Y, and an unresolved X takes Y's point.
    #[test]
    fn issue12_a_near_anchor_decides_between_namesakes() {
        for (text, lang) in [
            (
                "Soldiers burned the camp of Ayouba, near Banibangou, on Friday.",
                Lang::En,
            ),
            (
                "Des soldats ont incendié le campement d'Ayouba, près de Banibangou, vendredi.",
                Lang::Fr,
            ),
        ] {
            let ps = find(text, lang);
            let (p, a) = (at(&ps, "Ayouba"), at(&ps, "Banibangou"));
            let (pp, ap) = (p.point().expect("located"), a.point().unwrap());
            assert!(
                super::km(pp.0, pp.1, ap.0, ap.1) <= super::NEAR_KM,
                "{text}: {p:?}"
            );
        }
    }

    /// Issue 12: "X in Y" and "X in the Y area" hold X near Y.
    #[test]
    fn issue12_in_a_town_or_its_area() {
        for text in [
            "Gunmen burned the hamlet of Kokourou in the Bandiagara area on Monday.",
            "Gunmen burned the hamlet of Kokourou in Bandiagara on Monday.",
        ] {
            let ps = find(text, Lang::En);
            let (p, a) = (at(&ps, "Kokourou"), at(&ps, "Bandiagara"));
            let (pp, ap) = (p.point().expect("located"), a.point().unwrap());
            assert!(
                super::km(pp.0, pp.1, ap.0, ap.1) <= super::DISTRICT_KM,
                "{text}: {p:?}"
            );
        }
    }

    /// Issue 12: a container noun after the division's name ("Koro cercle").
    #[test]
    fn issue12_a_cercle_written_after_its_name() {
        let ps = find(
            "Hunters killed three herders in Orowaran, Koro cercle, on Monday.",
            Lang::En,
        );
        let (p, a) = (at(&ps, "Orowaran"), at(&ps, "Koro"));
        assert_eq!(a.country, "ML", "{a:?}");
        let (pp, ap) = (p.point().expect("located"), a.point().unwrap());
        assert!(
            super::km(pp.0, pp.1, ap.0, ap.1) <= super::DISTRICT_KM,
            "{p:?}"
        );
    }
}
