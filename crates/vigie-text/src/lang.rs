//! Language detection by function words, for the languages Vigie reads.

use crate::fold::fold_into;
use crate::tokens::{Token, TokenKind};
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

const FR: &[&str] = &[
    "le", "la", "les", "des", "du", "de", "et", "est", "un", "une", "dans", "pour", "que", "qui",
    "sur", "au", "aux", "par", "avec", "pas", "ont", "ete", "sont", "selon", "leur", "leurs",
    "ces", "cette", "il", "ils", "elle", "l'", "d'", "qu'", "n'", "s'", "a", "ou", "mais",
];
const EN: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "was", "were", "that", "for", "on", "with", "by", "from",
    "at", "as", "has", "have", "had", "their", "they", "this", "which", "said", "an", "it", "its",
    "be", "been", "who", "are", "not", "but",
];

/// Guesses French or English from function words. Ties and texts with no function words
/// default to French with confidence 0; callers that know better pass `--lang`.
pub fn detect_lang(text: &str, tokens: &[Token]) -> LangGuess {
    let (mut fr, mut en) = (0usize, 0usize);
    let mut buf = String::new();
    // the first few thousand words are plenty
    for t in tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .take(3000)
    {
        buf.clear();
        fold_into(t.text(text), &mut buf);
        if FR.contains(&buf.as_str()) {
            fr += 1;
        }
        if EN.contains(&buf.as_str()) {
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
