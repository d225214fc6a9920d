//! Scoring: how well a place fits a candidate, and whether it has enough support to be
//! reported at all.
//!
//! A place's score adds up the key level that found it, its feature (a country, a
//! capital, an admin seat, a town; more when a cue names that kind of place), its
//! population, and the strongest of two kinds of support: the document's countries
//! ([`Ctx`]) and the nearest other place of the document (half of the weaker one is
//! added too). [`accept`] decides first whether the place may be reported for the
//! candidate: weak candidates (a lower-case word, a sentence-start capital, part of a
//! longer name, a skeleton match) need stronger support.

use super::Cand;
use crate::index::PlaceRef;
use crate::keys::KeyLevel;
use crate::lexicon::Cue;

/// Places within this distance of another place of the document support each other.
pub(super) const NEAR_KM: f64 = 350.0;
/// Population from which a place far from everything else in the document is still
/// reported (without a cue or country context).
const MAJOR_POPULATION: u64 = 100_000;
/// Population beyond which a place is no village: a village's namesake city gets no
/// more from its size than a village of this many people would.
const VILLAGE_POPULATION: u64 = 5_000;

/// How a document's countries support a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Ctx {
    /// Nothing points to the place's country.
    None,
    /// The place lies in a home country that no name votes for, while the document
    /// points to another country.
    HomeAside,
    /// No country is named at all, and the place lies in a home country.
    Home,
    /// Another country of the document.
    Secondary,
    /// The document's main country.
    Main,
}

/// The weight of a place's feature: a country, a capital, an admin seat, a town, an
/// admin area; more when the cue before the name calls for that kind of place.
fn feature_weight(p: &PlaceRef<'_>, cue: Option<Cue>) -> f64 {
    let code = p.feature_code;
    let class = p.feature_class;
    // a village is no capital nor an admin seat: their rank says nothing of it
    let village = cue == Some(Cue::Village);
    let base = if code.starts_with("PCL") {
        0.9
    } else if code == "PPLC" && !village {
        0.5
    } else if code.starts_with("PPLA") && !village {
        0.4
    } else if class == 'P' || code == "ADM1" {
        0.3
    } else if code == "ADM2" {
        0.25
    } else if class == 'A' {
        0.15
    } else {
        0.0
    };
    let bonus = match cue {
        Some(Cue::Region) if code == "ADM1" => 0.8,
        Some(Cue::Region) if code == "ADM2" => 0.4,
        Some(Cue::Cercle) if code == "ADM2" => 0.8,
        Some(Cue::Cercle) if code == "ADM1" => 0.3,
        Some(Cue::Well) if code.starts_with("WLL") => 0.8,
        Some(Cue::Wadi) if code.starts_with("WAD") || code.starts_with("STM") => 0.8,
        Some(Cue::Camp) if matches!(code, "CMP" | "MILB" | "FT" | "CMPRF" | "INSM") => 0.8,
        Some(Cue::Mine) if code.starts_with("MN") => 0.8,
        Some(Cue::Town | Cue::Village) if class == 'P' => 0.4,
        _ => 0.0,
    };
    base + bonus
}

/// The weight of the key level that found a place: an exact spelling counts most.
fn level_weight(l: KeyLevel) -> f64 {
    match l {
        KeyLevel::Exact => 1.0,
        KeyLevel::Translit => 0.8,
        KeyLevel::Skeleton => 0.5,
    }
}

/// The score of place `p` for candidate `c`, found at key `level`, with the document's
/// support `ctx` for its country and `near_km` to the nearest other place of the document.
pub(super) fn score(p: &PlaceRef<'_>, c: &Cand, level: KeyLevel, ctx: Ctx, near_km: f64) -> f64 {
    let mut s = level_weight(level) + feature_weight(p, c.cue);
    // a village is small: a large population is no reason to read a name as one
    let population = if c.cue == Some(Cue::Village) {
        p.population.min(VILLAGE_POPULATION)
    } else {
        p.population
    };
    s += 0.06 * ((1 + population) as f64).log10();
    let by_ctx: f64 = match ctx {
        Ctx::Main => 0.5,
        Ctx::Secondary => 0.25,
        // a home country's village outranks a foreign town of the same name when
        // nothing in the text points abroad ("Bima" in a report about attacks on
        // villages is the Malian or Nigerien one, not the Indonesian city)
        Ctx::Home => 0.45,
        // less than the main country's support, even with a small population's help
        Ctx::HomeAside => 0.2,
        Ctx::None => 0.0,
    };
    let by_near = if near_km <= 100.0 {
        0.5
    } else if near_km <= NEAR_KM {
        0.3
    } else {
        0.0
    };
    s + by_ctx.max(by_near) + 0.5 * by_ctx.min(by_near)
}

/// Whether a place has enough support to be reported for a candidate.
pub(super) fn accept(p: &PlaceRef<'_>, c: &Cand, level: KeyLevel, ctx: Ctx, near_km: f64) -> bool {
    let code = p.feature_code;
    let country = code.starts_with("PCL");
    let populated = p.feature_class == 'P' || code.starts_with("ADM") || country;
    let specific_cue = matches!(
        (c.cue, p.feature_class),
        (Some(Cue::Well | Cue::Wadi), 'H')
            | (Some(Cue::Camp | Cue::Mine), 'S')
            | (Some(Cue::Region | Cue::Cercle), 'A')
            | (Some(Cue::Town | Cue::Village), 'P')
    );
    let near = near_km <= NEAR_KM;
    let exact = level == KeyLevel::Exact;
    let major = country
        || code == "PPLC"
        || code == "ADM1"
        || (populated && p.population >= MAJOR_POPULATION);
    if country {
        return exact;
    }
    if c.lower {
        // a lower-case word: only next to the other places of the document
        return specific_cue || (ctx == Ctx::Main && near_km <= 200.0);
    }
    if c.in_long_name && !(exact && populated && (near || ctx == Ctx::Main || major)) {
        return false;
    }
    if c.weak_cap && c.single && !(exact && (near || ctx == Ctx::Main || major || specific_cue)) {
        return false;
    }
    // vague areas (the Sahara, the Azawad) are not locations unless called regions
    if p.feature_class == 'L' && c.cue != Some(Cue::Region) {
        return false;
    }
    // several words that only the vowel skeleton matches ("Kal Akal" for Kélékélé) need
    // more than the country: a word that places them, or a neighbour
    if level == KeyLevel::Skeleton && !c.single && !(near || specific_cue || c.cue.is_some()) {
        return false;
    }
    // a well, a dune, a wadi is named after a word that places it ("à", "près de",
    // "le puits de"): alone, the word is more likely a name of something else ("Tass")
    if !populated && c.cue.is_none() {
        return false;
    }
    // a name spelled otherwise than every name of the place (a transliteration or a
    // vowel-skeleton match) is that place only where the document's main country or a
    // neighbour points to it, or, in a home country, when the place is a known town:
    // "the village of Gomso-Na" in a report about the Sahel is not a Russian town with a
    // similar alternate name, and "near Kessou" is not a hamlet's variant spelling on the
    // Atlantic coast, but a village the gazetteer lacks; "Tillabery" is Tillabéri
    let known_town = p.population > 0 || code.starts_with("PPLA") || code.starts_with("ADM");
    let home = matches!(ctx, Ctx::Home | Ctx::HomeAside);
    if !(exact || near || ctx == Ctx::Main || home && known_town) {
        return false;
    }
    // a cue naming this kind of place says what the name is, not where: a small place in
    // a country nothing else in the document points to ("the village of Bota" in a report
    // without a word of China) is more likely a village the gazetteer lacks
    if specific_cue && !near && ctx == Ctx::None && !major {
        return false;
    }
    // strong support: a cue naming this kind of place, a neighbour, the document's country
    if specific_cue || near || ctx == Ctx::Main {
        return populated || specific_cue || near || exact;
    }
    // weaker support: a country also named in the document, or a home country when the
    // document names none
    if ctx == Ctx::Secondary {
        return exact
            && populated
            && (p.population > 0 || code.starts_with("PPLA") || code.starts_with("ADM"));
    }
    if home {
        // a well, a wadi, a camp, a hill named after a locative word ("in the area of
        // I-n-Kisman", "près de l'oued X") is where the people of the Sahel's camps live and
        // where its events are coded, when nothing points abroad and the name is spelled
        // exactly
        let landmark = exact && c.cue.is_some() && matches!(p.feature_class, 'H' | 'S' | 'T');
        return (populated || landmark) && !c.weak_cap && !c.in_long_name;
    }
    // nothing else in the document points there: only well-known places, spelled exactly
    exact && major
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geoparse::testkit::place;

    /// A bare candidate: one strong capitalized word, no cue.
    fn bare() -> Cand {
        Cand {
            t0: 0,
            t1: 1,
            span: vigie_model::Span::new(0, 4),
            level: KeyLevel::Exact,
            places: 0..0,
            cue: None,
            weak_cap: false,
            lower: false,
            in_long_name: false,
            single: true,
            name: 0..0,
        }
    }

    #[test]
    fn feature_weights_follow_the_cue() {
        let town = place('P', "PPL", "ML", 0);
        let region = place('A', "ADM1", "ML", 0);
        assert!((feature_weight(&place('A', "PCLI", "ML", 0), None) - 0.9).abs() < 1e-9);
        assert!((feature_weight(&place('P', "PPLC", "ML", 0), None) - 0.5).abs() < 1e-9);
        assert!((feature_weight(&region, None) - 0.3).abs() < 1e-9);
        assert!((feature_weight(&region, Some(Cue::Region)) - 1.1).abs() < 1e-9);
        assert!((feature_weight(&town, Some(Cue::Town)) - 0.7).abs() < 1e-9);
        assert!((feature_weight(&place('H', "WLL", "ML", 0), Some(Cue::Well)) - 0.8).abs() < 1e-9);
        assert!(level_weight(KeyLevel::Exact) > level_weight(KeyLevel::Translit));
        assert!(level_weight(KeyLevel::Translit) > level_weight(KeyLevel::Skeleton));
    }

    #[test]
    fn support_raises_the_score() {
        let p = place('P', "PPL", "ML", 1000);
        let c = bare();
        let s = |ctx, near| score(&p, &c, KeyLevel::Exact, ctx, near);
        let far = f64::INFINITY;
        assert!(s(Ctx::Main, far) > s(Ctx::Home, far));
        assert!(s(Ctx::Home, far) > s(Ctx::Secondary, far));
        assert!(s(Ctx::Secondary, far) > s(Ctx::None, far));
        assert!(s(Ctx::None, 50.0) > s(Ctx::None, 200.0));
        assert!(s(Ctx::None, 200.0) > s(Ctx::None, 500.0));
        // both kinds of support: the stronger one and half the weaker one
        assert!((s(Ctx::Main, 50.0) - s(Ctx::None, far) - 0.75).abs() < 1e-9);
    }

    #[test]
    fn countries_need_an_exact_spelling() {
        let p = place('A', "PCLI", "ML", 0);
        let c = bare();
        assert!(accept(&p, &c, KeyLevel::Exact, Ctx::None, f64::INFINITY));
        assert!(!accept(&p, &c, KeyLevel::Translit, Ctx::Main, 10.0));
    }

    #[test]
    fn lower_case_words_need_a_neighbour_in_the_main_country() {
        let p = place('P', "PPL", "ML", 0);
        let mut c = bare();
        c.lower = true;
        assert!(accept(&p, &c, KeyLevel::Exact, Ctx::Main, 150.0));
        assert!(!accept(&p, &c, KeyLevel::Exact, Ctx::Main, 300.0));
        assert!(!accept(&p, &c, KeyLevel::Exact, Ctx::Home, 150.0));
    }

    #[test]
    fn vague_areas_only_as_regions() {
        let p = place('L', "AREA", "ML", 0);
        let mut c = bare();
        assert!(!accept(&p, &c, KeyLevel::Exact, Ctx::Main, 10.0));
        c.cue = Some(Cue::Region);
        assert!(accept(&p, &c, KeyLevel::Exact, Ctx::Main, 10.0));
    }

    #[test]
    fn unsupported_places_must_be_major() {
        let c = bare();
        let village = place('P', "PPL", "ID", 500);
        let city = place('P', "PPL", "ID", 250_000);
        assert!(!accept(
            &village,
            &c,
            KeyLevel::Exact,
            Ctx::None,
            f64::INFINITY
        ));
        assert!(accept(&city, &c, KeyLevel::Exact, Ctx::None, f64::INFINITY));
        // a home country's village is enough, unless the capital says little
        let home = place('P', "PPL", "NE", 0);
        assert!(accept(&home, &c, KeyLevel::Exact, Ctx::Home, f64::INFINITY));
        let mut weak = bare();
        weak.weak_cap = true;
        assert!(!accept(
            &home,
            &weak,
            KeyLevel::Exact,
            Ctx::Home,
            f64::INFINITY
        ));
    }

    /// Issue 12: a name matched only by its transliteration or vowel skeleton is not
    /// reported in a country nothing in the document points to, even after "the village
    /// of": a blank is better than a wrong point.
    #[test]
    fn issue12_no_loose_match_abroad() {
        let town = place('P', "PPL", "RU", 50_000);
        let mut c = bare();
        c.cue = Some(Cue::Town);
        for level in [KeyLevel::Skeleton, KeyLevel::Translit] {
            assert!(!accept(&town, &c, level, Ctx::None, 2000.0), "{level:?}");
            // in a home country, a known town's variant spelling is that town; a
            // hamlet's is not
            assert!(accept(&town, &c, level, Ctx::Home, 2000.0), "{level:?}");
            let hamlet = place('P', "PPL", "SN", 0);
            assert!(!accept(&hamlet, &c, level, Ctx::Home, 2000.0), "{level:?}");
            assert!(accept(&town, &c, level, Ctx::Main, 2000.0), "{level:?}");
            assert!(accept(&town, &c, level, Ctx::None, 50.0), "{level:?}");
        }
        // spelled exactly, a small town that only the cue supports is not reported in a
        // country nothing points to either; a large city is
        assert!(!accept(&town, &c, KeyLevel::Exact, Ctx::None, 2000.0));
        let city = place('P', "PPL", "RU", 200_000);
        assert!(accept(&city, &c, KeyLevel::Exact, Ctx::None, 2000.0));
    }
}
