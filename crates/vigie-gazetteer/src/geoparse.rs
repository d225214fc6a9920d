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
//! coordinates, set geo-precision 2 and fill [`RelativeLocation`].

use crate::index::{Gazetteer, PlaceId, PlaceRef};
use crate::keys::{KeyBuf, KeyLevel};
use crate::lexicon::{push_folded, Cue, LangLex, Lexicon, Rel};
use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;
use vigie_model::{Lang, PlaceMention, RelativeLocation, Span};
use vigie_text::hash::{FastMap as HashMap, FastSet as HashSet};
use vigie_text::{Folded, Token, TokenKind};

pub mod hints;
mod unresolved;
use unresolved::Unknown;

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

/// A particle allowed inside a multi-word name (folded): "de", "el", "ti"… In English
/// texts "in", "i", "n", "des", "le" and "ti" are not particles ("in" is a preposition).
/// (`matches!` rather than a list: the compiler turns it into a few integer compares.)
fn is_particle(w: &str, lang: Lang) -> bool {
    match lang {
        Lang::Fr => matches!(
            w,
            "de" | "du"
                | "des"
                | "la"
                | "le"
                | "el"
                | "al"
                | "ti"
                | "in"
                | "i"
                | "n"
                | "d'"
                | "l'"
                | "ben"
                | "ould"
                | "bou"
                | "ag"
                | "ait"
        ),
        Lang::En => matches!(
            w,
            "de" | "du" | "la" | "el" | "al" | "d'" | "l'" | "ben" | "ould" | "bou" | "ag" | "ait"
        ),
    }
}

/// A particle that may begin a name written in separate words ("El Kseib", "In Afarak").
fn is_leading_particle(w: &str, lang: Lang) -> bool {
    match lang {
        Lang::Fr => matches!(w, "el" | "al" | "in" | "ti" | "i" | "ben" | "bou" | "ait"),
        Lang::En => matches!(w, "el" | "al" | "ben" | "bou" | "ait"),
    }
}

/// A word that joins the parts of a longer proper name ("Front de Libération de
/// l'Azawad", "Framework for the Defense of the People of Azawad").
fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "de" | "du" | "des" | "la" | "le" | "les" | "l'" | "d'" | "pour" | "of" | "the" | "for"
    )
}

/// Most places considered for one candidate.
const MAX_PLACES: usize = 64;
/// Places within this distance of another place of the document support each other.
const NEAR_KM: f64 = 350.0;
/// Latitude difference (degrees) beyond which two places are surely more than
/// [`NEAR_KM`] apart (one degree of latitude is 111 km everywhere).
const FAR_DEGREES: f64 = 4.0;
/// Population from which a place far from everything else in the document is still
/// reported (without a cue or country context).
const MAJOR_POPULATION: u64 = 100_000;

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

#[derive(Debug, Clone, Copy)]
struct Choice {
    place: PlaceId,
    score: f64,
}

/// How a document's countries support a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Ctx {
    /// Nothing points to the place's country.
    None,
    /// No country is named at all, and the place lies in a home country.
    Home,
    /// Another country of the document.
    Secondary,
    /// The document's main country.
    Main,
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
        let mut out = self.find_impl(text, tokens, None, lang, exclude);
        hints::apply(self.gaz, text, &mut out);
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
        let mut out = self.find_impl(text, tokens, Some(folded), lang, exclude);
        hints::apply(self.gaz, text, &mut out);
        out
    }

    fn find_impl(
        &self,
        text: &str,
        tokens: &[Token],
        folded: Option<&Folded>,
        lang: Lang,
        exclude: &[Span],
    ) -> Vec<PlaceMention> {
        let lx = self.lex.lang(lang);
        // tokens that do not slice the text are ignored
        let valid = |t: &Token| {
            t.span.start <= t.span.end
                && t.span.end <= text.len()
                && text.is_char_boundary(t.span.start)
                && text.is_char_boundary(t.span.end)
        };
        let tokens: Cow<'_, [Token]> = if tokens.iter().all(valid) {
            Cow::Borrowed(tokens)
        } else {
            Cow::Owned(tokens.iter().copied().filter(valid).collect())
        };
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
                own = fold_tokens(text, tokens);
                (&own.0, &own.1)
            }
        };
        let f = |i: usize| -> &str { &fbuf[fr[i].0 as usize..fr[i].1 as usize] };
        let tok = |i: usize| -> &str { &text[tokens[i].span.start..tokens[i].span.end] };
        // tokens overlapping an excluded span, found in one sweep over the sorted spans
        // (a check per token against every span would be quadratic on long documents)
        let token_excluded: Vec<bool> = {
            let mut ex: Vec<Span> = exclude.to_vec();
            ex.sort_unstable();
            let mut out = vec![false; tokens.len()];
            let mut j = 0;
            for (i, t) in tokens.iter().enumerate() {
                while j < ex.len() && ex[j].end <= t.span.start {
                    j += 1;
                }
                // spans are sorted by start; a later span may still reach this token
                out[i] = ex[j..]
                    .iter()
                    .take_while(|e| e.start < t.span.end)
                    .any(|e| e.overlaps(t.span));
            }
            out
        };
        let excluded_tok = |i: usize| token_excluded[i];
        let ti = classify(text, tokens, fbuf, fr, lang, lx);
        // a stop word of either language or a cue word; `TokInfo::stop` holds it for the
        // capitalized words, the only ones that ask often
        let is_stop = |i: usize| {
            if ti[i].cap {
                ti[i].stop
            } else {
                stop_word(f(i), lx)
            }
        };
        // a capitalized word before `t0`, joined to it only by function words: the
        // candidate is then part of a longer name
        let joined_to_name_before = |t0: usize| -> bool {
            let mut j = t0;
            let mut hops = 0;
            while j > 0 && hops < 4 {
                let p = j - 1;
                if !ti[j].adjacent || !ti[p].word {
                    return false;
                }
                if ti[p].connector {
                    j = p;
                    hops += 1;
                    continue;
                }
                return hops > 0 && ti[p].cap && !ti[p].weak;
            }
            false
        };

        let mut kb = KeyBuf::new();
        let mut scratch = Vec::new();
        let mut buf: Vec<PlaceId> = Vec::new();
        // the places of every name looked up, candidates keep a range into it
        let mut arena: Vec<(PlaceId, KeyLevel)> = Vec::new();
        // names already looked up in this document (a name gives the same places each
        // time): the best key level and the range of its places in `arena`
        let mut seen: HashMap<&str, (Option<KeyLevel>, Range<usize>)> = HashMap::default();
        let mut cands: Vec<Cand> = Vec::new();
        let mut phrase = String::new();
        // words of person names and other non-place names: one sense per document
        let mut person_words: HashSet<&str> = HashSet::default();
        // capitalized single words the gazetteer does not know (see `unresolved`)
        let mut unknown: Vec<usize> = Vec::new();

        // the cue phrase that ends right before token t0
        let cue_before = |t0: usize, phrase: &mut String| -> Option<Cue> {
            // every cue phrase ends with the word before t0 (a quick refusal)
            if t0 == 0 || !f(t0 - 1).is_empty() && !lx.cue_tails.contains(f(t0 - 1)) {
                return None;
            }
            let mut best: Option<Cue> = None;
            // whether the words s..t0 all have a folded form: their phrase is then a tail
            // of every longer cue phrase ending at t0 (see `LangLex::cue_tails`)
            let mut all_nonempty = true;
            for len in 1..=lx.max_phrase.min(t0) {
                let s = t0 - len;
                if !ti[s].word {
                    break;
                }
                phrase.clear();
                for j in s..t0 {
                    push_folded(phrase, f(j));
                }
                all_nonempty &= !f(s).is_empty();
                if let Some(&c) = lx.cues.get(phrase.as_str()) {
                    best = Some(c);
                } else if all_nonempty && !lx.cue_tails.contains(phrase.as_str()) {
                    // no longer phrase can be a cue
                    break;
                }
            }
            best
        };

        // the places of the name at tokens s..e, with the best key level that found one
        let mut lookup = |s: usize, e: usize| -> (Option<KeyLevel>, Range<usize>) {
            let name = &text[tokens[s].span.start..tokens[e - 1].span.end];
            if let Some(hit) = seen.get(name) {
                return hit.clone();
            }
            kb.compute(name);
            let start = arena.len();
            let mut best = None;
            for level in KeyLevel::ALL {
                buf.clear();
                self.gaz
                    .lookup_key(level, kb.key(level), &mut scratch, &mut buf);
                for &p in &buf {
                    if arena.len() - start < MAX_PLACES
                        && !arena[start..].iter().any(|(q, _)| *q == p)
                    {
                        arena.push((p, level));
                    }
                }
                if best.is_none() && !buf.is_empty() {
                    best = Some(level);
                }
            }
            let hit = (best, start..arena.len());
            seen.insert(name, hit.clone());
            hit
        };

        let mut i = 0;
        while i < n {
            if !ti[i].word || excluded_tok(i) {
                i += 1;
                continue;
            }
            // "Caliber.Az", "lemonde.fr": a web address, not a place
            let in_web_name = (i + 2 < n
                && tok(i + 1) == "."
                && ti[i + 2].word
                && ti[i + 1].tight
                && ti[i + 2].tight)
                || (i >= 2
                    && tok(i - 1) == "."
                    && ti[i - 2].word
                    && ti[i].tight
                    && ti[i - 1].tight);
            if in_web_name {
                i += 1;
                continue;
            }
            if ti[i].name_start
                || (ti[i].leading && i + 1 < n && ti[i + 1].adjacent && ti[i + 1].name_start)
            {
                // the run of capitalized words (particles inside)
                let mut e = i + 1;
                while e < n && e - i < 8 && ti[e].adjacent && ti[e].word && !excluded_tok(e) {
                    let joins = (ti[e].name_start && !ti[e].stop)
                        || (ti[e].particle
                            && e + 1 < n
                            && ti[e + 1].adjacent
                            && (ti[e + 1].name_start || ti[e + 1].particle));
                    if !joins {
                        break;
                    }
                    e += 1;
                }
                // stop words and articles at the start ("Selon", "Lundi", "Le")
                let mut a = i;
                while a < e && (ti[a].particle || is_stop(a)) {
                    let keep_particle = ti[a].leading
                        && a + 1 < e
                        && matches!(
                            lookup(a, e.min(a + 4)).0,
                            Some(KeyLevel::Exact | KeyLevel::Translit)
                        );
                    if keep_particle {
                        break;
                    }
                    a += 1;
                }
                while e > a && ti[e - 1].particle {
                    e -= 1;
                }
                if a >= e {
                    i = e.max(i + 1);
                    continue;
                }
                let title_before = a > 0 && {
                    let mut p = a - 1;
                    if tok(p) == "." && p > 0 {
                        p -= 1;
                    }
                    ti[p].word && self.lex.titles.contains(f(p))
                };
                if title_before {
                    person_words.extend((a..e).filter(|&x| ti[x].cap).map(f));
                    i = e;
                    continue;
                }
                let caps_in_run = (a..e).filter(|&x| ti[x].cap).count();
                let long_name = joined_to_name_before(a);
                let first_found = cands.len();
                let mut s = a;
                while s < e {
                    let mut hit = None;
                    let mut end = (s + 4).min(e);
                    while end > s {
                        if ti[end - 1].particle || (ti[s].particle && !ti[s].leading) {
                            end -= 1;
                            continue;
                        }
                        if let (Some(level), places) = lookup(s, end) {
                            hit = Some((end, level, places));
                            break;
                        }
                        end -= 1;
                    }
                    match hit {
                        Some((end, level, places)) => {
                            cands.push(Cand {
                                t0: s,
                                t1: end,
                                span: Span::new(tokens[s].span.start, tokens[end - 1].span.end),
                                level,
                                places,
                                cue: None,
                                weak_cap: (s..end).all(|x| ti[x].weak || !ti[x].cap),
                                lower: false,
                                in_long_name: long_name || caps_in_run > 1 && !(s == a && end == e),
                                single: end == s + 1,
                                name: 0..0,
                            });
                            s = end;
                        }
                        None => s += 1,
                    }
                }
                // a run of capitalized words that is not a place as a whole names something
                // else (a person, an organisation), unless capitals say little there
                let found = &cands[first_found..];
                if found.is_empty() && e == a + 1 && ti[a].name_start && !is_stop(a) {
                    unknown.push(a);
                }
                let whole = found.len() == 1 && found[0].t0 == a && found[0].t1 == e;
                let keep = whole || caps_in_run < 2 || (a..e).all(|x| ti[x].weak);
                if !keep {
                    cands.truncate(first_found);
                    person_words.extend((a..e).filter(|&x| ti[x].cap).map(f));
                }
                i = e;
                continue;
            }
            // lower-case word (six letters or more) right after a locative cue
            let t = tok(i);
            if !ti[i].cap
                && t.len() >= 6
                && long_plain_word(t)
                && cue_before(i, &mut phrase).is_some()
                && !lx.common.contains(f(i))
                && !lx.suffixes.iter().any(|s| f(i).ends_with(s.as_str()))
                && !is_stop(i)
            {
                if let (Some(level), places) = lookup(i, i + 1) {
                    cands.push(Cand {
                        t0: i,
                        t1: i + 1,
                        span: tokens[i].span,
                        level,
                        places,
                        cue: None,
                        weak_cap: false,
                        lower: true,
                        in_long_name: false,
                        single: true,
                        name: 0..0,
                    });
                }
            }
            i += 1;
        }
        if cands.is_empty() && unknown.is_empty() {
            return Vec::new();
        }
        for c in cands.iter_mut() {
            c.cue = cue_before(c.t0, &mut phrase);
            // "Kidal region", "the Menaka district"
            if c.t1 < n && ti[c.t1].adjacent && ti[c.t1].word {
                match f(c.t1) {
                    "region" | "province" => c.cue = Some(Cue::Region),
                    "cercle" | "district" => c.cue = Some(Cue::Cercle),
                    _ => {}
                }
            }
        }
        // a text cut in the middle of a word ("… vers Tinzaou") ends on a fragment that
        // may spell another place: it is not read
        let cut = tokens
            .last()
            .is_some_and(|t| t.span.end == text.len() && t.kind == TokenKind::Word);
        if cut {
            cands.retain(|c| c.t1 != n);
        }
        // a word already read as part of a person's name is that person elsewhere too,
        // unless a cue says what it is ("la ville de Gao")
        cands.retain(|c| {
            !(c.single && person_words.contains(f(c.t0)) && matches!(c.cue, None | Some(Cue::Loc)))
        });
        // common words written with a capital at a sentence start: a single weak capital
        // that is a stop word, or that the document also writes in lower case, goes.
        // First the words in question, then one pass over the lower-case words.
        let asked: HashSet<&str> = cands
            .iter()
            .filter(|c| c.weak_cap && c.single && !is_stop(c.t0))
            .map(|c| f(c.t0))
            .collect();
        let mut in_lower: HashSet<&str> = HashSet::default();
        if !asked.is_empty() {
            // lengths of the words asked about (a cheap filter before hashing)
            let lens: Vec<usize> = asked.iter().map(|w| w.len()).collect();
            for (j, t) in ti.iter().enumerate() {
                let w = f(j);
                if lens.contains(&w.len()) && t.word && !t.cap && asked.contains(w) {
                    in_lower.insert(w);
                }
            }
        }
        cands.retain(|c| {
            !(c.weak_cap && c.single) || (!is_stop(c.t0) && !in_lower.contains(f(c.t0)))
        });
        // the folded name of each candidate (its words' folded forms, without separators)
        let mut name_buf = String::new();
        for c in cands.iter_mut() {
            let a = name_buf.len();
            for j in c.t0..c.t1 {
                name_buf.push_str(f(j));
            }
            c.name = a..name_buf.len();
        }
        let name_buf = name_buf.as_str();
        let places_of = |c: &Cand| &arena[c.places.clone()];
        // the gazetteer's record of each place of `arena` that a candidate kept, read once
        let gaz = self.gaz;
        let mut refs: Vec<Option<PlaceRef<'_>>> = vec![None; arena.len()];
        let mut read = vec![false; arena.len()];
        for c in &cands {
            for k in c.places.clone() {
                if !read[k] {
                    refs[k] = gaz.place(arena[k].0);
                    read[k] = true;
                }
            }
        }
        let refs_of = |c: &Cand| &refs[c.places.clone()];
        // document context: countries named, and countries of unambiguous names; each
        // distinct name votes once, and never for itself
        let mut votes: HashMap<&str, (&str, usize)> = HashMap::default();
        let mut ps: Vec<PlaceRef<'_>> = Vec::new();
        for c in &cands {
            if c.level == KeyLevel::Skeleton || c.lower {
                continue;
            }
            let name = &name_buf[c.name.clone()];
            ps.clear();
            ps.extend(
                places_of(c)
                    .iter()
                    .zip(refs_of(c))
                    .filter(|((_, l), _)| *l == c.level)
                    .filter_map(|(_, p)| *p),
            );
            if c.level == KeyLevel::Exact {
                if let Some(pc) = ps.iter().find(|p| p.feature_code.starts_with("PCL")) {
                    let v = votes.entry(name).or_insert((pc.country, 0));
                    v.1 = (v.1 + 3).min(9);
                    continue;
                }
            }
            if c.weak_cap || c.in_long_name {
                continue;
            }
            let strong: Vec<&PlaceRef<'_>> = ps
                .iter()
                .filter(|p| matches!(p.feature_class, 'P' | 'A'))
                .collect();
            if let Some(first) = strong.first() {
                if strong.iter().all(|p| p.country == first.country) {
                    votes.entry(name).or_insert((first.country, 1));
                }
            }
        }
        let mut counts: HashMap<&str, usize> = HashMap::default();
        for (cc, v) in votes.values() {
            *counts.entry(cc).or_default() += v;
        }
        let top = counts.values().copied().max().unwrap_or(0);
        let home = &self.lex.home;
        let ctx_of = |cc: &str, c: &Cand| -> Ctx {
            let name = &name_buf[c.name.clone()];
            let own = votes
                .get(name)
                .filter(|v| v.0 == cc)
                .map(|v| v.1)
                .unwrap_or(0);
            let v = counts.get(cc).copied().unwrap_or(0).saturating_sub(own);
            if v > 0 && v * 2 >= top {
                Ctx::Main
            } else if v > 0 {
                Ctx::Secondary
            } else if home.contains(cc) {
                Ctx::Home
            } else {
                Ctx::None
            }
        };

        // two passes: the second knows where the places kept by the first one are.
        // Candidates of the same name in the same situation share one resolution.
        let name_of = |c: &Cand| &name_buf[c.name.clone()];
        type Situation<'s> = (&'s str, Option<Cue>, bool, bool, bool, bool);
        let situation = |c: &Cand| -> Situation<'_> {
            (
                name_of(c),
                c.cue,
                c.weak_cap,
                c.lower,
                c.in_long_name,
                c.single,
            )
        };
        let mut chosen: Vec<Option<Choice>> = vec![None; cands.len()];
        let mut near: Vec<(f64, f64)> = Vec::new();
        for pass in 0..2 {
            // the places chosen so far (none in the first pass), with their names
            let mut anchors: Vec<(&str, PlaceId, f64, f64)> = Vec::new();
            for (k, ch) in chosen.iter().enumerate() {
                if pass == 0 {
                    break;
                }
                let Some(ch) = ch else { continue };
                let name = name_of(&cands[k]);
                if anchors.iter().any(|a| a.0 == name && a.1 == ch.place) {
                    continue;
                }
                if let Some(p) = gaz.place(ch.place) {
                    if !p.feature_code.starts_with("PCL") {
                        anchors.push((name, ch.place, p.lat, p.lon));
                    }
                }
            }
            let mut memo: HashMap<Situation<'_>, Option<Choice>> = HashMap::default();
            let mut next = vec![None; cands.len()];
            for (k, c) in cands.iter().enumerate() {
                let key = situation(c);
                if let Some(m) = memo.get(&key) {
                    next[k] = *m;
                    continue;
                }
                let name = name_of(c);
                // where the places of the other names are
                near.clear();
                near.extend(anchors.iter().filter(|a| a.0 != name).map(|a| (a.2, a.3)));
                let mut best: Option<Choice> = None;
                for (&(pid, level), p) in places_of(c).iter().zip(refs_of(c)) {
                    let Some(p) = *p else { continue };
                    // the distance only counts up to NEAR_KM: an anchor more than
                    // FAR_DEGREES of latitude away is farther, its distance is not needed
                    let near_km = near
                        .iter()
                        .filter(|a| (a.0 - p.lat).abs() <= FAR_DEGREES)
                        .map(|a| km(a.0, a.1, p.lat, p.lon))
                        .fold(f64::INFINITY, f64::min);
                    let ctx = ctx_of(p.country, c);
                    if !accept(&p, c, level, ctx, near_km) {
                        continue;
                    }
                    let s = score(&p, c, level, ctx, near_km);
                    if best.is_none_or(|b| s > b.score) {
                        best = Some(Choice {
                            place: pid,
                            score: s,
                        });
                    }
                }
                memo.insert(key, best);
                next[k] = best;
            }
            chosen = next;
        }

        let mut out = Vec::new();
        let mut admin: HashMap<PlaceId, (Option<String>, Option<String>)> = HashMap::default();
        // relative-expression phrases found at each token, shared by all candidates
        let mut rel_memo: Vec<Option<Option<(Rel, usize)>>> = vec![None; n];
        for (k, c) in cands.iter().enumerate() {
            let Some(ch) = chosen[k] else { continue };
            let Some(p) = gaz.place(ch.place) else {
                continue;
            };
            let rel = self.relative(text, tokens, lx, c.t0, c.t1, fbuf, fr, &mut rel_memo);
            let is_country = p.feature_code.starts_with("PCL");
            let geo_precision = if rel.is_some() {
                2
            } else if is_country || p.feature_code == "ADM1" || c.cue == Some(Cue::Region) {
                3
            } else if p.feature_code == "ADM2" {
                2
            } else {
                1
            };
            let conf = (ch.score / 2.4).clamp(0.05, 1.0);
            // admin areas from the shipped boundaries, GeoNames' admin1 name otherwise
            let (admin1, admin2) = admin
                .entry(ch.place)
                .or_insert_with(|| admin_of(&p))
                .clone();
            // ACLED codes a region named alone at its seat, with geo-precision 3: the
            // administrative seat of the same name when the gazetteer has it
            let (lat, lon) = if matches!(p.feature_code, "ADM1" | "ADM2") {
                arena[c.places.clone()]
                    .iter()
                    .filter_map(|&(q, _)| gaz.place(q))
                    .filter(|q| q.country == p.country && q.feature_code.starts_with("PPLA"))
                    .filter(|q| km(q.lat, q.lon, p.lat, p.lon) <= 300.0)
                    .max_by_key(|q| q.population)
                    .map_or((p.lat, p.lon), |q| (q.lat, q.lon))
            } else {
                (p.lat, p.lon)
            };
            out.push(PlaceMention {
                span: c.span.with_text(text),
                name: p.name.to_string(),
                geonameid: p.geonameid,
                lat: Some(lat),
                lon: Some(lon),
                country: p.country.to_string(),
                admin1,
                admin2,
                feature: p.feature_code.to_string(),
                geo_precision,
                score: (conf * 1000.0).round() / 1000.0,
                relative: rel,
                unresolved: false,
            });
        }
        // names the gazetteer lacks that the text presents as places: the words no lookup
        // found, and single words whose places were all refused
        unknown.extend(
            cands
                .iter()
                .zip(&chosen)
                .filter(|(c, ch)| ch.is_none() && c.single && !c.lower && ti[c.t0].name_start)
                .map(|(c, _)| c.t0),
        );
        unknown.sort_unstable();
        unknown.dedup();
        let unknown: Vec<Unknown> = unknown
            .into_iter()
            .filter(|&u| !(cut && u + 1 == n))
            .filter(|&u| !person_words.contains(f(u)) && f(u).chars().count() >= 4)
            .map(|u| Unknown {
                tok: u,
                cue: cue_before(u, &mut phrase),
            })
            .collect();
        if !unknown.is_empty() {
            let main_country = counts
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(cc, _)| *cc);
            let extra = unresolved::unresolved(text, tokens, f, &ti, &unknown, &out, main_country);
            if !extra.is_empty() {
                out.extend(extra);
                out.sort_by_key(|p| p.span.start);
            }
        }
        out
    }

    /// A relative expression that ends right before the name at tokens `t0..t1`.
    #[allow(clippy::too_many_arguments)]
    fn relative(
        &self,
        text: &str,
        tokens: &[Token],
        lx: &LangLex,
        t0: usize,
        t1: usize,
        fbuf: &str,
        fr: &[(u32, u32)],
        memo: &mut [Option<Option<(Rel, usize)>>],
    ) -> Option<RelativeLocation> {
        let mut phrase = String::new();
        let f = |i: usize| -> &str { &fbuf[fr[i].0 as usize..fr[i].1 as usize] };
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
}

/// What the geoparser needs to know about one token of a document. Computed once per
/// document by [`classify`], so that the candidate search reads flags instead of
/// re-deriving them from the text at every step.
#[derive(Debug, Clone, Copy, Default)]
struct TokInfo {
    /// A word token (letters, digits glued to letters, elided article).
    word: bool,
    /// A word whose first character is an upper-case letter.
    cap: bool,
    /// A capitalized word that may begin or continue a name: not an acronym ("CSP",
    /// "FAMa"), unless its whole line is written in capitals.
    name_start: bool,
    /// A stop word of either language or a cue word. Only filled for capitalized words
    /// (the only ones that ask often); `find` computes it for the others.
    stop: bool,
    /// A particle allowed inside a name in the document's language ("de", "el", "ti").
    particle: bool,
    /// A particle that may begin a name written in separate words ("El", "In").
    leading: bool,
    /// A function word joining the parts of a longer proper name ([`is_connector`]).
    connector: bool,
    /// Separated from the previous token by spaces only, on the same line.
    adjacent: bool,
    /// Touching the previous token, with no gap at all.
    tight: bool,
    /// The gap before this token holds a line break (a new line starts here).
    newline_before: bool,
    /// A capital here says little: sentence start, or a line in title case.
    weak: bool,
}

/// The folded form of every token, as [`Folded::new`] gives them, built faster: the
/// buffer starts with the whole text lower-cased (ASCII letters only), where an ASCII
/// token's folded form is its own span; the other tokens are folded with
/// [`vigie_text::fold_char`], as `Folded` does, and appended. Unlike `Folded`, the
/// ranges of consecutive tokens need not follow each other.
#[inline(never)]
fn fold_tokens(text: &str, tokens: &[Token]) -> (String, Vec<(u32, u32)>) {
    let mut buf = text.to_ascii_lowercase();
    let mut ranges = Vec::with_capacity(tokens.len());
    for t in tokens {
        match text.get(t.span.start..t.span.end) {
            Some(s) if s.is_ascii() => ranges.push((t.span.start as u32, t.span.end as u32)),
            Some(s) => {
                let a = buf.len();
                for c in s.chars() {
                    vigie_text::fold_char(c, &mut buf);
                }
                ranges.push((a as u32, buf.len() as u32));
            }
            None => ranges.push((0, 0)),
        }
    }
    (buf, ranges)
}

/// A stop word of the document's language or of the other one, or a cue word.
fn stop_word(w: &str, lx: &LangLex) -> bool {
    lx.stop_any.contains(w)
}

/// Letters and dashes only, six letters or more.
fn long_plain_word(t: &str) -> bool {
    if t.is_ascii() {
        // one pass: count the letters, refuse anything but letters and dashes
        let mut letters = 0;
        for &c in t.as_bytes() {
            if c.is_ascii_alphabetic() {
                letters += 1;
            } else if c != b'-' {
                return false;
            }
        }
        return letters >= 6;
    }
    let mut letters = 0;
    for c in t.chars() {
        if is_letter(c) {
            letters += 1;
        } else if !vigie_text::is_dash(c) {
            return false;
        }
    }
    letters >= 6
}

/// `char::is_alphabetic`, answered without table lookups for ASCII and Latin-1 letters
/// (the accented letters of French and of transcribed names).
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if ('\u{C0}'..='\u{FF}').contains(&c) {
        // every Latin-1 character from À to ÿ is a letter but × and ÷
        c != '×' && c != '÷'
    } else {
        c.is_alphabetic()
    }
}

/// "CSP", "FAMa", "McX": capitals after the first letter of a word part.
fn is_acronym(t: &str) -> bool {
    // the common case, "Gao": ASCII lower-case letters after the first
    if t.len() >= 2 && t.as_bytes()[1..].iter().all(u8::is_ascii_lowercase) {
        return false;
    }
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= 2 && t.chars().all(|c| !c.is_lowercase()) {
        return true;
    }
    t.split(|c: char| vigie_text::is_dash(c) || vigie_text::is_apostrophe(c))
        .any(|part| part.chars().skip(1).any(|c| c.is_uppercase()))
}

/// The [`TokInfo`] of every token. `fbuf` holds the folded tokens, `fr` their ranges in it.
#[inline(never)]
fn classify(
    text: &str,
    tokens: &[Token],
    fbuf: &str,
    fr: &[(u32, u32)],
    lang: Lang,
    lx: &LangLex,
) -> Vec<TokInfo> {
    let n = tokens.len();
    let tok = |i: usize| -> &str { &text[tokens[i].span.start..tokens[i].span.end] };
    // the tokens slice the text on char boundaries (checked by `find`): their bytes are
    // read directly, without slicing strings
    let bytes = text.as_bytes();
    let mut ti = vec![TokInfo::default(); n];
    for (i, t) in tokens.iter().enumerate() {
        let (s, e) = (t.span.start, t.span.end);
        // the text between token i-1 and token i; most gaps are one space or nothing
        let (newline, spaces) = match i.checked_sub(1).map(|p| tokens[p].span.end) {
            Some(pe) if pe < s && !(s - pe == 1 && bytes[pe] == b' ') => {
                let g = &text[pe..s];
                (g.contains('\n'), g.chars().all(vigie_text::is_space))
            }
            _ => (false, true),
        };
        let newline = i > 0 && newline;
        let word = t.kind == TokenKind::Word;
        let cap = word
            && match bytes.get(s) {
                Some(b) if s < e && b.is_ascii() => b.is_ascii_uppercase(),
                _ => t.is_capitalized(text),
            };
        let (fa, fb) = (fr[i].0 as usize, fr[i].1 as usize);
        // particles and connectors have at most four letters
        let short = fb - fa <= 4;
        let (stop, particle, leading, connector) = if cap || short {
            let w = &fbuf[fa..fb];
            let particle = short && is_particle(w, lang);
            (
                cap && stop_word(w, lx),
                particle,
                // every leading particle is a particle
                particle && is_leading_particle(w, lang),
                short && is_connector(w),
            )
        } else {
            (false, false, false, false)
        };
        ti[i] = TokInfo {
            word,
            cap,
            name_start: false,
            stop,
            particle,
            leading,
            connector,
            adjacent: i > 0 && !newline && spaces,
            tight: i > 0 && tokens[i - 1].span.end == s,
            newline_before: newline,
            weak: false,
        };
    }
    // line by line: title-case lines, acronyms
    let mut ls = 0;
    while ls < n {
        let mut le = ls + 1;
        while le < n && !ti[le].newline_before {
            le += 1;
        }
        // a title-case line: most of its words of four letters or more are capitalized
        let (mut caps, mut words) = (0, 0);
        for (info, t) in ti[ls..le].iter().zip(&tokens[ls..le]) {
            // four letters or more (the bytes that begin a char count the chars)
            let tb = &bytes[t.span.start..t.span.end];
            if info.word
                && tb.len() >= 4
                && (tb.len() >= 16
                    || tb.is_ascii()
                    || tb.iter().filter(|&&b| (b as i8) >= -0x40).count() >= 4)
            {
                words += 1;
                if info.cap {
                    caps += 1;
                }
            }
        }
        if words >= 3 && caps * 10 >= words * 6 {
            for t in &mut ti[ls..le] {
                t.weak = true;
            }
        }
        // whether the line has no lower-case letter in its words (asked for acronyms only)
        let mut all_caps: Option<bool> = None;
        for j in ls..le {
            if !ti[j].cap {
                continue;
            }
            let name_start = !is_acronym(tok(j))
                || *all_caps.get_or_insert_with(|| {
                    (ls..le)
                        .filter(|&x| ti[x].word)
                        .all(|x| tok(x).chars().all(|c| !c.is_lowercase()))
                });
            ti[j].name_start = name_start;
        }
        ls = le;
    }
    // sentence starts
    for i in 0..n {
        let start = i == 0
            || ti[i].newline_before
            || (tokens[i - 1].kind == TokenKind::Punct
                && matches!(
                    tok(i - 1),
                    "." | "!"
                        | "?"
                        | "…"
                        | ":"
                        | "«"
                        | "\""
                        | "“"
                        | "”"
                        | "—"
                        | "–"
                        | "-"
                        | "("
                        | "["
                ));
        if start {
            ti[i].weak = true;
        }
    }
    ti
}

/// Admin1 and admin2 names of a place: point in polygon in the shipped boundaries when
/// they cover the place's country, GeoNames' admin1 name otherwise.
fn admin_of(p: &PlaceRef<'_>) -> (Option<String>, Option<String>) {
    if p.feature_code.starts_with("PCL") {
        return (None, None);
    }
    if let Some(a) = vigie_boundaries::Boundaries::embedded().locate(p.lat, p.lon) {
        if a.country == p.country {
            return (Some(a.admin1), a.admin2);
        }
    }
    (p.admin1.map(str::to_string), None)
}

fn feature_weight(p: &PlaceRef<'_>, cue: Option<Cue>) -> f64 {
    let code = p.feature_code;
    let class = p.feature_class;
    let base = if code.starts_with("PCL") {
        0.9
    } else if code == "PPLC" {
        0.5
    } else if code.starts_with("PPLA") {
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
        Some(Cue::Town) if class == 'P' => 0.4,
        _ => 0.0,
    };
    base + bonus
}

fn level_weight(l: KeyLevel) -> f64 {
    match l {
        KeyLevel::Exact => 1.0,
        KeyLevel::Translit => 0.8,
        KeyLevel::Skeleton => 0.5,
    }
}

fn score(p: &PlaceRef<'_>, c: &Cand, level: KeyLevel, ctx: Ctx, near_km: f64) -> f64 {
    let mut s = level_weight(level) + feature_weight(p, c.cue);
    s += 0.06 * ((1 + p.population) as f64).log10();
    let by_ctx: f64 = match ctx {
        Ctx::Main => 0.5,
        Ctx::Secondary => 0.25,
        // a home country's village outranks a foreign town of the same name when
        // nothing in the text points abroad ("Bima" in a report about attacks on
        // villages is the Malian or Nigerien one, not the Indonesian city)
        Ctx::Home => 0.45,
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
fn accept(p: &PlaceRef<'_>, c: &Cand, level: KeyLevel, ctx: Ctx, near_km: f64) -> bool {
    let code = p.feature_code;
    let country = code.starts_with("PCL");
    let populated = p.feature_class == 'P' || code.starts_with("ADM") || country;
    let specific_cue = matches!(
        (c.cue, p.feature_class),
        (Some(Cue::Well | Cue::Wadi), 'H')
            | (Some(Cue::Camp | Cue::Mine), 'S')
            | (Some(Cue::Region | Cue::Cercle), 'A')
            | (Some(Cue::Town), 'P')
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
    if ctx == Ctx::Home {
        return populated && !c.weak_cap && !c.in_long_name;
    }
    // nothing else in the document points there: only well-known places, spelled exactly
    exact && major
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_tokens_agrees_with_folded() {
        for text in [
            "",
            "À l’est de Tin-Zaouatène, l'armée et Œuvre d’État — 60 km au nord de GAO.",
            "Near Ménaka\u{00A0}: straße, ﬁn, İstanbul ; « Kidal » !",
        ] {
            let toks = vigie_text::tokenize(text);
            let folded = Folded::new(text, &toks);
            let (buf, ranges) = fold_tokens(text, &toks);
            assert_eq!(ranges.len(), folded.len());
            for (i, &(a, b)) in ranges.iter().enumerate() {
                assert_eq!(&buf[a as usize..b as usize], folded.get(i), "{text}");
            }
        }
    }

    #[test]
    fn km_is_sane() {
        let d = km(16.27, -0.04, 18.44, 1.41); // Gao to Kidal, about 285 km
        assert!((250.0..320.0).contains(&d), "{d}");
    }
}
