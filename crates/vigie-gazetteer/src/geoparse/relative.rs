//! Relative locations: "à 60 km au nord de Gao", "about 20 km east of Menaka", "near
//! Kidal". A place reported with a relative expression before it keeps the anchor's
//! coordinates and gets geo-precision 2 (see [`super::output`]); the expression itself is
//! read here: an optional "at" word, a distance (digits or a number word, then a unit,
//! approximate numbers giving a range), a direction, and the word that links them to the
//! name; or a "near" phrase alone.

use super::tokens::Doc;
use crate::lexicon::{push_folded, Rel};
use vigie_model::{RelativeLocation, Span};
use vigie_text::TokenKind;

/// A relative expression that ends right before the name at tokens `t0..t1`
/// ("à 60 km au nord de", "about 20 km east of", "près de", "near"). `memo` holds the
/// phrases of `lx.rel` found at each token, shared by all the candidates of the document.
pub(super) fn relative(
    doc: Doc<'_>,
    t0: usize,
    t1: usize,
    memo: &mut [Option<Option<(Rel, usize)>>],
) -> Option<RelativeLocation> {
    let (text, tokens, lx) = (doc.text, doc.tokens, doc.lx);
    let mut phrase = String::new();
    let f = |i: usize| doc.f(i);
    // longest phrase of `lx.rel` starting at p, before t0 (memoized per token: the
    // phrases found at p do not depend on the candidate, only their end bound does)
    let mut at = |p: usize| -> Option<(Rel, usize)> {
        let found = *memo[p].get_or_insert_with(|| {
            // a phrase starts with a head of a phrase (a quick refusal)
            if !f(p).is_empty() && !lx.rel_heads.contains(f(p)) {
                return None;
            }
            let mut best = None;
            for len in 1..=lx.max_phrase {
                if p + len > tokens.len() {
                    break;
                }
                phrase.clear();
                for j in p..p + len {
                    push_folded(&mut phrase, f(j));
                }
                if let Some(&r) = lx.rel.get(phrase.as_str()) {
                    best = Some((r, len));
                }
            }
            best
        });
        // a phrase running into the name does not count; a shorter one may
        match found {
            Some((_, len)) if p + len > t0 => {
                let mut best = None;
                for len in 1..=lx.max_phrase.min(t0.saturating_sub(p)) {
                    phrase.clear();
                    for j in p..p + len {
                        push_folded(&mut phrase, f(j));
                    }
                    if let Some(&r) = lx.rel.get(phrase.as_str()) {
                        best = Some((r, len));
                    }
                }
                best
            }
            other => other,
        }
    };
    // every relative expression ends with a word that can end one
    if t0 == 0 || !lx.rel_last.contains(f(t0 - 1)) {
        return None;
    }
    let start_min = t0.saturating_sub(12);
    for s in start_min..t0 {
        // an expression begins with a phrase of `lx.rel` or with digits: any other
        // start would fail every step below
        if at(s).is_none()
            && tokens[s].kind != TokenKind::Number
            && !f(s).starts_with(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        let mut p = s;
        let mut dist: Option<(f64, f64)> = None;
        let mut dir: Option<&'static str> = None;
        if let Some((Rel::At, l)) = at(p) {
            p += l;
        }
        // a distance: digits or a number word, then a unit
        let mut num: Option<(f64, bool)> = None;
        if p < t0 && tokens[p].kind == TokenKind::Number {
            num = f(p).parse::<f64>().ok().map(|v| (v, false));
            p += 1;
        } else if p < t0 {
            let w = f(p);
            let digits: String = w.chars().take_while(|c| c.is_ascii_digit()).collect();
            if !digits.is_empty() {
                let unit = &w[digits.len()..];
                if let (Ok(v), Some(Rel::Unit(u))) =
                    (digits.parse::<f64>(), lx.rel.get(unit).copied())
                {
                    dist = Some((v * u, v * u));
                    p += 1;
                }
            } else {
                match at(p) {
                    Some((Rel::Num(v), l)) => {
                        num = Some((v, true));
                        p += l;
                        if let Some((Rel::Link, l)) = at(p) {
                            p += l;
                        }
                    }
                    Some((Rel::Count(v), l)) => {
                        num = Some((v, false));
                        p += l;
                    }
                    _ => {}
                }
            }
        }
        if let Some((v, approx)) = num {
            match at(p) {
                Some((Rel::Unit(u), l)) => {
                    p += l;
                    dist = Some(if approx {
                        (v * u * 0.8, v * u * 1.2)
                    } else {
                        (v * u, v * u)
                    });
                }
                _ => continue,
            }
        }
        if let Some((Rel::Dir(d), l)) = at(p) {
            dir = Some(d);
            p += l;
        }
        let relation = match (dist.is_some(), dir.is_some()) {
            (true, true) => "distance_direction",
            (true, false) => "distance",
            (false, true) => "direction",
            (false, false) => match at(p) {
                Some((Rel::Near, l)) => {
                    p += l;
                    "near"
                }
                _ => continue,
            },
        };
        if relation != "near" {
            if let Some((Rel::Link, l)) = at(p) {
                p += l;
            }
        }
        if p != t0 {
            continue;
        }
        let sp = Span::new(tokens[s].span.start, tokens[t1 - 1].span.end);
        return Some(RelativeLocation {
            span: sp.with_text(text),
            relation: relation.to_string(),
            distance_km_low: dist.map(|d| (d.0 * 10.0).round() / 10.0),
            distance_km_high: dist.map(|d| (d.1 * 10.0).round() / 10.0),
            direction: dir.map(str::to_string),
            anchor: None,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geoparse::testkit::TestDoc;
    use vigie_model::Lang;

    /// The relative expression before `word` in `text`.
    fn rel(text: &str, lang: Lang, word: &str) -> Option<RelativeLocation> {
        let t = TestDoc::new(text, lang);
        let d = t.doc();
        let i = t.at(word);
        relative(d, i, i + 1, &mut vec![None; d.len()])
    }

    #[test]
    fn distance_and_direction_fr() {
        let r = rel(
            "Ils ont été tués à 45 km au sud de Douentza.",
            Lang::Fr,
            "Douentza",
        )
        .unwrap();
        assert_eq!(r.relation, "distance_direction");
        assert_eq!(
            (r.distance_km_low, r.distance_km_high),
            (Some(45.0), Some(45.0))
        );
        assert_eq!(r.direction.as_deref(), Some("S"));
        assert_eq!(r.span.text, "à 45 km au sud de Douentza");
    }

    #[test]
    fn distance_and_direction_en() {
        let r = rel(
            "It happened about 20 km east of Ansongo.",
            Lang::En,
            "Ansongo",
        )
        .unwrap();
        assert_eq!(r.relation, "distance_direction");
        assert_eq!(r.distance_km_low, Some(20.0));
        assert_eq!(r.direction.as_deref(), Some("E"));
        assert_eq!(r.span.text, "about 20 km east of Ansongo");
    }

    #[test]
    fn near_and_direction_alone() {
        let r = rel("Des tirs près de Douentza.", Lang::Fr, "Douentza").unwrap();
        assert_eq!(r.relation, "near");
        assert_eq!(r.distance_km_low, None);
        let r = rel("Clashes broke out near Ansongo.", Lang::En, "Ansongo").unwrap();
        assert_eq!(r.relation, "near");
        let r = rel("Une attaque au nord de Douentza.", Lang::Fr, "Douentza").unwrap();
        assert_eq!(
            (r.relation.as_str(), r.direction.as_deref()),
            ("direction", Some("N"))
        );
    }

    #[test]
    fn approximate_distances_are_ranges() {
        let r = rel(
            "Clashes erupted dozens of km west of Ansongo.",
            Lang::En,
            "Ansongo",
        )
        .unwrap();
        assert_eq!(r.relation, "distance_direction");
        let (lo, hi) = (r.distance_km_low.unwrap(), r.distance_km_high.unwrap());
        assert!(lo < 24.0 && hi > 24.0, "{lo} {hi}");
    }

    #[test]
    fn no_expression_no_relative_location() {
        assert!(rel("Ils sont arrivés à Douentza.", Lang::Fr, "Douentza").is_none());
        assert!(rel("Douentza est calme.", Lang::Fr, "Douentza").is_none());
        assert!(rel("They left 20 Ansongo.", Lang::En, "Ansongo").is_none());
    }
}
