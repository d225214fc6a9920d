//! Loading the quantity word lists (`data/quantities/*`) into lookup tables.

use super::QuantityError;
use std::path::Path;
use vigie_text::data::{bad_line, data_lines, user_file};
use vigie_text::hash::{FastMap as HashMap, FastSet as HashSet};
use vigie_text::{fold, tokenize, TokenKind};

/// The embedded data files, by name.
pub(super) const FILES: [(&str, &str); 6] = [
    (
        "numbers.tsv",
        include_str!("../../data/quantities/numbers.tsv"),
    ),
    ("vague.tsv", include_str!("../../data/quantities/vague.tsv")),
    (
        "modifiers.tsv",
        include_str!("../../data/quantities/modifiers.tsv"),
    ),
    ("units.tsv", include_str!("../../data/quantities/units.tsv")),
    (
        "calendar.tsv",
        include_str!("../../data/quantities/calendar.tsv"),
    ),
    (
        "function_words.txt",
        include_str!("../../data/quantities/function_words.txt"),
    ),
];

/// Index of a language in per-language tables.
pub(super) const FR: usize = 0;
/// Index of English in per-language tables.
pub(super) const EN: usize = 1;

/// What a number word does when numbers are composed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NumKind {
    Num,
    Hundred,
    Big,
    Article,
    Ambiguous,
    And,
}

/// One number word.
#[derive(Debug, Clone, Copy)]
pub(super) struct NumWord {
    pub value: f64,
    pub kind: NumKind,
}

/// A word next to a number that changes its meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ModKind {
    Approx,
    AtLeast,
    MoreThan,
    LessThan,
    AtMost,
    Between,
    To,
    Or,
    And,
    PluralDet,
    PostApprox,
    PostAtLeast,
}

/// An approximate noun ("dizaine", "dozens").
#[derive(Debug, Clone, Copy)]
pub(super) struct Vague {
    pub base: f64,
    /// Low end for the plural ("des dizaines" = 20); None for singular-only nouns.
    pub plural_low: Option<f64>,
    pub plural: bool,
}

/// A head noun.
#[derive(Debug, Clone, Default)]
pub(super) struct UnitEntry {
    /// Some(unit) for a known unit; Some("") for a head without a unit ("autres").
    pub unit: Option<String>,
    /// May stand between the number and its noun.
    pub adj: bool,
    /// Makes the phrase no quantity ("à deux reprises").
    pub skip: bool,
}

/// A set of phrases (sequences of folded tokens) with a value, matched token by token.
#[derive(Debug, Clone)]
pub(super) struct Phrases<K: Copy> {
    by_first: HashMap<String, Vec<(Vec<String>, K)>>,
    by_last: HashMap<String, Vec<(Vec<String>, K)>>,
}

impl<K: Copy> Default for Phrases<K> {
    fn default() -> Self {
        Phrases {
            by_first: HashMap::default(),
            by_last: HashMap::default(),
        }
    }
}

impl<K: Copy> Phrases<K> {
    pub fn insert(&mut self, phrase: &str, k: K) {
        let words = phrase_tokens(phrase);
        if words.is_empty() {
            return;
        }
        let first = words[0].clone();
        let last = words[words.len() - 1].clone();
        let v = self.by_first.entry(first).or_default();
        v.push((words.clone(), k));
        v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let v = self.by_last.entry(last).or_default();
        v.push((words, k));
        v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }

    /// The first word of every phrase.
    pub fn first_words(&self) -> impl Iterator<Item = &String> {
        self.by_first.keys()
    }

    /// Longest phrase starting at token `i`: its value and the index after it.
    pub fn match_at<'a>(
        &self,
        word: impl Fn(usize) -> Option<&'a str>,
        i: usize,
    ) -> Option<(K, usize)> {
        let first = word(i)?;
        let cands = self.by_first.get(first)?;
        'c: for (words, k) in cands {
            for (n, w) in words.iter().enumerate().skip(1) {
                if word(i + n) != Some(w.as_str()) {
                    continue 'c;
                }
            }
            return Some((*k, i + words.len()));
        }
        None
    }

    /// Longest phrase ending just before token `end`: its value and its first token.
    pub fn match_before<'a>(
        &self,
        word: impl Fn(usize) -> Option<&'a str>,
        end: usize,
    ) -> Option<(K, usize)> {
        if end == 0 {
            return None;
        }
        let last = word(end - 1)?;
        let cands = self.by_last.get(last)?;
        'c: for (words, k) in cands {
            if words.len() > end {
                continue;
            }
            let start = end - words.len();
            for (n, w) in words.iter().enumerate() {
                if word(start + n) != Some(w.as_str()) {
                    continue 'c;
                }
            }
            return Some((*k, start));
        }
        None
    }
}

/// The folded tokens of a phrase as the text tokenizer would cut it. A trailing apostrophe
/// ("plus d'") stays on its word, as in running text ("plus d’une").
pub(super) fn phrase_tokens(phrase: &str) -> Vec<String> {
    let p = phrase.trim();
    let trailing = p.chars().last().is_some_and(vigie_text::is_apostrophe);
    let owned;
    let src = if trailing {
        owned = format!("{p}x");
        owned.as_str()
    } else {
        p
    };
    let mut out: Vec<String> = tokenize(src).iter().map(|t| fold(t.text(src))).collect();
    if trailing && out.last().is_some_and(|w| w == "x") {
        out.pop();
    }
    out
}

/// True when the phrase is one plain token ("%" or a word).
fn single_token(phrase: &str) -> bool {
    let t = tokenize(phrase);
    t.len() == 1 && (t[0].kind == TokenKind::Word || t[0].kind == TokenKind::Punct)
}

/// Every table the quantity grammar uses.
#[derive(Debug, Clone, Default)]
pub(super) struct Tables {
    /// Number words by language; compounds ("quatre vingt") under their first word.
    pub numbers: [HashMap<String, NumWord>; 2],
    pub number_pairs: [HashMap<String, Vec<(String, NumWord)>>; 2],
    pub vague: [HashMap<String, Vague>; 2],
    pub modifiers: [Phrases<ModKind>; 2],
    pub units: HashMap<String, UnitEntry>,
    pub unit_pairs: HashMap<String, Vec<(String, UnitEntry)>>,
    pub months: HashSet<String>,
    pub weekdays: HashSet<String>,
    pub rel_before: Phrases<()>,
    pub rel_after: Phrases<()>,
    pub time_before: Phrases<()>,
    pub time_after: HashSet<String>,
    pub day_articles: HashSet<String>,
    pub labels: Phrases<()>,
    pub function_words: HashSet<String>,
    /// By language, every word a quantity can begin with: the keys of `numbers`,
    /// `number_pairs` and `vague` and the first words of `modifiers`. A word token none
    /// of whose dash-separated parts is listed here starts no quantity (filled by
    /// [`load`], after every file).
    pub starters: [HashSet<String>; 2],
}

fn langs(code: &str, file: &str, line: usize) -> Result<&'static [usize], QuantityError> {
    match code {
        "fr" => Ok(&[FR]),
        "en" => Ok(&[EN]),
        "*" => Ok(&[FR, EN]),
        _ => Err(QuantityError::Data {
            file: file.to_string(),
            line,
            message: format!("unknown language {code:?} (fr, en or *)"),
        }),
    }
}

fn num(s: &str, file: &str, line: usize) -> Result<f64, QuantityError> {
    s.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v >= 0.0)
        .ok_or_else(|| bad_line(file, line, format!("not a number: {s:?}")))
}

impl Tables {
    /// Adds the content of one data file.
    pub fn add(&mut self, name: &str, src: &str) -> Result<(), QuantityError> {
        match name {
            "numbers.tsv" => self.add_numbers(name, src),
            "vague.tsv" => self.add_vague(name, src),
            "modifiers.tsv" => self.add_modifiers(name, src),
            "units.tsv" => self.add_units(name, src),
            "calendar.tsv" => self.add_calendar(name, src),
            "function_words.txt" => {
                for (_, f) in data_lines(src) {
                    self.function_words.insert(fold(f[0]));
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    fn add_numbers(&mut self, file: &str, src: &str) -> Result<(), QuantityError> {
        for (n, f) in data_lines(src) {
            if f.len() < 4 {
                return Err(bad_line(file, n, "expected: lang, word, value, kind"));
            }
            let kind = match f[3] {
                "num" => NumKind::Num,
                "hundred" => NumKind::Hundred,
                "big" => NumKind::Big,
                "article" => NumKind::Article,
                "ambiguous" => NumKind::Ambiguous,
                "and" => NumKind::And,
                k => return Err(bad_line(file, n, format!("unknown kind {k:?}"))),
            };
            let w = NumWord {
                value: num(f[2], file, n)?,
                kind,
            };
            let words: Vec<String> = fold(f[1])
                .split([' ', '-'])
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            for &l in langs(f[0], file, n)? {
                match words.as_slice() {
                    [one] => {
                        self.numbers[l].insert(one.clone(), w);
                    }
                    [a, b] => self.number_pairs[l]
                        .entry(a.clone())
                        .or_default()
                        .push((b.clone(), w)),
                    _ => return Err(bad_line(file, n, "a number word has one or two parts")),
                }
            }
        }
        Ok(())
    }

    fn add_vague(&mut self, file: &str, src: &str) -> Result<(), QuantityError> {
        for (n, f) in data_lines(src) {
            if f.len() < 5 {
                return Err(bad_line(
                    file,
                    n,
                    "expected: lang, singular, plural, base, plural_low",
                ));
            }
            let base = num(f[3], file, n)?;
            let plural_low = if f[4] == "-" {
                None
            } else {
                Some(num(f[4], file, n)?)
            };
            for &l in langs(f[0], file, n)? {
                if f[1] != "-" {
                    self.vague[l].insert(
                        fold(f[1]),
                        Vague {
                            base,
                            plural_low,
                            plural: false,
                        },
                    );
                }
                if f[2] != "-" {
                    self.vague[l].insert(
                        fold(f[2]),
                        Vague {
                            base,
                            plural_low: plural_low.or(Some(base * 2.0)),
                            plural: true,
                        },
                    );
                }
            }
        }
        Ok(())
    }

    fn add_modifiers(&mut self, file: &str, src: &str) -> Result<(), QuantityError> {
        for (n, f) in data_lines(src) {
            if f.len() < 3 {
                return Err(bad_line(file, n, "expected: lang, phrase, kind"));
            }
            let k = match f[2] {
                "approx" => ModKind::Approx,
                "at_least" => ModKind::AtLeast,
                "more_than" => ModKind::MoreThan,
                "less_than" => ModKind::LessThan,
                "at_most" => ModKind::AtMost,
                "between" => ModKind::Between,
                "to" => ModKind::To,
                "or" => ModKind::Or,
                "and" => ModKind::And,
                "plural_det" => ModKind::PluralDet,
                "post_approx" => ModKind::PostApprox,
                "post_at_least" => ModKind::PostAtLeast,
                k => return Err(bad_line(file, n, format!("unknown kind {k:?}"))),
            };
            for &l in langs(f[0], file, n)? {
                self.modifiers[l].insert(f[1], k);
            }
        }
        Ok(())
    }

    fn add_units(&mut self, file: &str, src: &str) -> Result<(), QuantityError> {
        for (n, f) in data_lines(src) {
            if f.len() < 2 || f[0].is_empty() {
                return Err(bad_line(file, n, "expected: word, unit"));
            }
            let words = phrase_tokens(f[0]);
            let entry = match words.as_slice() {
                [one] if single_token(f[0]) => self.units.entry(one.clone()).or_default(),
                [a, b] => {
                    let v = self.unit_pairs.entry(a.clone()).or_default();
                    if let Some(pos) = v.iter().position(|(x, _)| x == b) {
                        &mut v[pos].1
                    } else {
                        v.push((b.clone(), UnitEntry::default()));
                        let last = v.len() - 1;
                        &mut v[last].1
                    }
                }
                _ => return Err(bad_line(file, n, "a head noun has one or two words")),
            };
            match f[1] {
                "!adj" => entry.adj = true,
                "!skip" => entry.skip = true,
                "-" => {
                    if entry.unit.is_none() {
                        entry.unit = Some(String::new());
                    }
                }
                u => entry.unit = Some(u.to_string()),
            }
        }
        Ok(())
    }

    fn add_calendar(&mut self, file: &str, src: &str) -> Result<(), QuantityError> {
        for (n, f) in data_lines(src) {
            if f.len() < 2 {
                return Err(bad_line(file, n, "expected: kind, phrase"));
            }
            let w = fold(f[1]);
            match f[0] {
                "month" => {
                    self.months.insert(w);
                }
                "weekday" => {
                    self.weekdays.insert(w);
                }
                "rel_before" => self.rel_before.insert(f[1], ()),
                "rel_after" => self.rel_after.insert(f[1], ()),
                "time_before" => self.time_before.insert(f[1], ()),
                "time_after" => {
                    self.time_after.insert(w);
                }
                "day_article" => {
                    self.day_articles.insert(w);
                }
                "label" => self.labels.insert(f[1], ()),
                k => return Err(bad_line(file, n, format!("unknown kind {k:?}"))),
            }
        }
        Ok(())
    }
}

/// Builds the tables from the embedded files, extended by same-named files of `user_dir`
/// (looked up in `user_dir/quantities/` first, then `user_dir/`).
pub(super) fn load(user_dir: Option<&Path>) -> Result<Tables, QuantityError> {
    let mut t = Tables::default();
    for (name, src) in FILES {
        t.add(name, src)?;
        if let Some((file, s)) = user_file(user_dir, "quantities", name)? {
            t.add(name, &s).map_err(|e| match e {
                QuantityError::Data { line, message, .. } => bad_line(&file, line, message),
                e => e,
            })?;
        }
    }
    for l in [FR, EN] {
        let starters: HashSet<String> = t.numbers[l]
            .keys()
            .chain(t.number_pairs[l].keys())
            .chain(t.vague[l].keys())
            .chain(t.modifiers[l].first_words())
            .cloned()
            .collect();
        t.starters[l] = starters;
    }
    Ok(t)
}
