//! The geoparser never panics, and every span it returns slices the text.

use proptest::prelude::*;
use vigie_gazetteer::{Gazetteer, Geoparser};
use vigie_model::Lang;

fn check(text: &str) {
    let gp = Geoparser::new(Gazetteer::embedded(), None);
    for lang in [Lang::Fr, Lang::En] {
        let toks = vigie_text::tokenize(text);
        for p in gp.find(text, &toks, lang, &[]) {
            assert_eq!(
                text.get(p.span.start..p.span.end),
                Some(p.span.text.as_str())
            );
            if let Some(r) = &p.relative {
                assert_eq!(
                    text.get(r.span.start..r.span.end),
                    Some(r.span.text.as_str())
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn arbitrary_strings(s in "\\PC{0,200}") {
        check(&s);
    }

    #[test]
    fn place_like_strings(s in "((à|de|près de|near|at|60 km au nord de|Gao|Kidal|Tin-|In |Ti-n-|Zaouatène|Mali|M\\.|général|Le|\\.|,|’|-|\n| ){0,30})") {
        check(&s);
    }
}

#[test]
fn keys_never_panic_on_arbitrary_names() {
    proptest!(|(s in "\\PC{0,40}")| {
        let _ = Gazetteer::embedded().lookup(&s);
    });
}
