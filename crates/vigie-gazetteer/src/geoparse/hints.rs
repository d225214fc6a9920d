//! Administrative hints written after a place: "Boni (Douentza, Mopti)", "à Sofara (cercle
//! de Djenné)". The places in parentheses say in which district and region the place
//! lies, the way analysts and wire services disambiguate village names. A place resolved
//! far from its own hint is a namesake: the hint picks the place of that name nearest to it.
//! A place the gazetteer lacks takes its hint's point, less precisely.

use super::km;
use crate::{Gazetteer, KeyLevel};
use vigie_model::PlaceMention;

/// How far from its hint a place may lie and still be the one meant (a district's seat
/// to its farthest village, in the Sahel's large cercles).
const HINT_KM: f64 = 150.0;

/// How far from its hint a place found under another spelling than the text's may lie:
/// a look-alike name farther away is more likely a village the gazetteer lacks.
const INEXACT_HINT_KM: f64 = 50.0;

/// Re-resolves each place that lies more than [`HINT_KM`] from its first hint
/// ([`INEXACT_HINT_KM`] when found under another spelling) to the place of the same name
/// nearest to the hint, when one lies within that distance; when none does and the place
/// lies in another region than its hint, or was found under another spelling, the place
/// is a village the gazetteer lacks and takes the hint's point. A place the gazetteer
/// lacks takes the hint's point too.
pub fn apply(gaz: &Gazetteer, text: &str, places: &mut [PlaceMention]) {
    for i in 0..places.len() {
        let Some(t) = PlaceMention::hint_target(text, places, i) else {
            continue;
        };
        // only the first hint of a group decides ("(Douentza, Mopti)": Douentza)
        if i > 0 && PlaceMention::hint_target(text, places, i - 1) == Some(t) {
            continue;
        }
        let Some(hint) = places[i].point() else {
            continue;
        };
        let Some(at) = places[t].point() else {
            if places[t].unresolved && places[t].relative.is_none() {
                locate_by_hint(places, t, i);
            }
            continue;
        };
        // a name spelled otherwise than the place it was resolved to (a transliteration,
        // a vowel skeleton) is held closer to its hint than an exact one
        let limit = if found_exactly(gaz, &places[t]) {
            HINT_KM
        } else {
            INEXACT_HINT_KM
        };
        if places[t].unresolved || km(at.0, at.1, hint.0, hint.1) <= limit {
            continue;
        }
        if !nearest_namesake(gaz, &mut places[t], hint, limit) {
            // no place of that name near the hint: the one chosen lies in another region
            // than the text puts it in ("Kessou (Koro, Mopti)" resolved 300 km away), or
            // only a look-alike name was found, so it is a namesake of a village the
            // gazetteer lacks
            let other_region = places[i].admin1.is_some()
                && places[t].admin1 != places[i].admin1
                && !places[i].feature.starts_with("PCL");
            if other_region || limit < HINT_KM {
                unresolve_at(places, t, i);
            }
        }
    }
}

/// Whether the gazetteer finds the place of `m` under the very spelling of the text (its
/// name or one of its alternate names, not a transliteration or a vowel skeleton).
pub(super) fn found_exactly(gaz: &Gazetteer, m: &PlaceMention) -> bool {
    gaz.lookup(&m.span.text)
        .into_iter()
        .filter(|(_, level)| *level == KeyLevel::Exact)
        .filter_map(|(id, _)| gaz.place(id))
        .any(|p| p.geonameid == m.geonameid && Some(p.lat) == m.lat && Some(p.lon) == m.lon)
}

/// Re-resolves `m` to the place of its written name nearest to `to` within `limit` km
/// (a vowel-skeleton match does not count); false when there is none.
pub(super) fn nearest_namesake(
    gaz: &Gazetteer,
    m: &mut PlaceMention,
    to: (f64, f64),
    limit: f64,
) -> bool {
    let best = gaz
        .lookup(&m.span.text)
        .into_iter()
        .filter(|(_, level)| *level != KeyLevel::Skeleton)
        .filter_map(|(id, _)| gaz.place(id))
        .map(|p| (km(p.lat, p.lon, to.0, to.1), p))
        .filter(|(d, _)| *d <= limit)
        .min_by(|a, b| a.0.total_cmp(&b.0));
    let Some((_, p)) = best else {
        return false;
    };
    m.name = p.name.to_string();
    m.geonameid = p.geonameid;
    m.lat = Some(p.lat);
    m.lon = Some(p.lon);
    m.country = p.country.to_string();
    m.feature = p.feature_code.to_string();
    let (admin1, admin2) = super::output::admin_of(&p);
    m.admin1 = admin1;
    m.admin2 = admin2;
    true
}

/// Turns the place `t` into a village the gazetteer lacks, placed at the place `i` that
/// the text says it lies in or near (see [`locate_by_hint`]).
pub(super) fn unresolve_at(places: &mut [PlaceMention], t: usize, i: usize) {
    let m = &mut places[t];
    m.name = m.span.text.clone();
    m.geonameid = None;
    m.feature = String::new();
    m.unresolved = true;
    m.relative = None;
    locate_by_hint(places, t, i);
}

/// Gives the unresolved place `t`, which the gazetteer lacks, the point and areas of
/// its hint `i`, the way a coder places a village no gazetteer has at the seat of the
/// district it is said to lie in: geo-precision 2 for a district or town ("Kéra (Ansongo,
/// Gao)"), 3 when the hint is a whole region ("Kéra (Gao region)").
pub(super) fn locate_by_hint(places: &mut [PlaceMention], t: usize, i: usize) {
    let h = places[i].clone();
    let m = &mut places[t];
    m.lat = h.lat;
    m.lon = h.lon;
    m.country = h.country;
    m.admin1 = h.admin1;
    m.admin2 = h.admin2;
    m.geo_precision = if h.feature == "ADM1" || h.geo_precision >= 3 {
        3
    } else {
        2
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Geoparser;
    use vigie_model::Lang;

    #[test]
    fn issue12_hints_name_their_target() {
        let gaz = Gazetteer::embedded();
        let gp = Geoparser::new(gaz, None);
        let text = "On 5 May 2019, gunmen attacked Boni (Douentza, Mopti) and then Gao.";
        let ps = gp.find(text, &vigie_text::tokenize(text), Lang::En, &[]);
        let names: Vec<&str> = ps.iter().map(|p| p.span.text.as_str()).collect();
        assert_eq!(names, ["Boni", "Douentza", "Mopti", "Gao"], "{ps:#?}");
        assert_eq!(PlaceMention::hint_target(text, &ps, 1), Some(0));
        assert_eq!(PlaceMention::hint_target(text, &ps, 2), Some(0));
        assert_eq!(PlaceMention::hint_target(text, &ps, 3), None);
        assert_eq!(PlaceMention::hint_target(text, &ps, 0), None);
        // Boni lies within the district the hint names
        let (b, d) = (ps[0].point().unwrap(), ps[1].point().unwrap());
        assert!(km(b.0, b.1, d.0, d.1) <= HINT_KM, "{:?}", ps[0]);
    }

    /// Issue 12: a name the gazetteer holds only in other regions than its hint says is
    /// a village it lacks, placed at the hint.
    #[test]
    fn issue12_a_namesake_in_another_region_gives_way_to_the_hint() {
        let gp = Geoparser::new(Gazetteer::embedded(), None);
        for (text, lang) in [
            (
                "Le 3 avril, des hommes armés ont pillé le hameau de Bourem (Bandiagara, Mopti).",
                Lang::Fr,
            ),
            (
                "On 3 April, gunmen looted the hamlet of Bourem (Bandiagara, Mopti).",
                Lang::En,
            ),
        ] {
            let ps = gp.find(text, &vigie_text::tokenize(text), lang, &[]);
            let b = ps.iter().find(|p| p.span.text == "Bourem").expect("Bourem");
            let d = ps
                .iter()
                .find(|p| p.span.text == "Bandiagara")
                .expect("hint");
            assert!(b.unresolved && b.geonameid.is_none(), "{b:?}");
            assert_eq!((b.lat, b.lon, b.geo_precision), (d.lat, d.lon, 2), "{b:?}");
        }
    }
}
