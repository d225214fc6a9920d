//! Closed word classes of the event layer (`data/words.tsv`): prepositions, articles,
//! pronouns, auxiliaries and the few nouns the rules read as a class. Data, not code: a
//! user's `words.tsv` adds words without a rebuild.

use vigie_model::Lang;
use vigie_text::data::{bad_line, data_lines, DataError};

const WORDS_TSV: &str = include_str!("../data/words.tsv");

/// A closed class of words (see `data/words.tsv` for each with examples).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// A noun right after it is not a subject.
    Preposition,
    /// A definite article before a subject.
    Article,
    /// Opens the phrase of a speaker.
    Determiner,
    /// Joins two items of a list.
    And,
    /// A subject pronoun.
    Pronoun,
    /// The auxiliary of a passive verb.
    PassiveAux,
    /// Links an event noun to whose it is.
    Of,
    /// Links a noun to the place it names.
    NounLink,
    /// Makes a noun the kind of another.
    KindLink,
    /// Introduces a part of a total just given.
    PartOf,
    /// Never extends a source's name to the right.
    NotModifier,
    /// Introduces the author of a passive act.
    By,
    /// A noun naming an event.
    EventNoun,
    /// A place named by its kind.
    SiteNoun,
    /// A battle named as a noun.
    BattleNoun,
    /// Stands for a place named before ("y", "there").
    There,
    /// Opens a noun phrase ("le", "son", "its"): a verb-like word after it is a noun.
    NounDet,
    /// A government or its seat ("la junte", "the authorities"): a capital after it
    /// stands for the government.
    Authority,
    /// A state's mission abroad ("l'ambassade de France", "the embassy of France"): the
    /// country after it owns the building, the event is not in that country.
    Mission,
}

const CLASSES: [(Word, &str); 19] = [
    (Word::Preposition, "preposition"),
    (Word::Article, "article"),
    (Word::Determiner, "determiner"),
    (Word::And, "and"),
    (Word::Pronoun, "pronoun"),
    (Word::PassiveAux, "passive_aux"),
    (Word::Of, "of"),
    (Word::NounLink, "noun_link"),
    (Word::KindLink, "kind_link"),
    (Word::PartOf, "part_of"),
    (Word::NotModifier, "not_modifier"),
    (Word::By, "by"),
    (Word::EventNoun, "event_noun"),
    (Word::SiteNoun, "site_noun"),
    (Word::BattleNoun, "battle_noun"),
    (Word::There, "there"),
    (Word::NounDet, "noun_det"),
    (Word::Authority, "authority"),
    (Word::Mission, "mission"),
];

/// The words of each class, by language.
#[derive(Debug, Clone, Default)]
pub struct Words {
    /// Per class (index in `CLASSES`): (language or both, folded word).
    classes: Vec<Vec<(Option<Lang>, String)>>,
}

impl Words {
    /// The shipped classes.
    pub fn embedded() -> Words {
        let mut w = Words::default();
        w.add_file("words.tsv", WORDS_TSV)
            .expect("the shipped words.tsv is valid (tested)");
        w
    }

    /// Adds the words of a file in the format of `words.tsv`.
    pub fn add_file(&mut self, file: &str, src: &str) -> Result<(), DataError> {
        if self.classes.is_empty() {
            self.classes = vec![Vec::new(); CLASSES.len()];
        }
        for (n, f) in data_lines(src) {
            if f.len() < 3 {
                return Err(bad_line(file, n, "expected: class, lang, words"));
            }
            let k = CLASSES
                .iter()
                .position(|(_, name)| *name == f[0])
                .ok_or_else(|| bad_line(file, n, format!("unknown class {:?}", f[0])))?;
            let lang = match f[1] {
                "*" => None,
                c => Some(
                    Lang::from_code(c)
                        .ok_or_else(|| bad_line(file, n, format!("unknown language {c:?}")))?,
                ),
            };
            for w in f[2].split('|').map(str::trim).filter(|w| !w.is_empty()) {
                let w = vigie_text::fold(w);
                if !self.classes[k].iter().any(|(l, x)| *l == lang && *x == w) {
                    self.classes[k].push((lang, w));
                }
            }
        }
        Ok(())
    }

    /// Whether folded word `w` of a text in `lang` belongs to class `class`.
    pub fn is(&self, class: Word, lang: Lang, w: &str) -> bool {
        // `CLASSES` lists the classes in the order of `Word` (tested)
        self.classes.get(class as usize).is_some_and(|ws| {
            ws.iter()
                .any(|(l, x)| x == w && l.is_none_or(|l| l == lang))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_classes_read_and_answer() {
        let w = Words::embedded();
        assert!(w.is(Word::Pronoun, Lang::Fr, "ils"));
        assert!(w.is(Word::PassiveAux, Lang::En, "were"));
        assert!(!w.is(Word::PassiveAux, Lang::En, "killed"));
        for (k, (class, _)) in CLASSES.iter().enumerate() {
            assert_eq!(*class as usize, k, "CLASSES follows the order of Word");
            assert!(w.classes[k].len() > 1, "{class:?} is empty");
        }
    }

    #[test]
    fn a_user_file_adds_words_and_bad_lines_are_named() {
        let mut w = Words::embedded();
        w.add_file(
            "words.tsv",
            "pronoun\ten\tthey'd\nby\tfr\tpar l'entremise de\n",
        )
        .unwrap();
        assert!(w.is(Word::Pronoun, Lang::En, "they'd"));
        assert!(!w.is(Word::By, Lang::En, "par l'entremise de"));
        let e = w
            .add_file("words.tsv", "noun\t*\tx\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("words.tsv") && e.contains("noun"), "{e}");
    }
}
