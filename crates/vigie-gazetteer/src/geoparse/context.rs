//! Document focus: the fourth phase of the geoparser, which finds the countries a document
//! is about.
//!
//! A country's name, spelled exactly, votes three times for it at each mention (nine
//! votes at most); a name whose populated places and admin areas all lie in one country votes once
//! for that country. Each distinct name votes once, and never for itself: a place's own
//! vote does not count when its support is weighed. The country with the most votes (and
//! any with at least half as many) is the document's main country ([`Ctx::Main`]), the
//! others named are secondary; a home country (`home_countries.txt`) that no name votes
//! for still counts a little ([`Ctx::Home`]), less when another country has votes
//! ([`Ctx::HomeAside`]). Weak candidates (a skeleton match, a lower-case word,
//! a sentence-start capital, part of a longer name) do not vote.

use super::score::Ctx;
use super::tokens::Doc;
use super::Cand;
use crate::index::{Gazetteer, PlaceId, PlaceRef};
use crate::keys::KeyLevel;
use crate::lexicon::WordSet;
use vigie_text::hash::FastMap as HashMap;

/// Fills the `name` of every candidate (its words' folded forms, without separators) and
/// returns the buffer the names are ranges of. Candidates of the same name share their
/// country votes and their resolution.
pub(super) fn name_candidates(doc: Doc<'_>, cands: &mut [Cand]) -> String {
    // the folded name of each candidate (its words' folded forms, without separators)
    let mut name_buf = String::new();
    for c in cands.iter_mut() {
        let a = name_buf.len();
        for j in c.t0..c.t1 {
            name_buf.push_str(doc.f(j));
        }
        c.name = a..name_buf.len();
    }
    name_buf
}

/// The gazetteer's record of each place of `arena` that a candidate kept, read once
/// (`None` for the places no candidate kept).
pub(super) fn read_places<'g>(
    gaz: &'g Gazetteer,
    arena: &[(PlaceId, KeyLevel)],
    cands: &[Cand],
) -> Vec<Option<PlaceRef<'g>>> {
    // the gazetteer's record of each place of `arena` that a candidate kept, read once
    let mut refs: Vec<Option<PlaceRef<'_>>> = vec![None; arena.len()];
    let mut read = vec![false; arena.len()];
    for c in cands {
        for k in c.places.clone() {
            if !read[k] {
                refs[k] = gaz.place(arena[k].0);
                read[k] = true;
            }
        }
    }
    refs
}

/// The countries a document is about, from the votes of its names.
#[derive(Debug)]
pub(super) struct Focus<'s> {
    /// The vote of each distinct name: its country and its weight.
    votes: HashMap<&'s str, (&'s str, usize)>,
    /// The votes of each country.
    counts: HashMap<&'s str, usize>,
    /// The most votes of a country.
    top: usize,
    /// The home countries.
    home: &'s WordSet,
}

impl<'s> Focus<'s> {
    /// The votes of `cands` (named in `names`, their places in `arena` and `refs`).
    pub fn new(
        cands: &[Cand],
        arena: &[(PlaceId, KeyLevel)],
        refs: &[Option<PlaceRef<'s>>],
        names: &'s str,
        home: &'s WordSet,
        actor_countries: &[&'s str],
    ) -> Focus<'s> {
        // document context: countries named, and countries of unambiguous names; each
        // distinct name votes once, and never for itself
        let mut votes: HashMap<&str, (&str, usize)> = HashMap::default();
        let mut ps: Vec<PlaceRef<'_>> = Vec::new();
        for c in cands {
            if c.level == KeyLevel::Skeleton || c.lower {
                continue;
            }
            let name = &names[c.name.clone()];
            ps.clear();
            ps.extend(
                arena[c.places.clone()]
                    .iter()
                    .zip(&refs[c.places.clone()])
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
        // the actors the text names vote for their countries too, twice each, as much
        // as two places that lie in one country ("Katiba Macina", "les FAMa" point to
        // Mali; "Burkinabè soldiers" to Burkina Faso)
        for cc in actor_countries {
            *counts.entry(cc).or_default() += 2;
        }
        let top = counts.values().copied().max().unwrap_or(0);
        Focus {
            votes,
            counts,
            top,
            home,
        }
    }

    /// How the document supports country `cc` for a candidate named `name` (the name's
    /// own vote left out).
    pub fn ctx(&self, cc: &str, name: &str) -> Ctx {
        let own = self
            .votes
            .get(name)
            .filter(|v| v.0 == cc)
            .map(|v| v.1)
            .unwrap_or(0);
        let v = self
            .counts
            .get(cc)
            .copied()
            .unwrap_or(0)
            .saturating_sub(own);
        if v > 0 && v * 2 >= self.top {
            Ctx::Main
        } else if v > 0 {
            Ctx::Secondary
        } else if self.home.contains(cc) {
            // another country the text points to ("Katiba Macina militants attacked
            // Kounti": Mali) outweighs a home country's namesake across the border
            let own_vote = self.votes.get(name).copied();
            let elsewhere = self.counts.iter().any(|(c, n)| {
                let own = own_vote.filter(|v| v.0 == *c).map_or(0, |v| v.1);
                *c != cc && n.saturating_sub(own) > 0
            });
            if elsewhere {
                Ctx::HomeAside
            } else {
                Ctx::Home
            }
        } else {
            Ctx::None
        }
    }

    /// The country with the most votes (the smallest code among equals), if any.
    pub fn main_country(&self) -> Option<&'s str> {
        self.counts
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(cc, _)| *cc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geoparse::testkit::{gaz, lexicon, TestDoc};
    use vigie_model::Lang;

    /// The focus of a document's candidates, with their names.
    fn focus_of(t: &TestDoc, check: impl Fn(&[Cand], &str, &Focus<'_>)) {
        let found = t.found();
        let mut cands = found.cands;
        let names = name_candidates(t.doc(), &mut cands);
        let refs = read_places(gaz(), &found.arena, &cands);
        let focus = Focus::new(&cands, &found.arena, &refs, &names, &lexicon().home, &[]);
        check(&cands, &names, &focus);
    }

    #[test]
    fn names_are_folded_words_without_separators() {
        let t = TestDoc::new(
            "Le train roulait de Ségou jusqu'à Bobo Dioulasso.",
            Lang::Fr,
        );
        let found = t.found();
        let mut cands = found.cands;
        let names = name_candidates(t.doc(), &mut cands);
        let got: Vec<&str> = cands.iter().map(|c| &names[c.name.clone()]).collect();
        assert_eq!(got, ["segou", "bobodioulasso"]);
    }

    #[test]
    fn only_the_places_of_candidates_are_read() {
        let t = TestDoc::new("Vers Kidal.", Lang::Fr);
        let found = t.found();
        let refs = read_places(gaz(), &found.arena, &found.cands[..0]);
        assert!(refs.iter().all(Option::is_none));
        let refs = read_places(gaz(), &found.arena, &found.cands);
        let c = &found.cands[0];
        assert!(refs[c.places.clone()].iter().all(Option::is_some));
    }

    #[test]
    fn a_named_country_is_the_main_one_fr() {
        let t = TestDoc::new(
            "Au Mali, l'armée a repris Kidal. Le Mali s'en félicite.",
            Lang::Fr,
        );
        focus_of(&t, |_, _, focus| {
            assert_eq!(focus.main_country(), Some("ML"));
            assert_eq!(focus.ctx("ML", "kidal"), Ctx::Main);
            // a home country that no name votes for still counts a little, less than
            // when no other country has votes
            assert_eq!(focus.ctx("NE", "kidal"), Ctx::HomeAside);
            assert_eq!(focus.ctx("FR", "kidal"), Ctx::None);
        });
    }

    #[test]
    fn no_country_named_falls_back_on_home_countries_en() {
        let t = TestDoc::new("Officials said the market was calm.", Lang::En);
        focus_of(&t, |_, _, focus| {
            assert_eq!(focus.main_country(), None);
            assert_eq!(focus.ctx("NE", "x"), Ctx::Home);
            assert_eq!(focus.ctx("ID", "x"), Ctx::None);
        });
    }

    #[test]
    fn a_name_never_votes_for_itself_en() {
        let t = TestDoc::new("Niger said troops in Niger and Niamey are safe.", Lang::En);
        focus_of(&t, |cands, names, focus| {
            assert_eq!(focus.main_country(), Some("NE"));
            let niamey = cands
                .iter()
                .find(|c| &names[c.name.clone()] == "niamey")
                .expect("Niamey found");
            assert_eq!(focus.ctx("NE", &names[niamey.name.clone()]), Ctx::Main);
        });
    }
}
