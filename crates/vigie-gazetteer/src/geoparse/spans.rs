//! Candidate spans: the second phase of the geoparser, which reads the document from left
//! to right and looks each possible name up in the gazetteer.
//!
//! A candidate is either part of a run of capitalized words (particles such as "de",
//! "el", "Ti", "In" allowed inside; the longest part of up to four words that the
//! gazetteer knows wins, then the search goes on after it), or a lower-case word of six
//! letters or more right after a locative cue ("à", "vers", "near"…) that is not a common
//! word. A run that names something else as a whole (a person after a title, an
//! organisation whose parts happen to be places) gives its words to the document's
//! person words instead; a capitalized single word that the gazetteer does not know is
//! kept aside for [`super::unresolved`]. Each name is looked up once per document at the
//! three key levels (exact, transliteration, skeleton).

use super::tokens::{long_plain_word, Doc};
use super::Cand;
use crate::index::{Gazetteer, PlaceId};
use crate::keys::{KeyBuf, KeyLevel};
use crate::lexicon::WordSet;
use std::ops::Range;
use vigie_model::Span;
use vigie_text::hash::{FastMap as HashMap, FastSet as HashSet};

/// Most places considered for one candidate.
const MAX_PLACES: usize = 64;

/// What the candidate search found in a document.
#[derive(Debug, Default)]
pub(super) struct Found<'a> {
    /// The candidates, in text order.
    pub cands: Vec<Cand>,
    /// The places of every name looked up; candidates keep a range into it, with the key
    /// level that found each place.
    pub arena: Vec<(PlaceId, KeyLevel)>,
    /// Words of person names and other non-place names (folded): one sense per document.
    pub person_words: HashSet<&'a str>,
    /// Capitalized names the gazetteer does not know (see `unresolved`), as token
    /// ranges: a single word, or a run of a few capitalized words none of which is a
    /// place.
    pub unknown: Vec<(usize, usize)>,
}

/// The gazetteer lookups of one document, memoized by name.
struct Lookup<'a, 'g> {
    gaz: &'g Gazetteer,
    kb: KeyBuf,
    scratch: Vec<u8>,
    buf: Vec<PlaceId>,
    /// The places of every name looked up, candidates keep a range into it.
    arena: Vec<(PlaceId, KeyLevel)>,
    /// Names already looked up in this document (a name gives the same places each
    /// time): the best key level and the range of its places in `arena`.
    seen: HashMap<&'a str, (Option<KeyLevel>, Range<usize>)>,
}

impl<'a, 'g> Lookup<'a, 'g> {
    fn new(gaz: &'g Gazetteer) -> Self {
        Lookup {
            gaz,
            kb: KeyBuf::new(),
            scratch: Vec::new(),
            buf: Vec::new(),
            arena: Vec::new(),
            seen: HashMap::default(),
        }
    }

    /// The places of the name at tokens s..e, with the best key level that found one.
    fn places(&mut self, doc: Doc<'a>, s: usize, e: usize) -> (Option<KeyLevel>, Range<usize>) {
        let text: &'a str = doc.text;
        let name = &text[doc.tokens[s].span.start..doc.tokens[e - 1].span.end];
        if let Some(hit) = self.seen.get(name) {
            return hit.clone();
        }
        self.kb.compute(name);
        let arena = &mut self.arena;
        let start = arena.len();
        let mut best = None;
        for level in KeyLevel::ALL {
            self.buf.clear();
            self.gaz
                .lookup_key(level, self.kb.key(level), &mut self.scratch, &mut self.buf);
            for &p in &self.buf {
                if arena.len() - start < MAX_PLACES && !arena[start..].iter().any(|(q, _)| *q == p)
                {
                    arena.push((p, level));
                }
            }
            if best.is_none() && !self.buf.is_empty() {
                best = Some(level);
            }
        }
        let hit = (best, start..arena.len());
        self.seen.insert(name, hit.clone());
        hit
    }
}

/// The candidate places of `doc`, read left to right. Tokens marked in `excluded` are
/// skipped; a run of capitals right after a word of `titles` ("colonel", "M.") is a
/// person.
pub(super) fn find_candidates<'a>(
    doc: Doc<'a>,
    gaz: &Gazetteer,
    titles: &WordSet,
    excluded: &[bool],
) -> Found<'a> {
    let mut sc = Scanner {
        doc,
        titles,
        excluded,
        lookup: Lookup::new(gaz),
        cands: Vec::new(),
        person_words: HashSet::default(),
        unknown: Vec::new(),
        phrase: String::new(),
    };
    let (n, ti) = (doc.len(), doc.ti);
    let mut i = 0;
    while i < n {
        if !ti[i].word || excluded[i] {
            i += 1;
            continue;
        }
        if in_web_name(doc, i) {
            i += 1;
            continue;
        }
        if ti[i].name_start
            || (ti[i].leading && i + 1 < n && ti[i + 1].adjacent && ti[i + 1].name_start)
        {
            i = sc.capitalized_run(i);
            continue;
        }
        sc.lower_after_cue(i);
        i += 1;
    }
    Found {
        cands: sc.cands,
        arena: sc.lookup.arena,
        person_words: sc.person_words,
        unknown: sc.unknown,
    }
}

/// "Caliber.Az", "lemonde.fr": a word glued to a dot and another word is part of a web
/// address, not a place.
fn in_web_name(doc: Doc<'_>, i: usize) -> bool {
    let (n, ti) = (doc.len(), doc.ti);
    let tok = |i: usize| doc.tok(i);
    (i + 2 < n && tok(i + 1) == "." && ti[i + 2].word && ti[i + 1].tight && ti[i + 2].tight)
        || (i >= 2 && tok(i - 1) == "." && ti[i - 2].word && ti[i].tight && ti[i - 1].tight)
}

/// The end of the run of capitalized words that starts at token `i` (particles inside,
/// eight tokens at most, never into an excluded token).
fn run_end(doc: Doc<'_>, excluded: &[bool], i: usize) -> usize {
    let (n, ti) = (doc.len(), doc.ti);
    // the run of capitalized words (particles inside)
    let mut e = i + 1;
    while e < n && e - i < 8 && ti[e].adjacent && ti[e].word && !excluded[e] {
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
    e
}

/// Whether the word before token `a` (a dot skipped: "M.", "Dr.") is a title: the run
/// at `a` then names a person.
fn after_title(doc: Doc<'_>, titles: &WordSet, a: usize) -> bool {
    a > 0 && {
        let mut p = a - 1;
        if doc.tok(p) == "." && p > 0 {
            p -= 1;
        }
        doc.ti[p].word && titles.contains(doc.f(p))
    }
}

/// The state of the left-to-right candidate search.
struct Scanner<'a, 'g, 'x> {
    doc: Doc<'a>,
    titles: &'x WordSet,
    excluded: &'x [bool],
    lookup: Lookup<'a, 'g>,
    cands: Vec<Cand>,
    person_words: HashSet<&'a str>,
    unknown: Vec<(usize, usize)>,
    /// Scratch buffer for cue phrases.
    phrase: String,
}

impl Scanner<'_, '_, '_> {
    /// Reads the run of capitalized words that starts at token `i`, adds its candidates
    /// and returns the token where the search goes on.
    fn capitalized_run(&mut self, i: usize) -> usize {
        let (doc, ti) = (self.doc, self.doc.ti);
        let e0 = run_end(doc, self.excluded, i);
        let (a, e) = self.trim_run(i, e0);
        if a >= e {
            return e0.max(i + 1);
        }
        if after_title(doc, self.titles, a) {
            self.person_words
                .extend((a..e).filter(|&x| ti[x].cap).map(|x| doc.f(x)));
            return e0;
        }
        let caps_in_run = (a..e).filter(|&x| ti[x].cap).count();
        let first_found = self.cands.len();
        self.split_run(a, e, caps_in_run);
        // a run of capitalized words that is not a place as a whole names something
        // else (a person, an organisation), unless capitals say little there
        let found = &self.cands[first_found..];
        let whole = found.len() == 1 && found[0].t0 == a && found[0].t1 == e;
        let keep = whole || caps_in_run < 2 || (a..e).all(|x| ti[x].weak);
        // a name of one to three words that is not a place as a whole may be a
        // village the gazetteer lacks ("Tin Tam", with its leading particle): the text
        // decides later (see `unresolved`), unless a place is chosen inside it
        let mut u = a;
        while u > i && ti[u - 1].leading && ti[u - 1].name_start {
            u -= 1;
        }
        if (found.is_empty() || !keep || u < a)
            && e - u <= super::unresolved::MAX_NAME_WORDS
            && (a..e).all(|x| ti[x].name_start && !doc.is_stop(x))
        {
            self.unknown.push((u, e));
        }
        if !keep {
            self.cands.truncate(first_found);
            self.person_words
                .extend((a..e).filter(|&x| ti[x].cap).map(|x| doc.f(x)));
        }
        e0
    }

    /// The run `i..e` without its stop words and articles at the start ("Selon",
    /// "Lundi", "Le") and its particles at the end. A leading particle stays when the
    /// name it begins is found ("El Kseib").
    fn trim_run(&mut self, i: usize, e: usize) -> (usize, usize) {
        let (doc, ti) = (self.doc, self.doc.ti);
        let mut e = e;
        // stop words and articles at the start ("Selon", "Lundi", "Le")
        let mut a = i;
        while a < e && (ti[a].particle || doc.is_stop(a)) {
            let keep_particle = ti[a].leading
                && a + 1 < e
                && matches!(
                    self.lookup.places(doc, a, e.min(a + 4)).0,
                    Some(KeyLevel::Exact | KeyLevel::Translit)
                );
            if keep_particle {
                break;
            }
            a += 1;
        }
        // an office or a facility before the place it serves, in one run ("Hôpital de
        // Gao", "Maire de Kidal"): the run is the place's name alone
        if e > a + 2 && doc.lx.of_heads.contains(doc.f(a)) && ti[a + 1].connector {
            let mut b = a + 1;
            while b < e && (ti[b].particle || ti[b].connector) {
                b += 1;
            }
            if b < e {
                a = b;
            }
        }
        while e > a && ti[e - 1].particle {
            e -= 1;
        }
        // a facility noun after the name of the place it serves ("Sévaré Airport",
        // "Niamey University"): the name is the place's alone
        if e > a + 1 && doc.lx.trailing_heads.contains(doc.f(e - 1)) {
            e -= 1;
            while e > a && ti[e - 1].particle {
                e -= 1;
            }
        }
        (a, e)
    }

    /// Splits the run `a..e` into the names the gazetteer knows, longest first from the
    /// left (four words at most, no particle at the end), and adds them as candidates.
    fn split_run(&mut self, a: usize, e: usize, caps_in_run: usize) {
        let (doc, ti) = (self.doc, self.doc.ti);
        let long_name = doc.joined_to_name_before(a);
        let mut s = a;
        while s < e {
            let mut hit = None;
            let mut end = (s + 4).min(e);
            while end > s {
                if ti[end - 1].particle || (ti[s].particle && !ti[s].leading) {
                    end -= 1;
                    continue;
                }
                if let (Some(level), places) = self.lookup.places(doc, s, end) {
                    hit = Some((end, level, places));
                    break;
                }
                end -= 1;
            }
            match hit {
                Some((end, level, places)) => {
                    self.cands.push(Cand {
                        t0: s,
                        t1: end,
                        span: Span::new(doc.tokens[s].span.start, doc.tokens[end - 1].span.end),
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
    }

    /// A lower-case word (six letters or more) right after a locative cue, not a common
    /// word: a candidate when the gazetteer knows it ("à tessalit").
    fn lower_after_cue(&mut self, i: usize) {
        let (doc, ti, lx) = (self.doc, self.doc.ti, self.doc.lx);
        let f = |i: usize| doc.f(i);
        // lower-case word (six letters or more) right after a locative cue
        let t = doc.tok(i);
        if !ti[i].cap
            && t.len() >= 6
            && long_plain_word(t)
            && doc.cue_before(i, &mut self.phrase).is_some()
            && !lx.common.contains(f(i))
            && !lx.suffixes.iter().any(|s| f(i).ends_with(s.as_str()))
            && !doc.is_stop(i)
        {
            if let (Some(level), places) = self.lookup.places(doc, i, i + 1) {
                self.cands.push(Cand {
                    t0: i,
                    t1: i + 1,
                    span: doc.tokens[i].span,
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geoparse::testkit::TestDoc;
    use vigie_model::Lang;

    #[test]
    fn capitalized_words_become_candidates_fr_and_en() {
        let t = TestDoc::new("Les soldats ont quitté Mopti pour Ségou lundi.", Lang::Fr);
        assert_eq!(t.texts(&t.found().cands), ["Mopti", "Ségou"]);
        let t = TestDoc::new(
            "The soldiers drove from Niamey to Dosso on Monday.",
            Lang::En,
        );
        assert_eq!(t.texts(&t.found().cands), ["Niamey", "Dosso"]);
    }

    #[test]
    fn multi_word_names_are_one_candidate() {
        let t = TestDoc::new(
            "Le convoi a enfin atteint Bobo Dioulasso dans la soirée.",
            Lang::Fr,
        );
        let found = t.found();
        assert_eq!(t.texts(&found.cands), ["Bobo Dioulasso"]);
        let c = &found.cands[0];
        assert!(!c.single && c.t1 - c.t0 == 2);
        assert!(!found.arena[c.places.clone()].is_empty());
    }

    #[test]
    fn names_after_a_title_are_person_words() {
        let t = TestDoc::new(
            "Le colonel Douentza a parlé, puis il est allé à Gao.",
            Lang::Fr,
        );
        let found = t.found();
        assert_eq!(t.texts(&found.cands), ["Gao"]);
        assert!(found.person_words.contains("douentza"));
        let t = TestDoc::new(
            "The army said that colonel Douentza would fly to Gao.",
            Lang::En,
        );
        assert!(t.found().person_words.contains("douentza"));
    }

    #[test]
    fn web_addresses_are_not_places() {
        let t = TestDoc::new(
            "Comme on pouvait le lire sur Kidal.info ce matin.",
            Lang::Fr,
        );
        let d = t.doc();
        assert!(in_web_name(d, t.at("Kidal")));
        assert!(in_web_name(d, t.at("info")));
        assert!(t.found().cands.is_empty());
    }

    #[test]
    fn lower_case_words_after_a_cue() {
        let t = TestDoc::new("Ils sont partis vers tombouctou hier.", Lang::Fr);
        let found = t.found();
        assert_eq!(t.texts(&found.cands), ["tombouctou"]);
        assert!(found.cands[0].lower);
        // no cue before it: not a candidate
        let t = TestDoc::new("Ils disent que tombouctou est loin.", Lang::Fr);
        assert!(t.found().cands.is_empty());
    }

    #[test]
    fn unknown_capitalized_words_are_kept_aside() {
        let t = TestDoc::new("Ils ont fui la localité de Kwarbeleto.", Lang::Fr);
        let found = t.found();
        assert!(found.cands.is_empty());
        let k = t.at("Kwarbeleto");
        assert_eq!(found.unknown, [(k, k + 1)]);
    }

    #[test]
    fn runs_are_trimmed_of_stop_words_and_particles() {
        let t = TestDoc::new("Hier, Selon Le Maire De Gao, tout va bien.", Lang::Fr);
        let d = t.doc();
        let i = t.at("Selon");
        let e = run_end(d, &vec![false; d.len()], i);
        assert_eq!(d.tok(e - 1), "Gao");
        let mut sc = Scanner {
            doc: d,
            titles: &crate::geoparse::testkit::lexicon().titles,
            excluded: &[],
            lookup: Lookup::new(crate::geoparse::testkit::gaz()),
            cands: Vec::new(),
            person_words: HashSet::default(),
            unknown: Vec::new(),
            phrase: String::new(),
        };
        // the office before "de" goes too: "Le Maire De Gao" names Gao (issue 12)
        let (a, e) = sc.trim_run(i, e);
        assert_eq!((d.tok(a), d.tok(e - 1)), ("Gao", "Gao"));
    }

    #[test]
    fn lookups_are_memoized_per_name() {
        let t = TestDoc::new("Gao, puis Gao.", Lang::Fr);
        let d = t.doc();
        let mut lk = Lookup::new(crate::geoparse::testkit::gaz());
        let first = lk.places(d, 0, 1);
        let len = lk.arena.len();
        assert_eq!(first.0, Some(KeyLevel::Exact));
        assert_eq!(lk.places(d, t.at("puis") + 1, t.at("puis") + 2), first);
        assert_eq!(lk.arena.len(), len, "second lookup reads the memo");
    }
}
