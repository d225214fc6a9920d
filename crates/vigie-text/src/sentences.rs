//! Sentence splitting for French and English news text.

use crate::fold::{fold, is_space};
use crate::tokens::{Token, TokenKind};
use std::collections::HashSet;
use std::sync::{OnceLock, RwLock};
use vigie_model::Span;

/// Abbreviations after which a period does not end a sentence (`data/abbreviations.txt`,
/// folded, without the period), with those a user added ([`add_abbreviations`]).
fn abbreviations() -> &'static RwLock<HashSet<String>> {
    static A: OnceLock<RwLock<HashSet<String>>> = OnceLock::new();
    A.get_or_init(|| RwLock::new(words_of(include_str!("../data/abbreviations.txt")).collect()))
}

/// The folded words of an abbreviation list: whitespace-separated, `#` comments.
fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
        .map(|w| fold(w.trim_end_matches('.')))
}

/// Adds abbreviations (a text in the format of `data/abbreviations.txt`, such as the
/// user's `abbreviations.txt`) to those after which a period does not end a sentence, for
/// the rest of the process.
pub fn add_abbreviations(text: &str) {
    let mut a = abbreviations().write().unwrap_or_else(|e| e.into_inner());
    a.extend(words_of(text));
}

fn is_abbreviation(word: &str) -> bool {
    let f = fold(word);
    abbreviations()
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .contains(&f)
        // single capital initials: "J. Dupont", "A.B."
        || (word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()))
}

/// Sentence spans of `text`, computed from its tokens. Each span starts at a token and
/// ends after the sentence's last token (closing quotes and brackets included).
/// A blank line or a line break always ends a sentence (headlines, datelines).
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < tokens.len() {
        let tok = tokens[i];
        if start.is_none() {
            start = Some(tok.span.start);
        }
        let mut end_here = false;
        let mut last = i;
        if tok.kind == TokenKind::Punct {
            let t = tok.text(text);
            if matches!(t, "." | "!" | "?" | "…") {
                // absorb runs of terminal punctuation and closing quotes/brackets
                while last + 1 < tokens.len() {
                    let n = tokens[last + 1];
                    let nt = n.text(text);
                    let adjacent = text[tokens[last].span.end..n.span.start]
                        .chars()
                        .all(is_space);
                    if adjacent
                        && matches!(
                            nt,
                            "." | "!" | "?" | "…" | "»" | "\"" | "”" | ")" | "]" | "’"
                        )
                        && !(nt == "»" && n.span.start > tokens[last].span.end + 3)
                    {
                        last += 1;
                    } else {
                        break;
                    }
                }
                end_here = ends_sentence(text, tokens, i, last);
            }
        }
        // a line break ends the sentence before the next token
        if !end_here && last + 1 < tokens.len() {
            let gap = &text[tokens[last].span.end..tokens[last + 1].span.start];
            // bytes, not chars: no byte of a multi-byte char is a line feed (and most
            // gaps are one space, too short for a searcher to pay)
            if gap.bytes().any(|b| b == b'\n') {
                end_here = true;
            }
        }
        if end_here || last + 1 == tokens.len() {
            out.push(Span::new(
                start.unwrap_or(tok.span.start),
                tokens[last].span.end,
            ));
            start = None;
        }
        i = last + 1;
    }
    out
}

/// Decides whether the terminal punctuation at token `i` (run ending at `last`) ends a sentence.
fn ends_sentence(text: &str, tokens: &[Token], i: usize, last: usize) -> bool {
    let tok = tokens[i];
    let Some(next) = tokens.get(last + 1) else {
        return true;
    };
    // "28.07.2024", "1.5": a period between digits with no space is inside a number.
    let gap = &text[tokens[last].span.end..next.span.start];
    if gap.is_empty() {
        // "said Wednesday.The convoy": text glued by a careless copy. A period between a
        // word ending in a lower-case letter and a capitalized word of three letters or
        // more ends a sentence; "28.07.2024", "lemonde.fr" and "Caliber.Az" do not.
        let prev = (i > 0).then(|| tokens[i - 1]);
        let prev_lower = prev.is_some_and(|p| {
            p.kind == TokenKind::Word
                && p.span.end == tok.span.start
                && p.text(text).chars().count() >= 2
                && p.text(text).chars().last().is_some_and(char::is_lowercase)
        });
        let next_word = next.kind == TokenKind::Word
            && next.text(text).chars().count() >= 3
            && next
                .text(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && next.text(text).chars().skip(1).any(char::is_lowercase);
        return tok.text(text) == "." && prev_lower && next_word;
    }
    if tok.text(text) == "." && i > 0 {
        let prev = tokens[i - 1];
        if prev.span.end == tok.span.start
            && prev.kind == TokenKind::Word
            && is_abbreviation(prev.text(text))
        {
            return false;
        }
    }
    // the next sentence starts with a capital, a digit, a quote or a dash
    let first = next.text(text).chars().next().unwrap_or(' ');
    first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(
            first,
            '«' | '"' | '“' | '(' | '-' | '–' | '—' | '[' | '\'' | '‘'
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    fn split(t: &str) -> Vec<&str> {
        sentences(t, &tokenize(t))
            .iter()
            .map(|s| s.slice(t))
            .collect()
    }

    #[test]
    fn abbreviations_and_dates_do_not_split() {
        let t = "Le Lt-col. Diarra et M. Traoré sont arrivés le 28.07.2024 à Gao. Ils repartent.";
        assert_eq!(
            split(t),
            [
                "Le Lt-col. Diarra et M. Traoré sont arrivés le 28.07.2024 à Gao.",
                "Ils repartent."
            ]
        );
    }

    #[test]
    fn french_quotes_close_the_sentence() {
        let t = "« Le convoi a fait demi-tour. » Ensuite\u{00A0}: rien.";
        assert_eq!(
            split(t),
            ["« Le convoi a fait demi-tour. »", "Ensuite\u{00A0}: rien."]
        );
    }

    #[test]
    fn glued_periods_split_only_between_words() {
        let t = "the army said Wednesday.The convoy left on 28.07.2024 from lemonde.fr and Caliber.Az today.";
        assert_eq!(
            split(t),
            [
                "the army said Wednesday.",
                "The convoy left on 28.07.2024 from lemonde.fr and Caliber.Az today."
            ]
        );
    }

    #[test]
    fn lines_are_sentences() {
        let t = "Titre du jour\n\n09/10/2024 – La rédaction\nTexte ici.";
        assert_eq!(
            split(t),
            ["Titre du jour", "09/10/2024 – La rédaction", "Texte ici."]
        );
    }

    /// Issue 12: abbreviations are data, and a user's list adds to them.
    #[test]
    fn issue12_user_abbreviations_do_not_end_sentences() {
        let text = "Le Zorgt. Diallo est arrivé. Il est reparti.";
        let count = |t: &str| sentences(t, &crate::tokenize(t)).len();
        assert_eq!(count(text), 3);
        add_abbreviations("# a user's list\nzorgt\n");
        assert_eq!(count(text), 2);
        assert_eq!(count("Le Lt-col. Diarra est arrivé. Il est reparti."), 2);
    }
}
