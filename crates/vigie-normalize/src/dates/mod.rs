//! Temporal expressions in French and English, normalized to intervals.
//!
//! [`DateGrammar::find`] reads a tokenized text and returns every date expression with the
//! interval it stands for, written as `../shared/corpus/SCHEMA.md` says (`2024-10-08`,
//! `2024-07`, `2024-07-21/2024-07-31`, `/2024-10-01`, `2024-08/2024-09`).
//!
//! How expressions are resolved:
//! - **Absolute** forms name the date: "le 5 octobre 2024", "09/10/2024" (day first in
//!   French; in English the reading nearest publication), "October 5, 2024", "juillet 2024".
//!   A month, or a day and month, without a year takes its latest occurrence not after
//!   publication (a day may lie up to 7 days after it: publication dates are often
//!   estimates); with "dernier"/"last" strictly before ("novembre dernier").
//! - **Publication**-relative forms: a weekday is the most recent such day on or before
//!   publication; "hier", "la semaine dernière" (Monday–Sunday), "le week-end" (the latest
//!   Saturday–Sunday), "il y a trois jours", "il y a un mois" (that month),
//!   "il y a plus d'une semaine" (open: ends the day before the week-ago day), "une
//!   dizaine de jours" (10 ± 1 days: approximate counts get ±10 %, at least one day).
//! - **Narrative**-relative forms use the last day-precise date written before them:
//!   "deux jours plus tôt", "la veille", "le lendemain", "la nuit précédente" (the night
//!   before: that day and the one before).
//! - **Sentence**-anchored durations. "depuis une semaine" runs from a week before the
//!   reference day to the reference day, both included; the reference day is a
//!   day-precise date in the same sentence ("… ils ont pris la route hier"), else the
//!   publication day. "pendant trois jours" is three whole days: ending on the sentence's
//!   date when that date is written after it ("… selon un communiqué du 27 juillet"),
//!   starting on it when written before, else the three days before publication; "les
//!   trois derniers jours" are always the days just before publication.
//! - A post quoted in the text and signed with its own date ("— Name (@handle) July 30,
//!   2024") is read against that date: "cet après-midi" in the post is the post's day.
//!
//! Bare years ("en 2020") and machine dates ("2024-10-09") are not mentions; times of day
//! only extend the day they follow ("dimanche matin").
//!
//! Word lists live in `data/dates/{fr,en}.tsv` and are compiled once; a user folder may
//! extend them (see [`DateGrammar::load`]).

mod calendar;
mod core;
mod en;
mod fr;
mod lexicon;

use self::core::{Cand, Iv, Scan, Sem};
use chrono::NaiveDate;
use lexicon::Lexicon;
use std::path::Path;
use vigie_model::{DateAnchor, DateMention, DatePrecision, Lang, Span};
/// Errors of the date grammar's data files.
pub use vigie_text::data::DataError as Error;
use vigie_text::{sentences, Folded, Token};

/// Syntax that differs between languages (the words themselves are data).
#[derive(Debug)]
pub(crate) struct LangRules {
    /// Month and weekday names count only when capitalized ("May" vs "may").
    pub capitalized_names: bool,
    /// The month may come before the day ("October 5, 2024").
    pub month_first: bool,
    /// Numeric dates are always day first ("09/10/2024" = 9 October); otherwise the
    /// reading nearest publication wins.
    pub numeric_day_first: bool,
}

/// How far into a text [`DateGrammar::header_date`] looks, in bytes.
const HEADER_BYTES: usize = 300;

/// How far before a post's signature the post's own text may start, in bytes (a post is
/// short: 280 characters on X).
const POST_BYTES: usize = 420;

/// French and English date grammars with their word lists compiled once.
#[derive(Debug, Clone)]
pub struct DateGrammar {
    fr: Lexicon,
    en: Lexicon,
}

impl DateGrammar {
    /// The grammar with the word lists shipped in the binary.
    pub fn embedded() -> DateGrammar {
        // the shipped files are checked by the tests; an error here cannot happen
        Self::load(None).unwrap_or_else(|_| DateGrammar {
            fr: Lexicon::default(),
            en: Lexicon::default(),
        })
    }

    /// The shipped word lists, extended by `fr.tsv` / `en.tsv` found in `user_dir/dates/`
    /// or directly in `user_dir` (same format as the shipped files; missing files are fine).
    pub fn load(user_dir: Option<&Path>) -> Result<DateGrammar, Error> {
        let mut fr = Lexicon::default();
        let mut en = Lexicon::default();
        fr.add_file("fr.tsv", fr::DATA)?;
        en.add_file("en.tsv", en::DATA)?;
        for (name, lex) in [("fr.tsv", &mut fr), ("en.tsv", &mut en)] {
            if let Some((file, content)) = vigie_text::data::user_file(user_dir, "dates", name)? {
                lex.add_file(&file, &content)?;
            }
        }
        Ok(DateGrammar { fr, en })
    }

    fn scan<'a>(
        &'a self,
        text: &'a str,
        tokens: &'a [Token],
        folded: Option<&'a Folded>,
        lang: Lang,
    ) -> Scan<'a> {
        match lang {
            Lang::Fr => Scan::new(text, tokens, folded, &self.fr, &self.en, &fr::RULES),
            Lang::En => Scan::new(text, tokens, folded, &self.en, &self.fr, &en::RULES),
        }
    }

    /// Every temporal expression of `text` (tokens from `vigie_text::tokenize(text)`),
    /// resolved against `published`, in text order, without overlaps.
    pub fn find(
        &self,
        text: &str,
        tokens: &[Token],
        lang: Lang,
        published: NaiveDate,
    ) -> Vec<DateMention> {
        self.find_impl(text, tokens, None, lang, published)
    }

    /// [`DateGrammar::find`] with the tokens already folded (`folded` built from the same
    /// `text` and `tokens`), so that stages sharing the tokens fold them once. A `folded`
    /// of another length than `tokens` is ignored (the tokens are folded again).
    pub fn find_folded(
        &self,
        text: &str,
        tokens: &[Token],
        folded: &Folded,
        lang: Lang,
        published: NaiveDate,
    ) -> Vec<DateMention> {
        self.find_impl(text, tokens, Some(folded), lang, published)
    }

    fn find_impl(
        &self,
        text: &str,
        tokens: &[Token],
        folded: Option<&Folded>,
        lang: Lang,
        published: NaiveDate,
    ) -> Vec<DateMention> {
        if !valid_tokens(text, tokens) {
            return Vec::new();
        }
        let scan = self.scan(text, tokens, folded, lang);
        let mut cands = candidates(&scan, published);
        reread_posts(&scan, text, &mut cands);
        resolve(&scan, text, tokens, &cands, published)
    }

    /// The publication date written in the text's header, when there is one:
    /// "09/10/2024 – La rédaction de …", "Published 9 October 2024", "Le 28.07.2024 à 10h",
    /// or a machine date "2024-10-09". Looks only at the first 300 bytes, and only at full
    /// dates with their year.
    pub fn header_date(&self, text: &str, tokens: &[Token], lang: Lang) -> Option<NaiveDate> {
        if !valid_tokens(text, tokens) {
            return None;
        }
        let scan = self.scan(text, tokens, None, lang);
        let far = NaiveDate::from_ymd_opt(9999, 12, 31)?;
        let mut i = 0;
        while i < tokens.len() && tokens[i].span.start < HEADER_BYTES {
            if let Some(d) = iso_date(text, tokens, i) {
                return Some(d);
            }
            if scan.may_start(i) {
                if let Some(c) = scan.parse_at(i, far) {
                    if let Sem::Fixed(iv) = c.sem {
                        let (a, b) = scan.bytes(c.start, c.end);
                        if c.year
                            && iv.prec == DatePrecision::Day
                            && iv.from == iv.to
                            && iv.anchor == DateAnchor::Absolute
                            && short_line(text, a, b)
                        {
                            return iv.from;
                        }
                    }
                    i = c.end;
                    continue;
                }
            }
            i += 1;
        }
        None
    }
}

impl Default for DateGrammar {
    fn default() -> Self {
        Self::embedded()
    }
}

/// Tokens must lie inside the text on character boundaries, in order.
fn valid_tokens(text: &str, tokens: &[Token]) -> bool {
    let mut last = 0;
    tokens.iter().all(|t| {
        let ok = t.span.start >= last
            && t.span.start <= t.span.end
            && text.get(t.span.start..t.span.end).is_some();
        last = t.span.end;
        ok
    })
}

/// A dateline is a short line ("09/10/2024 – La rédaction", "Published 9 October 2024"),
/// not the opening sentence of the story ("Le 25 juillet 2024, dans la région de …").
fn short_line(text: &str, a: usize, b: usize) -> bool {
    let start = text[..a].rfind('\n').map_or(0, |k| k + 1);
    let end = text[b..].find('\n').map_or(text.len(), |k| b + k);
    text[start..end].trim().chars().count() <= DATELINE_CHARS
}

/// The longest line [`DateGrammar::header_date`] takes for a dateline, in characters.
const DATELINE_CHARS: usize = 64;

/// "2024-10-09" written as three adjacent numbers.
fn iso_date(text: &str, toks: &[Token], i: usize) -> Option<NaiveDate> {
    let part = |k: usize, len: usize| -> Option<u32> {
        let t = toks.get(k)?;
        let s = text.get(t.span.start..t.span.end)?;
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
    };
    let dash = |k: usize| -> bool {
        toks.get(k).is_some_and(|t| {
            text.get(t.span.start..t.span.end) == Some("-") && toks[k - 1].span.end == t.span.start
        }) && toks
            .get(k + 1)
            .is_some_and(|n| n.span.start == toks[k].span.end)
    };
    let y = part(i, 4)?;
    if !(dash(i + 1) && dash(i + 3)) {
        return None;
    }
    NaiveDate::from_ymd_opt(y as i32, part(i + 2, 2)?, part(i + 4, 2)?)
}

/// First pass: the longest match at each token, left to right.
fn candidates(scan: &Scan<'_>, published: NaiveDate) -> Vec<Cand> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < scan.len() {
        if scan.may_start(i) {
            if let Some(c) = scan.parse_at(i, published) {
                i = c.end.max(i + 1);
                out.push(c);
                continue;
            }
        }
        i += 1;
    }
    out
}

/// A quoted post signed "— Name (@handle) July 30, 2024": publication-relative words in the
/// post's text are read against the post's date.
fn reread_posts(scan: &Scan<'_>, text: &str, cands: &mut [Cand]) {
    let mut floor = 0usize;
    for s in 0..cands.len() {
        let Sem::Fixed(iv) = cands[s].sem else {
            continue;
        };
        let Some(date) = iv.from.filter(|_| {
            cands[s].year && iv.prec == DatePrecision::Day && iv.anchor == DateAnchor::Absolute
        }) else {
            continue;
        };
        let (sig, _) = scan.bytes(cands[s].start, cands[s].end);
        let before = text[..sig].trim_end();
        let window = before.tail_from(before.len().saturating_sub(60));
        let is_sig = window.ends_with(')')
            && window
                .rfind('(')
                .is_some_and(|k| window[k + 1..].starts_with('@'));
        if !is_sig {
            continue;
        }
        let lo = sig.saturating_sub(POST_BYTES).max(floor);
        for c in cands[..s].iter_mut() {
            let (a, _) = scan.bytes(c.start, c.end);
            let relative = match c.sem {
                Sem::Fixed(v) => v.anchor == DateAnchor::Publication,
                _ => false,
            };
            if a >= lo && relative {
                if let Some(n) = scan.parse_at(c.start, date) {
                    if n.end == c.end {
                        c.sem = n.sem;
                    }
                }
            }
        }
        floor = sig;
    }
}

/// A tail of a string that never cuts a character.
trait SafeTail {
    fn tail_from(&self, at: usize) -> &str;
}

impl SafeTail for str {
    fn tail_from(&self, mut at: usize) -> &str {
        while at < self.len() && !self.is_char_boundary(at) {
            at += 1;
        }
        &self[at.min(self.len())..]
    }
}

/// Second pass: narrative and sentence anchors, then the contract's mentions.
fn resolve(
    scan: &Scan<'_>,
    text: &str,
    tokens: &[Token],
    cands: &[Cand],
    published: NaiveDate,
) -> Vec<DateMention> {
    let needs_sentences = cands
        .iter()
        .any(|c| matches!(c.sem, Sem::Since { .. } | Sem::During { .. }));
    let sents: Vec<Span> = if needs_sentences {
        sentences(text, tokens)
    } else {
        Vec::new()
    };
    let sentence_of = |byte: usize| -> Option<usize> {
        let k = sents.partition_point(|s| s.end <= byte);
        (k < sents.len() && sents[k].start <= byte).then_some(k)
    };
    // the nearest day-precise date in the same sentence: (date, written after)
    let sentence_ref = |idx: usize| -> Option<(NaiveDate, bool)> {
        let (a, _) = scan.bytes(cands[idx].start, cands[idx].end);
        let s = sentence_of(a)?;
        let mut best: Option<(usize, NaiveDate, bool)> = None;
        for (k, c) in cands.iter().enumerate() {
            if k == idx {
                continue;
            }
            let Sem::Fixed(iv) = c.sem else { continue };
            if iv.prec != DatePrecision::Day || iv.from != iv.to {
                continue;
            }
            let (b, _) = scan.bytes(c.start, c.end);
            if sentence_of(b) != Some(s) {
                continue;
            }
            let dist = k.abs_diff(idx);
            if !matches!(best, Some((d, _, _)) if dist >= d) {
                best = Some((dist, iv.from?, k > idx));
            }
        }
        best.map(|(_, d, after)| (d, after))
    };
    let mut out = Vec::with_capacity(cands.len());
    let mut anchor: Option<(NaiveDate, NaiveDate)> = None;
    for (idx, c) in cands.iter().enumerate() {
        let iv = match c.sem {
            Sem::Fixed(iv) => Some(iv),
            Sem::Narr { offset, night } => anchor.and_then(|a| core::narrative(a, offset, night)),
            Sem::Since { n, unit } => {
                let (r, anch) = match sentence_ref(idx) {
                    Some((d, _)) => (d, DateAnchor::Narrative),
                    None => (published, DateAnchor::Publication),
                };
                core::since(n, unit, r).map(|(a, b)| Iv {
                    from: Some(a),
                    to: Some(b),
                    prec: DatePrecision::Days,
                    anchor: anch,
                })
            }
            Sem::During { days } => {
                let (a, b, anch) = match sentence_ref(idx) {
                    Some((r, true)) => (
                        calendar::add_days(r, 1 - days),
                        Some(r),
                        DateAnchor::Narrative,
                    ),
                    Some((r, false)) => (
                        Some(r),
                        calendar::add_days(r, days - 1),
                        DateAnchor::Narrative,
                    ),
                    None => (
                        calendar::add_days(published, -days),
                        calendar::add_days(published, -1),
                        DateAnchor::Publication,
                    ),
                };
                a.zip(b).map(|(a, b)| Iv {
                    from: Some(a),
                    to: Some(b),
                    prec: DatePrecision::Days,
                    anchor: anch,
                })
            }
        };
        let Some(iv) = iv else { continue };
        if matches!(iv.prec, DatePrecision::Day | DatePrecision::Days) {
            if let (Some(a), Some(b)) = (iv.from, iv.to) {
                anchor = Some((a, b));
            }
        }
        let (s, e) = scan.bytes(c.start, c.end);
        out.push(DateMention {
            span: Span::new(s, e).with_text(text),
            value: value_of(&iv),
            from: iv.from,
            to: iv.to,
            precision: iv.prec,
            anchor: iv.anchor,
        });
    }
    out
}

/// The value as SCHEMA.md writes it.
fn value_of(iv: &Iv) -> String {
    let ym = |d: NaiveDate| d.format("%Y-%m").to_string();
    match (iv.from, iv.to) {
        (None, Some(b)) => format!("/{b}"),
        (Some(a), None) => format!("{a}/"),
        (None, None) => String::new(),
        (Some(a), Some(b)) => match iv.prec {
            DatePrecision::Month => ym(a),
            DatePrecision::Months => format!("{}/{}", ym(a), ym(b)),
            DatePrecision::Year => a.format("%Y").to_string(),
            _ if a == b => a.to_string(),
            _ => format!("{a}/{b}"),
        },
    }
}

#[cfg(test)]
mod tests;
