//! Quantities: numbers in digits and words, vague quantities as honest ranges, and the head
//! noun they count, in French and English.
//!
//! ```
//! use vigie_normalize::QuantityGrammar;
//! use vigie_model::Lang;
//! let g = QuantityGrammar::embedded();
//! let text = "Une vingtaine de camions et 1 200 soldats, selon un témoin.";
//! let q = g.find(text, &vigie_text::tokenize(text), Lang::Fr);
//! assert_eq!(q[0].span.text, "Une vingtaine de camions");
//! assert_eq!((q[0].value, q[0].approx), (Some(20.0), true));
//! assert_eq!(q[1].span.text, "1 200 soldats");
//! assert_eq!(q[1].unit.as_deref(), Some("people"));
//! ```
//!
//! Conventions (those of the answer keys, `SCHEMA.md`):
//! - exact counts: `value = low = high`;
//! - approximate counts ("une centaine", "environ 50", "about 50"): `value` is the figure,
//!   `low` and `high` are unknown (None), `approx` is true;
//! - open ranges: "des dizaines" / "dozens" → low 20, "des centaines" / "hundreds" → low
//!   200, "des milliers" / "thousands" → low 1000 (approx); "au moins 7" → low 7; "plus de
//!   40" → low 41; high is None;
//! - "moins de 10" / "fewer than 10" → low None, high 9 (the text gives no floor);
//!   "jusqu'à 30" / "up to 30" → low None, high 30;
//! - closed ranges: "entre six et dix" → low 6, high 10, value None ("deux ou trois" is
//!   also approx).
//!
//! Not quantities: dates and their parts ("le 5 octobre", "09/10/2024", "2024" alone),
//! times ("14h30", "à 10 heures", "3 pm"), durations that a relative date anchors ("deux
//! jours plus tôt", "three days ago"), ordinals ("1er", "27e"), numbers inside names and
//! codes ("Su-24", "G5", "article 5", "résolution 2719"), the article "un/une/a/an" alone,
//! and adverbial counts ("à deux reprises", "three times").

mod data;

use data::{ModKind, NumKind, Tables, UnitEntry, Vague, EN, FR};
use std::borrow::Cow;
use std::path::Path;
use std::sync::OnceLock;
use vigie_model::{Lang, QuantityMention, Span};
use vigie_text::{Folded, Token, TokenKind};

/// The error type of this module.
/// Errors of the quantity grammar's data files.
pub use vigie_text::data::DataError as QuantityError;
/// Short name of [`QuantityError`].
pub type Error = QuantityError;

/// The quantity grammar: number words, approximate nouns, modifiers, head nouns and the
/// context words that rule out dates, times and labels. Build it once, use it everywhere.
#[derive(Debug, Clone)]
pub struct QuantityGrammar {
    t: Tables,
}

impl QuantityGrammar {
    /// The grammar from the data shipped in the binary.
    pub fn embedded() -> QuantityGrammar {
        static EMBEDDED: OnceLock<QuantityGrammar> = OnceLock::new();
        EMBEDDED
            .get_or_init(|| QuantityGrammar {
                // The embedded files are tested; an error here is a build defect, and an
                // empty grammar is the safe fallback.
                t: data::load(None).unwrap_or_default(),
            })
            .clone()
    }

    /// The embedded grammar extended by the files of `user_dir` that bear the same names
    /// (`numbers.tsv`, `vague.tsv`, `modifiers.tsv`, `units.tsv`, `calendar.tsv`,
    /// `function_words.txt`), looked up in `user_dir/quantities/` then `user_dir/`.
    pub fn load(user_dir: Option<&Path>) -> Result<QuantityGrammar, Error> {
        Ok(QuantityGrammar {
            t: data::load(user_dir)?,
        })
    }

    /// Every quantity of `text` (tokens from [`vigie_text::tokenize`] of the same text), in
    /// text order, with its head noun and unit when there is one.
    pub fn find(&self, text: &str, tokens: &[Token], lang: Lang) -> Vec<QuantityMention> {
        self.find_in(Ctx::new(text, tokens, None, lang))
    }

    /// [`QuantityGrammar::find`] with the tokens already folded (`folded` built from the
    /// same `text` and `tokens`), so that stages sharing the tokens fold them once. A
    /// `folded` of another length than `tokens` is ignored (the tokens are folded again).
    pub fn find_folded(
        &self,
        text: &str,
        tokens: &[Token],
        folded: &Folded,
        lang: Lang,
    ) -> Vec<QuantityMention> {
        self.find_in(Ctx::new(text, tokens, Some(folded), lang))
    }

    fn find_in(&self, ctx: Ctx<'_>) -> Vec<QuantityMention> {
        let (text, tokens) = (ctx.text, ctx.toks);
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if !self.may_start(&ctx, i) {
                i += 1;
                continue;
            }
            match self.parse_at(&ctx, i, true) {
                Step::Found(q) => {
                    let span = Span::new(tokens[q.start].span.start, tokens[q.end - 1].span.end);
                    out.push(QuantityMention {
                        span: span.with_text(text),
                        value: q.value,
                        low: q.low,
                        high: q.high,
                        unit: q.unit.filter(|u| !u.is_empty()),
                        approx: q.approx,
                    });
                    i = q.end;
                }
                Step::Skip(end) => i = end.max(i + 1),
                Step::Nothing => i += 1,
            }
        }
        out
    }

    /// Parses a number expression alone ("vingt-sept", "1 200", "une centaine", "au moins
    /// 7", "des dizaines"), a head noun allowed at its end. Returns `(value, low, high,
    /// approx)`: `value` is the best single figure (the figure itself, else the low end,
    /// else the high end), `low` the low end (0 when the text gives no floor), `high` the
    /// high end when closed. None when `s` is not entirely a quantity.
    pub fn parse_number(&self, s: &str, lang: Lang) -> Option<(f64, f64, Option<f64>, bool)> {
        let tokens = vigie_text::tokenize(s);
        if tokens.is_empty() {
            return None;
        }
        let ctx = Ctx::new(s, &tokens, None, lang);
        match self.parse_at(&ctx, 0, false) {
            Step::Found(q) if q.end == tokens.len() => {
                let value = q.value.or(q.low).or(q.high)?;
                Some((value, q.low.unwrap_or(0.0), q.high, q.approx))
            }
            _ => None,
        }
    }
}

impl Default for QuantityGrammar {
    fn default() -> Self {
        QuantityGrammar::embedded()
    }
}

/// The text with its tokens folded once.
struct Ctx<'t> {
    text: &'t str,
    toks: &'t [Token],
    /// The folded tokens (shared by the pipeline, or folded here).
    folded: Cow<'t, Folded>,
    lang: usize,
}

impl<'t> Ctx<'t> {
    fn new(text: &'t str, toks: &'t [Token], folded: Option<&'t Folded>, lang: Lang) -> Ctx<'t> {
        let folded = match folded {
            Some(f) if f.len() == toks.len() => Cow::Borrowed(f),
            _ => Cow::Owned(Folded::new(text, toks)),
        };
        Ctx {
            text,
            toks,
            folded,
            lang: match lang {
                Lang::Fr => FR,
                Lang::En => EN,
            },
        }
    }

    /// Folded token `i`.
    fn f(&self, i: usize) -> Option<&str> {
        (i < self.toks.len()).then(|| self.folded.get(i))
    }

    /// Raw token `i`.
    fn raw(&self, i: usize) -> &'t str {
        self.toks[i].text(self.text)
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// Tokens `i` and `i + 1` touch (no space between).
    fn glued(&self, i: usize) -> bool {
        i + 1 < self.toks.len() && self.toks[i].span.end == self.toks[i + 1].span.start
    }

    /// The gap between tokens `i` and `i + 1` is one space character.
    fn one_space(&self, i: usize) -> bool {
        if i + 1 >= self.toks.len() {
            return false;
        }
        let gap = &self.text[self.toks[i].span.end..self.toks[i + 1].span.start];
        let mut cs = gap.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if vigie_text::is_space(c) && c != '\n')
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.kind(i) == Some(TokenKind::Punct) && self.raw(i) == p
    }

    fn is_dash(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Punct)
            && self.raw(i).chars().next().is_some_and(vigie_text::is_dash)
    }

    fn capitalized(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].is_capitalized(self.text)
    }
}

/// The core of a quantity before modifiers apply.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Core {
    Exact(f64),
    Approx(f64),
    Open(f64),
    Range(f64, f64, bool),
}

/// A quantity found at some tokens.
#[derive(Debug, Clone)]
struct Found {
    start: usize,
    end: usize,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    unit: Option<String>,
    approx: bool,
}

enum Step {
    Found(Found),
    /// Tokens up to this index are a date, a time or a code: skip them.
    Skip(usize),
    Nothing,
}

/// A number read at some tokens.
#[derive(Debug, Clone, Copy)]
struct Num {
    value: f64,
    end: usize,
    /// Written in digits.
    digits: bool,
    /// Digits only, as written (no separators): "2024".
    plain_digits: usize,
    /// Made of one ambiguous word ("neuf", "one").
    ambiguous: bool,
    /// Ends with "mille", "million", "hundred"… (so "de"/"of" may follow).
    big: bool,
}

enum NumRead {
    Num(Num),
    Skip(usize),
    None,
}

fn is_int(v: f64) -> bool {
    v.fract() == 0.0
}

impl QuantityGrammar {
    fn modifier(&self, ctx: &Ctx, i: usize) -> Option<(ModKind, usize)> {
        self.t.modifiers[ctx.lang].match_at(|k| ctx.f(k), i)
    }

    /// Reads a number in digits at token `i`: "27", "1 200", "1.200" (fr), "1,200" (en),
    /// "2,5" (fr), "1.5", "2,5 millions". Date and time chains are skipped.
    fn read_digits(&self, ctx: &Ctx, i: usize) -> NumRead {
        let first = ctx.raw(i);
        if ctx.kind(i) != Some(TokenKind::Number) {
            // "5km": digits glued to a unit
            return NumRead::None;
        }
        // chains: 09/10/2024, 28.07.2024, 2024-10-09, 14:30
        if ctx.glued(i) && ctx.kind(i + 2) == Some(TokenKind::Number) && ctx.glued(i + 1) {
            let sep = ctx.raw(i + 1);
            let chain = |sep: &str| {
                let mut e = i + 1;
                while ctx.glued(e - 1)
                    && ctx.kind(e) == Some(TokenKind::Punct)
                    && ctx.raw(e) == sep
                    && ctx.glued(e)
                    && ctx.kind(e + 1) == Some(TokenKind::Number)
                {
                    e += 2;
                }
                e
            };
            if sep == "/" || sep == ":" {
                return NumRead::Skip(chain(sep));
            }
            if sep == "." || ctx.is_dash(i + 1) {
                let e = chain(sep);
                let parts = (e - i).div_ceil(2);
                if parts >= 3 || (ctx.is_dash(i + 1) && first.len() == 4) {
                    return NumRead::Skip(e);
                }
            }
        }
        // inside a URL, a path or a code: "/20240728/", "id=42"
        let code_punct =
            |k: usize| matches!(ctx.raw(k), "/" | "_" | "=" | "?" | "&" | "#" | "@" | "\\");
        if (i > 0 && ctx.glued(i - 1) && code_punct(i - 1))
            || (ctx.glued(i) && i + 1 < ctx.toks.len() && code_punct(i + 1))
        {
            return NumRead::Skip(i + 1);
        }
        let mut s = String::with_capacity(16);
        s.push_str(first);
        let mut end = i + 1;
        let mut grouped = false;
        let plain = if first.len() <= 3 { 0 } else { first.len() };
        // thousands groups: "1 200", "1.200" (fr), "1,200" (en)
        if first.len() <= 3 {
            loop {
                if ctx.one_space(end - 1)
                    && ctx.kind(end) == Some(TokenKind::Number)
                    && ctx.raw(end).len() == 3
                {
                    s.push_str(ctx.raw(end));
                    end += 1;
                    grouped = true;
                    continue;
                }
                let sep = if end < ctx.toks.len() {
                    ctx.raw(end)
                } else {
                    ""
                };
                if ctx.glued(end - 1)
                    && ctx.glued(end)
                    && ((ctx.lang == FR && sep == ".") || (ctx.lang == EN && sep == ","))
                    && ctx.kind(end + 1) == Some(TokenKind::Number)
                    && ctx.raw(end + 1).len() == 3
                {
                    s.push_str(ctx.raw(end + 1));
                    end += 2;
                    grouped = true;
                    continue;
                }
                break;
            }
        }
        // decimals: "2,5" (fr), "1.5"
        if ctx.glued(end - 1)
            && ctx.glued(end)
            && ctx.kind(end + 1) == Some(TokenKind::Number)
            && end < ctx.toks.len()
        {
            let sep = ctx.raw(end);
            if sep == "," && ctx.lang == FR || sep == "." {
                s.push('.');
                s.push_str(ctx.raw(end + 1));
                end += 2;
            }
        }
        let Ok(mut value) = s.parse::<f64>() else {
            return NumRead::None;
        };
        let mut big = false;
        // "2,5 millions", "3 mille"
        if let Some(w) = ctx.f(end).and_then(|f| self.t.numbers[ctx.lang].get(f)) {
            if w.kind == NumKind::Big {
                value *= w.value;
                end += 1;
                big = true;
            }
        }
        NumRead::Num(Num {
            value,
            end,
            digits: true,
            plain_digits: if grouped || end > i + 1 { 0 } else { plain },
            ambiguous: false,
            big,
        })
    }

    /// Reads a number in words starting at token `i`.
    fn read_words(&self, ctx: &Ctx, i: usize) -> Option<Num> {
        let nums = &self.t.numbers[ctx.lang];
        let pairs = &self.t.number_pairs[ctx.lang];
        // pieces: (token index, piece, last piece of its token)
        let mut pieces: Vec<(usize, &str, bool)> = Vec::new();
        let mut k = i;
        while k < ctx.toks.len() && pieces.len() < 16 {
            if ctx.kind(k) != Some(TokenKind::Word) {
                break;
            }
            let f = ctx.f(k)?;
            // checked without allocating: most words are not numbers
            let parts = || f.split('-').filter(|p| !p.is_empty());
            if parts().next().is_none()
                || !parts().all(|p| nums.contains_key(p) || pairs.contains_key(p))
            {
                break;
            }
            let n = parts().count();
            for (j, p) in parts().enumerate() {
                pieces.push((k, p, j + 1 == n));
            }
            k += 1;
        }
        if pieces.is_empty() {
            return None;
        }
        let (mut total, mut cur, mut last) = (0.0f64, 0.0f64, 0.0f64);
        let mut last_big = f64::INFINITY;
        let mut prev: Option<NumKind> = None;
        let mut best: Option<(usize, f64)> = None; // (piece index after, value)
        let mut only_ambiguous = false;
        let mut p = 0;
        while p < pieces.len() {
            let (_, w, _) = pieces[p];
            let (entry, width) = match pairs.get(w).and_then(|v| {
                v.iter()
                    .find(|(b, _)| pieces.get(p + 1).map(|x| x.1) == Some(b.as_str()))
            }) {
                Some((_, e)) => (*e, 2),
                None => match nums.get(w) {
                    Some(e) => (*e, 1),
                    None => break,
                },
            };
            let v = entry.value;
            let mut kind = entry.kind;
            if kind == NumKind::Ambiguous {
                only_ambiguous = p == 0;
                kind = NumKind::Num;
            } else if p > 0 {
                only_ambiguous = false;
            }
            match kind {
                NumKind::Num => {
                    if prev == Some(NumKind::Num)
                        && (last < 10.0 || v >= last || last % 10.0 != 0.0)
                    {
                        break;
                    }
                    if prev == Some(NumKind::Hundred) && v >= 100.0 {
                        break;
                    }
                    cur += v;
                    last = v;
                }
                NumKind::Hundred => {
                    if cur >= 100.0 || prev == Some(NumKind::Hundred) {
                        break;
                    }
                    cur = cur.max(1.0) * v;
                    last = v;
                }
                NumKind::Big => {
                    if v >= last_big || prev == Some(NumKind::And) {
                        break;
                    }
                    if prev.is_none() && ctx.lang == EN {
                        // "thousand" alone is not a number in English ("a thousand" is)
                        break;
                    }
                    total += cur.max(1.0) * v;
                    cur = 0.0;
                    last = 0.0;
                    last_big = v;
                }
                NumKind::Article => {
                    match prev {
                        None => {
                            // "un million", "a hundred": only before hundred/big
                            let next = pieces.get(p + 1).and_then(|x| nums.get(x.1));
                            if !next
                                .is_some_and(|n| matches!(n.kind, NumKind::Hundred | NumKind::Big))
                            {
                                break;
                            }
                            cur = 1.0;
                            prev = Some(NumKind::Article);
                            p += width;
                            continue;
                        }
                        Some(NumKind::And) => {
                            cur += 1.0;
                            last = 1.0;
                        }
                        _ => break,
                    }
                    kind = NumKind::Num;
                }
                NumKind::And => {
                    // only between parts: "soixante et onze", "a hundred and five"
                    let next = pieces.get(p + 1).and_then(|x| nums.get(x.1));
                    let ok_next = next.is_some_and(|n| {
                        matches!(n.kind, NumKind::Num | NumKind::Article | NumKind::Ambiguous)
                    });
                    if !ok_next || prev.is_none() || prev == Some(NumKind::And) {
                        break;
                    }
                    if ctx.lang == FR
                        && !(prev == Some(NumKind::Num)
                            && last >= 20.0
                            && last % 10.0 == 0.0
                            && next.is_some_and(|n| n.value == 1.0 || n.value == 11.0))
                    {
                        break;
                    }
                    if ctx.lang == EN && !matches!(prev, Some(NumKind::Hundred | NumKind::Big)) {
                        break;
                    }
                    prev = Some(NumKind::And);
                    p += width;
                    continue;
                }
                NumKind::Ambiguous => {}
            }
            prev = Some(kind);
            p += width;
            if pieces[p - 1].2 {
                best = Some((p, total + cur));
            }
        }
        let (pe, value) = best?;
        let end_tok = pieces[pe - 1].0 + 1;
        let big = nums
            .get(pieces[pe - 1].1)
            .is_some_and(|n| matches!(n.kind, NumKind::Big | NumKind::Hundred));
        Some(Num {
            value,
            end: end_tok,
            digits: false,
            plain_digits: 0,
            ambiguous: only_ambiguous && pe == 1,
            big,
        })
    }

    fn read_number(&self, ctx: &Ctx, i: usize) -> NumRead {
        match ctx.kind(i) {
            Some(TokenKind::Number) => self.read_digits(ctx, i),
            Some(TokenKind::Word) => match self.read_words(ctx, i) {
                Some(n) => NumRead::Num(n),
                None => NumRead::None,
            },
            _ => NumRead::None,
        }
    }

    /// False when no quantity can begin at token `i`: a word or punctuation none of
    /// whose dash-separated parts begins a modifier, a number word or a vague noun (for
    /// such a token [`QuantityGrammar::parse_at`] finds nothing). One lookup instead of
    /// the several that `parse_at` would make.
    fn may_start(&self, ctx: &Ctx, i: usize) -> bool {
        if ctx.kind(i) == Some(TokenKind::Number) {
            return true;
        }
        let Some(f) = ctx.f(i) else { return false };
        let starters = &self.t.starters[ctx.lang];
        starters.contains(f) || (f.contains('-') && f.split('-').any(|p| starters.contains(p)))
    }

    fn vague(&self, ctx: &Ctx, i: usize) -> Option<Vague> {
        ctx.f(i)
            .and_then(|f| self.t.vague[ctx.lang].get(f))
            .copied()
    }

    /// "des dizaines de milliers": the low end times the second noun's base.
    fn times_plural(&self, ctx: &Ctx, low: f64, e: usize) -> (f64, usize) {
        if matches!(ctx.f(e), Some("de" | "d'" | "of")) {
            if let Some(v2) = self.vague(ctx, e + 1).filter(|v| v.plural) {
                return (low * v2.base, e + 2);
            }
        }
        (low, e)
    }

    /// The quantity core at token `j` (after any modifier): number, range, vague noun.
    fn core_at(&self, ctx: &Ctx, j: usize, det: bool, between: bool) -> Result<(Core, Num), Step> {
        // "une dizaine", "a dozen", "un millier"
        if let Some(w) = ctx.f(j).and_then(|f| self.t.numbers[ctx.lang].get(f)) {
            if w.kind == NumKind::Article {
                if let Some(v) = self.vague(ctx, j + 1).filter(|v| !v.plural) {
                    let n = Num {
                        value: v.base,
                        end: j + 2,
                        digits: false,
                        plain_digits: 0,
                        ambiguous: false,
                        big: true,
                    };
                    return Ok((Core::Approx(v.base), n));
                }
            }
        }
        // "des dizaines", "dozens", "thousands"
        if let Some(v) = self.vague(ctx, j) {
            let follows_de = matches!(ctx.f(j + 1), Some("de" | "d'" | "of"));
            if v.plural && (det || follows_de || ctx.lang == EN) {
                let (low, e) = self.times_plural(ctx, v.plural_low.unwrap_or(v.base * 2.0), j + 1);
                let n = Num {
                    value: low,
                    end: e,
                    digits: false,
                    plain_digits: 0,
                    ambiguous: false,
                    big: true,
                };
                return Ok((Core::Open(low), n));
            }
            // "a few dozen": singular after a plural determiner
            if det && !v.plural {
                let low = self.t.vague[ctx.lang]
                    .values()
                    .filter(|x| x.plural && x.base == v.base)
                    .find_map(|x| x.plural_low)
                    .unwrap_or(v.base * 2.0);
                let n = Num {
                    value: low,
                    end: j + 1,
                    digits: false,
                    plain_digits: 0,
                    ambiguous: false,
                    big: true,
                };
                return Ok((Core::Open(low), n));
            }
            return Err(Step::Nothing);
        }
        let n = match self.read_number(ctx, j) {
            NumRead::Num(n) => n,
            NumRead::Skip(e) => return Err(Step::Skip(e)),
            NumRead::None => return Err(Step::Nothing),
        };
        // "several hundred", "plusieurs milliers" written with the number word
        if det && !n.digits && n.end == j + 1 {
            if let Some(w) = ctx.f(j).and_then(|f| self.t.numbers[ctx.lang].get(f)) {
                if matches!(w.kind, NumKind::Hundred | NumKind::Big) {
                    let low = self.t.vague[ctx.lang]
                        .values()
                        .filter(|x| x.plural && x.base == w.value)
                        .find_map(|x| x.plural_low)
                        .unwrap_or(w.value * 2.0);
                    return Ok((
                        Core::Open(low),
                        Num {
                            value: low,
                            big: true,
                            ..n
                        },
                    ));
                }
            }
        }
        if det {
            return Err(Step::Nothing);
        }
        // "trois centaines", "two dozen"
        if let Some(v) = self.vague(ctx, n.end) {
            if !n.ambiguous {
                let value = n.value * v.base;
                return Ok((
                    Core::Approx(value),
                    Num {
                        value,
                        end: n.end + 1,
                        big: true,
                        ..n
                    },
                ));
            }
        }
        // ranges: "entre six et dix", "6 à 10", "deux ou trois", "10-15"
        let m = self.modifier(ctx, n.end);
        let hyphen = n.digits && ctx.glued(n.end - 1) && ctx.is_dash(n.end) && ctx.glued(n.end);
        let conn = match m {
            Some((ModKind::And, e)) if between => Some((false, e)),
            Some((ModKind::To, e)) if !between => Some((false, e)),
            Some((ModKind::Or, e)) if !between => Some((true, e)),
            _ if hyphen && !between => Some((false, n.end + 1)),
            _ => None,
        };
        if let Some((approx, e)) = conn {
            if let NumRead::Num(n2) = self.read_number(ctx, e) {
                if n2.value > n.value && (n2.digits == n.digits || !hyphen) {
                    let mut hi = n2;
                    hi.ambiguous = false;
                    return Ok((
                        Core::Range(n.value, n2.value, approx),
                        Num { end: hi.end, ..n },
                    ));
                }
            }
        }
        if between {
            return Err(Step::Nothing);
        }
        Ok((Core::Exact(n.value), n))
    }

    /// The head noun after a quantity ending at token `e`: (end, unit, index of a word
    /// skipped between number and noun, skip phrase). French adjectives mostly follow the
    /// noun, so in French only listed adjectives ("autres", "jeunes") may stand between;
    /// in English up to two unknown words may ("seven Malian soldiers").
    fn head(
        &self,
        ctx: &Ctx,
        e: usize,
        allow_de: bool,
    ) -> (usize, Option<String>, Option<usize>, bool) {
        let mut k = e;
        if allow_de && matches!(ctx.f(k), Some("de" | "d'" | "of")) {
            k += 1;
        }
        // "%", "$"
        if ctx.kind(k) == Some(TokenKind::Punct) {
            if let Some(u) = ctx.f(k).and_then(|f| self.t.units.get(f)) {
                return (k + 1, u.unit.clone(), None, u.skip);
            }
            return (e, None, None, false);
        }
        // a listed adjective does not use up the window ("three presumed Katiba Macina
        // militants", "deux présumés jihadistes"), up to two of them
        let mut window = if ctx.lang == EN { 3 } else { 2 };
        let max_window = window + 2;
        let mut skipped: Option<usize> = None;
        let mut fallback: Option<(usize, Option<String>)> = None;
        let mut step = 0;
        while step < window {
            let idx = k + step;
            step += 1;
            if ctx.kind(idx) != Some(TokenKind::Word) {
                break;
            }
            if let Some((u, w, exact)) = self.unit_at(ctx, idx) {
                if u.skip {
                    return (idx + w, None, skipped, true);
                }
                let can_be_adj = u.adj && (exact || u.unit.is_none());
                // a noun after it, perhaps behind more listed adjectives ("two other
                // suspected fighters")
                let noun_follows = {
                    let mut j = idx + w;
                    let mut found = false;
                    for _ in 0..3 {
                        match self.unit_at(ctx, j) {
                            Some((x, xw, _)) if x.adj => j += xw,
                            Some((x, _, _)) => {
                                found = x.unit.as_deref().is_some_and(|s| !s.is_empty());
                                break;
                            }
                            None => break,
                        }
                    }
                    found
                };
                // a word that is a head only when nothing better follows ("two
                // others", "two other presumed Boko Haram fighters") looks further
                let bare_head = u.unit.as_deref() == Some("");
                if u.unit.is_some() && !(can_be_adj && (noun_follows || bare_head)) {
                    return (idx + w, u.unit.clone(), skipped, false);
                }
                if can_be_adj {
                    if fallback.is_none() {
                        fallback = Some((idx + w, u.unit.clone().or(Some(String::new()))));
                    }
                    skipped.get_or_insert(idx);
                    window = (window + 1).min(max_window);
                    continue;
                }
            }
            let f = ctx.f(idx).unwrap_or("");
            if self.t.function_words.contains(f) || self.modifier(ctx, idx).is_some() {
                break;
            }
            // an unknown word: the head itself, or (English) an adjective before it
            if step == 1 && fallback.is_none() {
                fallback = Some((idx + 1, None));
            }
            if ctx.lang == FR {
                break;
            }
            skipped.get_or_insert(idx);
        }
        match fallback {
            Some((end, unit)) => (end, unit, None, false),
            None => (e, None, None, false),
        }
    }

    /// A known head noun at token `i` (one or two words): the entry, its width, and whether
    /// the form is listed as written (not found through its plural).
    fn unit_at<'a>(&'a self, ctx: &Ctx, i: usize) -> Option<(&'a UnitEntry, usize, bool)> {
        let f = ctx.f(i)?;
        if let (Some(v), Some(n)) = (self.t.unit_pairs.get(f), ctx.f(i + 1)) {
            if let Some((_, u)) = v
                .iter()
                .find(|(b, _)| b == n || b.strip_suffix('s') == Some(n))
            {
                return Some((u, 2, true));
            }
        }
        if let Some(u) = self.t.units.get(f) {
            return Some((u, 1, true));
        }
        let stem = f.strip_suffix('s').or_else(|| f.strip_suffix('x'))?;
        if stem.chars().count() < 2 {
            return None;
        }
        self.t.units.get(stem).map(|u| (u, 1, false))
    }

    fn is_month(&self, ctx: &Ctx, i: usize) -> bool {
        ctx.kind(i) == Some(TokenKind::Word)
            && ctx.f(i).is_some_and(|f| self.t.months.contains(f))
            && (ctx.lang == FR && !matches!(ctx.f(i), Some("sept" | "sep" | "mar" | "may" | "jan"))
                || ctx.capitalized(i))
    }

    /// Numbers, ordinals and connectors, then a month: "5 et 6 octobre", "22 au 27 juillet".
    fn month_follows(&self, ctx: &Ctx, mut k: usize) -> bool {
        for _ in 0..6 {
            if self.is_month(ctx, k) {
                return true;
            }
            let f = ctx.f(k).unwrap_or("");
            let small_number = match ctx.kind(k) {
                Some(TokenKind::Number) => f.len() <= 2,
                Some(TokenKind::Word) => {
                    f.starts_with(|c: char| c.is_ascii_digit()) && f.len() <= 5
                        || matches!(
                            f,
                            "et" | "au" | "a" | "ou" | "and" | "to" | "or" | "the" | "of"
                        )
                }
                Some(TokenKind::Punct) => matches!(f, "," | "-" | "&"),
                None => false,
            };
            if !small_number {
                return false;
            }
            k += 1;
        }
        false
    }

    /// Parses one quantity starting exactly at token `i`.
    fn parse_at(&self, ctx: &Ctx, i: usize, filters: bool) -> Step {
        let toks = ctx.toks;
        let start = i;
        let mut j = i;
        let mut modk: Option<ModKind> = None;
        let mut det = false;
        if let Some((k, e)) = self.modifier(ctx, j) {
            match k {
                ModKind::Approx
                | ModKind::AtLeast
                | ModKind::MoreThan
                | ModKind::LessThan
                | ModKind::AtMost
                | ModKind::Between => {
                    modk = Some(k);
                    j = e;
                    if let Some((ModKind::PluralDet, e2)) = self.modifier(ctx, j) {
                        det = true;
                        j = e2;
                    }
                }
                ModKind::PluralDet => {
                    det = true;
                    j = e;
                }
                _ => {}
            }
        }
        if j >= toks.len() {
            return Step::Nothing;
        }
        let (core, n) = match self.core_at(ctx, j, det, modk == Some(ModKind::Between)) {
            Ok(x) => x,
            Err(Step::Nothing) if j > i => {
                // "près de Kidal": the modifier was just a word; try the token itself later
                return Step::Nothing;
            }
            Err(s) => return s,
        };
        let core_start = j;
        let mut end = n.end;
        // post-modifiers: "50 environ", "20 or more", "20-odd"
        let mut post: Option<ModKind> = None;
        let dash = ctx.is_dash(end) && ctx.glued(end - 1);
        let pm = if dash { end + 1 } else { end };
        if let Some((k @ (ModKind::PostApprox | ModKind::PostAtLeast), e)) = self.modifier(ctx, pm)
        {
            if !(k == ModKind::PostAtLeast && modk.is_some()) && (!dash || ctx.f(pm) == Some("odd"))
            {
                post = Some(k);
                end = e;
            }
        }
        // head noun
        let allow_de = n.big || matches!(core, Core::Open(_));
        let (head_end, unit, adj, skip) =
            if post.is_some() && !matches!(post, Some(ModKind::PostApprox)) {
                (end, None, None, false)
            } else {
                self.head(ctx, end, allow_de)
            };
        if skip && filters {
            return Step::Skip(head_end);
        }
        let known_unit = unit.is_some();
        let end = head_end.max(end);

        if filters {
            let first = core_start;
            let prev = first.checked_sub(1);
            let value = n.value;
            let unit_s = unit.as_deref().unwrap_or("");
            // an ambiguous word ("neuf", "one") needs a known head noun
            if n.ambiguous && !known_unit {
                return Step::Nothing;
            }
            // dates: "5 octobre", "Oct. 5", "mardi 8", "le 5", "2024"
            if self.month_follows(ctx, n.end) && value <= 31.0 {
                return Step::Skip(n.end);
            }
            if let Some(p) = prev {
                // "Oct. 5": a month abbreviation with its period
                let pp = if ctx.is_punct(p, ".") && p > 0 && ctx.glued(p - 1) {
                    p - 1
                } else {
                    p
                };
                if (self.is_month(ctx, pp)
                    || ctx.f(pp).is_some_and(|f| self.t.weekdays.contains(f)))
                    && value <= 31.0
                    && modk.is_none()
                {
                    return Step::Skip(n.end);
                }
                if n.digits
                    && value <= 31.0
                    && is_int(value)
                    && !known_unit
                    && ctx.f(p).is_some_and(|f| self.t.day_articles.contains(f))
                {
                    return Step::Skip(n.end);
                }
            }
            if n.plain_digits >= 5 && !known_unit {
                return Step::Skip(n.end);
            }
            if n.plain_digits == 4
                && (1900.0..=2100.0).contains(&value)
                && (!known_unit || unit_s.is_empty() || is_time(unit_s))
            {
                return Step::Skip(n.end);
            }
            // times: "10 h", "3 pm", "14 heures" after "à"
            if n.digits {
                let nx = ctx.f(n.end).unwrap_or("");
                if self.t.time_after.contains(nx)
                    || (ctx.is_punct(n.end, ":") && ctx.kind(n.end + 1) == Some(TokenKind::Number))
                    || (matches!(nx, "a" | "p") && ctx.is_punct(n.end + 1, ".") && ctx.glued(n.end))
                {
                    return Step::Skip(n.end);
                }
            }
            if unit_s == "hours"
                && self
                    .t
                    .time_before
                    .match_before(|k| ctx.f(k), start)
                    .is_some()
            {
                return Step::Skip(end);
            }
            // labels and codes: "article 5", "n° 12", "Resolution 2719"
            if let Some(p) = start.checked_sub(1) {
                if self.t.labels.match_before(|k| ctx.f(k), start).is_some()
                    || matches!(ctx.raw(p), "°" | "#" | "№" | "@")
                    || (toks[p].kind == TokenKind::Word
                        && ctx.capitalized(p)
                        && ctx.one_space(p)
                        && !self.t.function_words.contains(ctx.f(p).unwrap_or(""))
                        && self.modifier(ctx, p).is_none()
                        && !self.t.vague[ctx.lang].contains_key(ctx.f(p).unwrap_or(""))
                        && !self.t.numbers[ctx.lang].contains_key(ctx.f(p).unwrap_or("")))
                    || (n.digits && ctx.glued(p) && ctx.is_dash(p))
                {
                    return Step::Skip(n.end);
                }
            }
            // durations anchored by a relative-date cue belong to dates
            if is_time(unit_s) {
                let before = self
                    .t
                    .rel_before
                    .match_before(|k| ctx.f(k), start)
                    .is_some();
                let after = self.t.rel_after.match_at(|k| ctx.f(k), end).is_some();
                let inside =
                    adj.is_some_and(|a| self.t.rel_after.match_at(|k| ctx.f(k), a).is_some());
                if before || after || inside {
                    return Step::Skip(end);
                }
            }
        }

        // values
        let (mut value, mut low, mut high, mut approx) = match core {
            Core::Exact(v) => (Some(v), Some(v), Some(v), false),
            Core::Approx(v) => (Some(v), None, None, true),
            Core::Open(l) => (None, Some(l), None, true),
            Core::Range(a, b, ap) => (None, Some(a), Some(b), ap),
        };
        let point = match core {
            Core::Exact(v) | Core::Approx(v) | Core::Open(v) => v,
            Core::Range(a, _, _) => a,
        };
        let was_approx = approx;
        match modk.or(post) {
            Some(ModKind::Approx | ModKind::PostApprox) => {
                approx = true;
                if matches!(core, Core::Exact(_)) {
                    low = None;
                    high = None;
                }
            }
            Some(ModKind::AtLeast | ModKind::PostAtLeast) => {
                value = None;
                low = Some(point);
                high = None;
            }
            Some(ModKind::MoreThan) => {
                value = None;
                low = Some(if is_int(point) { point + 1.0 } else { point });
                high = None;
                approx = was_approx;
            }
            Some(ModKind::LessThan) => {
                let top = match core {
                    Core::Range(_, b, _) => b,
                    _ => point,
                };
                value = None;
                low = None;
                high = Some(if is_int(top) {
                    (top - 1.0).max(0.0)
                } else {
                    top
                });
            }
            Some(ModKind::AtMost) => {
                let top = match core {
                    Core::Range(_, b, _) => b,
                    _ => point,
                };
                value = None;
                low = None;
                high = Some(top);
            }
            _ => {}
        }
        Step::Found(Found {
            start,
            end,
            value,
            low,
            high,
            unit,
            approx,
        })
    }
}

fn is_time(unit: &str) -> bool {
    matches!(
        unit,
        "days" | "weeks" | "months" | "years" | "hours" | "minutes"
    )
}

#[cfg(test)]
mod tests;
