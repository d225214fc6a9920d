//! The small pattern language of the event layer's data files, and a set of patterns
//! indexed by their first word.
//!
//! Patterns are folded words separated by spaces: `word` matches that word, `word*` any
//! word starting so, `a|b|c` one of them, `?word` an optional word, and `…` up to four
//! words of any kind. They are matched over the folded words of one sentence.

use std::sync::OnceLock;
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
    #[inline]
    fn matches(&self, w: &str) -> bool {
        let (t, w) = (self.text.as_bytes(), w.as_bytes());
        if self.prefix {
            w.len() >= t.len() && same_bytes(&w[..t.len()], t)
        } else {
            w.len() == t.len() && same_bytes(w, t)
        }
    }
}

/// `a == b` for two slices of one length, compared in place: words are short, a call to
/// `memcmp` costs more than the comparison.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.iter().zip(b).all(|(x, y)| x == y)
}

#[derive(Debug, Clone)]
enum Elem {
    Word {
        alts: Vec<Alt>,
        optional: bool,
        /// [`sketch`] bits of the words the alternatives match: a word whose bit is not
        /// set matches none of them, without comparing it to each.
        sketch: u64,
    },
    Gap,
}

/// One bit for a word: its first byte and its length. `None` for the empty word.
#[inline]
fn sketch(w: &[u8]) -> Option<u64> {
    let b = *w.first()?;
    Some(1u64 << ((usize::from(b) * 7 + w.len()) % 64))
}

/// The [`sketch`] bits of every word `alts` may match: all of them when one is a prefix.
fn sketch_of(alts: &[Alt]) -> u64 {
    alts.iter().fold(0, |m, a| {
        if a.prefix {
            u64::MAX
        } else {
            m | sketch(a.text.as_bytes()).unwrap_or(u64::MAX)
        }
    })
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
            let sketch = sketch_of(&alts);
            elems.push(Elem::Word {
                alts,
                optional,
                sketch,
            });
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
        Elem::Word {
            alts,
            optional,
            sketch: bits,
        } => {
            let here = words
                .get(i)
                .filter(|w| {
                    sketch(w.as_bytes()).is_none_or(|b| b & bits != 0)
                        && alts.iter().any(|a| a.matches(w))
                })
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
    /// The first words of the patterns: (word, prefix, item).
    keys: Vec<(String, bool, usize)>,
    /// The same in one byte trie, built at the first search after the last push: a
    /// word's candidates are found in one walk over its bytes, with no hashing.
    first: OnceLock<Trie>,
}

/// A byte trie over the first words of a [`PatternSet`]'s patterns, with its
/// transitions in one dense table: a step is one load, with no search and no hashing.
///
/// Node 0 is the root (the empty word); the node reached by the bytes of a word lists
/// the items whose first word is exactly it, and those whose first word starts so
/// (`word*`). Bytes are mapped to columns first: only the few bytes the keys use
/// (letters, apostrophe, dash) get one, every other byte ends the walk. Nodes are
/// numbered breadth first, so that the short beginnings most words stop at share a
/// few cache lines.
#[derive(Debug, Clone)]
struct Trie {
    /// The column of each byte in `next`; 0 for a byte that no key holds.
    class: Box<[u16; 256]>,
    /// Columns per node: the bytes the keys use, plus the unused column 0.
    width: usize,
    /// The step from node `n` by the byte of column `c` at `n * width + c`: the child's
    /// number with [`HAS_PREFIX`] and [`HAS_EXACT`] saying what it lists; 0 for none
    /// (the root is nobody's child).
    next: Vec<u32>,
    /// Items whose first word is exactly the node's word, per node.
    exact: Vec<Vec<usize>>,
    /// Items whose first word starts with the node's word, per node.
    prefix: Vec<Vec<usize>>,
}

/// Flag of a [`Trie`] step whose target lists prefix items.
const HAS_PREFIX: u32 = 1 << 31;
/// Flag of a [`Trie`] step whose target lists exact items.
const HAS_EXACT: u32 = 1 << 30;
/// The node of a [`Trie`] step.
const NODE: u32 = HAS_EXACT - 1;

impl Trie {
    /// The trie of `keys` ((key, prefix, item) each): a plain trie first, then
    /// renumbered breadth first.
    fn build(keys: &[(String, bool, usize)]) -> Trie {
        let mut class = Box::new([0u16; 256]);
        let mut width = 1usize;
        for (k, _, _) in keys {
            for &b in k.as_bytes() {
                if class[usize::from(b)] == 0 {
                    class[usize::from(b)] = width as u16;
                    width += 1;
                }
            }
        }
        // the plain trie, nodes in order of creation
        let mut kids: Vec<Vec<(usize, usize)>> = vec![Vec::new()];
        let mut exact: Vec<Vec<usize>> = vec![Vec::new()];
        let mut prefix: Vec<Vec<usize>> = vec![Vec::new()];
        for (k, is_prefix, item) in keys {
            let mut n = 0;
            for &b in k.as_bytes() {
                let c = usize::from(class[usize::from(b)]);
                n = match kids[n].iter().find(|e| e.0 == c) {
                    Some(&(_, child)) => child,
                    None => {
                        let child = exact.len();
                        kids.push(Vec::new());
                        exact.push(Vec::new());
                        prefix.push(Vec::new());
                        kids[n].push((c, child));
                        child
                    }
                };
            }
            let v = if *is_prefix {
                &mut prefix[n]
            } else {
                &mut exact[n]
            };
            if !v.contains(item) {
                v.push(*item);
            }
        }
        // breadth-first numbering
        let mut order = vec![0usize];
        let mut k = 0;
        while k < order.len() {
            let n = order[k];
            order.extend(kids[n].iter().map(|e| e.1));
            k += 1;
        }
        let mut number = vec![0usize; order.len()];
        for (new, &old) in order.iter().enumerate() {
            number[old] = new;
        }
        let mut next = vec![0u32; order.len() * width];
        for (new, &old) in order.iter().enumerate() {
            for &(c, child) in &kids[old] {
                let mut step = number[child] as u32 & NODE;
                if !prefix[child].is_empty() {
                    step |= HAS_PREFIX;
                }
                if !exact[child].is_empty() {
                    step |= HAS_EXACT;
                }
                next[new * width + c] = step;
            }
        }
        Trie {
            class,
            width,
            next,
            exact: order
                .iter()
                .map(|&o| std::mem::take(&mut exact[o]))
                .collect(),
            prefix: order
                .iter()
                .map(|&o| std::mem::take(&mut prefix[o]))
                .collect(),
        }
    }

    /// Appends to `out` the items whose first word is `w` or a beginning of it.
    #[inline]
    fn candidates(&self, w: &str, out: &mut Vec<usize>) {
        let (class, next, width) = (&*self.class, self.next.as_slice(), self.width);
        let mut n = 0usize;
        let mut last = 0u32;
        for &b in w.as_bytes() {
            // column 0 is never a step: a byte no key holds ends the walk there
            last = match next.get(n * width + usize::from(class[usize::from(b)])) {
                Some(&step) if step != 0 => step,
                _ => return,
            };
            n = (last & NODE) as usize;
            if last & HAS_PREFIX != 0 {
                self.push_prefix(n, out);
            }
        }
        if last & HAS_EXACT != 0 {
            out.extend(&self.exact[n]);
        }
    }

    #[inline(never)]
    fn push_prefix(&self, n: usize, out: &mut Vec<usize>) {
        out.extend(&self.prefix[n]);
    }
}

impl PatternSet {
    /// Adds a pattern; returns its item index.
    pub fn push(&mut self, lang: Option<Lang>, p: Pattern) -> usize {
        let i = self.items.len();
        if let Some(Elem::Word { alts, .. }) = p.elems.first() {
            for a in alts {
                // (a word listed twice is filed once by `Trie::build`)
                self.keys.push((a.text.clone(), a.prefix, i));
            }
            // laid out again at the next search
            self.first = OnceLock::new();
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
    pub fn find(&self, words: &[&str], lang: Lang, keep: impl FnMut(usize) -> bool) -> Vec<Match> {
        let first = self.first.get_or_init(|| Trie::build(&self.keys));
        self.find_by(words, lang, keep, |i, out| first.candidates(words[i], out))
    }

    /// [`PatternSet::find`] with the candidates of each word given by `candidates`,
    /// which appends to its vector the items whose first word may be word `i` (as a
    /// [`FirstWords`] walk over several sets does once for all of them).
    pub fn find_by(
        &self,
        words: &[&str],
        lang: Lang,
        mut keep: impl FnMut(usize) -> bool,
        mut candidates: impl FnMut(usize, &mut Vec<usize>),
    ) -> Vec<Match> {
        let mut out = Vec::new();
        let mut cands: Vec<usize> = Vec::new();
        for i in 0..words.len() {
            cands.clear();
            candidates(i, &mut cands);
            if cands.is_empty() {
                continue;
            }
            cands.sort_unstable();
            cands.dedup();
            for &item in &cands {
                let Some((l, p)) = self.items.get(item) else {
                    continue;
                };
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

    /// [`PatternSet::find_by`] with the candidates already listed: `cands` holds
    /// `(word, item)` pairs sorted and without repeats, only for the words that have
    /// candidates, as [`FirstWords::candidates`] finds them (split by set): the word of
    /// each pair is one of its item's first words, which is not read again.
    pub fn find_listed(
        &self,
        words: &[&str],
        lang: Lang,
        keep: impl FnMut(usize) -> bool,
        cands: &[(u32, u32)],
    ) -> Vec<Match> {
        let mut out = Vec::new();
        self.find_listed_with(words, lang, keep, cands, |m| out.push(m));
        out
    }

    /// [`PatternSet::find_listed`] handing each match to `found`, in the same order.
    pub fn find_listed_with(
        &self,
        words: &[&str],
        lang: Lang,
        mut keep: impl FnMut(usize) -> bool,
        cands: &[(u32, u32)],
        mut found: impl FnMut(Match),
    ) {
        for &(i, item) in cands {
            let (i, item) = (i as usize, item as usize);
            let Some((l, p)) = self.items.get(item) else {
                continue;
            };
            if l.is_some_and(|l| l != lang) || !keep(item) {
                continue;
            }
            // the first element is a word that is not optional (`Pattern::compile`), and
            // word `i` is one of its words
            if i < words.len() {
                if let Some(end) = match_elems(p.elems.get(1..).unwrap_or(&[]), words, i + 1) {
                    found(Match {
                        item,
                        first: i,
                        end,
                    });
                }
            }
        }
    }
}

/// The first words of several pattern sets in one trie: one walk per word gives the
/// candidates of every set, where a walk per set would read as many tries.
///
/// A candidate is coded `item * sets + set`: see [`FirstWords::candidates`].
#[derive(Debug, Clone)]
pub struct FirstWords {
    trie: Trie,
    sets: usize,
}

impl FirstWords {
    /// The first words of `sets`, set `k` being `sets[k]`.
    pub fn new(sets: &[&PatternSet]) -> FirstWords {
        let n = sets.len().max(1);
        let keys: Vec<(String, bool, usize)> = sets
            .iter()
            .enumerate()
            .flat_map(|(k, set)| {
                set.keys
                    .iter()
                    .map(move |(w, prefix, item)| (w.clone(), *prefix, item * n + k))
            })
            .collect();
        FirstWords {
            trie: Trie::build(&keys),
            sets: n,
        }
    }

    /// Number of sets.
    pub fn sets(&self) -> usize {
        self.sets
    }

    /// Appends to `out` the coded candidates of word `w`: `item * sets + set` for each
    /// item of each set whose first word is `w` or a beginning of it.
    pub fn candidates(&self, w: &str, out: &mut Vec<usize>) {
        self.trie.candidates(w, out);
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
    fn trie_candidates_agree_with_a_plain_scan() {
        let keys = [
            ("de", false),
            ("d'", false),
            ("des", false),
            ("de", true),
            ("tir", true),
            ("tire", false),
            ("a", true),
            ("é", false),
            ("etat-major", false),
        ];
        let keys_of: Vec<(String, bool, usize)> = keys
            .iter()
            .enumerate()
            .map(|(i, (k, p))| (k.to_string(), *p, i))
            .collect();
        let t = Trie::build(&keys_of);
        for w in [
            "",
            "d",
            "de",
            "des",
            "desert",
            "d'",
            "tir",
            "tire",
            "tirent",
            "ti",
            "a",
            "armee",
            "é",
            "éé",
            "etat-major",
            "etat",
            "x",
            "Ω",
            "de\u{0}",
        ] {
            let mut got = Vec::new();
            t.candidates(w, &mut got);
            got.sort_unstable();
            let want: Vec<usize> = (0..keys.len())
                .filter(|&i| {
                    let (k, p) = keys[i];
                    if p {
                        w.starts_with(k)
                    } else {
                        w == k
                    }
                })
                .collect();
            assert_eq!(got, want, "{w:?}");
        }
    }

    #[test]
    fn one_walk_for_several_sets_finds_what_each_set_finds() {
        let mut a = PatternSet::default();
        a.push(None, Pattern::compile("selon|d'apres").unwrap());
        a.push(Some(Lang::Fr), Pattern::compile("video* … drone").unwrap());
        let mut b = PatternSet::default();
        b.push(None, Pattern::compile("de|des ?sources").unwrap());
        b.push(None, Pattern::compile("vid*").unwrap());
        let first = FirstWords::new(&[&a, &b]);
        let words = ["selon", "des", "sources", "videos", "de", "drone", "vid"];
        for (k, set) in [&a, &b].into_iter().enumerate() {
            let by = set.find_by(
                &words,
                Lang::Fr,
                |_| true,
                |i, out| {
                    let mut all = Vec::new();
                    first.candidates(words[i], &mut all);
                    out.extend(
                        all.iter()
                            .filter(|&&c| c % first.sets() == k)
                            .map(|&c| c / first.sets()),
                    );
                },
            );
            assert_eq!(by, set.find(&words, Lang::Fr, |_| true));
            assert!(!by.is_empty());
        }
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
