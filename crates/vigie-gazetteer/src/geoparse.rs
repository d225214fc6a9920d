//! The geoparser: finds place names in a text and resolves them against a [`Gazetteer`].
//!
//! Candidates are runs of one to four capitalized tokens (particles such as "de", "el",
//! "Ti", "In" allowed inside), and, right after a locative cue ("à", "de", "vers", "in",
//! "near"…), lower-case words of six letters or more that are not common words. Each
//! candidate is looked up at the three key levels in order (exact, transliteration,
//! skeleton); the longest match wins. Candidate places are ranked by key level, feature,
//! population, the document's country context, cue words and proximity to the other
//! places of the document (two passes). Weak matches without support are dropped.
//! Relative expressions ("à 60 km au nord de Gao", "near Kidal") keep the anchor's
//! coordinates, set geo-precision 2 and fill [`RelativeLocation`](vigie_model::RelativeLocation).
//!
//! [`Geoparser::find`] runs the phases one after the other, each in its own module:
//!
//! 1. `tokens`: fold and classify every token once (`tokens::Doc`), after `roads` has
//!    split a road named by its two ends ("the Gao-Bourem road") into two names;
//! 2. `spans`: candidate spans (capitalized runs, multi-word names, lower-case words
//!    after a cue), each looked up in the gazetteer;
//! 3. `review`: cue words around each candidate, and the candidates the rest of the
//!    document shows are not places;
//! 4. `context`: the countries the document is about;
//! 5. `resolve`: one place per candidate, in two passes, with the priors of `score`;
//! 6. `output`: the mentions, with their relative locations (`relative`);
//! 7. `unresolved`: names the gazetteer lacks that the text presents as places;
//!
//! then [`hints`] re-resolves the places that a hint in parentheses locates elsewhere.

use crate::index::Gazetteer;
use crate::keys::KeyLevel;
use crate::lexicon::{Cue, Lexicon};
use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;
use tokens::Doc;
use vigie_model::{Lang, PlaceMention, Span};
use vigie_text::{Folded, Token};

mod anchors;
mod context;
pub mod hints;
mod output;
mod relative;
mod resolve;
mod review;
mod roads;
mod score;
mod spans;
#[cfg(test)]
mod testkit;
mod tokens;
mod unresolved;

/// The most bytes between an unresolved name and the relative expression that locates it
/// (", (à " and spaces).
const MAX_GAP_TO_ANCHOR: usize = 8;

/// Great-circle distance in km.
pub fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    vigie_model::great_circle_km((lat1, lon1), (lat2, lon2))
}

/// Finds and resolves place mentions.
#[derive(Debug, Clone)]
pub struct Geoparser<'g> {
    gaz: &'g Gazetteer,
    lex: Lexicon,
}

/// A possible place name of the document: found by [`spans`], reviewed by [`review`],
/// resolved by [`resolve`].
#[derive(Debug, Clone)]
struct Cand {
    /// Token range.
    t0: usize,
    t1: usize,
    span: Span,
    /// Best key level among the places.
    level: KeyLevel,
    /// Places with the key level that found each: a range of the document's arena of
    /// looked-up places.
    places: Range<usize>,
    cue: Option<Cue>,
    /// A capital that says little: sentence start or a title-case line.
    weak_cap: bool,
    /// A lower-case word after a locative cue.
    lower: bool,
    /// Part of a longer proper name ("la Défense du Peuple de l'Azawad").
    in_long_name: bool,
    /// Single token.
    single: bool,
    /// The folded words of the candidate, one after the other without separators: a
    /// range of the document's buffer of candidate names (filled once the candidates
    /// are final).
    name: Range<usize>,
}

impl<'g> Geoparser<'g> {
    /// A geoparser over `gaz`, with the embedded word lists extended by same-named files in
    /// `user_dir` (stop_fr.txt, cues_en.tsv, …).
    pub fn new(gaz: &'g Gazetteer, user_dir: Option<&Path>) -> Geoparser<'g> {
        Geoparser {
            gaz,
            lex: Lexicon::load(user_dir),
        }
    }

    /// The gazetteer used.
    pub fn gazetteer(&self) -> &'g Gazetteer {
        self.gaz
    }

    /// Place mentions of `text` (tokens from [`vigie_text::tokenize`]), in text order.
    /// No mention overlaps a span of `exclude` (actor names, dates… found before).
    pub fn find(
        &self,
        text: &str,
        tokens: &[Token],
        lang: Lang,
        exclude: &[Span],
    ) -> Vec<PlaceMention> {
        let mut out = self.find_impl(text, tokens, None, lang, exclude, &[]);
        hints::apply(self.gaz, text, &mut out);
        anchors::apply(self.gaz, self.lex.lang(lang), text, &mut out);
        out
    }

    /// [`Geoparser::find`] with the tokens already folded (`folded` built from the same
    /// `text` and `tokens`), so that stages sharing the tokens fold them once. A `folded`
    /// of another length than `tokens` is ignored (the tokens are folded again).
    pub fn find_folded(
        &self,
        text: &str,
        tokens: &[Token],
        folded: &Folded,
        lang: Lang,
        exclude: &[Span],
    ) -> Vec<PlaceMention> {
        self.find_with_focus(text, tokens, folded, lang, exclude, &[])
    }

    /// [`Geoparser::find_folded`] with the countries of the actors the text names
    /// (ISO2, one entry per distinct actor): each votes for its country, as much as two
    /// places that lie in it, when the geoparser weighs which countries the document is
    /// about.
    pub fn find_with_focus(
        &self,
        text: &str,
        tokens: &[Token],
        folded: &Folded,
        lang: Lang,
        exclude: &[Span],
        actor_countries: &[&str],
    ) -> Vec<PlaceMention> {
        let mut out = self.find_impl(text, tokens, Some(folded), lang, exclude, actor_countries);
        hints::apply(self.gaz, text, &mut out);
        anchors::apply(self.gaz, self.lex.lang(lang), text, &mut out);
        out
    }

    /// The phases of [`Geoparser::find`], without the hints.
    fn find_impl(
        &self,
        text: &str,
        tokens: &[Token],
        folded: Option<&Folded>,
        lang: Lang,
        exclude: &[Span],
        actor_countries: &[&str],
    ) -> Vec<PlaceMention> {
        let lx = self.lex.lang(lang);
        // tokens that do not slice the text are ignored
        let tokens = tokens::valid_tokens(text, tokens);
        // "the Gao-Bourem road": the road's two ends are two names
        let tokens = roads::split_road_ends(self.gaz, lx, text, tokens);
        // the shared folded tokens are only good for the very tokens they were built from
        let same_tokens = matches!(tokens, Cow::Borrowed(_));
        let tokens = &tokens[..];
        let n = tokens.len();
        // folded tokens in one buffer: the shared one when it folds these very tokens
        let own: (String, Vec<(u32, u32)>);
        // `fbuf[fr[i].0..fr[i].1]` is the folded form of token i
        let (fbuf, fr): (&str, &[(u32, u32)]) = match folded {
            Some(f) if same_tokens && f.len() == n => (f.buffer(), f.ranges()),
            _ => {
                own = tokens::fold_tokens(text, tokens);
                (&own.0, &own.1)
            }
        };
        let excluded = tokens::excluded_tokens(tokens, exclude);
        let ti = tokens::classify(text, tokens, fbuf, fr, lx);
        let doc = Doc {
            text,
            tokens,
            fbuf,
            fr,
            ti: &ti,
            lx,
        };

        let spans::Found {
            mut cands,
            arena,
            person_words,
            unknown,
        } = spans::find_candidates(doc, self.gaz, &self.lex.titles, &excluded);
        if cands.is_empty() && unknown.is_empty() {
            return Vec::new();
        }

        review::assign_cues(doc, &mut cands);
        let cut = review::cut_mid_word(doc);
        review::drop_cut_word(doc, &mut cands, cut);
        review::drop_person_words(doc, &mut cands, &person_words);
        review::drop_common_words(doc, &mut cands);

        let names = context::name_candidates(doc, &mut cands);
        let refs = context::read_places(self.gaz, &arena, &cands);
        let focus = context::Focus::new(
            &cands,
            &arena,
            &refs,
            &names,
            &self.lex.home,
            actor_countries,
        );

        let chosen = resolve::choose(self.gaz, &cands, &arena, &refs, &names, &focus);

        let mut out = output::mentions(doc, self.gaz, &cands, &chosen, &arena);

        let unknown = unresolved::unknown_names(doc, unknown, &cands, &chosen, &person_words, cut);
        if !unknown.is_empty() {
            let extra = unresolved::unresolved(doc, &unknown, &out, focus.main_country());
            if !extra.is_empty() {
                out.extend(extra);
                out.sort_by_key(|p| p.span.start);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn km_is_sane() {
        let d = km(16.27, -0.04, 18.44, 1.41); // Gao to Kidal, about 285 km
        assert!((250.0..320.0).contains(&d), "{d}");
    }
}
