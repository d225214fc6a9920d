//! [`Folded`]: every token of a text folded once, shared by the stages that look words up.

use crate::fold::fold_into;
use crate::tokens::Token;

/// The folded form ([`fold`](crate::fold)) of every token of a text, computed once and
/// kept in one buffer, so that the stages reading the same tokens (actors, dates,
/// quantities, places) do not each fold them again.
///
/// Token `i` of the token list it was built from has folded form [`Folded::get`]`(i)`.
/// A token that does not slice the text (a foreign token list) folds to `""`.
///
/// ```
/// use vigie_text::{tokenize, Folded};
/// let t = "L’armée à Ségou";
/// let toks = tokenize(t);
/// let f = Folded::new(t, &toks);
/// assert_eq!(f.len(), 4);
/// assert_eq!(f.get(0), "l'");
/// assert_eq!(f.get(3), "segou");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    /// The folded tokens one after the other, without separators.
    buf: String,
    /// For each token, the byte range of its folded form in `buf`.
    ranges: Vec<(u32, u32)>,
}

impl Folded {
    /// Folds every token of `tokens` (from [`tokenize`](crate::tokenize) over `text`).
    pub fn new(text: &str, tokens: &[Token]) -> Folded {
        // bytes first: an ASCII token (most of them) is lower-cased byte by byte, with no
        // call and no copy; the others go through `fold_into`
        let mut buf: Vec<u8> = Vec::with_capacity(text.len() + 16);
        let mut ranges = Vec::with_capacity(tokens.len());
        let mut other = String::new();
        for t in tokens {
            let a = buf.len();
            let s = text.get(t.span.start..t.span.end).unwrap_or("");
            if s.is_ascii() {
                buf.extend(s.bytes().map(|b| b.to_ascii_lowercase()));
            } else {
                other.clear();
                fold_into(s, &mut other);
                buf.extend_from_slice(other.as_bytes());
            }
            ranges.push((a as u32, buf.len() as u32));
        }
        // every piece is a whole UTF-8 string: ASCII bytes or a folded `String`
        let buf = String::from_utf8(buf).expect("folded tokens are UTF-8");
        Folded { buf, ranges }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    /// True when there is no token.
    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// The folded form of token `i`; `""` past the last token.
    #[inline]
    pub fn get(&self, i: usize) -> &str {
        match self.ranges.get(i) {
            Some(&(a, b)) => &self.buf[a as usize..b as usize],
            None => "",
        }
    }

    /// The byte range of token `i`'s folded form in [`Folded::buffer`]; `None` past the
    /// last token. Consecutive tokens have consecutive ranges, so the folded tokens
    /// `i..j`, without separators, are `buffer()[range(i).0..range(j - 1).1]`.
    #[inline]
    pub fn range(&self, i: usize) -> Option<(u32, u32)> {
        self.ranges.get(i).copied()
    }

    /// Every folded token, one after the other, without separators.
    pub fn buffer(&self) -> &str {
        &self.buf
    }

    /// The byte ranges of every token's folded form in [`Folded::buffer`].
    pub fn ranges(&self) -> &[(u32, u32)] {
        &self.ranges
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{fold, tokenize};
    use vigie_model::Span;

    #[test]
    fn every_token_folded_as_fold_does() {
        let t = "Le 3 OCTOBRE, l’Œuvre d’État à Tin-Essako — près de Gao";
        let toks = tokenize(t);
        let f = Folded::new(t, &toks);
        assert_eq!(f.len(), toks.len());
        for (i, k) in toks.iter().enumerate() {
            assert_eq!(f.get(i), fold(k.text(t)));
        }
        assert_eq!(f.get(toks.len()), "");
        let (a, _) = f.range(0).unwrap();
        let (_, b) = f.range(2).unwrap();
        assert_eq!(&f.buffer()[a as usize..b as usize], "le3octobre");
    }

    #[test]
    fn foreign_tokens_fold_to_nothing() {
        let t = "été";
        let toks = [Token {
            span: Span::new(1, 2),
            kind: crate::TokenKind::Word,
        }];
        let f = Folded::new(t, &toks);
        assert_eq!(f.get(0), "");
        assert!(Folded::new(t, &[]).is_empty());
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_matches_fold(s in "\\PC{0,80}") {
            let toks = tokenize(&s);
            let f = Folded::new(&s, &toks);
            proptest::prop_assert_eq!(f.len(), toks.len());
            for (i, k) in toks.iter().enumerate() {
                proptest::prop_assert_eq!(f.get(i), fold(k.text(&s)));
            }
        }
    }
}
