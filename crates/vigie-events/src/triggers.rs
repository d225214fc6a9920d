//! Event triggers: rules shipped as data (`data/triggers.tsv`), compiled once, matched
//! over the folded words of a sentence.
//!
//! A rule has a path-like id (`explosions/air_drone_strike/frappe`), a language, a
//! pattern, the ACLED event type and sub-event type it signals, flags, and an example
//! sentence of our own that must fire it (the tests run every example).
//!
//! Patterns are written in the language of [`crate::pattern`].

use crate::pattern::{Match, Pattern, PatternSet};
use vigie_model::{EventType, Lang, SubEventType};
use vigie_text::data::{bad_line, data_lines, DataError};

/// The shipped rules.
pub const TRIGGERS_TSV: &str = include_str!("../data/triggers.tsv");

/// What a trigger says beyond its type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags {
    /// The victims are civilians by the trigger's meaning ("massacre").
    pub civ: bool,
    /// Fires only with an actor or a casualty figure in the same sentence.
    pub weak: bool,
    /// A noun naming an earlier event ("la bataille de X"): its date must be in its
    /// own sentence.
    pub bg: bool,
    /// The actors named with it lost ("la défaite des FAMa"): they undergo the event.
    pub loss: bool,
    /// A word that can refer back to any violent event told ("l'attaque"): it joins one
    /// it overlaps, whatever its type.
    pub generic: bool,
    /// A predicate that harms persons (killing, shooting, wounding): the event's type
    /// follows who it harms. Civilians, or persons of no named side, make it
    /// `Violence against civilians / Attack`; state forces or an armed group make it
    /// `Battles / Armed clash`; rioters doing it make it `Riots / Mob violence`.
    pub harm: bool,
    /// A force on the move ("le convoi", "turned back", "recovered the bodies"): the
    /// development is a journey, located where the force was last seen.
    pub journey: bool,
    /// Names a fight between armed sides ("combats", "battle", "defeat"): civilians
    /// named around it are its victims, not a side.
    pub fight: bool,
    /// A strike that needs no air force ("a kamikaze drone"): any side may launch it.
    pub self_guided: bool,
}

/// One trigger rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Path-like id.
    pub id: String,
    /// Language; None for both.
    pub lang: Option<Lang>,
    /// ACLED event type.
    pub event_type: EventType,
    /// ACLED sub-event type.
    pub sub_event_type: SubEventType,
    /// Flags.
    pub flags: Flags,
    /// An example sentence that fires the rule.
    pub example: String,
}

/// A rule that fired: which, and over which words of the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index of the rule in the [`Triggers`].
    pub rule: usize,
    /// First word (index into the word list given to [`Triggers::find`]).
    pub first: usize,
    /// One past the last word.
    pub end: usize,
}

impl From<Match> for Hit {
    fn from(m: Match) -> Hit {
        Hit {
            rule: m.item,
            first: m.first,
            end: m.end,
        }
    }
}

/// The compiled rules.
#[derive(Debug, Clone, Default)]
pub struct Triggers {
    rules: Vec<Rule>,
    /// The rules' patterns, item `i` for rule `i`.
    patterns: PatternSet,
    disabled: Vec<String>,
}

impl Triggers {
    /// The shipped rules.
    pub fn embedded() -> Triggers {
        let mut t = Triggers::default();
        t.add_file("triggers.tsv", TRIGGERS_TSV)
            .expect("the shipped triggers are valid (tested)");
        t
    }

    /// Adds the rules of a file (`file` names it in errors). A rule whose id is already
    /// known replaces it.
    pub fn add_file(&mut self, file: &str, src: &str) -> Result<(), DataError> {
        for (n, f) in data_lines(src) {
            if f.len() < 5 {
                return Err(bad_line(
                    file,
                    n,
                    "expected: id, lang, pattern, type, sub-type[, flags, example]",
                ));
            }
            let lang = match f[1] {
                "*" => None,
                code => Some(
                    Lang::from_code(code)
                        .ok_or_else(|| bad_line(file, n, format!("unknown language {code:?}")))?,
                ),
            };
            let pattern = Pattern::compile(f[2]).map_err(|m| bad_line(file, n, m))?;
            let mut flags = Flags::default();
            for fl in f.get(5).copied().unwrap_or("-").split(',').map(str::trim) {
                match fl {
                    "civ" => flags.civ = true,
                    "weak" => flags.weak = true,
                    "bg" => flags.bg = true,
                    "loss" => flags.loss = true,
                    "generic" => flags.generic = true,
                    "harm" => flags.harm = true,
                    "journey" => flags.journey = true,
                    "fight" => flags.fight = true,
                    "self_guided" => flags.self_guided = true,
                    "-" | "" => {}
                    other => return Err(bad_line(file, n, format!("unknown flag {other:?}"))),
                }
            }
            let event_type: EventType = f[3]
                .parse()
                .map_err(|e| bad_line(file, n, format!("{e}")))?;
            let sub_event_type: SubEventType = f[4]
                .parse()
                .map_err(|e| bad_line(file, n, format!("{e}")))?;
            if sub_event_type.event_type() != event_type {
                return Err(bad_line(
                    file,
                    n,
                    format!(
                        "{sub_event_type:?} is a sub-event type of {:?}, not of {event_type:?}",
                        sub_event_type.event_type().as_str()
                    ),
                ));
            }
            let rule = Rule {
                id: f[0].to_string(),
                lang,
                event_type,
                sub_event_type,
                flags,
                example: f.get(6).copied().unwrap_or("").to_string(),
            };
            match self.rules.iter().position(|r| r.id == rule.id) {
                Some(i) => {
                    self.patterns.replace(i, lang, pattern);
                    self.rules[i] = rule;
                }
                None => {
                    self.patterns.push(lang, pattern);
                    self.rules.push(rule);
                }
            }
        }
        Ok(())
    }

    /// Switches off every rule whose id starts with `prefix` ("strategic/other").
    pub fn disable(&mut self, prefix: &str) {
        self.disabled.push(prefix.to_string());
    }

    /// The rules.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The rules' patterns (item `i` for rule `i`).
    pub fn patterns(&self) -> &PatternSet {
        &self.patterns
    }

    /// Rule `i`.
    pub fn rule(&self, i: usize) -> &Rule {
        &self.rules[i]
    }

    /// Every rule that fires on `words` (folded words of one sentence), longest match
    /// per start; overlapping hits are settled by the caller.
    pub fn find(&self, words: &[&str], lang: Lang) -> Vec<Hit> {
        self.patterns
            .find(words, lang, |i| !self.is_disabled(i))
            .into_iter()
            .map(Hit::from)
            .collect()
    }

    fn is_disabled(&self, i: usize) -> bool {
        self.disabled
            .iter()
            .any(|p| self.rules[i].id.starts_with(p.as_str()))
    }

    /// [`Triggers::find`] with the candidate rules of word `i` given by `candidates`
    /// (see [`PatternSet::find_by`]).
    pub fn find_by(
        &self,
        words: &[&str],
        lang: Lang,
        candidates: impl FnMut(usize, &mut Vec<usize>),
    ) -> Vec<Hit> {
        self.patterns
            .find_by(words, lang, |i| !self.is_disabled(i), candidates)
            .into_iter()
            .map(Hit::from)
            .collect()
    }

    /// [`Triggers::find`] with the candidate rules listed as `(word, rule)` pairs (see
    /// [`PatternSet::find_listed`]).
    pub fn find_listed(&self, words: &[&str], lang: Lang, cands: &[(u32, u32)]) -> Vec<Hit> {
        self.patterns
            .find_listed(words, lang, |i| !self.is_disabled(i), cands)
            .into_iter()
            .map(Hit::from)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::pattern::folded_words;

    #[test]
    fn every_rule_fires_on_its_own_example() {
        let t = Triggers::embedded();
        assert!(t.rules().len() > 50);
        let mut failures = Vec::new();
        for (i, r) in t.rules().iter().enumerate() {
            assert!(!r.example.is_empty(), "{} has no example", r.id);
            let lang = r.lang.unwrap_or(Lang::Fr);
            let words = folded_words(&r.example);
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            let mut hits = t.find(&refs, lang);
            if r.lang.is_none() {
                hits.extend(t.find(&refs, Lang::En));
            }
            if !hits.iter().any(|h| h.rule == i) {
                failures.push(r.id.clone());
            }
        }
        assert!(
            failures.is_empty(),
            "rules that miss their own example: {failures:?}"
        );
    }

    #[test]
    fn every_acled_sub_event_type_is_covered() {
        let t = Triggers::embedded();
        for sub in SubEventType::ALL {
            assert!(
                t.rules().iter().any(|r| r.sub_event_type == *sub),
                "no rule for {sub}"
            );
        }
    }

    /// Issue 12: a user's rule names ACLED's types as ACLED spells them, and a sub-event
    /// type under its own event type.
    #[test]
    fn issue12_user_rules_use_acled_vocabulary() {
        let mut t = Triggers::default();
        let ok = "x/y/z\ten\tsiege*\tBattles\tArmed clash\t-\tThe siege began.";
        assert!(t.add_file("u.tsv", ok).is_ok());
        for bad in [
            "x/y/z\ten\tsiege*\tBattle\tArmed clash\t-\tThe siege began.",
            "x/y/z\ten\tsiege*\tBattles\tArmed Clash\t-\tThe siege began.",
            "x/y/z\ten\tsiege*\tRiots\tArmed clash\t-\tThe siege began.",
        ] {
            let e = t.add_file("u.tsv", bad).expect_err(bad).to_string();
            assert!(e.contains("u.tsv"), "{e}");
        }
    }

    #[test]
    fn rules_switch_off_by_prefix_and_user_rules_replace() {
        let mut t = Triggers::embedded();
        let words = ["drone", "strike"];
        assert!(!t.find(&words, Lang::En).is_empty());
        t.disable("explosions/");
        assert!(t.find(&words, Lang::En).is_empty());
        let mut t = Triggers::embedded();
        t.add_file("user", "explosions/air_drone_strike/strike\ten\tdrone strike\tExplosions/Remote violence\tAir/drone strike\t-\tA drone strike.\n")
            .unwrap();
        assert!(t.add_file("user", "x\tde\ty\tA\tB\n").is_err());
    }
}
