//! Output assembly: the sixth phase of the geoparser, which turns each resolved candidate
//! into a [`PlaceMention`].
//!
//! A mention carries the chosen place's name, point, country, admin areas (from the
//! shipped boundaries) and feature, its geo-precision (2 with a relative expression,
//! 3 for a country or a region, 2 for a district, 1 otherwise, as ACLED codes them), a
//! confidence from the score, and the relative expression before it.

use super::relative::relative;
use super::resolve::Choice;
use super::tokens::Doc;
use super::{km, Cand};
use crate::index::{Gazetteer, PlaceId, PlaceRef};
use crate::keys::KeyLevel;
use crate::lexicon::{Cue, Rel};
use vigie_model::{PlaceMention, RelativeLocation};
use vigie_text::hash::FastMap as HashMap;

/// The mentions of the candidates that a place was `chosen` for, in candidate order.
pub(super) fn mentions(
    doc: Doc<'_>,
    gaz: &Gazetteer,
    cands: &[Cand],
    chosen: &[Option<Choice>],
    arena: &[(PlaceId, KeyLevel)],
) -> Vec<PlaceMention> {
    let mut out = Vec::new();
    let mut admin: HashMap<PlaceId, (Option<String>, Option<String>)> = HashMap::default();
    // relative-expression phrases found at each token, shared by all candidates
    let mut rel_memo: Vec<Option<Option<(Rel, usize)>>> = vec![None; doc.len()];
    for (k, c) in cands.iter().enumerate() {
        let Some(ch) = chosen[k] else { continue };
        let Some(p) = gaz.place(ch.place) else {
            continue;
        };
        let rel = relative(doc, c.t0, c.t1, &mut rel_memo);
        let geo_precision = geo_precision(&p, c, rel.as_ref());
        let conf = (ch.score / 2.4).clamp(0.05, 1.0);
        // admin areas from the shipped boundaries, GeoNames' admin1 name otherwise
        let (admin1, admin2) = admin
            .entry(ch.place)
            .or_insert_with(|| admin_of(&p))
            .clone();
        let (lat, lon) = point(gaz, &p, &arena[c.places.clone()]);
        out.push(PlaceMention {
            span: c.span.with_text(doc.text),
            name: p.name.to_string(),
            geonameid: p.geonameid,
            lat: Some(lat),
            lon: Some(lon),
            country: p.country.to_string(),
            admin1,
            admin2,
            feature: p.feature_code.to_string(),
            geo_precision,
            score: (conf * 1000.0).round() / 1000.0,
            relative: rel,
            unresolved: false,
        });
    }
    out
}

/// ACLED's geo-precision of place `p` named by candidate `c`: 2 when a relative
/// expression locates it, 3 for a country or a region, 2 for a district, 1 otherwise.
fn geo_precision(p: &PlaceRef<'_>, c: &Cand, rel: Option<&RelativeLocation>) -> u8 {
    let is_country = p.feature_code.starts_with("PCL");
    if rel.is_some() {
        2
    } else if is_country || p.feature_code == "ADM1" || c.cue == Some(Cue::Region) {
        3
    } else if p.feature_code == "ADM2" {
        2
    } else {
        1
    }
}

/// The point reported for place `p` (one of the candidate's `places`): its own, or for a
/// region or a district, the point of its administrative seat of the same name.
fn point(gaz: &Gazetteer, p: &PlaceRef<'_>, places: &[(PlaceId, KeyLevel)]) -> (f64, f64) {
    // ACLED codes a region named alone at its seat, with geo-precision 3: the
    // administrative seat of the same name when the gazetteer has it
    if matches!(p.feature_code, "ADM1" | "ADM2") {
        places
            .iter()
            .filter_map(|&(q, _)| gaz.place(q))
            .filter(|q| q.country == p.country && q.feature_code.starts_with("PPLA"))
            .filter(|q| km(q.lat, q.lon, p.lat, p.lon) <= 300.0)
            .max_by_key(|q| q.population)
            .map_or((p.lat, p.lon), |q| (q.lat, q.lon))
    } else {
        (p.lat, p.lon)
    }
}

/// Admin1 and admin2 names of a place: point in polygon in the shipped boundaries when
/// they cover the place's country, GeoNames' admin1 name otherwise.
pub(super) fn admin_of(p: &PlaceRef<'_>) -> (Option<String>, Option<String>) {
    if p.feature_code.starts_with("PCL") {
        return (None, None);
    }
    if let Some(a) = vigie_boundaries::Boundaries::embedded().locate(p.lat, p.lon) {
        if a.country == p.country {
            return (Some(a.admin1), a.admin2);
        }
    }
    (p.admin1.map(str::to_string), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geoparse::testkit::{cand, gaz, place, TestDoc};
    use crate::Geoparser;
    use vigie_model::Lang;

    #[test]
    fn geo_precision_as_acled_codes_it() {
        let t = TestDoc::new("Kidal", Lang::Fr);
        let c = cand(t.doc(), 0, 1);
        let rel = RelativeLocation {
            span: vigie_model::Span::new(0, 5).with_text("Kidal"),
            relation: "near".to_string(),
            distance_km_low: None,
            distance_km_high: None,
            direction: None,
            anchor: None,
        };
        assert_eq!(
            geo_precision(&place('P', "PPL", "ML", 0), &c, Some(&rel)),
            2
        );
        assert_eq!(geo_precision(&place('P', "PPL", "ML", 0), &c, None), 1);
        assert_eq!(geo_precision(&place('A', "PCLI", "ML", 0), &c, None), 3);
        assert_eq!(geo_precision(&place('A', "ADM1", "ML", 0), &c, None), 3);
        assert_eq!(geo_precision(&place('A', "ADM2", "ML", 0), &c, None), 2);
        let mut region = c.clone();
        region.cue = Some(Cue::Region);
        assert_eq!(geo_precision(&place('P', "PPL", "ML", 0), &region, None), 3);
    }

    #[test]
    fn a_town_keeps_its_own_point() {
        let p = place('P', "PPL", "ML", 0);
        assert_eq!(point(gaz(), &p, &[]), (15.0, 0.0));
    }

    #[test]
    fn mentions_carry_the_chosen_place_fr_and_en() {
        let gp = Geoparser::new(gaz(), None);
        for (text, lang) in [
            ("Des tirs ont visé Gao et la région de Mopti.", Lang::Fr),
            ("Gunmen attacked Gao and the Mopti region.", Lang::En),
        ] {
            let toks = vigie_text::tokenize(text);
            let ps = gp.find(text, &toks, lang, &[]);
            let gao = ps.iter().find(|p| p.span.text == "Gao").expect("Gao");
            assert_eq!(
                (gao.country.as_str(), gao.geo_precision),
                ("ML", 1),
                "{text}"
            );
            assert!(gao.lat.is_some() && gao.admin1.is_some() && !gao.unresolved);
            assert!(gao.score > 0.0 && gao.score <= 1.0);
            let mopti = ps.iter().find(|p| p.span.text == "Mopti").expect("Mopti");
            assert_eq!(mopti.geo_precision, 3, "{text}: {mopti:?}");
        }
    }

    #[test]
    fn a_relative_expression_sets_precision_two() {
        let gp = Geoparser::new(gaz(), None);
        let text = "Une embuscade à 30 km à l'ouest de Gao.";
        let ps = gp.find(text, &vigie_text::tokenize(text), Lang::Fr, &[]);
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert_eq!(ps[0].geo_precision, 2);
        let rel = ps[0].relative.as_ref().expect("relative");
        assert_eq!(rel.direction.as_deref(), Some("W"));
    }
}
