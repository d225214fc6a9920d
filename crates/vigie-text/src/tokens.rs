//! Tokens with byte spans.

use crate::fold::{is_apostrophe, is_dash, is_space};
use vigie_model::Span;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with inner hyphens or apostrophes ("Tin-Assako", "aujourd’hui"),
    /// digits mixed with letters ("1er", "4x4"), or an elided article ("l’", "d’").
    Word,
    /// A run of ASCII digits. Separators (".", ",", "/", spaces) are separate tokens;
    /// parsers that want "1 200" or "09/10/2024" combine them.
    Number,
    /// Any other visible character, one per token.
    Punct,
}

/// One token of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte span into the text.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }

    /// True when the first character is an upper-case letter.
    #[inline]
    pub fn is_capitalized(&self, text: &str) -> bool {
        let s = self.text(text);
        match s.as_bytes().first() {
            // most tokens begin with an ASCII byte: no character to decode
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            Some(_) => s.chars().next().is_some_and(char::is_uppercase),
            None => false,
        }
    }
}

/// French words that elide before a vowel: "l’", "d’", "qu’", "jusqu’" …
fn is_elision(word: &str) -> bool {
    // every elided word is short and ASCII: lower-case it on the stack
    let mut low = [0u8; 8];
    let w: String;
    let w: &str = if word.is_ascii() && word.len() <= low.len() {
        low[..word.len()].copy_from_slice(word.as_bytes());
        low[..word.len()].make_ascii_lowercase();
        std::str::from_utf8(&low[..word.len()]).unwrap_or("")
    } else {
        w = word.chars().flat_map(|c| c.to_lowercase()).collect();
        &w
    };
    matches!(
        w,
        "l" | "d"
            | "j"
            | "m"
            | "n"
            | "s"
            | "t"
            | "c"
            | "qu"
            | "jusqu"
            | "lorsqu"
            | "puisqu"
            | "quoiqu"
            | "presqu"
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits `text` into tokens. Spaces are dropped; everything else is covered, in order.
///
/// ```
/// use vigie_text::{tokenize, TokenKind};
/// let t = "l’armée à Tin-Assako, 09/10/2024";
/// let toks: Vec<&str> = tokenize(t).iter().map(|k| k.text(t)).collect();
/// assert_eq!(toks, ["l’", "armée", "à", "Tin-Assako", ",", "09", "/", "10", "/", "2024"]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    // `i` is always on a char boundary: the start of the next char to read
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        if is_space(c) {
            i += c.len_utf8();
            continue;
        }
        if c.is_ascii_digit() {
            // digits, then letters glued to them make a Word ("1er", "27e").
            let mut end = i + 1;
            let mut kind = TokenKind::Number;
            while let Some(d) = char_at(text, end) {
                if d.is_ascii_digit() {
                    end += 1;
                } else if d.is_alphabetic() {
                    kind = TokenKind::Word;
                    end += d.len_utf8();
                } else {
                    break;
                }
            }
            out.push(Token {
                span: Span::new(i, end),
                kind,
            });
            i = end;
            continue;
        }
        if is_word_char(c) {
            let mut end = i + c.len_utf8();
            loop {
                // ASCII letters and digits, most of a word, byte by byte
                while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                    end += 1;
                }
                let Some(d) = char_at(text, end) else {
                    break;
                };
                let j = end;
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    continue;
                }
                if is_dash(d) || is_apostrophe(d) {
                    // an inner hyphen or apostrophe continues the word only when a
                    // letter follows it directly.
                    let after = text[j + d.len_utf8()..].chars().next();
                    if !after.is_some_and(is_word_char) {
                        break;
                    }
                    if is_apostrophe(d) {
                        let head = &text[i..end];
                        if is_elision(head) {
                            // "l’armée": the article with its apostrophe is a token.
                            end = j + d.len_utf8();
                            break;
                        }
                        let rest = &text[j + d.len_utf8()..];
                        let mut rc = rest.chars();
                        if matches!(rc.next(), Some('s' | 'S'))
                            && !rc.next().is_some_and(is_word_char)
                        {
                            // English possessive: "Mali's" → "Mali", "'s".
                            break;
                        }
                    }
                    end = j + d.len_utf8();
                    continue;
                }
                break;
            }
            out.push(Token {
                span: Span::new(i, end),
                kind: TokenKind::Word,
            });
            i = end;
            continue;
        }
        out.push(Token {
            span: Span::new(i, i + c.len_utf8()),
            kind: TokenKind::Punct,
        });
        i += c.len_utf8();
    }
    out
}

/// The char that starts at byte `i` of `text` (a char boundary), `None` at the end.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text[i..].chars().next(),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The char-by-char tokenizer `tokenize` replaced, kept as its reference.
    fn tokenize_by_chars(text: &str) -> Vec<Token> {
        let mut out = Vec::with_capacity(text.len() / 5 + 1);
        let mut it = text.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if is_space(c) {
                continue;
            }
            if c.is_ascii_digit() {
                // digits, then letters glued to them make a Word ("1er", "27e").
                let mut end = i + 1;
                let mut kind = TokenKind::Number;
                while let Some(&(j, d)) = it.peek() {
                    if d.is_ascii_digit() {
                        end = j + 1;
                        it.next();
                    } else if d.is_alphabetic() {
                        kind = TokenKind::Word;
                        end = j + d.len_utf8();
                        it.next();
                    } else {
                        break;
                    }
                }
                out.push(Token {
                    span: Span::new(i, end),
                    kind,
                });
                continue;
            }
            if is_word_char(c) {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = it.peek() {
                    if is_word_char(d) {
                        end = j + d.len_utf8();
                        it.next();
                        continue;
                    }
                    if is_dash(d) || is_apostrophe(d) {
                        // an inner hyphen or apostrophe continues the word only when a
                        // letter follows it directly.
                        let after = text[j + d.len_utf8()..].chars().next();
                        if !after.is_some_and(is_word_char) {
                            break;
                        }
                        if is_apostrophe(d) {
                            let head = &text[i..end];
                            if is_elision(head) {
                                // "l’armée": the article with its apostrophe is a token.
                                end = j + d.len_utf8();
                                it.next();
                                break;
                            }
                            let rest = &text[j + d.len_utf8()..];
                            let mut rc = rest.chars();
                            if matches!(rc.next(), Some('s' | 'S'))
                                && !rc.next().is_some_and(is_word_char)
                            {
                                // English possessive: "Mali's" → "Mali", "'s".
                                break;
                            }
                        }
                        end = j + d.len_utf8();
                        it.next();
                        continue;
                    }
                    break;
                }
                out.push(Token {
                    span: Span::new(i, end),
                    kind: TokenKind::Word,
                });
                continue;
            }
            out.push(Token {
                span: Span::new(i, i + c.len_utf8()),
                kind: TokenKind::Punct,
            });
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_the_char_by_char_reference(
            s in "([a-zA-Z0-9éÉœ’'`\\- .,«»\u{00A0}\n]|l’|qu'|'s|\\PC){0,60}"
        ) {
            proptest::prop_assert_eq!(tokenize(&s), tokenize_by_chars(&s));
        }
    }

    fn words(t: &str) -> Vec<&str> {
        tokenize(t).iter().map(|k| k.text(t)).collect()
    }

    #[test]
    fn elisions_split_but_inner_apostrophes_stay() {
        assert_eq!(words("d’In-Tifirkit"), ["d’", "In-Tifirkit"]);
        assert_eq!(words("qu'il"), ["qu'", "il"]);
        assert_eq!(words("aujourd’hui"), ["aujourd’hui"]);
        assert_eq!(words("Mali's army"), ["Mali", "'", "s", "army"]);
    }

    #[test]
    fn hyphens_numbers_and_ordinals() {
        assert_eq!(words("vingt-sept"), ["vingt-sept"]);
        assert_eq!(words("le 1er octobre"), ["le", "1er", "octobre"]);
        assert_eq!(words("1 200"), ["1", "200"]);
        assert_eq!(words("Kidal -"), ["Kidal", "-"]);
        assert_eq!(words("« Le convoi »"), ["«", "Le", "convoi", "»"]);
    }

    #[test]
    fn kinds() {
        let t = "27 véhicules, 1er";
        let k: Vec<TokenKind> = tokenize(t).iter().map(|x| x.kind).collect();
        assert_eq!(
            k,
            [
                TokenKind::Number,
                TokenKind::Word,
                TokenKind::Punct,
                TokenKind::Word
            ]
        );
    }
}
