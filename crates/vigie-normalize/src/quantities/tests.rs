use super::*;
use vigie_text::tokenize;

/// (span text, value, low, high, unit, approx)
type Row = (
    String,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    Option<String>,
    bool,
);

fn q(text: &str, lang: Lang) -> Vec<QuantityMention> {
    QuantityGrammar::embedded().find(text, &tokenize(text), lang)
}

fn fr(text: &str) -> Vec<Row> {
    q(text, Lang::Fr)
        .into_iter()
        .map(|m| (m.span.text, m.value, m.low, m.high, m.unit, m.approx))
        .collect()
}

fn en(text: &str) -> Vec<Row> {
    q(text, Lang::En)
        .into_iter()
        .map(|m| (m.span.text, m.value, m.low, m.high, m.unit, m.approx))
        .collect()
}

fn texts(v: &[Row]) -> Vec<&str> {
    v.iter().map(|x| x.0.as_str()).collect()
}

fn pn(s: &str, lang: Lang) -> Option<(f64, f64, Option<f64>, bool)> {
    QuantityGrammar::embedded().parse_number(s, lang)
}

#[test]
fn embedded_data_loads() {
    data::load(None).expect("embedded quantity data");
}

#[test]
fn french_number_words() {
    let cases = [
        ("sept", 7.0),
        ("vingt-sept", 27.0),
        ("quatre-vingt-dix", 90.0),
        ("quatre-vingt-dix-sept", 97.0),
        ("quatre-vingts", 80.0),
        ("soixante et onze", 71.0),
        ("vingt et un", 21.0),
        ("soixante-dix-neuf", 79.0),
        ("deux cents", 200.0),
        ("deux cent cinquante", 250.0),
        ("trois mille", 3000.0),
        ("mille deux cents", 1200.0),
        ("deux millions", 2_000_000.0),
        ("un million", 1_000_000.0),
    ];
    for (s, v) in cases {
        assert_eq!(pn(s, Lang::Fr).map(|x| x.0), Some(v), "{s}");
    }
}

#[test]
fn english_number_words() {
    let cases = [
        ("twenty-seven", 27.0),
        ("a hundred and five", 105.0),
        ("two hundred", 200.0),
        ("three thousand", 3000.0),
        ("ninety nine", 99.0),
    ];
    for (s, v) in cases {
        assert_eq!(pn(s, Lang::En).map(|x| x.0), Some(v), "{s}");
    }
    assert_eq!(pn("thousand", Lang::En), None);
}

#[test]
fn digits_with_separators() {
    assert_eq!(pn("1 200", Lang::Fr).map(|x| x.0), Some(1200.0));
    assert_eq!(pn("1\u{202F}200", Lang::Fr).map(|x| x.0), Some(1200.0));
    assert_eq!(pn("12\u{00A0}500", Lang::Fr).map(|x| x.0), Some(12500.0));
    assert_eq!(pn("1.200", Lang::Fr).map(|x| x.0), Some(1200.0));
    assert_eq!(pn("2,5", Lang::Fr).map(|x| x.0), Some(2.5));
    assert_eq!(pn("1,200", Lang::En).map(|x| x.0), Some(1200.0));
    assert_eq!(pn("1.5", Lang::En).map(|x| x.0), Some(1.5));
    assert_eq!(pn("2,5 millions", Lang::Fr).map(|x| x.0), Some(2_500_000.0));
}

#[test]
fn vague_quantities_are_honest_ranges() {
    assert_eq!(pn("une dizaine", Lang::Fr), Some((10.0, 0.0, None, true)));
    assert_eq!(pn("une vingtaine", Lang::Fr), Some((20.0, 0.0, None, true)));
    assert_eq!(
        pn("une cinquantaine", Lang::Fr),
        Some((50.0, 0.0, None, true))
    );
    assert_eq!(pn("des dizaines", Lang::Fr), Some((20.0, 20.0, None, true)));
    assert_eq!(
        pn("plusieurs dizaines", Lang::Fr),
        Some((20.0, 20.0, None, true))
    );
    assert_eq!(
        pn("plusieurs centaines", Lang::Fr),
        Some((200.0, 200.0, None, true))
    );
    assert_eq!(
        pn("des milliers", Lang::Fr),
        Some((1000.0, 1000.0, None, true))
    );
    assert_eq!(
        pn("des dizaines de milliers", Lang::Fr),
        Some((20000.0, 20000.0, None, true))
    );
    assert_eq!(pn("dozens", Lang::En), Some((20.0, 20.0, None, true)));
    assert_eq!(
        pn("tens of thousands", Lang::En),
        Some((20000.0, 20000.0, None, true))
    );
    assert_eq!(pn("hundreds", Lang::En), Some((200.0, 200.0, None, true)));
    assert_eq!(
        pn("several hundred", Lang::En),
        Some((200.0, 200.0, None, true))
    );
    assert_eq!(pn("a dozen", Lang::En), Some((12.0, 0.0, None, true)));
    assert_eq!(
        pn("thousands", Lang::En),
        Some((1000.0, 1000.0, None, true))
    );
}

#[test]
fn modifiers() {
    assert_eq!(pn("au moins 7", Lang::Fr), Some((7.0, 7.0, None, false)));
    assert_eq!(pn("at least 7", Lang::En), Some((7.0, 7.0, None, false)));
    assert_eq!(pn("plus de 40", Lang::Fr), Some((41.0, 41.0, None, false)));
    assert_eq!(
        pn("more than 40", Lang::En),
        Some((41.0, 41.0, None, false))
    );
    assert_eq!(pn("over 40", Lang::En), Some((41.0, 41.0, None, false)));
    assert_eq!(
        pn("moins de 10", Lang::Fr),
        Some((9.0, 0.0, Some(9.0), false))
    );
    assert_eq!(
        pn("fewer than 10", Lang::En),
        Some((9.0, 0.0, Some(9.0), false))
    );
    assert_eq!(
        pn("entre six et dix", Lang::Fr),
        Some((6.0, 6.0, Some(10.0), false))
    );
    assert_eq!(
        pn("between six and ten", Lang::En),
        Some((6.0, 6.0, Some(10.0), false))
    );
    assert_eq!(
        pn("deux ou trois", Lang::Fr),
        Some((2.0, 2.0, Some(3.0), true))
    );
    assert_eq!(pn("environ 50", Lang::Fr), Some((50.0, 0.0, None, true)));
    assert_eq!(pn("about 50", Lang::En), Some((50.0, 0.0, None, true)));
    assert_eq!(pn("près de 50", Lang::Fr), Some((50.0, 0.0, None, true)));
    assert_eq!(pn("nearly 50", Lang::En), Some((50.0, 0.0, None, true)));
    assert_eq!(pn("quelque 50", Lang::Fr), Some((50.0, 0.0, None, true)));
    assert_eq!(
        pn("plus d’une centaine", Lang::Fr),
        Some((101.0, 101.0, None, true))
    );
    assert_eq!(
        pn("jusqu’à 30", Lang::Fr),
        Some((30.0, 0.0, Some(30.0), false))
    );
    assert_eq!(pn("10-15", Lang::En), Some((10.0, 10.0, Some(15.0), false)));
}

#[test]
fn heads_and_units() {
    let r = fr("Un drone a frappé deux camions : 7 hommes tués et trois autres blessés.");
    assert_eq!(
        texts(&r),
        ["deux camions", "7 hommes", "trois autres blessés"]
    );
    assert_eq!(r[0].4.as_deref(), Some("vehicles"));
    assert_eq!(r[1].4.as_deref(), Some("people"));
    assert_eq!(r[2].4.as_deref(), Some("people"));
    let r = fr("Sept soldats sont morts et trois autres ont disparu.");
    assert_eq!(texts(&r), ["Sept soldats", "trois autres"]);
    assert_eq!((r[1].1, r[1].4.as_deref()), (Some(3.0), None));
    let r = fr("La colonne comptait 27 véhicules, à une centaine de kilomètres de la ville.");
    assert_eq!(texts(&r), ["27 véhicules", "une centaine de kilomètres"]);
    assert_eq!(
        (r[1].1, r[1].4.as_deref(), r[1].5),
        (Some(100.0), Some("km"), true)
    );
    let r =
        en("Gunmen killed three other soldiers and seven gold miners; dozens of villagers fled.");
    assert_eq!(
        texts(&r),
        [
            "three other soldiers",
            "seven gold miners",
            "dozens of villagers"
        ]
    );
    assert_eq!(r[2].2, Some(20.0));
    let r = fr("Le taux atteint 30 % dans la région, soit 30 pour cent.");
    assert_eq!(r[0].4.as_deref(), Some("%"));
    assert_eq!(r[1].4.as_deref(), Some("%"));
    let r = fr("Des milliers de familles ont fui.");
    assert_eq!(
        (r[0].0.as_str(), r[0].2, r[0].3),
        ("Des milliers de familles", Some(1000.0), None)
    );
}

#[test]
fn dates_times_and_codes_are_not_quantities() {
    let none = [
        "Le 5 octobre, la ville est calme.",
        "Publié le 09/10/2024 à 14h30.",
        "Il est arrivé le 28.07.2024 dans la nuit.",
        "La crise de 2012 a duré.",
        "Du 22 au 27 juillet, rien.",
        "Un homme est venu, puis l’un des chefs.",
        "Le 1er octobre, un Su-24 et un G5 sont passés.",
        "Il y a trois jours, la ville était calme.",
        "Deux jours plus tôt, le convoi était parti.",
        "Selon l’article 5 de la résolution 2719, rien.",
        "Le rendez-vous est à 10 heures.",
        "Ils ont attaqué à deux reprises.",
        "La junte a pris le pouvoir en août 2020.",
        "Un camion neuf est arrivé.",
    ];
    for t in none {
        assert!(fr(t).is_empty(), "{t}: {:?}", fr(t));
    }
    let none_en = [
        "On October 5, 2024, the town was calm.",
        "Three days ago the convoy left.",
        "The attack happened at 3 p.m. local time.",
        "One of the attackers was caught.",
        "Fighting resumed on Tuesday 8 October.",
        "It happened in 2023 and again in May.",
        "The convoy was hit three times.",
    ];
    for t in none_en {
        let r = en(t);
        assert!(r.is_empty(), "{t}: {r:?}");
    }
    assert_eq!(texts(&en("Ten may have died.")), ["Ten"]);
}

#[test]
fn durations_without_anchor_stay() {
    let r = fr("Le siège a duré trois jours.");
    assert_eq!(texts(&r), ["trois jours"]);
    assert_eq!(r[0].4.as_deref(), Some("days"));
}

#[test]
fn spans_are_byte_offsets_into_the_text() {
    let t = "Près de cinquante civils et 1\u{202F}200 déplacés à Ménaka.";
    for m in q(t, Lang::Fr) {
        assert_eq!(&t[m.span.start..m.span.end], m.span.text);
    }
}

#[test]
fn user_folder_extends_the_data() {
    let dir = std::env::temp_dir().join(format!("vigie-qty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("units.tsv"), "chameau\tcamels\n").unwrap();
    let g = QuantityGrammar::load(Some(&dir)).unwrap();
    let t = "Ils ont volé 40 chameaux.";
    let r = g.find(t, &tokenize(t), Lang::Fr);
    assert_eq!(r[0].unit.as_deref(), Some("camels"));
    std::fs::write(dir.join("units.tsv"), "chameau\n").unwrap();
    assert!(matches!(
        QuantityGrammar::load(Some(&dir)),
        Err(QuantityError::Data { line: 1, .. })
    ));
    let _ = std::fs::remove_dir_all(&dir);
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics_and_spans_slice(s in "\\PC{0,80}", fr_lang in any::<bool>()) {
            let lang = if fr_lang { Lang::Fr } else { Lang::En };
            for m in q(&s, lang) {
                prop_assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end));
                prop_assert_eq!(&s[m.span.start..m.span.end], m.span.text.as_str());
            }
            let _ = QuantityGrammar::embedded().parse_number(&s, lang);
        }

        #[test]
        fn never_panics_on_number_like_text(s in "[0-9 ,./:h%-]{0,12}(vingt|et|un|cent|mille|de|dizaines|le|octobre)?[ 0-9a-z]{0,10}") {
            for m in q(&s, Lang::Fr) {
                prop_assert_eq!(&s[m.span.start..m.span.end], m.span.text.as_str());
            }
        }
    }
}

#[test]
fn find_folded_agrees_with_find() {
    let g = QuantityGrammar::embedded();
    for (text, lang) in [
        (
            "Une vingtaine d'hommes armés et 3 véhicules, entre six et dix morts.",
            Lang::Fr,
        ),
        (
            "Dozens of fighters, at least 12 trucks and twenty-two wounded.",
            Lang::En,
        ),
    ] {
        let toks = tokenize(text);
        let folded = vigie_text::Folded::new(text, &toks);
        assert_eq!(
            g.find_folded(text, &toks, &folded, lang),
            g.find(text, &toks, lang)
        );
    }
}

/// Issue 12: a listed adjective between a number and its noun ("suspected", "presumed",
/// "other") does not use up the words a name may take there.
#[test]
fn issue12_listed_adjectives_leave_room_for_a_name() {
    let r = en("Troops killed four suspected Ansar Dine fighters near Lere.");
    assert_eq!(texts(&r), ["four suspected Ansar Dine fighters"]);
    assert_eq!(r[0].4.as_deref(), Some("people"));
    let r = en("Two other presumed Boko Haram fighters were held.");
    assert_eq!(texts(&r), ["Two other presumed Boko Haram fighters"]);
}

/// Issue 12: herders, pastoralists, refugees and militiamen counted are people.
#[test]
fn issue12_more_people_nouns() {
    let r = en("Gunmen killed four Fulani pastoralists and two refugees.");
    assert_eq!(texts(&r), ["four Fulani pastoralists", "two refugees"]);
    assert!(r.iter().all(|x| x.4.as_deref() == Some("people")), "{r:?}");
    let r = fr("Trois miliciens et deux pasteurs ont été tués.");
    assert_eq!(texts(&r), ["Trois miliciens", "deux pasteurs"]);
    assert!(r.iter().all(|x| x.4.as_deref() == Some("people")), "{r:?}");
}
