//! Shared test helpers, properties and cross-language tests.

use super::*;
use vigie_text::tokenize;

fn lang(code: &str) -> Lang {
    Lang::from_code(code).unwrap_or(Lang::Fr)
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Runs the embedded grammar and compares (span text, value) pairs.
pub(crate) fn check(code: &str, published: &str, text: &str, want: &[(&str, &str)]) {
    let g = DateGrammar::embedded();
    let got: Vec<(String, String)> = g
        .find(text, &tokenize(text), lang(code), date(published))
        .into_iter()
        .map(|m| (m.span.text, m.value))
        .collect();
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, want, "in {text:?} published {published}");
}

/// No date at all.
pub(crate) fn none(code: &str, published: &str, text: &str) {
    check(code, published, text, &[]);
}

#[test]
fn shipped_lists_load() {
    assert!(DateGrammar::load(None).is_ok());
}

#[test]
fn user_files_extend_the_lists() {
    let dir = std::env::temp_dir().join(format!("vigie-dates-test-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("dates")).unwrap();
    std::fs::write(
        dir.join("dates").join("fr.tsv"),
        "# Bambara weekday, for the test\nweekday\tkari\t7\n",
    )
    .unwrap();
    let g = DateGrammar::load(Some(&dir)).unwrap();
    let t = "Le marché a brûlé kari.";
    let got = g.find(t, &tokenize(t), Lang::Fr, date("2024-10-09"));
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].value, "2024-10-06");
    std::fs::write(dir.join("dates").join("fr.tsv"), "weekday\tkari\t9\n").unwrap();
    assert!(matches!(
        DateGrammar::load(Some(&dir)),
        Err(Error::Data { line: 1, .. })
    ));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn header_dates() {
    let g = DateGrammar::embedded();
    let h = |t: &str, l: Lang| g.header_date(t, &tokenize(t), l);
    assert_eq!(
        h("Un titre\n\n07/10/2024 – La rédaction\nTexte.", Lang::Fr),
        Some(date("2024-10-07"))
    );
    assert_eq!(
        h("Published 8 October 2024\nThe text.", Lang::En),
        Some(date("2024-10-08"))
    );
    assert_eq!(h("Le 28.07.2024 à 10h", Lang::Fr), Some(date("2024-07-28")));
    assert_eq!(
        h(" date 2024-08-26 Titre", Lang::Fr),
        Some(date("2024-08-26"))
    );
    assert_eq!(h("Mardi, le convoi est parti.", Lang::Fr), None);
    let far = format!("{}Le 5 octobre 2024", "x ".repeat(200));
    assert_eq!(h(&far, Lang::Fr), None);
}

#[test]
fn values_and_fields() {
    let g = DateGrammar::embedded();
    let t = "Le convoi est parti il y a plus d'une semaine, fin juillet selon d'autres.";
    let m = g.find(t, &tokenize(t), Lang::Fr, date("2024-10-09"));
    assert_eq!(m[0].precision, DatePrecision::Open);
    assert_eq!(m[0].from, None);
    assert_eq!(m[0].to, Some(date("2024-10-01")));
    assert_eq!(m[0].anchor, DateAnchor::Publication);
    assert_eq!(m[1].precision, DatePrecision::PartOfMonth);
    assert_eq!(m[1].anchor, DateAnchor::Absolute);
    for x in &m {
        assert_eq!(&t[x.span.start..x.span.end], x.span.text);
    }
}

#[test]
fn foreign_tokens_do_not_panic() {
    let g = DateGrammar::embedded();
    let other = "un texte beaucoup plus long que le premier, le 5 octobre 2024";
    let toks = tokenize(other);
    assert!(g
        .find("court", &toks, Lang::Fr, date("2024-10-09"))
        .is_empty());
    assert_eq!(g.header_date("é", &toks, Lang::Fr), None);
}

mod props {
    use super::*;
    use proptest::prelude::*;

    fn check_spans(text: &str, pubd: NaiveDate) {
        let g = DateGrammar::embedded();
        for lang in [Lang::Fr, Lang::En] {
            let toks = tokenize(text);
            for m in g.find(text, &toks, lang, pubd) {
                assert!(m.span.start <= m.span.end);
                assert_eq!(
                    text.get(m.span.start..m.span.end),
                    Some(m.span.text.as_str())
                );
                assert!(!m.value.is_empty());
            }
            let _ = g.header_date(text, &toks, lang);
        }
    }

    proptest! {
        #[test]
        fn never_panics_and_spans_slice(text in ".{0,200}", days in -800_000i64..800_000) {
            let pubd = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap()
                .checked_add_signed(chrono::Duration::days(days)).unwrap();
            check_spans(&text, pubd);
        }

        #[test]
        fn date_like_soup(words in proptest::collection::vec(prop_oneof![
            Just("le"), Just("27"), Just("juillet"), Just("2024"), Just("/"), Just("."),
            Just("-"), Just("il y a"), Just("plus d’une"), Just("semaine"), Just("mardi"),
            Just("du"), Just("au"), Just("entre"), Just("et"), Just("fin"), Just("mi-août"),
            Just("July"), Just("30,"), Just("ago"), Just("three"), Just("days"), Just("late"),
            Just("on"), Just("Tuesday"), Just("nuit"), Just("de"), Just("à"), Just("dimanche"),
            Just("1er"), Just("depuis"), Just("pendant"), Just("trois"), Just("jours"),
            Just("la"), Just("veille"), Just("(@x)"), Just("—"), Just("31"), Just("02"),
            Just("é"), Just("29"), Just("février"), Just("0"), Just("9999"),
        ], 0..30), days in -1000i64..1000) {
            let text = words.join(" ");
            let pubd = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
                .checked_add_signed(chrono::Duration::days(days)).unwrap();
            check_spans(&text, pubd);
            check_spans(&words.concat(), NaiveDate::MAX);
            check_spans(&words.concat(), NaiveDate::MIN);
        }
    }
}

#[test]
fn find_folded_agrees_with_find() {
    let g = DateGrammar::embedded();
    let p = date("2024-03-14");
    for (text, l) in [
        (
            "Le mardi 12 mars, puis hier soir et depuis trois jours.",
            Lang::Fr,
        ),
        ("On Monday, March 11, and again last week.", Lang::En),
    ] {
        let toks = tokenize(text);
        let folded = vigie_text::Folded::new(text, &toks);
        assert_eq!(
            g.find_folded(text, &toks, &folded, l, p),
            g.find(text, &toks, l, p)
        );
    }
}
