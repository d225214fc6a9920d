//! Roads named by their two ends: "the Gao-Menaka road", "l'axe Mopti-Sévaré".
//!
//! The tokenizer keeps a word with an inner dash whole, as village names need
//! ("Tin-Essako", "In-Delimane"). Next to a road noun (`road_words.txt`), a dashed word
//! whose parts are each a place name the gazetteer knows exactly, while the whole is no
//! place, names the two ends of a road: it is split into its parts and the dash, so that
//! each end is read as a place of its own. "Ke-Macina road" stays whole: Ke-Macina is a
//! town.

use super::tokens::stop_word;
use crate::index::{Gazetteer, PlaceId};
use crate::keys::{KeyBuf, KeyLevel};
use crate::lexicon::LangLex;
use std::borrow::Cow;
use vigie_model::Span;
use vigie_text::{Token, TokenKind};

/// The tokens with every road's dashed pair of ends split in three (end, dash, end);
/// the tokens themselves when no road is named so.
pub(super) fn split_road_ends<'t>(
    gaz: &Gazetteer,
    lx: &LangLex,
    text: &str,
    tokens: Cow<'t, [Token]>,
) -> Cow<'t, [Token]> {
    let word = |i: usize| -> Option<String> {
        let t: &Token = tokens.get(i)?;
        (t.kind == TokenKind::Word).then(|| vigie_text::fold(&text[t.span.start..t.span.end]))
    };
    let near_road = |i: usize| {
        // the road noun right before ("l'axe Gao-Ansongo", "axis Gao-Gossi") or right
        // after ("the Gao-Gossi road")
        let before = i.checked_sub(1).and_then(word);
        let after = word(i + 1);
        before
            .iter()
            .chain(after.iter())
            .any(|w| lx.roads.contains(w))
    };
    let mut splits: Vec<(usize, Vec<Span>)> = Vec::new();
    let mut lookup = Lookup::new(gaz);
    for (i, t) in tokens.iter().enumerate() {
        let s = &text[t.span.start..t.span.end];
        if t.kind != TokenKind::Word || !s.contains(is_dash) || !near_road(i) {
            continue;
        }
        let mut parts = Vec::new();
        let mut from = t.span.start;
        for (k, c) in s.char_indices().filter(|&(_, c)| is_dash(c)) {
            parts.push(Span::new(from, t.span.start + k));
            from = t.span.start + k + c.len_utf8();
        }
        parts.push(Span::new(from, t.span.end));
        let name_like = |sp: &Span| {
            let p = &text[sp.start..sp.end];
            p.chars().count() >= 3
                && p.chars().next().is_some_and(char::is_uppercase)
                && !stop_word(&vigie_text::fold(p), lx)
        };
        if parts.len() < 2
            || !parts.iter().all(name_like)
            || lookup.known(s, false)
            || !parts
                .iter()
                .all(|sp| lookup.known(&text[sp.start..sp.end], true))
        {
            continue;
        }
        splits.push((i, parts));
    }
    if splits.is_empty() {
        return tokens;
    }
    let mut out = Vec::with_capacity(tokens.len() + 2 * splits.len());
    let mut next = splits.into_iter().peekable();
    for (i, t) in tokens.iter().enumerate() {
        match next.next_if(|(j, _)| *j == i) {
            Some((_, parts)) => {
                for (k, p) in parts.iter().enumerate() {
                    if k > 0 {
                        let prev = parts[k - 1].end;
                        out.push(Token {
                            span: Span::new(prev, p.start),
                            kind: TokenKind::Punct,
                        });
                    }
                    out.push(Token {
                        span: *p,
                        kind: TokenKind::Word,
                    });
                }
            }
            None => out.push(*t),
        }
    }
    Cow::Owned(out)
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '–' | '—')
}

/// Gazetteer lookups of a name at the exact and transliteration levels.
struct Lookup<'g> {
    gaz: &'g Gazetteer,
    kb: KeyBuf,
    scratch: Vec<u8>,
    buf: Vec<PlaceId>,
}

impl<'g> Lookup<'g> {
    fn new(gaz: &'g Gazetteer) -> Self {
        Lookup {
            gaz,
            kb: KeyBuf::new(),
            scratch: Vec::new(),
            buf: Vec::new(),
        }
    }

    /// Whether the gazetteer knows `name` exactly (`exact_only`), or by its
    /// transliteration too.
    fn known(&mut self, name: &str, exact_only: bool) -> bool {
        self.kb.compute(name);
        let levels: &[KeyLevel] = if exact_only {
            &[KeyLevel::Exact]
        } else {
            &[KeyLevel::Exact, KeyLevel::Translit]
        };
        levels.iter().any(|&level| {
            self.buf.clear();
            self.gaz
                .lookup_key(level, self.kb.key(level), &mut self.scratch, &mut self.buf);
            !self.buf.is_empty()
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::lexicon::Lexicon;
    use crate::Gazetteer;
    use vigie_model::Lang;

    fn split(text: &str, lang: Lang) -> Vec<String> {
        let gaz = Gazetteer::embedded();
        let lex = Lexicon::load(None);
        let toks = vigie_text::tokenize(text);
        super::split_road_ends(gaz, lex.lang(lang), text, toks.as_slice().into())
            .iter()
            .map(|t| text[t.span.start..t.span.end].to_string())
            .collect()
    }

    #[test]
    fn issue12_a_road_named_by_its_two_ends_gives_two_places() {
        let en = split("A truck hit a mine on the Gao-Bourem road.", Lang::En);
        assert!(en.windows(3).any(|w| w == ["Gao", "-", "Bourem"]), "{en:?}");
        let fr = split(
            "Des hommes armés ont tendu une embuscade sur l'axe Mopti-Sévaré.",
            Lang::Fr,
        );
        assert!(
            fr.windows(3).any(|w| w == ["Mopti", "-", "Sévaré"]),
            "{fr:?}"
        );
    }

    #[test]
    fn issue12_a_dashed_name_stays_whole_without_a_road_or_when_it_is_a_place() {
        // no road noun: a dashed word is a name of its own
        let t = split("Fighters from Gao-Bourem were seen.", Lang::En);
        assert!(t.contains(&"Gao-Bourem".to_string()), "{t:?}");
        // a town whose name has a dash
        let t = split("Gunmen stopped a bus on the Ke-Macina road.", Lang::En);
        assert!(t.contains(&"Ke-Macina".to_string()), "{t:?}");
    }
}
