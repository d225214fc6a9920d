//! The small pattern language of the event layer's data files, and a set of patterns
//! indexed by their first word.
//!
//! Patterns are folded words separated by spaces: `word` matches that word, `word*` any
//! word starting so, `a|b|c` one of them, `?word` an optional word, and `…` up to four
//! words of any kind. They are matched over the folded words of one sentence.

use vigie_model::Lang;

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
    /// The first words of the patterns, exact and prefixes, in one byte trie: a word's
    /// candidates are found in one walk over its bytes, with no hashing.
    first: Trie,
}

/// A byte trie over the first words of a [`PatternSet`]'s patterns.
///
/// Node 0 is the root (the empty word); the node reached by the bytes of a word lists
/// the items whose first word is exactly it, and those whose first word starts so
/// (`word*`).
#[derive(Debug, Clone, Default)]
struct Trie {
    nodes: Vec<TrieNode>,
    /// The root's children by first byte (0: none), to skip a search at the widest node.
    root: Vec<u32>,
}

#[derive(Debug, Clone, Default)]
struct TrieNode {
    /// (byte, node) of the children, sorted by byte.
    children: Vec<(u8, u32)>,
    /// Items whose first word is exactly this node's word.
    exact: Vec<usize>,
    /// Items whose first word starts with this node's word.
    prefix: Vec<usize>,
}

impl Trie {
    /// Files `item` under `key`, exact or as a prefix (once per item).
    fn insert(&mut self, key: &str, prefix: bool, item: usize) {
        if self.nodes.is_empty() {
            self.nodes.push(TrieNode::default());
            self.root = vec![0; 256];
        }
        let mut n = 0usize;
        for (depth, &b) in key.as_bytes().iter().enumerate() {
            let found = if depth == 0 {
                Some(self.root[usize::from(b)] as usize).filter(|&c| c != 0)
            } else {
                self.nodes[n]
                    .children
                    .binary_search_by_key(&b, |c| c.0)
                    .ok()
                    .map(|k| self.nodes[n].children[k].1 as usize)
            };
            n = match found {
                Some(c) => c,
                None => {
                    let c = self.nodes.len();
                    self.nodes.push(TrieNode::default());
                    if depth == 0 {
                        self.root[usize::from(b)] = c as u32;
                    } else {
                        let kids = &mut self.nodes[n].children;
                        let at = kids.partition_point(|k| k.0 < b);
                        kids.insert(at, (b, c as u32));
                    }
                    c
                }
            };
        }
        let v = if prefix {
            &mut self.nodes[n].prefix
        } else {
            &mut self.nodes[n].exact
        };
        if !v.contains(&item) {
            v.push(item);
        }
    }

    /// Appends to `out` the items whose first word is `w` or a beginning of it.
    fn candidates(&self, w: &str, out: &mut Vec<usize>) {
        let bytes = w.as_bytes();
        let Some((&b0, rest)) = bytes.split_first() else {
            return;
        };
        let mut n = match self.root.get(usize::from(b0)) {
            Some(&c) if c != 0 => c as usize,
            _ => return,
        };
        out.extend(&self.nodes[n].prefix);
        for &b in rest {
            let kids = &self.nodes[n].children;
            // children lists are short: a scan beats a binary search
            match kids.iter().find(|c| c.0 == b) {
                Some(&(_, c)) => n = c as usize,
                None => return,
            }
            out.extend(&self.nodes[n].prefix);
        }
        out.extend(&self.nodes[n].exact);
    }
}

impl PatternSet {
    /// Adds a pattern; returns its item index.
    pub fn push(&mut self, lang: Option<Lang>, p: Pattern) -> usize {
        let i = self.items.len();
        if let Some(Elem::Word { alts, .. }) = p.elems.first() {
            for a in alts {
                self.first.insert(&a.text, a.prefix, i);
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
            self.first.candidates(w, &mut cands);
            if cands.is_empty() {
                continue;
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
