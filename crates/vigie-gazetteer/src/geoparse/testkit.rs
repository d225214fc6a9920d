//! Hand-made documents for the unit tests of the geoparser's phases.

use super::spans::{self, Found};
use super::tokens::{classify, excluded_tokens, fold_tokens, Doc, TokInfo};
use super::{review, Cand};
use crate::index::{Gazetteer, PlaceRef};
use crate::keys::KeyLevel;
use crate::lexicon::Lexicon;
use std::sync::OnceLock;
use vigie_model::{Lang, Span};
use vigie_text::Token;

/// The embedded word lists, loaded once for all tests.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::load(None))
}

/// The embedded gazetteer.
pub fn gaz() -> &'static Gazetteer {
    Gazetteer::embedded()
}

/// A document with everything a [`Doc`] borrows.
pub struct TestDoc {
    pub text: String,
    tokens: Vec<Token>,
    fbuf: String,
    fr: Vec<(u32, u32)>,
    ti: Vec<TokInfo>,
    lang: Lang,
}

impl TestDoc {
    /// `text`, tokenized and classified in `lang`.
    pub fn new(text: &str, lang: Lang) -> TestDoc {
        let tokens = vigie_text::tokenize(text);
        let (fbuf, fr) = fold_tokens(text, &tokens);
        let ti = classify(text, &tokens, &fbuf, &fr, lexicon().lang(lang));
        TestDoc {
            text: text.to_string(),
            tokens,
            fbuf,
            fr,
            ti,
            lang,
        }
    }

    /// The document as the phases see it.
    pub fn doc(&self) -> Doc<'_> {
        Doc {
            text: &self.text,
            tokens: &self.tokens,
            fbuf: &self.fbuf,
            fr: &self.fr,
            ti: &self.ti,
            lx: lexicon().lang(self.lang),
        }
    }

    /// The first token whose text is `word`.
    pub fn at(&self, word: &str) -> usize {
        let d = self.doc();
        (0..d.len())
            .find(|&i| d.tok(i) == word)
            .unwrap_or_else(|| panic!("no token {word:?} in {:?}", self.text))
    }

    /// The candidates of the document (nothing excluded), cues assigned.
    pub fn found(&self) -> Found<'_> {
        let excluded = excluded_tokens(&self.tokens, &[]);
        let mut found = spans::find_candidates(self.doc(), gaz(), &lexicon().titles, &excluded);
        review::assign_cues(self.doc(), &mut found.cands);
        found
    }

    /// The text of each candidate of `cands`.
    pub fn texts<'s>(&'s self, cands: &[Cand]) -> Vec<&'s str> {
        cands
            .iter()
            .map(|c| &self.text[c.span.start..c.span.end])
            .collect()
    }
}

/// A bare candidate at tokens `t0..t1` of `doc` (no places, no cue, a strong capital).
pub fn cand(doc: Doc<'_>, t0: usize, t1: usize) -> Cand {
    Cand {
        t0,
        t1,
        span: Span::new(doc.tokens[t0].span.start, doc.tokens[t1 - 1].span.end),
        level: KeyLevel::Exact,
        places: 0..0,
        cue: None,
        weak_cap: false,
        lower: false,
        in_long_name: false,
        single: t1 == t0 + 1,
        name: 0..0,
    }
}

/// A place record with the given feature, country and population (at 15°N 0°E).
pub fn place(
    feature_class: char,
    feature_code: &'static str,
    country: &'static str,
    population: u64,
) -> PlaceRef<'static> {
    PlaceRef {
        id: 0,
        geonameid: None,
        name: "Test",
        lat: 15.0,
        lon: 0.0,
        feature_class,
        feature_code,
        country,
        admin1_code: "",
        admin1: None,
        population,
    }
}

/// Every phase up to the choice of places, on one document.
pub struct Resolved<'t> {
    pub cands: Vec<Cand>,
    pub names: String,
    pub chosen: Vec<Option<super::resolve::Choice>>,
    pub main_country: Option<String>,
    pub t: &'t TestDoc,
}

impl TestDoc {
    /// The document's candidates, reviewed, with the place chosen for each.
    pub fn resolved(&self) -> Resolved<'_> {
        let d = self.doc();
        let Found {
            mut cands,
            arena,
            person_words,
            ..
        } = self.found();
        let cut = review::cut_mid_word(d);
        review::drop_cut_word(d, &mut cands, cut);
        review::drop_person_words(d, &mut cands, &person_words);
        review::drop_common_words(d, &mut cands);
        let names = super::context::name_candidates(d, &mut cands);
        let refs = super::context::read_places(gaz(), &arena, &cands);
        let focus = super::context::Focus::new(&cands, &arena, &refs, &names, &lexicon().home, &[]);
        let chosen = super::resolve::choose(gaz(), &cands, &arena, &refs, &names, &focus);
        let main_country = focus.main_country().map(str::to_string);
        Resolved {
            cands,
            names: names.clone(),
            chosen,
            main_country,
            t: self,
        }
    }
}

impl Resolved<'_> {
    /// The country of the place chosen for the candidate spelled `word`.
    pub fn country_of(&self, word: &str) -> Option<String> {
        let k = self
            .cands
            .iter()
            .position(|c| &self.t.text[c.span.start..c.span.end] == word)?;
        let p = gaz().place(self.chosen[k]?.place)?;
        Some(p.country.to_string())
    }
}
