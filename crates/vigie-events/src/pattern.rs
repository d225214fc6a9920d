//! The small pattern language of the event layer's data files, and a set of patterns
//! indexed by their first word.
//!
//! Patterns are folded words separated by spaces: `word` matches that word, `word*` any
//! word starting so, `a|b|c` one of them, `?word` an optional word, and `…` up to four
//! words of any kind. They are matched over the folded words of one sentence.

use vigie_model::Lang;
use vigie_text::hash::{FastMap, FastSet};

/// The folded words of a text, as patterns see them (punctuation and numbers left out).
pub fn folded_words(text: &str) -> Vec<String> {
    vigie_text::tokenize(text)
        .iter()
        .filter(|t| t.kind == vigie_text::TokenKind::Word)
        .map(|t| vigie_text::fold(t.text(text)))
        .collect()
}

/// Most words a `…` may skip.
const GAP: usize = 4;

#[derive(Debug, Clone)]
struct Alt {
    text: String,
    prefix: bool,
}

impl Alt {
    fn matches(&self, w: &str) -> bool {
        if self.prefix {
            w.starts_with(self.text.as_str())
        } else {
            w == self.text
        }
    }
}

#[derive(Debug, Clone)]
enum Elem {
    Word { alts: Vec<Alt>, optional: bool },
    Gap,
}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    elems: Vec<Elem>,
}

impl Pattern {
    /// Compiles `src`; the error says what is wrong.
    pub fn compile(src: &str) -> Result<Pattern, String> {
        let mut elems = Vec::new();
        for part in src.split_whitespace() {
            if part == "…" || part == "..." {
                elems.push(Elem::Gap);
                continue;
            }
            let (optional, body) = match part.strip_prefix('?') {
                Some(b) => (true, b),
                None => (false, part),
            };
            let mut alts = Vec::new();
            for a in body.split('|').filter(|a| !a.is_empty()) {
                let (prefix, w) = match a.strip_suffix('*') {
                    Some(w) => (true, w),
                    None => (false, a),
                };
                let text = vigie_text::fold(w);
                if text.is_empty() {
                    return Err(format!("empty word in {part:?}"));
                }
                alts.push(Alt { text, prefix });
            }
            if alts.is_empty() {
                return Err(format!("empty element {part:?}"));
            }
            elems.push(Elem::Word { alts, optional });
        }
        match elems.first() {
            Some(Elem::Word {
                optional: false, ..
            }) => {}
            _ => return Err("a pattern starts with a word that is not optional".into()),
        }
        if matches!(elems.last(), Some(Elem::Gap)) {
            return Err("a pattern cannot end with …".into());
        }
        Ok(Pattern { elems })
    }

    /// The end (exclusive) of the longest match starting at word `i`.
    pub fn match_at(&self, words: &[&str], i: usize) -> Option<usize> {
        match_elems(&self.elems, words, i)
    }
}

fn match_elems(elems: &[Elem], words: &[&str], i: usize) -> Option<usize> {
    let Some((e, rest)) = elems.split_first() else {
        return Some(i);
    };
    match e {
        Elem::Gap => (0..=GAP)
            .rev()
            .filter(|k| i + k <= words.len())
            .find_map(|k| match_elems(rest, words, i + k)),
        Elem::Word { alts, optional } => {
            let here = words
                .get(i)
                .filter(|w| alts.iter().any(|a| a.matches(w)))
                .and_then(|_| match_elems(rest, words, i + 1));
            match (here, optional) {
                (Some(end), _) => Some(end),
                (None, true) => match_elems(rest, words, i),
                (None, false) => None,
            }
        }
    }
}

/// A match of pattern `item` over words `first..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// Index of the pattern's item in the set.
    pub item: usize,
    /// First word.
    pub first: usize,
    /// One past the last word.
    pub end: usize,
}

/// Patterns with a language each, indexed by their first word.
#[derive(Debug, Clone, Default)]
pub struct PatternSet {
    items: Vec<(Option<Lang>, Pattern)>,
    by_word: FastMap<String, Vec<usize>>,
    by_prefix: FastMap<String, Vec<usize>>,
    /// The lengths (bytes) of the prefixes in `by_prefix`: only those are probed.
    prefix_lens: Vec<usize>,
    /// Every beginning (cut on a char boundary) of every key of `by_prefix`, the key
    /// included: once a word's beginning is not in here, no longer prefix can match it
    /// and the probing stops.
    prefix_starts: FastSet<String>,
}

impl PatternSet {
    /// Adds a pattern; returns its item index.
    pub fn push(&mut self, lang: Option<Lang>, p: Pattern) -> usize {
        let i = self.items.len();
        if let Some(Elem::Word { alts, .. }) = p.elems.first() {
            for a in alts {
                let map = if a.prefix {
                    &mut self.by_prefix
                } else {
                    &mut self.by_word
                };
                let v = map.entry(a.text.clone()).or_default();
                if !v.contains(&i) {
                    v.push(i);
                }
                if a.prefix {
                    for (k, c) in a.text.char_indices() {
                        self.prefix_starts
                            .insert(a.text[..k + c.len_utf8()].to_string());
                    }
                }
                if a.prefix && !self.prefix_lens.contains(&a.text.len()) {
                    self.prefix_lens.push(a.text.len());
                    self.prefix_lens.sort_unstable();
                }
            }
        }
        self.items.push((lang, p));
        i
    }

    /// Replaces item `i`'s pattern (indexes are rebuilt).
    pub fn replace(&mut self, i: usize, lang: Option<Lang>, p: Pattern) {
        let mut items = std::mem::take(&mut self.items);
        items[i] = (lang, p);
        *self = PatternSet::default();
        for (l, p) in items {
            self.push(l, p);
        }
    }

    /// Number of patterns.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when there is none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Every match in `words` for `lang`, the longest per pattern and start, in order of
    /// start.
    pub fn find(
        &self,
        words: &[&str],
        lang: Lang,
        mut keep: impl FnMut(usize) -> bool,
    ) -> Vec<Match> {
        let mut out = Vec::new();
        let mut cands: Vec<usize> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            cands.clear();
            if let Some(v) = self.by_word.get(*w) {
                cands.extend(v);
            }
            for &len in self.prefix_lens.iter().take_while(|&&l| l <= w.len()) {
                if w.is_char_boundary(len) {
                    let head = &w[..len];
                    if !self.prefix_starts.contains(head) {
                        break;
                    }
                    if let Some(v) = self.by_prefix.get(head) {
                        cands.extend(v);
                    }
                }
            }
            cands.sort_unstable();
            cands.dedup();
            for &item in &cands {
                let (l, p) = &self.items[item];
                if l.is_some_and(|l| l != lang) || !keep(item) {
                    continue;
                }
                if let Some(end) = p.match_at(words, i) {
                    out.push(Match {
                        item,
                        first: i,
                        end,
                    });
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_optional_words_and_prefixes() {
        let p = Pattern::compile("frappe*|tir … drone*").unwrap();
        assert_eq!(p.match_at(&["frappes", "de", "son", "drone"], 0), Some(4));
        assert_eq!(
            p.match_at(&["frappes", "a", "b", "c", "d", "e", "drone"], 0),
            None
        );
        let p = Pattern::compile("repris ?le controle").unwrap();
        assert_eq!(p.match_at(&["repris", "controle"], 0), Some(2));
        assert_eq!(p.match_at(&["repris", "le", "controle"], 0), Some(3));
        assert!(Pattern::compile("… x").is_err());
        assert!(Pattern::compile("x …").is_err());
        assert!(Pattern::compile("?x y").is_err());
    }

    #[test]
    fn sets_find_by_first_word_and_language() {
        let mut s = PatternSet::default();
        s.push(Some(Lang::Fr), Pattern::compile("selon").unwrap());
        s.push(None, Pattern::compile("video*").unwrap());
        let m = s.find(&["selon", "des", "videos"], Lang::Fr, |_| true);
        assert_eq!(m.len(), 2);
        assert_eq!(s.find(&["selon"], Lang::En, |_| true).len(), 0);
    }
}
