//! Word lists of the date grammar, read from the TSV data files and compiled once into a
//! hash map keyed by the folded first word of each entry.

use super::Error;
use std::collections::HashMap;
use vigie_text::{fold_into, tokenize};

/// A grammatical cue word (its meaning for the grammar).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Cue {
    Last,
    Next,
    Prev,
    Before,
    After,
    AgoPre,
    AgoPost,
    Since,
    During,
    From,
    To,
    Between,
    And,
    More,
    Less,
    Approx,
    This,
    Det,
    Lead,
    Of,
    MonthWord,
    Week,
    Weekend,
    Night,
    InMonth,
}

impl Cue {
    fn parse(s: &str) -> Option<Cue> {
        Some(match s {
            "last" => Cue::Last,
            "next" => Cue::Next,
            "prev" => Cue::Prev,
            "before" => Cue::Before,
            "after" => Cue::After,
            "ago_pre" => Cue::AgoPre,
            "ago_post" => Cue::AgoPost,
            "since" => Cue::Since,
            "during" => Cue::During,
            "from" => Cue::From,
            "to" => Cue::To,
            "between" => Cue::Between,
            "and" => Cue::And,
            "more" => Cue::More,
            "less" => Cue::Less,
            "approx" => Cue::Approx,
            "this" => Cue::This,
            "det" => Cue::Det,
            "lead" => Cue::Lead,
            "of" => Cue::Of,
            "monthword" => Cue::MonthWord,
            "week" => Cue::Week,
            "weekend" => Cue::Weekend,
            "night" => Cue::Night,
            "inmonth" => Cue::InMonth,
            _ => return None,
        })
    }
}

/// What an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Kind {
    Month,
    Weekday,
    Number,
    Ordinal,
    OrdSuffix,
    RelDay,
    RelNight,
    NarrDay,
    NarrNight,
    DayPart,
    Part,
    Unit,
    ApproxNum,
    Cue(Cue),
}

impl Kind {
    /// One bit per kind (and per cue), to test quickly whether a word can be one.
    pub fn bit(self) -> u64 {
        self.bit_const()
    }

    /// [`Kind::bit`], usable in constants.
    pub const fn bit_const(self) -> u64 {
        let n = match self {
            Kind::Cue(c) => c as u32,
            Kind::Month => 32,
            Kind::Weekday => 33,
            Kind::Number => 34,
            Kind::Ordinal => 35,
            Kind::OrdSuffix => 36,
            Kind::RelDay => 37,
            Kind::RelNight => 38,
            Kind::NarrDay => 39,
            Kind::NarrNight => 40,
            Kind::DayPart => 41,
            Kind::Part => 42,
            Kind::Unit => 43,
            Kind::ApproxNum => 44,
        };
        1u64 << n
    }
}

/// Needs a day, a year or an "in" preposition next to it.
pub(crate) const STRICT: u8 = 1;
/// Needs a day or a year next to it.
pub(crate) const STRICTEST: u8 = 2;
/// Written with a period in the data file: the period is optional in text.
pub(crate) const ABBR: u8 = 4;
/// A preposition: what follows may be its complement.
pub(crate) const PREP: u8 = 8;

/// Part of a month or week.
pub(crate) const EARLY: i32 = 1;
pub(crate) const MID: i32 = 2;
pub(crate) const LATE: i32 = 3;

/// Units of duration.
pub(crate) const DAY: i32 = 1;
pub(crate) const WEEK: i32 = 2;
pub(crate) const MONTH: i32 = 3;
pub(crate) const YEAR: i32 = 4;

/// One entry: its first folded word is the map key, `rest` the following folded words.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub rest: Box<[Box<str>]>,
    pub kind: Kind,
    pub value: i32,
    pub flags: u8,
}

/// A compiled word list for one language.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lexicon {
    pub map: HashMap<Box<str>, Vec<Entry>, vigie_text::hash::FastState>,
}

impl Lexicon {
    /// Adds the entries of one data file (`name` is used in error messages).
    pub fn add_file(&mut self, name: &str, content: &str) -> Result<(), Error> {
        for (n, raw) in content.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            let body = line.trim();
            if body.is_empty() || body.starts_with('#') {
                continue;
            }
            let err = |message: String| Error::Data {
                file: name.to_string(),
                line: n + 1,
                message,
            };
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            if cols.len() < 3 {
                return Err(err(format!(
                    "expected KIND<TAB>FORM<TAB>VALUE, found {body:?}"
                )));
            }
            let (kind_s, form, value_s) = (cols[0], cols[1], cols[2]);
            let mut flags = 0u8;
            for f in cols.get(3).copied().unwrap_or("").split([',', ' ']) {
                match f {
                    "" => {}
                    "strict" => flags |= STRICT,
                    "strictest" => flags |= STRICTEST,
                    "prep" => flags |= PREP,
                    other => return Err(err(format!("unknown flag {other:?}"))),
                }
            }
            let int = |lo: i32, hi: i32| -> Result<i32, Error> {
                value_s
                    .parse::<i32>()
                    .ok()
                    .filter(|v| (lo..=hi).contains(v))
                    .ok_or_else(|| err(format!("value {value_s:?} is not in {lo}..={hi}")))
            };
            let named = |names: &[(&str, i32)]| -> Result<i32, Error> {
                names
                    .iter()
                    .find(|(n, _)| *n == value_s)
                    .map(|(_, v)| *v)
                    .ok_or_else(|| err(format!("unknown value {value_s:?}")))
            };
            let (kind, value) = match kind_s {
                "month" => (Kind::Month, int(1, 12)?),
                "weekday" => (Kind::Weekday, int(1, 7)?),
                "number" => (Kind::Number, int(0, 10_000)?),
                "ordinal" => (Kind::Ordinal, int(1, 31)?),
                "ordsuffix" => (Kind::OrdSuffix, 0),
                "relday" => (Kind::RelDay, int(-366, 366)?),
                "relnight" => (Kind::RelNight, int(-366, 366)?),
                "narrday" => (Kind::NarrDay, int(-366, 366)?),
                "narrnight" => (Kind::NarrNight, int(-366, 366)?),
                "daypart" => (
                    Kind::DayPart,
                    named(&[
                        ("morning", 1),
                        ("afternoon", 2),
                        ("evening", 3),
                        ("night", 4),
                    ])?,
                ),
                "part" => (
                    Kind::Part,
                    named(&[("early", EARLY), ("mid", MID), ("late", LATE)])?,
                ),
                "unit" => (
                    Kind::Unit,
                    named(&[
                        ("day", DAY),
                        ("week", WEEK),
                        ("month", MONTH),
                        ("year", YEAR),
                    ])?,
                ),
                "approxnum" => (Kind::ApproxNum, int(1, 10_000)?),
                "cue" => match Cue::parse(value_s) {
                    Some(c) => (Kind::Cue(c), 0),
                    None => return Err(err(format!("unknown cue {value_s:?}"))),
                },
                other => return Err(err(format!("unknown kind {other:?}"))),
            };
            let mut form = form;
            if form.len() > 1 && form.ends_with('.') {
                flags |= ABBR;
                form = &form[..form.len() - 1];
            }
            let words = fold_words(form);
            let Some((first, rest)) = words.split_first() else {
                return Err(err("empty form".to_string()));
            };
            self.map
                .entry(first.clone().into_boxed_str())
                .or_default()
                .push(Entry {
                    rest: rest.iter().map(|w| w.clone().into_boxed_str()).collect(),
                    kind,
                    value,
                    flags,
                });
        }
        Ok(())
    }
}

/// The folded words of a form, cut as the tokenizer cuts text. An elided article at the
/// end of a form ("plus d'") keeps its apostrophe, as it does in running text ("d’une").
fn fold_words(form: &str) -> Vec<String> {
    let toks = tokenize(form);
    let mut out: Vec<String> = Vec::with_capacity(toks.len());
    for (k, t) in toks.iter().enumerate() {
        let s = t.text(form);
        let glued = k > 0 && toks[k - 1].span.end == t.span.start;
        if glued && s.chars().all(vigie_text::is_apostrophe) {
            if let Some(last) = out.last_mut() {
                last.push('\'');
                continue;
            }
        }
        let mut f = String::new();
        fold_into(s, &mut f);
        out.push(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_phrases_abbreviations_and_flags() {
        let mut l = Lexicon::default();
        l.add_file(
            "t.tsv",
            "# comment\n\ncue\til y a\tago_pre\nmonth\tSept.\t9\tstrictest\n",
        )
        .unwrap();
        l.add_file("u.tsv", "cue\tplus d'\tmore\n").unwrap();
        assert_eq!(&*l.map["plus"][0].rest, &["d'".into()] as &[Box<str>]);
        let e = &l.map["il"][0];
        assert_eq!(&*e.rest, &["y".into(), "a".into()] as &[Box<str>]);
        let m = &l.map["sept"][0];
        assert_eq!(m.kind, Kind::Month);
        assert_eq!(m.flags & (ABBR | STRICTEST), ABBR | STRICTEST);
    }

    #[test]
    fn bad_lines_are_typed_errors() {
        let mut l = Lexicon::default();
        assert!(matches!(
            l.add_file("x.tsv", "month\tfoo\t13\n"),
            Err(Error::Data { line: 1, .. })
        ));
        assert!(l.add_file("x.tsv", "nonsense line\n").is_err());
        assert!(l.add_file("x.tsv", "cue\tfoo\tbar\n").is_err());
    }
}
