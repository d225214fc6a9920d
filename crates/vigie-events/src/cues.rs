//! Cue words of the event layer (`data/cues.tsv`) and movement verbs
//! (`data/movements.tsv`), compiled into pattern sets.

use crate::pattern::{Match, Pattern, PatternSet};
use crate::words::Words;
use vigie_model::{Lang, MovementStatus};
use vigie_text::data::{bad_line, data_lines, DataError};

/// The shipped cue words.
pub const CUES_TSV: &str = include_str!("../data/cues.tsv");
/// The shipped movement verbs.
pub const MOVEMENTS_TSV: &str = include_str!("../data/movements.tsv");

/// What a cue signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueKind {
    /// "selon X"
    SourcePrep,
    /// "X affirme", "X said"
    Speech,
    /// "seraient morts", "reportedly"
    Conditional,
    /// "des sources locales", "residents"
    SourceNoun,
    /// what a claim rests on
    Basis,
    /// a count of the dead
    Death,
    /// a count of the wounded
    Wounded,
    /// a unit that can move
    Unit,
    /// a destination only
    Destination,
    /// the agent of a passive verb
    Passive,
    /// the other side of a fight
    Versus,
    /// the subject undergoes the event
    Suffer,
    /// denies what follows
    Negation,
    /// where a movement starts from
    Origin,
    /// opens a fight's two sides ("entre X et Y")
    Between,
    /// an ongoing activity that describes someone, not an event ("groups fighting for
    /// independence", "has been fighting since 2020")
    Durative,
    /// a causative verb before a loss: the subject made the other side suffer it
    /// ("infliger une défaite", "inflicted heavy losses")
    Inflict,
    /// introduces the means of a fight ("using drones and car bombs"): the triggers right
    /// after it name weapons of the event told, not events
    Instrument,
    /// one person ("le commandant", "a soldier"): killed, it counts one dead
    OnePerson,
    /// a target that only civilians make ("the village", "le marché", "a bus"): an attack
    /// on it is violence against civilians
    CivTarget,
    /// violence by a crowd ("threw stones", "burned tyres", "ont saccagé"): a
    /// demonstration told with it is a riot
    Rampage,
    /// armed resistance by those attacked ("returned fire", "the self-defence group
    /// repelled them", "ont riposté"): an attack on a village told with it is a battle
    Resistance,
    /// the authorities stepping in on a crowd ("police dispersed the crowd", "tear gas",
    /// "ont interpellé des manifestants"): a demonstration told with it is a protest
    /// with intervention
    Intervention,
    /// a word of alliance between two actors of one side ("leurs alliés", "partners"):
    /// it joins them across a few more words
    Ally,
    /// opens a new clause ("after", "while", "lorsque", "qui"): two actors on either side
    /// of it are not one coordinated group
    Clause,
}

impl CueKind {
    fn parse(s: &str) -> Option<CueKind> {
        Some(match s {
            "source_prep" => CueKind::SourcePrep,
            "speech" => CueKind::Speech,
            "conditional" => CueKind::Conditional,
            "source_noun" => CueKind::SourceNoun,
            "basis" => CueKind::Basis,
            "death" => CueKind::Death,
            "wounded" => CueKind::Wounded,
            "unit" => CueKind::Unit,
            "destination" => CueKind::Destination,
            "passive" => CueKind::Passive,
            "versus" => CueKind::Versus,
            "suffer" => CueKind::Suffer,
            "negation" => CueKind::Negation,
            "origin" => CueKind::Origin,
            "between" => CueKind::Between,
            "durative" => CueKind::Durative,
            "inflict" => CueKind::Inflict,
            "instrument" => CueKind::Instrument,
            "one_person" => CueKind::OnePerson,
            "civ_target" => CueKind::CivTarget,
            "rampage" => CueKind::Rampage,
            "resistance" => CueKind::Resistance,
            "intervention" => CueKind::Intervention,
            "ally" => CueKind::Ally,
            "clause" => CueKind::Clause,
            _ => return None,
        })
    }
}

/// A cue found in a sentence, over words `first..end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueHit {
    /// Its kind.
    pub kind: CueKind,
    /// Its value (the basis kind), empty for the others.
    pub value: &'static str,
    /// First word.
    pub first: usize,
    /// One past the last word.
    pub end: usize,
}

const BASES: [&str; 7] = [
    "communique",
    "post",
    "video",
    "photo",
    "satellite_image",
    "witness",
    "statement",
];

/// Compiled cues and movement verbs.
#[derive(Debug, Clone, Default)]
pub struct Cues {
    set: PatternSet,
    kinds: Vec<(CueKind, &'static str)>,
    moves: PatternSet,
    /// (rule id, status, example, language) of each movement pattern.
    move_rules: Vec<(String, MovementStatus, String, Option<Lang>)>,
    /// The closed word classes (`words.tsv`).
    words: Words,
}

impl Cues {
    /// The shipped cues and movement verbs.
    pub fn embedded() -> Cues {
        let mut c = Cues::default();
        c.add_cues("cues.tsv", CUES_TSV)
            .expect("shipped cues are valid (tested)");
        c.add_movements("movements.tsv", MOVEMENTS_TSV)
            .expect("shipped movement verbs are valid (tested)");
        c.words = Words::embedded();
        c
    }

    fn lang(file: &str, n: usize, s: &str) -> Result<Option<Lang>, DataError> {
        match s {
            "*" => Ok(None),
            c => Lang::from_code(c)
                .map(Some)
                .ok_or_else(|| bad_line(file, n, format!("unknown language {c:?}"))),
        }
    }

    /// Adds the words of a file in the format of `words.tsv`.
    pub fn add_words(&mut self, file: &str, src: &str) -> Result<(), DataError> {
        self.words.add_file(file, src)
    }

    /// The closed word classes.
    pub fn words(&self) -> &Words {
        &self.words
    }

    /// Adds the cues of a file in the format of `cues.tsv`.
    pub fn add_cues(&mut self, file: &str, src: &str) -> Result<(), DataError> {
        for (n, f) in data_lines(src) {
            if f.len() < 3 {
                return Err(bad_line(file, n, "expected: kind, lang, pattern[, value]"));
            }
            let kind = CueKind::parse(f[0])
                .ok_or_else(|| bad_line(file, n, format!("unknown kind {:?}", f[0])))?;
            let value = match kind {
                CueKind::Basis => {
                    let v = f.get(3).copied().unwrap_or("");
                    *BASES
                        .iter()
                        .find(|b| **b == v)
                        .ok_or_else(|| bad_line(file, n, format!("unknown basis {v:?}")))?
                }
                _ => "",
            };
            let lang = Self::lang(file, n, f[1])?;
            let p = Pattern::compile(f[2]).map_err(|m| bad_line(file, n, m))?;
            self.set.push(lang, p);
            self.kinds.push((kind, value));
        }
        Ok(())
    }

    /// Adds the movement verbs of a file in the format of `movements.tsv`.
    pub fn add_movements(&mut self, file: &str, src: &str) -> Result<(), DataError> {
        for (n, f) in data_lines(src) {
            if f.len() < 4 {
                return Err(bad_line(
                    file,
                    n,
                    "expected: id, lang, pattern, status[, example]",
                ));
            }
            let status: MovementStatus = f[3]
                .parse()
                .map_err(|e| bad_line(file, n, format!("{e}")))?;
            let lang = Self::lang(file, n, f[1])?;
            let p = Pattern::compile(f[2]).map_err(|m| bad_line(file, n, m))?;
            self.moves.push(lang, p);
            self.move_rules.push((
                f[0].to_string(),
                status,
                f.get(4).copied().unwrap_or("").to_string(),
                lang,
            ));
        }
        Ok(())
    }

    /// Every cue in a sentence's folded words.
    pub fn find(&self, words: &[&str], lang: Lang) -> Vec<CueHit> {
        self.set
            .find(words, lang, |_| true)
            .into_iter()
            .map(|m| CueHit {
                kind: self.kinds[m.item].0,
                value: self.kinds[m.item].1,
                first: m.first,
                end: m.end,
            })
            .collect()
    }

    /// [`Cues::find`] with the candidate cues of word `i` given by `candidates` (see
    /// [`PatternSet::find_by`]).
    pub fn find_by(
        &self,
        words: &[&str],
        lang: Lang,
        candidates: impl FnMut(usize, &mut Vec<usize>),
    ) -> Vec<CueHit> {
        self.set
            .find_by(words, lang, |_| true, candidates)
            .into_iter()
            .map(|m| CueHit {
                kind: self.kinds[m.item].0,
                value: self.kinds[m.item].1,
                first: m.first,
                end: m.end,
            })
            .collect()
    }

    /// [`Cues::find`] with the candidate cues listed as `(word, cue)` pairs (see
    /// [`PatternSet::find_listed`]).
    pub fn find_listed(&self, words: &[&str], lang: Lang, cands: &[(u32, u32)]) -> Vec<CueHit> {
        let mut out = Vec::new();
        self.find_listed_into(words, lang, cands, &mut out);
        out
    }

    /// [`Cues::find_listed`] appending to `out`.
    pub fn find_listed_into(
        &self,
        words: &[&str],
        lang: Lang,
        cands: &[(u32, u32)],
        out: &mut Vec<CueHit>,
    ) {
        self.set.find_listed_with(
            words,
            lang,
            |_| true,
            cands,
            |m| {
                out.push(CueHit {
                    kind: self.kinds[m.item].0,
                    value: self.kinds[m.item].1,
                    first: m.first,
                    end: m.end,
                })
            },
        );
    }

    /// [`Cues::find_movements`] with the candidate verbs listed as `(word, verb)` pairs
    /// (see [`PatternSet::find_listed`]).
    pub fn find_movements_listed<'a>(
        &'a self,
        words: &[&str],
        lang: Lang,
        cands: &[(u32, u32)],
    ) -> Vec<(&'a str, MovementStatus, usize, usize)> {
        let found = self.moves.find_listed(words, lang, |_| true, cands);
        self.movements_of(found)
    }

    /// The cue patterns (item `i` for the `i`-th cue) and the movement patterns.
    pub fn patterns(&self) -> (&PatternSet, &PatternSet) {
        (&self.set, &self.moves)
    }

    /// Every movement verb in a sentence's folded words: (rule id, status, first, end).
    pub fn find_movements<'a>(
        &'a self,
        words: &[&str],
        lang: Lang,
    ) -> Vec<(&'a str, MovementStatus, usize, usize)> {
        let found = self.moves.find(words, lang, |_| true);
        self.movements_of(found)
    }

    /// [`Cues::find_movements`] with the candidate verbs of word `i` given by
    /// `candidates` (see [`PatternSet::find_by`]).
    pub fn find_movements_by<'a>(
        &'a self,
        words: &[&str],
        lang: Lang,
        candidates: impl FnMut(usize, &mut Vec<usize>),
    ) -> Vec<(&'a str, MovementStatus, usize, usize)> {
        let found = self.moves.find_by(words, lang, |_| true, candidates);
        self.movements_of(found)
    }

    fn movements_of(&self, found: Vec<Match>) -> Vec<(&str, MovementStatus, usize, usize)> {
        found
            .into_iter()
            .map(|m| {
                let (id, status, _, _) = &self.move_rules[m.item];
                (id.as_str(), *status, m.first, m.end)
            })
            .collect()
    }

    /// The movement rules with their examples: (id, status, example, language).
    pub fn movement_rules(&self) -> &[(String, MovementStatus, String, Option<Lang>)] {
        &self.move_rules
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::pattern::folded_words as words;

    #[test]
    fn shipped_files_load_and_find() {
        let c = Cues::embedded();
        let w = words("Selon des sources locales, sept civils seraient morts, dit un communiqué.");
        let r: Vec<&str> = w.iter().map(String::as_str).collect();
        let kinds: Vec<CueKind> = c.find(&r, Lang::Fr).iter().map(|h| h.kind).collect();
        for k in [
            CueKind::SourcePrep,
            CueKind::SourceNoun,
            CueKind::Conditional,
            CueKind::Death,
            CueKind::Basis,
        ] {
            assert!(kinds.contains(&k), "{k:?} in {kinds:?}");
        }
    }

    #[test]
    fn every_movement_rule_fires_on_its_example() {
        let c = Cues::embedded();
        for (id, status, ex, lang) in c.movement_rules() {
            let w = words(ex);
            let r: Vec<&str> = w.iter().map(String::as_str).collect();
            let found = c
                .find_movements(&r, lang.unwrap_or(Lang::Fr))
                .iter()
                .any(|m| m.0 == id && m.1 == *status);
            assert!(found, "{id} misses its example {ex:?}");
        }
    }

    #[test]
    fn bad_lines_are_reported() {
        let mut c = Cues::default();
        assert!(c.add_cues("u", "nope\tfr\tx\n").is_err());
        assert!(c.add_cues("u", "basis\tfr\tx\tnonsense\n").is_err());
        assert!(c.add_movements("u", "m\tfr\tx\tflying\n").is_err());
    }
}
