//! Reviewing the candidates: the third phase of the geoparser, once the whole document
//! has been read.
//!
//! Each candidate gets its cue (the cue phrase before it, or "region", "district" after
//! it). Then the candidates that the rest of the document shows are not places go: the
//! last word of a text cut in the middle of a word, a word already read as part of a
//! person's name, and a capital at a sentence start on a word that is a stop word or
//! that the document also writes in lower case.

use super::tokens::Doc;
use super::Cand;
use crate::lexicon::Cue;
use vigie_text::hash::FastSet as HashSet;
use vigie_text::TokenKind;

/// Sets the cue of every candidate: the cue phrase that ends right before it, replaced
/// by a region or district noun right after it ("Kidal region", "the Menaka district").
pub(super) fn assign_cues(doc: Doc<'_>, cands: &mut [Cand]) {
    let (n, ti) = (doc.len(), doc.ti);
    let mut phrase = String::new();
    for c in cands.iter_mut() {
        c.cue = doc.cue_before(c.t0, &mut phrase);
        // "Kidal region", "the Menaka district"
        if c.t1 < n && ti[c.t1].adjacent && ti[c.t1].word {
            match doc.f(c.t1) {
                "region" | "province" => c.cue = Some(Cue::Region),
                "cercle" | "district" => c.cue = Some(Cue::Cercle),
                _ => {}
            }
        }
    }
}

/// Whether the text ends in the middle of a word: its last token is a word that runs to
/// the very end of a text long enough to be an excerpt, whose writer ends sentences with
/// a stop elsewhere. A short note or a post written without stops ("gunmen shot a trader
/// in Kidal", "Army convoy ambushed near Gao") ends on a whole word.
pub(super) fn cut_mid_word(doc: Doc<'_>) -> bool {
    /// Shorter texts are notes, posts and headlines rather than cut excerpts.
    const EXCERPT_BYTES: usize = 400;
    let text = doc.text.trim_end_matches([' ', '\t']);
    let ends_in_word = doc
        .tokens
        .last()
        .is_some_and(|t| t.span.end == text.len() && t.kind == TokenKind::Word);
    let punctuated = || {
        text.match_indices(['.', '!', '?'])
            .any(|(i, _)| text[i + 1..].starts_with([' ', '\n']))
    };
    ends_in_word && text.len() >= EXCERPT_BYTES && punctuated()
}

/// Drops the candidates that end on the last token when the text is `cut`.
pub(super) fn drop_cut_word(doc: Doc<'_>, cands: &mut Vec<Cand>, cut: bool) {
    // a text cut in the middle of a word ("… vers Tinzaou") ends on a fragment that
    // may spell another place: it is not read
    if cut {
        let n = doc.len();
        cands.retain(|c| c.t1 != n);
    }
}

/// Drops the single words already read as part of a person's name: a word already read
/// as part of a person's name is that person elsewhere too, unless a cue says what it is
/// ("la ville de Gao").
pub(super) fn drop_person_words(doc: Doc<'_>, cands: &mut Vec<Cand>, person_words: &HashSet<&str>) {
    cands.retain(|c| {
        !(c.single && person_words.contains(doc.f(c.t0)) && matches!(c.cue, None | Some(Cue::Loc)))
    });
}

/// Drops common words written with a capital at a sentence start: a single weak capital
/// that is a stop word, or that the document also writes in lower case, goes.
pub(super) fn drop_common_words(doc: Doc<'_>, cands: &mut Vec<Cand>) {
    let f = |i: usize| doc.f(i);
    // common words written with a capital at a sentence start: a single weak capital
    // that is a stop word, or that the document also writes in lower case, goes.
    // First the words in question, then one pass over the lower-case words.
    let asked: HashSet<&str> = cands
        .iter()
        .filter(|c| c.weak_cap && c.single && !doc.is_stop(c.t0))
        .map(|c| f(c.t0))
        .collect();
    let mut in_lower: HashSet<&str> = HashSet::default();
    if !asked.is_empty() {
        // lengths of the words asked about (a cheap filter before hashing)
        let lens: Vec<usize> = asked.iter().map(|w| w.len()).collect();
        for (j, t) in doc.ti.iter().enumerate() {
            let w = f(j);
            if lens.contains(&w.len()) && t.word && !t.cap && asked.contains(w) {
                in_lower.insert(w);
            }
        }
    }
    cands.retain(|c| {
        !(c.weak_cap && c.single) || (!doc.is_stop(c.t0) && !in_lower.contains(f(c.t0)))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geoparse::testkit::{cand, TestDoc};
    use vigie_model::Lang;

    #[test]
    fn cues_before_and_after_the_name() {
        let cases = [
            (
                "Des tirs dans le cercle de Niono.",
                Lang::Fr,
                "Niono",
                Some(Cue::Cercle),
            ),
            ("Il est arrivé à Niono.", Lang::Fr, "Niono", Some(Cue::Loc)),
            (
                "Niono district was calm.",
                Lang::En,
                "Niono",
                Some(Cue::Cercle),
            ),
            (
                "They fled the Mopti region.",
                Lang::En,
                "Mopti",
                Some(Cue::Region),
            ),
            ("Mopti was calm.", Lang::En, "Mopti", None),
        ];
        for (text, lang, word, cue) in cases {
            let t = TestDoc::new(text, lang);
            let d = t.doc();
            let i = t.at(word);
            let mut cands = vec![cand(d, i, i + 1)];
            assign_cues(d, &mut cands);
            assert_eq!(cands[0].cue, cue, "{text}");
        }
    }

    #[test]
    fn a_text_cut_mid_word_loses_its_last_word() {
        // an excerpt cut at a fixed length, after whole sentences
        let text = format!(
            "{}Les blindés roulaient de Gao vers Tinza",
            "La colonne a quitté sa base au matin. ".repeat(12)
        );
        let t = TestDoc::new(&text, Lang::Fr);
        let d = t.doc();
        assert!(cut_mid_word(d));
        let mut cands = vec![cand(d, t.at("Gao"), t.at("Gao") + 1)];
        cands.push(cand(d, d.len() - 1, d.len()));
        drop_cut_word(d, &mut cands, true);
        assert_eq!(t.texts(&cands), ["Gao"]);
        assert!(!cut_mid_word(
            TestDoc::new("Troops left Gao.", Lang::En).doc()
        ));
    }

    #[test]
    fn issue12_a_short_note_without_a_stop_keeps_its_last_place() {
        // notes and posts often end without a full stop: their last word is whole
        for text in [
            "Gunmen shot a trader dead in Kidal",
            "Two soldiers were hurt. A mine hit their truck near Gao",
        ] {
            assert!(!cut_mid_word(TestDoc::new(text, Lang::En).doc()), "{text}");
        }
    }

    #[test]
    fn person_words_are_persons_unless_a_cue_says_otherwise() {
        let t = TestDoc::new("Diarra est venu de la ville de Diarra.", Lang::Fr);
        let d = t.doc();
        let mut cands = vec![cand(d, 0, 1), cand(d, d.len() - 2, d.len() - 1)];
        assign_cues(d, &mut cands);
        let persons: HashSet<&str> = ["diarra"].into_iter().collect();
        drop_person_words(d, &mut cands, &persons);
        assert_eq!(cands.len(), 1);
        assert_eq!(cands[0].cue, Some(Cue::Town));
    }

    #[test]
    fn sentence_start_capitals_of_common_words_go() {
        let t = TestDoc::new(
            "Sources proches: les sources disent que Mopti est calme.",
            Lang::Fr,
        );
        let d = t.doc();
        let mut sources = cand(d, 0, 1);
        sources.weak_cap = true;
        let mut mopti = cand(d, t.at("Mopti"), t.at("Mopti") + 1);
        mopti.weak_cap = true;
        let mut cands = vec![sources, mopti];
        drop_common_words(d, &mut cands);
        assert_eq!(t.texts(&cands), ["Mopti"]);
        // an English stop word at a sentence start goes too
        let t = TestDoc::new("The convoy moved slowly near Gao.", Lang::En);
        let d = t.doc();
        let mut first = cand(d, 0, 1);
        first.weak_cap = true;
        let mut cands = vec![first];
        drop_common_words(d, &mut cands);
        assert!(cands.is_empty());
    }
}
