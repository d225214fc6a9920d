//! Language detection by function words, for the languages Vigie reads.

use crate::fold::fold_into;
use crate::tokens::{Token, TokenKind};
use std::collections::HashSet;
use std::sync::OnceLock;
use vigie_model::Lang;

/// The outcome of language detection.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LangGuess {
    /// The most likely language among those Vigie reads.
    pub lang: Lang,
    /// Share of the counted function words that voted for `lang`, 0..1 (0 when none were seen).
    pub confidence: f64,
    /// How many function words were seen in all.
    pub evidence: usize,
}

/// The function words of each language (`data/function_words.tsv`), read once.
fn function_words() -> &'static (HashSet<String>, HashSet<String>) {
    static W: OnceLock<(HashSet<String>, HashSet<String>)> = OnceLock::new();
    W.get_or_init(|| {
        let (mut fr, mut en) = (HashSet::new(), HashSet::new());
        for line in include_str!("../data/function_words.tsv").lines() {
            let Some((lang, words)) = line.split_once('\t') else {
                continue;
            };
            let set = match lang {
                "fr" => &mut fr,
                "en" => &mut en,
                _ => continue,
            };
            set.extend(words.split_whitespace().map(crate::fold));
        }
        (fr, en)
    })
}

/// Guesses French or English from function words. Ties and texts with no function words
/// default to French with confidence 0; callers that know better pass `--lang`.
pub fn detect_lang(text: &str, tokens: &[Token]) -> LangGuess {
    let (mut fr, mut en) = (0usize, 0usize);
    let (fr_words, en_words) = function_words();
    let mut buf = String::new();
    // the first few thousand words are plenty
    for t in tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .take(3000)
    {
        buf.clear();
        fold_into(t.text(text), &mut buf);
        if fr_words.contains(buf.as_str()) {
            fr += 1;
        }
        if en_words.contains(buf.as_str()) {
            en += 1;
        }
    }
    let total = fr + en;
    let (lang, votes) = if en > fr {
        (Lang::En, en)
    } else {
        (Lang::Fr, fr)
    };
    LangGuess {
        lang,
        confidence: if total == 0 {
            0.0
        } else {
            votes as f64 / total as f64
        },
        evidence: total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    #[test]
    fn detects_both() {
        let f = "Le convoi de l’armée est reparti vers le nord selon des sources locales.";
        assert_eq!(detect_lang(f, &tokenize(f)).lang, Lang::Fr);
        let e = "The convoy of the army turned back to the north, a spokesman said.";
        assert_eq!(detect_lang(e, &tokenize(e)).lang, Lang::En);
        assert_eq!(detect_lang("", &[]).evidence, 0);
    }
}
