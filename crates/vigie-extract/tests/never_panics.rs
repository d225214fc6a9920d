//! Property test over the whole mention layer: no input panics, and every span of every
//! mention slices the text it was found in.

use proptest::prelude::*;
use std::sync::OnceLock;
use vigie_extract::{Config, Pipeline, RawInput};
use vigie_model::{Extraction, Lang, SpanText};

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(&Config::default()).expect("embedded data loads"))
}

fn check(text: &str, s: &SpanText) {
    assert!(
        s.start <= s.end && s.end <= text.len(),
        "span {}..{} out of {}",
        s.start,
        s.end,
        text.len()
    );
    assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
    assert_eq!(&text[s.start..s.end], s.text);
}

fn check_all(text: &str, ex: &Extraction) {
    ex.places.iter().for_each(|m| check(text, &m.span));
    ex.dates.iter().for_each(|m| check(text, &m.span));
    ex.quantities.iter().for_each(|m| check(text, &m.span));
    ex.actors.iter().for_each(|m| check(text, &m.span));
}

/// Words that make the finders work: places, dates, numbers, actors, typography.
const PIECES: &[&str] = &[
    "Gao",
    "Kidal",
    "Tin-Essako",
    "Tinzaouatène",
    "à",
    "près de",
    "au nord de",
    "km",
    "le",
    "1er",
    "5",
    "octobre",
    "mardi",
    "hier",
    "deux jours plus tôt",
    "la nuit précédente",
    "fin",
    "juillet",
    "2024",
    "09/10/2024",
    "vingt-sept",
    "une centaine de",
    "plusieurs dizaines de",
    "morts",
    "FAMa",
    "Wagner",
    "CSP-DPA",
    "armée malienne",
    "l’",
    "d’",
    "«",
    "»",
    ".",
    ",",
    "\u{00A0}",
    "\n",
    "–",
    "M.",
    "Lt-col.",
    "the",
    "Tuesday",
    "60 km from",
    "dozens of",
    "at least",
    "7",
    "entre",
    "et",
    "six",
    "dix",
    "il y a plus d’une semaine",
    "\u{FFFD}",
    "é",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        for lang in [Lang::Fr, Lang::En] {
            let raw = RawInput { bytes: text.clone().into_bytes(), origin: "prop".into(), lang: Some(lang), ..Default::default() };
            if let Ok((doc, ex)) = pipeline().extract_raw(raw) {
                check_all(&doc.text, &ex);
            }
        }
    }

    #[test]
    fn sentences_of_known_words_never_panic(idx in proptest::collection::vec(0..PIECES.len(), 0..60), pub_day in 0u32..3000) {
        let mut text = String::new();
        for i in idx {
            text.push_str(PIECES[i]);
            text.push(' ');
        }
        let published = chrono::NaiveDate::from_ymd_opt(2018, 1, 1).unwrap() + chrono::Duration::days(i64::from(pub_day));
        let raw = RawInput { bytes: text.into_bytes(), origin: "prop".into(), published: Some(published), ..Default::default() };
        if let Ok((doc, ex)) = pipeline().extract_raw(raw) {
            check_all(&doc.text, &ex);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let raw = RawInput { bytes, origin: "prop".into(), ..Default::default() };
        if let Ok((doc, ex)) = pipeline().extract_raw(raw) {
            check_all(&doc.text, &ex);
        }
    }
}
