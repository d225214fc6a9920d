//! Disambiguation across the document: the fifth phase of the geoparser, which picks one
//! place (or none) for every candidate.
//!
//! Two passes: the first scores each candidate's places with the document's countries
//! alone; the second also knows where the places kept by the first pass are, so that
//! places near the document's other places win ("Bourem" next to "Gao" is the Malian
//! town). Candidates of the same name in the same situation share one resolution.

use super::context::Focus;
use super::km;
use super::score::{accept, score};
use super::Cand;
use crate::index::{Gazetteer, PlaceId, PlaceRef};
use crate::keys::KeyLevel;
use crate::lexicon::Cue;
use vigie_text::hash::FastMap as HashMap;

/// Latitude difference (degrees) beyond which two places are surely more than
/// [`NEAR_KM`](super::score::NEAR_KM) apart (one degree of latitude is 111 km everywhere).
const FAR_DEGREES: f64 = 4.0;

/// The place chosen for a candidate, with its score.
#[derive(Debug, Clone, Copy)]
pub(super) struct Choice {
    /// The place.
    pub place: PlaceId,
    /// Its score (see [`score`]).
    pub score: f64,
}

/// What a candidate's resolution depends on besides the other places: its name and how
/// it was found.
type Situation<'s> = (&'s str, Option<Cue>, bool, bool, bool, bool);

/// The place chosen for each candidate of `cands` (named in `names`; their places in
/// `arena`, read in `refs`), or `None` when no place has enough support.
pub(super) fn choose(
    gaz: &Gazetteer,
    cands: &[Cand],
    arena: &[(PlaceId, KeyLevel)],
    refs: &[Option<PlaceRef<'_>>],
    names: &str,
    focus: &Focus<'_>,
) -> Vec<Option<Choice>> {
    // two passes: the second knows where the places kept by the first one are.
    // Candidates of the same name in the same situation share one resolution.
    let name_of = |c: &Cand| &names[c.name.clone()];
    let situation = |c: &Cand| -> Situation<'_> {
        (
            name_of(c),
            c.cue,
            c.weak_cap,
            c.lower,
            c.in_long_name,
            c.single,
        )
    };
    let mut chosen: Vec<Option<Choice>> = vec![None; cands.len()];
    let mut near: Vec<(f64, f64)> = Vec::new();
    for pass in 0..2 {
        // the places chosen so far (none in the first pass), with their names
        let anchors = if pass == 0 {
            Vec::new()
        } else {
            anchors(gaz, cands, &chosen, names)
        };
        let mut memo: HashMap<Situation<'_>, Option<Choice>> = HashMap::default();
        let mut next = vec![None; cands.len()];
        for (k, c) in cands.iter().enumerate() {
            let key = situation(c);
            if let Some(m) = memo.get(&key) {
                next[k] = *m;
                continue;
            }
            let name = name_of(c);
            // where the places of the other names are
            near.clear();
            near.extend(anchors.iter().filter(|a| a.0 != name).map(|a| (a.2, a.3)));
            let places = &arena[c.places.clone()];
            let refs = &refs[c.places.clone()];
            let best = best_place(c, name, places, refs, &near, focus);
            memo.insert(key, best);
            next[k] = best;
        }
        chosen = next;
    }
    chosen
}

/// The places chosen so far that locate the others: each name's place once, with its
/// name and point; countries do not count.
fn anchors<'s>(
    gaz: &Gazetteer,
    cands: &[Cand],
    chosen: &[Option<Choice>],
    names: &'s str,
) -> Vec<(&'s str, PlaceId, f64, f64)> {
    let mut anchors: Vec<(&str, PlaceId, f64, f64)> = Vec::new();
    for (k, ch) in chosen.iter().enumerate() {
        let Some(ch) = ch else { continue };
        let name = &names[cands[k].name.clone()];
        if anchors.iter().any(|a| a.0 == name && a.1 == ch.place) {
            continue;
        }
        if let Some(p) = gaz.place(ch.place) {
            if !p.feature_code.starts_with("PCL") {
                anchors.push((name, ch.place, p.lat, p.lon));
            }
        }
    }
    anchors
}

/// The best-scored place of candidate `c` (named `name`; its `places` read in `refs`)
/// that [`accept`] lets through, given the points of the other names' places (`near`)
/// and the document's focus.
fn best_place(
    c: &Cand,
    name: &str,
    places: &[(PlaceId, KeyLevel)],
    refs: &[Option<PlaceRef<'_>>],
    near: &[(f64, f64)],
    focus: &Focus<'_>,
) -> Option<Choice> {
    let mut best: Option<Choice> = None;
    for (&(pid, level), p) in places.iter().zip(refs) {
        let Some(p) = *p else { continue };
        // the distance only counts up to NEAR_KM: an anchor more than
        // FAR_DEGREES of latitude away is farther, its distance is not needed
        let near_km = near
            .iter()
            .filter(|a| (a.0 - p.lat).abs() <= FAR_DEGREES)
            .map(|a| km(a.0, a.1, p.lat, p.lon))
            .fold(f64::INFINITY, f64::min);
        let ctx = focus.ctx(p.country, name);
        if !accept(&p, c, level, ctx, near_km) {
            continue;
        }
        let s = score(&p, c, level, ctx, near_km);
        if best.is_none_or(|b| s > b.score) {
            best = Some(Choice {
                place: pid,
                score: s,
            });
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geoparse::testkit::{gaz, TestDoc};
    use vigie_model::Lang;

    #[test]
    fn places_of_a_malian_report_are_in_mali_fr() {
        let t = TestDoc::new(
            "Au Mali, des hommes armés ont attaqué Bourem et Gao.",
            Lang::Fr,
        );
        let r = t.resolved();
        assert_eq!(r.main_country.as_deref(), Some("ML"));
        for w in ["Mali", "Bourem", "Gao"] {
            assert_eq!(r.country_of(w).as_deref(), Some("ML"), "{w}");
        }
    }

    #[test]
    fn neighbours_support_each_other_en() {
        let t = TestDoc::new(
            "Gunmen attacked a market in Tillabéri and then went on to Ayorou by night.",
            Lang::En,
        );
        let r = t.resolved();
        assert_eq!(r.country_of("Tillabéri").as_deref(), Some("NE"));
        assert_eq!(r.country_of("Ayorou").as_deref(), Some("NE"));
    }

    #[test]
    fn same_name_same_situation_same_place() {
        let t = TestDoc::new(
            "La colonne est partie vers Kidal, puis elle est revenue vers Kidal le lendemain.",
            Lang::Fr,
        );
        let r = t.resolved();
        assert_eq!(r.cands.len(), 2);
        let places: Vec<_> = r.chosen.iter().map(|c| c.map(|c| c.place)).collect();
        assert!(places[0].is_some());
        assert_eq!(places[0], places[1]);
    }

    #[test]
    fn countries_locate_nothing() {
        let t = TestDoc::new("Le Niger et Niamey.", Lang::Fr);
        let r = t.resolved();
        let anchors = anchors(gaz(), &r.cands, &r.chosen, &r.names);
        let names: Vec<&str> = anchors.iter().map(|a| a.0).collect();
        assert_eq!(names, ["niamey"]);
    }

    #[test]
    fn no_place_read_no_choice() {
        let t = TestDoc::new("Vers Kidal.", Lang::Fr);
        let r = t.resolved();
        let c = &r.cands[0];
        let focus_names = String::new();
        let focus = Focus::new(
            &[],
            &[],
            &[],
            &focus_names,
            &crate::geoparse::testkit::lexicon().home,
            &[],
        );
        let places = [(0, KeyLevel::Exact)];
        assert!(best_place(c, "kidal", &places, &[None], &[], &focus).is_none());
    }
}
