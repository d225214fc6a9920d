//! Vigie's actor lexicon: canonical actors (with their ACLED name, inter code and country)
//! and the aliases, acronyms and spelling variants that name them in French and English.
//!
//! ```
//! use vigie_lexicon::ActorLexicon;
//! use vigie_model::Lang;
//! let lex = ActorLexicon::embedded();
//! let text = "Les soldats maliens et le groupe Wagner ont visé des orpailleurs nigériens.";
//! let found = lex.find(text, &vigie_text::tokenize(text), Lang::Fr);
//! let names: Vec<(&str, &str)> = found.iter().map(|m| (m.span.text.as_str(), m.actor.as_str())).collect();
//! assert_eq!(names, [
//!     ("soldats maliens", "FAMa"),
//!     ("groupe Wagner", "Wagner Group"),
//!     ("orpailleurs nigériens", "Civilians"),
//! ]);
//! assert_eq!(lex.get("Civilians").map(|a| a.inter), Some(7));
//! ```
//!
//! Data: `data/actors.tsv` (the actors), `data/aliases.tsv` (names, with `{dem}` templates),
//! `data/demonyms.tsv` (nationality adjectives). A user folder with files of the same names
//! extends them without rebuilding.
//!
//! Matching rules (see `aliases.tsv`): folded tokens, longest alias first; acronyms (two or
//! more capitals in the data) must not be written all lower case in the text; other words
//! match in any case with their plural and feminine forms; proper names of 10 letters or
//! more also match small misspellings ("Africaka korps" → Africa Corps).

mod fuzzy;

use std::borrow::Cow;
use std::path::Path;
use std::sync::OnceLock;
use vigie_model::{ActorMention, Lang, Span};
use vigie_text::data::{bad_line, data_lines};
use vigie_text::hash::{FastMap as HashMap, FastSet as HashSet};
use vigie_text::{fold, tokenize, Token, TokenKind};

/// The error type of this crate.
/// Errors of the lexicon's data files (shared by every data reader of Vigie).
pub use vigie_text::data::DataError as LexiconError;
/// Short name of [`LexiconError`].
pub type Error = LexiconError;

/// A canonical actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The short name Vigie writes (`FAMa`, `Wagner Group`, `CSP-DPA`, `Civilians`…).
    pub canonical: String,
    /// The actor as ACLED names it.
    pub acled_name: String,
    /// ACLED inter code: 1 state forces, 2 rebel groups, 3 political militias, 4 identity
    /// militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces.
    pub inter: u8,
    /// ISO2 country the actor belongs to, when it has one.
    pub country: Option<String>,
    /// `state`, `rebel`, `jihadist`, `militia`, `mercenary`, `external`, `international`,
    /// `civilians`, `unidentified`, `rioters`, `protesters`.
    pub kind: String,
    /// The coalition or group it belongs to (canonical name), when any.
    pub parent: Option<String>,
}

/// A row of `demonyms.tsv`.
#[derive(Debug, Clone)]
struct Demonym {
    state: Option<String>,
    fr: Vec<String>,
    en: Vec<String>,
}

/// One word of an alias.
#[derive(Debug, Clone)]
struct AliasWord {
    /// Folded form (acronyms, exact words, punctuation) or stem (other words).
    key: String,
    /// Match on the folded form and refuse an all-lower-case text token.
    acronym: bool,
    /// Match on the folded form (no plural/feminine variants).
    exact: bool,
}

/// The flags column of `aliases.tsv`.
#[derive(Debug, Clone, Copy, Default)]
struct AliasFlags {
    /// `exact`: no plural or feminine variants.
    exact: bool,
    /// `head`: a generic head noun (see [`Alias::head`]).
    head: bool,
}

/// One alias.
#[derive(Debug, Clone)]
struct Alias {
    words: Vec<AliasWord>,
    actor: usize,
    /// Phonetic keys of the words, for misspelled proper names (empty when not fuzzy).
    phon: Vec<String>,
    /// The phonetic keys joined by spaces.
    phon_joined: String,
    /// A generic head noun ("militants", "fighters", "miliciens"): right after another
    /// group's name it belongs to that name ("ISGS militants"); alone it names a group of
    /// its own only when it opens a noun phrase ("des jihadistes", "Militants attacked").
    head: bool,
    /// Letters in the alias (for the fuzzy tolerance).
    letters: usize,
}

/// The actor lexicon. Build it once; matching allocates only per text, not per token.
#[derive(Debug, Clone, Default)]
pub struct ActorLexicon {
    actors: Vec<Actor>,
    by_name: HashMap<String, usize>,
    aliases: Vec<Alias>,
    /// First-word key → aliases, longest first.
    index: HashMap<String, Vec<usize>>,
    /// First letter of the first word's phonetic key → fuzzy aliases.
    fuzzy_index: HashMap<char, Vec<usize>>,
    /// Stems of nationality adjectives.
    demonyms: HashSet<String>,
    /// Nationality adjectives and nouns as written, folded: every form (masculine,
    /// feminine, plural) of the French ones and the English ones with their plurals.
    demonym_words: HashSet<String>,
    /// Folded words after which a head noun opens a noun phrase (`heads.tsv`, `opens`).
    head_opens: HashSet<String>,
    /// Folded words after a head noun that introduce its group (`heads.tsv`, `of`).
    head_of: HashSet<String>,
}

const FILES: [(&str, &str); 4] = [
    ("actors.tsv", include_str!("../data/actors.tsv")),
    ("demonyms.tsv", include_str!("../data/demonyms.tsv")),
    ("aliases.tsv", include_str!("../data/aliases.tsv")),
    ("heads.tsv", include_str!("../data/heads.tsv")),
];

/// The lookup key of a folded word: its plural `s`/`x` removed ("maliennes" →
/// "malienne", "touaregs" → "touareg"). Gender is kept on purpose: in "incursions
/// militaires maliennes" the feminine shows that "militaires" is an adjective, not the
/// soldiers ("militaires maliens"). The key is a prefix of the word.
pub fn stem(f: &str) -> &str {
    if f.chars().count() > 3 {
        if let Some(x) = f.strip_suffix('s').or_else(|| f.strip_suffix('x')) {
            return x;
        }
    }
    f
}

/// The French feminine of a masculine adjective, by the regular rules: "malien" →
/// "malienne", "français" → "française", "burkinabè" and "russe" unchanged, "nigérian"
/// → "nigériane".
pub fn feminine(masc: &str) -> String {
    let last = masc.chars().last().unwrap_or(' ');
    if masc.ends_with("en") || masc.ends_with("on") {
        format!("{masc}ne")
    } else if matches!(last, 'e' | 'è' | 'é' | 'ê') {
        masc.to_string()
    } else {
        format!("{masc}e")
    }
}

/// True for an acronym as written in the data: two or more capitals ("FAMa", "CSP-DPA").
fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_uppercase()).count() >= 2
}

fn opt(s: &str) -> Option<String> {
    (!s.is_empty() && s != "-").then(|| s.to_string())
}

impl ActorLexicon {
    /// The lexicon shipped in the binary.
    pub fn embedded() -> ActorLexicon {
        static EMBEDDED: OnceLock<ActorLexicon> = OnceLock::new();
        EMBEDDED
            .get_or_init(|| {
                // The embedded files are tested; an empty lexicon is the safe fallback.
                ActorLexicon::load(None).unwrap_or_default()
            })
            .clone()
    }

    /// The embedded lexicon extended by same-named files (`actors.tsv`, `demonyms.tsv`,
    /// `aliases.tsv`, `heads.tsv`) of `user_dir`, looked up in `user_dir/actors/` then `user_dir/`.
    pub fn load(user_dir: Option<&Path>) -> Result<ActorLexicon, Error> {
        let mut lex = ActorLexicon::default();
        let mut dems: Vec<Demonym> = Vec::new();
        for (name, src) in FILES {
            let mut sources = vec![(name.to_string(), src.to_string())];
            sources.extend(vigie_text::data::user_file(user_dir, "actors", name)?);
            for (file, s) in sources {
                match name {
                    "actors.tsv" => lex.add_actors(&file, &s)?,
                    "demonyms.tsv" => lex.add_demonyms(&file, &s, &mut dems)?,
                    "heads.tsv" => lex.add_heads(&file, &s)?,
                    _ => lex.add_aliases(&file, &s, &dems)?,
                }
            }
        }
        for v in lex.index.values_mut() {
            let aliases = &lex.aliases;
            v.sort_by_key(|&a| std::cmp::Reverse(aliases[a].words.len()));
        }
        for v in lex.fuzzy_index.values_mut() {
            let aliases = &lex.aliases;
            v.sort_by_key(|&a| std::cmp::Reverse(aliases[a].words.len()));
        }
        Ok(lex)
    }

    fn add_heads(&mut self, file: &str, src: &str) -> Result<(), Error> {
        for (n, f) in data_lines(src) {
            let set = match f.first().copied() {
                Some("opens") => &mut self.head_opens,
                Some("of") => &mut self.head_of,
                _ => return Err(bad_line(file, n, "expected: opens|of, word")),
            };
            let w = f
                .get(1)
                .filter(|w| !w.is_empty())
                .ok_or_else(|| bad_line(file, n, "expected: opens|of, word"))?;
            set.insert(fold(w));
        }
        Ok(())
    }

    fn add_actors(&mut self, file: &str, src: &str) -> Result<(), Error> {
        for (n, f) in data_lines(src) {
            if f.len() < 5 {
                return Err(bad_line(
                    file,
                    n,
                    "expected: canonical, acled_name, inter, country, kind[, parent]",
                ));
            }
            let inter: u8 = f[2]
                .parse()
                .ok()
                .filter(|i| (1..=8).contains(i))
                .ok_or_else(|| bad_line(file, n, format!("inter must be 1..8, not {:?}", f[2])))?;
            let actor = Actor {
                canonical: f[0].to_string(),
                acled_name: f[1].to_string(),
                inter,
                country: opt(f[3]),
                kind: f[4].to_string(),
                parent: f.get(5).and_then(|p| opt(p)),
            };
            match self.by_name.get(&actor.canonical) {
                Some(&i) => self.actors[i] = actor,
                None => {
                    self.by_name
                        .insert(actor.canonical.clone(), self.actors.len());
                    self.actors.push(actor);
                }
            }
        }
        Ok(())
    }

    fn add_demonyms(
        &mut self,
        file: &str,
        src: &str,
        dems: &mut Vec<Demonym>,
    ) -> Result<(), Error> {
        for (n, f) in data_lines(src) {
            if f.len() < 4 {
                return Err(bad_line(
                    file,
                    n,
                    "expected: country, state actor, French adjectives, English adjectives",
                ));
            }
            let state = opt(f[1]);
            if let Some(s) = &state {
                if !self.by_name.contains_key(s) {
                    return Err(bad_line(file, n, format!("unknown actor {s:?}")));
                }
            }
            let split = |s: &str| -> Vec<String> {
                s.split(',')
                    .map(str::trim)
                    .filter(|a| !a.is_empty() && *a != "-")
                    .map(str::to_string)
                    .collect()
            };
            let d = Demonym {
                state,
                fr: split(f[2]),
                en: split(f[3]),
            };
            for a in d.fr.iter().chain(&d.en) {
                self.demonyms.insert(stem(&fold(a)).to_string());
                self.demonyms.insert(stem(&fold(&feminine(a))).to_string());
                for form in [fold(a), fold(&feminine(a))] {
                    self.demonym_words.insert(format!("{form}s"));
                    self.demonym_words.insert(form);
                }
            }
            dems.push(d);
        }
        Ok(())
    }

    fn add_aliases(&mut self, file: &str, src: &str, dems: &[Demonym]) -> Result<(), Error> {
        for (n, f) in data_lines(src) {
            if f.len() < 2 || f[0].is_empty() {
                return Err(bad_line(file, n, "expected: alias, canonical[, flags]"));
            }
            let flag = |name: &str| {
                f.get(2)
                    .is_some_and(|x| x.split(',').any(|t| t.trim() == name))
            };
            let flags = AliasFlags {
                exact: flag("exact"),
                head: flag("head"),
            };
            let slot = ["{adj}", "{adj:f}", "{Adj}"]
                .into_iter()
                .find(|p| f[0].contains(p));
            if let Some(slot) = slot {
                for d in dems {
                    let canonical = if f[1] == "@state" {
                        match &d.state {
                            Some(s) => s.as_str(),
                            None => continue,
                        }
                    } else {
                        f[1]
                    };
                    let forms: Vec<String> = match slot {
                        "{adj}" => d.fr.clone(),
                        "{adj:f}" => d.fr.iter().map(|a| feminine(a)).collect(),
                        _ => d.en.clone(),
                    };
                    for adj in forms {
                        let alias = f[0].replace(slot, &adj);
                        self.add_alias(file, n, &alias, canonical, flags, false)?;
                    }
                }
            } else {
                self.add_alias(file, n, f[0], f[1], flags, true)?;
            }
        }
        Ok(())
    }

    fn add_alias(
        &mut self,
        file: &str,
        line: usize,
        alias: &str,
        canonical: &str,
        flags: AliasFlags,
        may_be_fuzzy: bool,
    ) -> Result<(), Error> {
        let AliasFlags { exact, head } = flags;
        let actor = *self
            .by_name
            .get(canonical)
            .ok_or_else(|| bad_line(file, line, format!("unknown actor {canonical:?}")))?;
        let toks = tokenize(alias);
        if toks.is_empty() {
            return Ok(());
        }
        let words: Vec<AliasWord> = toks
            .iter()
            .map(|t| {
                let raw = t.text(alias);
                let folded = fold(raw);
                let acronym = t.kind == TokenKind::Word && is_acronym(raw);
                let exact = exact || acronym || t.kind != TokenKind::Word;
                AliasWord {
                    key: if exact {
                        folded
                    } else {
                        stem(&folded).to_string()
                    },
                    acronym,
                    exact,
                }
            })
            .collect();
        let letters = alias.chars().filter(|c| c.is_alphabetic()).count();
        let first_raw = toks[0].text(alias);
        let proper = may_be_fuzzy
            && first_raw.chars().next().is_some_and(char::is_uppercase)
            && !words.iter().any(|w| w.acronym)
            && letters >= 10;
        let phon: Vec<String> = if proper {
            toks.iter()
                .map(|t| fuzzy::phonetic(&fold(t.text(alias))))
                .collect()
        } else {
            Vec::new()
        };
        let id = self.aliases.len();
        self.index.entry(words[0].key.clone()).or_default().push(id);
        if let Some(c) = phon.first().and_then(|p| p.chars().next()) {
            self.fuzzy_index.entry(c).or_default().push(id);
        }
        let phon_joined = phon.join(" ");
        self.aliases.push(Alias {
            words,
            actor,
            phon,
            phon_joined,
            head,
            letters,
        });
        Ok(())
    }

    /// Whether a folded word is a nationality adjective or noun ("malien", "maliennes",
    /// "nigerian", "burkinabes"): such a word names people, never a place.
    pub fn is_demonym(&self, folded: &str) -> bool {
        self.demonym_words.contains(folded)
    }

    /// The actor named `canonical`, if the lexicon knows it.
    pub fn get(&self, canonical: &str) -> Option<&Actor> {
        self.by_name.get(canonical).map(|&i| &self.actors[i])
    }

    /// Every actor, in data order.
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// Every mention of a known actor in `text` (tokens from [`vigie_text::tokenize`] of
    /// the same text), in text order, without overlaps. `lang` is accepted for symmetry
    /// with the other finders; the lexicon holds both languages.
    pub fn find(&self, text: &str, tokens: &[Token], lang: Lang) -> Vec<ActorMention> {
        let folded = vigie_text::Folded::new(text, tokens);
        self.find_folded(text, tokens, &folded, lang)
    }

    /// [`ActorLexicon::find`] with the tokens already folded (`folded` built from the same
    /// `text` and `tokens`), so that stages sharing the tokens fold them once. A `folded`
    /// of another length than `tokens` is ignored (the tokens are folded again).
    pub fn find_folded(
        &self,
        text: &str,
        tokens: &[Token],
        folded: &vigie_text::Folded,
        lang: Lang,
    ) -> Vec<ActorMention> {
        let ctx = Folded::new(text, tokens, folded);
        let mut out = Vec::new();
        let mut i = 0;
        let mut last_end = 0; // token index after the previous mention
        let mut phon_buf = String::new();
        while i < tokens.len() {
            if tokens[i].kind == TokenKind::Punct {
                i += 1;
                continue;
            }
            let hit = self
                .exact_at(&ctx, i)
                .or_else(|| self.fuzzy_at(&ctx, i, &mut phon_buf));
            let Some((a, end)) = hit else {
                i += 1;
                continue;
            };
            let actor = &self.actors[self.aliases[a].actor];
            // a head noun right after a group's name is part of that name: "ISGS
            // militants", "Dozo militiamen", "Katiba Macina (JNIM) fighters"
            if self.aliases[a].head {
                let joinable = out.last().is_some_and(|prev: &ActorMention| {
                    !matches!(
                        self.by_name
                            .get(&prev.actor)
                            .map(|&k| self.actors[k].kind.as_str()),
                        Some("civilians" | "protesters" | "rioters")
                    )
                }) && tokens[last_end..i]
                    .iter()
                    .all(|t| t.kind == TokenKind::Punct && t.text(text) == ")");
                if joinable {
                    let prev = out.last_mut().expect("joinable");
                    let span = Span::new(prev.span.start, tokens[end - 1].span.end);
                    prev.span = span.with_text(text);
                    i = end;
                    last_end = end;
                    continue;
                }
                // Alone, it points back to a group named before after a definite
                // determiner ("the militants fled"), and the group follows it after "of",
                // "du" ("fighters from the Wagner group", "des combattants du CSP") or a
                // "pro-" ("des miliciens pro-Bamako").
                let before = if i > 0 { ctx.folded(i - 1) } else { "" };
                let after = if end < tokens.len() {
                    ctx.folded(end)
                } else {
                    ""
                };
                // and it names a group of its own only when it opens a noun phrase: an
                // indefinite determiner, the start of a sentence or clause, or a date
                // before it ("Des jihadistes ont attaqué", "Militants attacked", "On 3
                // May 2023, militants attacked", "In 2019 militants attacked"), not an
                // adjective after a noun ("des groupes armés jihadistes")
                let opens = i == 0
                    || self.head_opens.contains(before)
                    || before.chars().all(|c| c.is_ascii_digit())
                    // in English a name before the head modifies it ("BH militants",
                    // "Tuareg rebels"): a group of its own, even when the name is unknown;
                    // a capital that only opens the sentence is no name ("The militants"),
                    // an acronym is one wherever it stands ("FLN rebels attacked", "On
                    // Monday, XYZ fighters raided")
                    || (lang == Lang::En
                        && i > 0
                        && tokens[i - 1].kind == TokenKind::Word
                        && tokens[i - 1]
                            .text(text)
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase)
                        && (is_acronym(tokens[i - 1].text(text))
                            || i > 1
                                && (tokens[i - 2].kind == TokenKind::Word
                                    || matches!(tokens[i - 2].text(text), "," | ")"))))
                    || (tokens[i - 1].kind == TokenKind::Punct
                        && matches!(tokens[i - 1].text(text), "." | "!" | "?" | ";" | ":" | ","));
                if !opens || self.head_of.contains(after) || after.starts_with("pro-") {
                    i = end;
                    continue;
                }
            }
            let mut first = i;
            let mut stop = end;
            if actor.kind == "civilians" {
                // "orpailleurs nigériens", "Nigerien gold miners"
                if ctx.kind(stop) == Some(TokenKind::Word) && self.demonyms.contains(ctx.stem(stop))
                {
                    stop += 1;
                } else if first > last_end
                    && ctx.kind(first - 1) == Some(TokenKind::Word)
                    && tokens[first - 1].is_capitalized(text)
                    && self.demonyms.contains(ctx.stem(first - 1))
                {
                    first -= 1;
                }
            }
            let span = Span::new(tokens[first].span.start, tokens[stop - 1].span.end);
            out.push(ActorMention {
                span: span.with_text(text),
                actor: actor.canonical.clone(),
                inter: actor.inter,
                country: actor.country.clone(),
                acled_name: Some(actor.acled_name.clone()),
            });
            i = stop;
            last_end = stop;
        }
        out
    }

    /// The longest alias matching exactly (up to variants) at token `i`.
    fn exact_at(&self, ctx: &Folded, i: usize) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        let (stem, folded) = (ctx.stem(i), ctx.folded(i));
        // most words are their own stem: the second lookup would find the same aliases
        // and the same best match again
        let keys: &[&str] = if stem.len() == folded.len() {
            &[stem]
        } else {
            &[stem, folded]
        };
        for &key in keys {
            let Some(cands) = self.index.get(key) else {
                continue;
            };
            for &a in cands {
                let alias = &self.aliases[a];
                let n = alias.words.len();
                if best.is_some_and(|(_, e)| e - i >= n) {
                    break;
                }
                if i + n > ctx.len() {
                    continue;
                }
                let ok = alias.words.iter().enumerate().all(|(k, w)| {
                    let t = i + k;
                    if w.acronym {
                        ctx.folded(t) == w.key && ctx.has_upper(t)
                    } else if w.exact {
                        ctx.folded(t) == w.key
                    } else {
                        ctx.stem(t) == w.key
                    }
                });
                if ok {
                    best = Some((a, i + n));
                    break;
                }
            }
        }
        best
    }

    /// A misspelled proper name at token `i` ("Africaka korps").
    fn fuzzy_at(&self, ctx: &Folded, i: usize, buf: &mut String) -> Option<(usize, usize)> {
        if !ctx.capitalized(i) {
            return None;
        }
        let cands = self
            .fuzzy_index
            .get(&fuzzy::first_phonetic(ctx.folded(i))?)?;
        let mut best: Option<(usize, usize, usize)> = None; // (alias, end, distance)
        for &a in cands {
            let alias = &self.aliases[a];
            let n = alias.phon.len();
            if n == 0 || i + n > ctx.len() {
                continue;
            }
            let max = 1 + alias.letters / 10;
            // cheap checks first: every word starts like the alias's word, lengths are close
            let starts_agree = (0..n)
                .all(|k| fuzzy::first_phonetic(ctx.folded(i + k)) == alias.phon[k].chars().next());
            let text_len: usize = (0..n).map(|k| ctx.folded(i + k).len()).sum::<usize>() + n - 1;
            if !starts_agree || text_len.abs_diff(alias.phon_joined.len()) > 2 * max + 2 {
                continue;
            }
            buf.clear();
            for k in 0..n {
                if k > 0 {
                    buf.push(' ');
                }
                buf.push_str(&fuzzy::phonetic(ctx.folded(i + k)));
            }
            if let Some(d) = fuzzy::distance_within(buf, &alias.phon_joined, max) {
                let better = match best {
                    Some((_, _, bd)) => d < bd,
                    None => true,
                };
                if better {
                    best = Some((a, i + n, d));
                }
            }
        }
        best.map(|(a, e, _)| (a, e))
    }
}

/// The tokens of a text folded (once, shared with the other stages), with their stems.
struct Folded<'t> {
    text: &'t str,
    toks: &'t [Token],
    /// The folded tokens (borrowed from the pipeline, or folded here).
    folded: Cow<'t, vigie_text::Folded>,
    /// For each token, the byte length of its stem ([`stem`] of its folded form, a
    /// prefix of it).
    stem_len: Vec<u32>,
}

impl<'t> Folded<'t> {
    fn new(text: &'t str, toks: &'t [Token], folded: &'t vigie_text::Folded) -> Folded<'t> {
        let folded = if folded.len() == toks.len() {
            Cow::Borrowed(folded)
        } else {
            Cow::Owned(vigie_text::Folded::new(text, toks))
        };
        let stem_len = (0..toks.len())
            .map(|i| {
                let f = folded.get(i);
                // only a final "s" or "x" is cut: other words are their own stem
                if f.ends_with(['s', 'x']) {
                    stem(f).len() as u32
                } else {
                    f.len() as u32
                }
            })
            .collect();
        Folded {
            text,
            toks,
            folded,
            stem_len,
        }
    }

    fn len(&self) -> usize {
        self.toks.len()
    }

    fn folded(&self, i: usize) -> &str {
        self.folded.get(i)
    }

    #[inline]
    fn stem(&self, i: usize) -> &str {
        &self.folded.get(i)[..self.stem_len[i] as usize]
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn has_upper(&self, i: usize) -> bool {
        self.toks[i].text(self.text).chars().any(char::is_uppercase)
    }

    fn capitalized(&self, i: usize) -> bool {
        self.toks[i].is_capitalized(self.text)
    }
}

#[cfg(test)]
mod tests;
