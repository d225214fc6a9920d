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

/// What a place gains when the name written is its own, not one of its variants: of two
/// villages of a district, the one called "Koro" is meant by "Koro" rather than one
/// that some source also spells so. Less than any feature or support difference.
const OWN_NAME: f64 = 0.1;

/// Whether `name` (folded) is the place's own name. An area's name with its
/// administrative word ("Koro Cercle") is not: the bare name is its seat's. `buf` is
/// scratch space for the folded name.
fn own_name(name: &str, p: &PlaceRef<'_>, buf: &mut String) -> bool {
    buf.clear();
    vigie_text::fold_into(p.name, buf);
    buf == name
}

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
    let mut near: Vec<Anchor<'_>> = Vec::new();
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
            near.extend(anchors.iter().filter(|a| a.name != name).copied());
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

/// A place chosen in the first pass, which supports the places of the other names.
#[derive(Debug, Clone, Copy)]
struct Anchor<'s> {
    /// The name it was chosen for (folded).
    name: &'s str,
    /// The place.
    place: PlaceId,
    /// Its point.
    lat: f64,
    lon: f64,
    /// For a first-level region, its admin1 code: a region supports the places inside
    /// it, however far from its centre ("Koro (Mopti)": the Koro of the Mopti region,
    /// not a namesake that happens to lie nearer the region's middle); empty otherwise.
    region: &'s str,
}

impl Anchor<'_> {
    /// How far place `p` is from this anchor, in km: 0 inside its region; for a region,
    /// infinite outside it (a region's centre says nothing of how near a place is). A
    /// place whose region the gazetteer does not know (an OpenStreetMap village) gets no
    /// support from a region: the places known to lie in it come first.
    fn km_to(&self, p: &PlaceRef<'_>) -> f64 {
        if self.region.is_empty() {
            km(self.lat, self.lon, p.lat, p.lon)
        } else if p.admin1_code == self.region {
            0.0
        } else {
            f64::INFINITY
        }
    }
}

/// The places chosen so far that locate the others: each name's place once, with its
/// name and point; countries do not count.
fn anchors<'s>(
    gaz: &'s Gazetteer,
    cands: &[Cand],
    chosen: &[Option<Choice>],
    names: &'s str,
) -> Vec<Anchor<'s>> {
    let mut anchors: Vec<Anchor<'s>> = Vec::new();
    for (k, ch) in chosen.iter().enumerate() {
        let Some(ch) = ch else { continue };
        let name = &names[cands[k].name.clone()];
        if anchors
            .iter()
            .any(|a| a.name == name && a.place == ch.place)
        {
            continue;
        }
        if let Some(p) = gaz.place(ch.place) {
            if !p.feature_code.starts_with("PCL") {
                let region = if p.feature_code == "ADM1" {
                    p.admin1_code
                } else {
                    ""
                };
                anchors.push(Anchor {
                    name,
                    place: ch.place,
                    lat: p.lat,
                    lon: p.lon,
                    region,
                });
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
    near: &[Anchor<'_>],
    focus: &Focus<'_>,
) -> Option<Choice> {
    let mut best: Option<Choice> = None;
    let mut folded = String::new();
    for (&(pid, level), p) in places.iter().zip(refs) {
        let Some(p) = *p else { continue };
        // the distance only counts up to NEAR_KM: an anchor more than
        // FAR_DEGREES of latitude away is farther, its distance is not needed
        let near_km = near
            .iter()
            .filter(|a| !a.region.is_empty() || (a.lat - p.lat).abs() <= FAR_DEGREES)
            .map(|a| a.km_to(&p))
            .fold(f64::INFINITY, f64::min);
        let ctx = focus.ctx(p.country, name);
        if !accept(&p, c, level, ctx, near_km) {
            continue;
        }
        let mut s = score(&p, c, level, ctx, near_km);
        if own_name(name, &p, &mut folded) {
            s += OWN_NAME;
        }
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
        let names: Vec<&str> = anchors.iter().map(|a| a.name).collect();
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

    /// Issue 12: of two villages a district holds, the one whose own name is written
    /// wins over one that only carries it as a variant; a region named beside it
    /// supports every place inside it, not the ones nearest its centre.
    #[test]
    fn issue12_own_name_and_region_support() {
        for (text, lang) in [
            (
                "Des tirs ont été entendus à Koro (Mopti) dans la nuit.",
                Lang::Fr,
            ),
            ("Shots were heard overnight in Koro (Mopti).", Lang::En),
        ] {
            let t = TestDoc::new(text, lang);
            let r = t.resolved();
            let k = r
                .cands
                .iter()
                .position(|c| &r.names[c.name.clone()] == "koro");
            let place = k
                .and_then(|k| r.chosen[k])
                .and_then(|c| gaz().place(c.place))
                .expect("Koro resolved");
            assert_eq!(place.name, "Koro", "{text}");
            assert_eq!(place.feature_code, "PPLA2", "{text}");
        }
    }
}
