//! Tests over the embedded default gazetteer, with sentences written for these tests.

use vigie_gazetteer::{Gazetteer, Geoparser, KeyLevel};
use vigie_model::{Lang, PlaceMention, Span};

fn find(text: &str, lang: Lang) -> Vec<PlaceMention> {
    let gp = Geoparser::new(Gazetteer::embedded(), None);
    gp.find(text, &vigie_text::tokenize(text), lang, &[])
}

fn gid(ps: &[PlaceMention], mention: &str) -> Option<u64> {
    ps.iter()
        .find(|p| p.span.text == mention)
        .and_then(|p| p.geonameid)
}

#[test]
fn the_embedded_default_loads() {
    let g = Gazetteer::embedded();
    assert!(g.len() > 300_000, "{}", g.len());
}

#[test]
fn spelling_variants_reach_the_right_place() {
    let g = Gazetteer::embedded();
    let has = |name: &str, id: u64| {
        g.lookup(name)
            .iter()
            .any(|(p, _)| g.place(*p).and_then(|x| x.geonameid) == Some(id))
    };
    for v in [
        "Tinzawaten",
        "Tinzaouatène",
        "Tin Zaouatene",
        "Tin-Zaouatine",
    ] {
        assert!(has(v, 2476086), "{v}");
    }
    for v in ["In-Tifirkit", "I-n-Teferkit"] {
        assert!(has(v, 2456157), "{v}");
    }
    // Tin-Essako: the seat of the cercle
    for v in ["Tin-Assako", "Tinessako"] {
        assert!(has(v, 8631807), "{v}");
    }
    for v in ["Aguelhoc", "Aguelhok"] {
        assert!(has(v, 2461247), "{v}");
    }
    // the exact spelling is found at the exact level
    assert!(g
        .lookup("Aguelhok")
        .iter()
        .any(|(p, l)| *l == KeyLevel::Exact
            && g.place(*p).and_then(|x| x.geonameid) == Some(2461247)));
}

#[test]
fn resolves_variants_in_context() {
    let t = "Au Mali, les rebelles tiennent Tinzawaten. Le convoi est passé par Aguelhoc, puis près de Tin-Assako, avant de s’arrêter à In-Tifirkit.";
    let ps = find(t, Lang::Fr);
    assert_eq!(gid(&ps, "Tinzawaten"), Some(2476086), "{ps:#?}");
    assert_eq!(gid(&ps, "Aguelhoc"), Some(2461247));
    assert_eq!(gid(&ps, "In-Tifirkit"), Some(2456157));
    let tin = ps
        .iter()
        .find(|p| p.span.text == "Tin-Assako")
        .expect("Tin-Assako");
    assert_eq!(tin.country, "ML");
    assert_eq!(tin.geo_precision, 2);
    assert_eq!(
        tin.relative.as_ref().map(|r| r.relation.as_str()),
        Some("near")
    );
}

#[test]
fn capitals_and_countries() {
    let ps = find(
        "Alger a protesté, et Bamako a répondu. L’Algérie ferme sa frontière.",
        Lang::Fr,
    );
    let alger = ps.iter().find(|p| p.span.text == "Alger").expect("Alger");
    assert_eq!(alger.feature, "PPLC");
    assert_eq!(alger.country, "DZ");
    let dz = ps
        .iter()
        .find(|p| p.span.text == "Algérie")
        .expect("Algérie");
    assert_eq!(dz.feature, "PCLI");
    assert_eq!(dz.geo_precision, 3);
}

#[test]
fn persons_and_titles_are_not_places() {
    let ps = find("Le porte-parole Ahmed Kidal a parlé. Le général Gao Traoré aussi. Mardi, la ville de Gao était calme.", Lang::Fr);
    let texts: Vec<&str> = ps.iter().map(|p| p.span.text.as_str()).collect();
    assert_eq!(texts, ["Gao"], "{ps:#?}");
    // the town after the cue, not the persons' names
    assert!(ps[0].span.start > 60);
}

#[test]
fn relative_locations() {
    let t = "Des tirs ont eu lieu à une soixantaine de kilomètres au nord de Kidal, puis à 60 km de Gao.";
    let ps = find(t, Lang::Fr);
    let k = ps.iter().find(|p| p.span.text == "Kidal").expect("Kidal");
    let r = k.relative.as_ref().expect("relative");
    assert_eq!(r.relation, "distance_direction");
    assert_eq!(r.direction.as_deref(), Some("N"));
    assert_eq!(
        r.span.text,
        "à une soixantaine de kilomètres au nord de Kidal"
    );
    assert_eq!(
        (r.distance_km_low, r.distance_km_high),
        (Some(48.0), Some(72.0))
    );
    let g = ps.iter().find(|p| p.span.text == "Gao").expect("Gao");
    let r = g.relative.as_ref().expect("relative");
    assert_eq!(
        (r.relation.as_str(), r.distance_km_low),
        ("distance", Some(60.0))
    );
    let e = "Fighting broke out 40 km north of Kidal and near Gao in Mali.";
    let ps = find(e, Lang::En);
    let k = ps.iter().find(|p| p.span.text == "Kidal").expect("Kidal");
    assert_eq!(
        k.relative.as_ref().map(|r| r.span.text.as_str()),
        Some("40 km north of Kidal")
    );
    let g = ps.iter().find(|p| p.span.text == "Gao").expect("Gao");
    assert_eq!(
        g.relative.as_ref().map(|r| r.relation.as_str()),
        Some("near")
    );
}

#[test]
fn region_cue_gives_the_region() {
    let ps = find(
        "Dans la région de Kidal, les routes sont coupées.",
        Lang::Fr,
    );
    let k = ps.iter().find(|p| p.span.text == "Kidal").expect("Kidal");
    assert_eq!(k.feature, "ADM1");
    assert_eq!(k.geo_precision, 3);
}

#[test]
fn lower_case_after_a_cue_needs_neighbours() {
    let t = "Au Mali, le convoi parti de Kidal a été vu à tessalit hier.";
    let ps = find(t, Lang::Fr);
    assert!(ps.iter().any(|p| p.span.text == "tessalit"), "{ps:#?}");
    let t = "Il est arrivé à nouveau avec des moyens importants.";
    assert!(find(t, Lang::Fr).is_empty());
}

#[test]
fn exclusions_are_respected() {
    let t = "Les soldats sont à Gao.";
    let gp = Geoparser::new(Gazetteer::embedded(), None);
    let ps = gp.find(t, &vigie_text::tokenize(t), Lang::Fr, &[Span::new(19, 22)]);
    assert!(ps.is_empty());
}

#[test]
fn common_words_at_sentence_start_are_not_places() {
    let t = "Security forces arrived. Gold miners fled. Community leaders spoke.";
    assert!(find(t, Lang::En).is_empty(), "{:#?}", find(t, Lang::En));
}

#[test]
fn tinzaouatine_in_a_regional_phrase() {
    let t = "Les combattants ont voulu prendre le contrôle de la région de Tinzaouatine, près de Tinzaouatine.";
    let ps = find(t, Lang::Fr);
    assert!(
        ps.iter()
            .all(|p| p.geonameid == Some(2476086) || p.feature == "ADM1"),
        "{ps:#?}"
    );
    assert_eq!(ps.len(), 2, "{ps:#?}");
}

#[test]
fn admin_areas_come_from_the_boundaries() {
    let ps = find("Au Mali, les combats ont repris à Tinzawaten.", Lang::Fr);
    let t = ps
        .iter()
        .find(|p| p.span.text == "Tinzawaten")
        .expect("Tinzawaten");
    assert_eq!(t.admin1.as_deref(), Some("Kidal"));
    assert!(t.admin2.is_some());
}

#[test]
fn user_places_extend_the_default() {
    let mut g = Gazetteer::embedded().clone();
    g.extend_tsv_str(
        "# a gold mine missing from GeoNames\nIntahaka\t16.95\t-0.28\tML\tMN\t\tIntahaka gold mine\n",
        std::path::Path::new("user.tsv"),
    )
    .unwrap();
    let gp = Geoparser::new(&g, None);
    let t = "Au Mali, une frappe a visé la mine d’Intahaka, au nord de Gao.";
    let ps = gp.find(t, &vigie_text::tokenize(t), Lang::Fr, &[]);
    let m = ps
        .iter()
        .find(|p| p.span.text == "Intahaka")
        .expect("Intahaka");
    assert_eq!(m.feature, "MN");
    assert_eq!(m.geonameid, None);
}

#[test]
fn find_folded_agrees_with_find() {
    let gp = Geoparser::new(Gazetteer::embedded(), None);
    let text = "Des hommes armés ont attaqué un poste à 40 km au nord de Gao, puis près de Ménaka.";
    let toks = vigie_text::tokenize(text);
    let folded = vigie_text::Folded::new(text, &toks);
    let a = gp.find_folded(text, &toks, &folded, Lang::Fr, &[]);
    let b = gp.find(text, &toks, Lang::Fr, &[]);
    assert_eq!(a, b);
    assert!(!a.is_empty());
}

/// Issue 2: a name the gazetteer lacks is kept when the text says it is a place.
#[test]
fn issue2_unknown_names_introduced_as_places_are_kept_unresolved() {
    // a place noun establishes the name; its later occurrence, even at a sentence start,
    // is the same place
    let t = "Les éleveurs ont quitté le hameau de Tazzoukrit mardi. Tazzoukrit est désormais vide.";
    let ps = find(t, Lang::Fr);
    let u: Vec<&PlaceMention> = ps.iter().filter(|p| p.unresolved).collect();
    assert_eq!(u.len(), 2, "{ps:#?}");
    assert!(u.iter().all(|p| p.name == "Tazzoukrit"
        && p.geonameid.is_none()
        && p.point().is_none()
        && p.feature == "PPL"
        && p.geo_precision == 3));

    // a preposition and a relative location that follows at once: located at the anchor
    let t = "Des tirs ont visé des orpailleurs à Ouarzakine, à sept kilomètres de Kidal.";
    let ps = find(t, Lang::Fr);
    let kidal = ps.iter().find(|p| p.span.text == "Kidal").expect("Kidal");
    let u = ps.iter().find(|p| p.unresolved).expect("unresolved place");
    assert_eq!(u.span.text, "Ouarzakine");
    assert_eq!(u.point(), kidal.point());
    assert_eq!((u.country.as_str(), u.geo_precision), ("ML", 2));
    let r = u.relative.as_ref().expect("relative");
    assert_eq!(r.anchor.as_deref(), Some(kidal.name.as_str()));
    assert_eq!(r.distance_km_low, Some(7.0));

    // the bracketed form, with the preposition outside the relative expression
    let t = "Les combats ont eu lieu à Imzaghrane (à environ 40 km de Gao).";
    let ps = find(t, Lang::Fr);
    assert!(
        ps.iter()
            .any(|p| p.unresolved && p.span.text == "Imzaghrane"),
        "{ps:#?}"
    );

    // English: a place noun
    let ps = find("Gunmen raided the village of Zirtakoum at dawn.", Lang::En);
    let u = ps.iter().find(|p| p.unresolved).expect("unresolved place");
    assert_eq!(
        (u.span.text.as_str(), u.feature.as_str()),
        ("Zirtakoum", "PPL")
    );
}

/// Issue 2: an unknown capitalized word after a bare preposition, with nothing that
/// locates it, is not taken for a place (a person, an organisation, a ship).
#[test]
fn issue2_unknown_names_without_a_place_noun_or_anchor_are_not_places() {
    for t in [
        "Le ministre a rendu hommage à Ouedrabiri lors de la cérémonie à Bamako.",
        "Il a parlé de Zarkhalouf pendant une heure.",
        "Le général Tessoumbar a visité le camp.",
        "They handed the letter to Mbarkouni in Gao.",
    ] {
        let lang = if t.starts_with("They") {
            Lang::En
        } else {
            Lang::Fr
        };
        let ps = find(t, lang);
        assert!(ps.iter().all(|p| !p.unresolved), "{t}: {ps:#?}");
    }
}

/// Issue 12: with no country named, a village of a home country outranks a large town of
/// the same name on another continent.
#[test]
fn issue12_a_home_village_outranks_a_foreign_town_of_the_same_name() {
    for (text, lang) in [
        ("Gunmen attacked the village of Bima at dawn.", Lang::En),
        (
            "Des hommes armés ont attaqué le village de Bima à l'aube.",
            Lang::Fr,
        ),
    ] {
        let ps = find(text, lang);
        let bima = ps
            .iter()
            .find(|p| p.span.text == "Bima")
            .expect("Bima found");
        assert!(
            matches!(bima.country.as_str(), "ML" | "NE"),
            "{text}: {bima:?}"
        );
    }
}

/// Issue 12: towns GeoNames lacks as populated places (it holds Gossi only as a ruin and
/// a lake) come from the OpenStreetMap layer, with their own point and no GeoNames id.
#[test]
fn issue12_openstreetmap_places_fill_geonames_gaps() {
    for (text, lang) in [
        (
            "Des hommes armés ont incendié des boutiques à Gossi mardi soir.",
            Lang::Fr,
        ),
        (
            "Gunmen on motorbikes raided the market of Gossi on Tuesday evening.",
            Lang::En,
        ),
    ] {
        let ps = find(text, lang);
        let p = ps
            .iter()
            .find(|p| p.span.text == "Gossi")
            .unwrap_or_else(|| panic!("{text}: {ps:#?}"));
        assert_eq!(p.feature, "PPL", "{p:?}");
        assert_eq!(p.geonameid, None, "{p:?}");
        let (lat, lon) = p.point().expect("located");
        assert!(
            (lat - 15.82).abs() < 0.05 && (lon + 1.31).abs() < 0.05,
            "{p:?}"
        );
        assert_eq!(p.country, "ML");
    }
}

/// The place of mention `name`, which must be found and located.
fn located<'p>(ps: &'p [PlaceMention], name: &str) -> &'p PlaceMention {
    let p = ps
        .iter()
        .find(|p| p.span.text == name)
        .unwrap_or_else(|| panic!("{name} not found in {ps:#?}"));
    assert!(p.lat.is_some(), "{p:?}");
    p
}

/// Issue 12: a one-line sentence with a capitalized subject is no headline: its place
/// names keep their full weight.
#[test]
fn issue12_a_short_sentence_is_no_title_case_headline() {
    for (text, lang) in [
        ("Soldiers attacked Kidal.", Lang::En),
        ("Jihadists besieged Kidal.", Lang::En),
        ("Soldats attaqués hier soir près Kidal.", Lang::Fr),
    ] {
        located(&find(text, lang), "Kidal");
    }
}

/// Issue 12: an office or a facility named after the place it serves locates the event
/// at that place ("the Mayor of X", "X Airport", "l'hôpital de X").
#[test]
fn issue12_offices_and_facilities_name_their_place() {
    for (text, lang, name) in [
        (
            "Gunmen abducted the Deputy Mayor of Kidal on Sunday.",
            Lang::En,
            "Kidal",
        ),
        (
            "Two shells hit the Sevare Airport overnight.",
            Lang::En,
            "Sevare",
        ),
        (
            "Students of Niamey University blocked the road.",
            Lang::En,
            "Niamey",
        ),
        (
            "Des obus sont tombés près de l'Hôpital de Gao.",
            Lang::Fr,
            "Gao",
        ),
        (
            "Le Maire de Kidal a été enlevé dimanche.",
            Lang::Fr,
            "Kidal",
        ),
    ] {
        located(&find(text, lang), name);
    }
}

/// Issue 12: a well, a wadi or a camp of a home country, named after a locative word and
/// spelled exactly, is the place meant even when no country is named.
#[test]
fn issue12_landmarks_after_a_locative_word() {
    for (text, lang) in [
        (
            "On 2 May, gunmen ambushed a patrol in the area of I-n-Kisman.",
            Lang::En,
        ),
        (
            "Le 2 mai, des hommes armés ont tendu une embuscade dans la zone de I-n-Kisman.",
            Lang::Fr,
        ),
    ] {
        let ps = find(text, lang);
        let p = located(&ps, "I-n-Kisman");
        assert_eq!(p.country, "ML", "{p:?}");
    }
    // without a locative word the landmark is not read as the place
    let ps = find("I-n-Kisman is a word here, said the linguist.", Lang::En);
    assert!(ps.iter().all(|p| p.lat.is_none()), "{ps:?}");
}

/// Issue 12: "the village of X" names a small place: a foreign capital or city of that
/// name gets nothing from its rank or its size, and a small namesake in a country
/// nothing in the text points to is left unresolved rather than placed abroad.
#[test]
fn issue12_a_village_is_no_foreign_capital() {
    for (text, lang) in [
        (
            "Armed men burned granaries in the village of Dilly on Monday.",
            Lang::En,
        ),
        (
            "Des hommes armés ont incendié le village de Dilly lundi soir.",
            Lang::Fr,
        ),
    ] {
        let ps = find(text, lang);
        let d = ps.iter().find(|p| p.span.text == "Dilly").expect("Dilly");
        assert_eq!(d.country, "ML", "{text}: {d:?}");
    }
    let ps = find(
        "Gunmen looted shops in the hamlet of Bota last night.",
        Lang::En,
    );
    let b = ps.iter().find(|p| p.span.text == "Bota").expect("Bota");
    assert!(b.point().is_none(), "{b:?}");
}
