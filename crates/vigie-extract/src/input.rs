//! Turning raw bytes into a [`Document`]: validation, language, publication date.

use chrono::NaiveDate;
use vigie_model::{content_id, Document, Lang};

/// The largest document Vigie reads in one piece (256 MiB). Larger inputs are refused
/// with a clear error rather than exhausting memory.
pub const MAX_DOCUMENT_BYTES: usize = 256 * 1024 * 1024;

/// What a caller knows about a document before reading it.
#[derive(Debug, Clone, Default)]
pub struct RawInput {
    /// The bytes as read.
    pub bytes: Vec<u8>,
    /// Where they came from, for messages ("report.txt", "-").
    pub origin: String,
    /// Language given by the user (`--lang`); detected when None.
    pub lang: Option<Lang>,
    /// Publication date given by the user (`--published`); read from the header when None.
    pub published: Option<NaiveDate>,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// URL.
    pub url: Option<String>,
}

/// Why a document cannot be read. Each says what is wrong in words a user can act on.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum InputError {
    /// Nothing but whitespace.
    #[error("{origin}: the document is empty")]
    Empty {
        /// Where the document came from.
        origin: String,
    },
    /// Looks like a binary file (NUL bytes or mostly undecodable).
    #[error("{origin}: this looks like a binary file, not text ({reason})")]
    Binary {
        /// Where the document came from.
        origin: String,
        /// What gave it away.
        reason: String,
    },
    /// Too large to read in one piece.
    #[error(
        "{origin}: {size} bytes is more than the {max} bytes Vigie reads as one document; split it"
    )]
    TooLarge {
        /// Where the document came from.
        origin: String,
        /// Its size.
        size: usize,
        /// The limit.
        max: usize,
    },
}

/// A prepared document and what was noticed on the way.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The document.
    pub document: Document,
    /// Notes for the user (invalid UTF-8 replaced, language guessed with low confidence…).
    pub diagnostics: Vec<String>,
}

/// Validates and decodes `raw`, detects the language when not given, and reads the
/// publication date from the header when not given.
///
/// Invalid UTF-8 in an otherwise textual file is replaced by U+FFFD and reported (the
/// spans then point into the text as Vigie holds it); binary files are refused.
pub fn prepare(
    raw: RawInput,
    header_date: impl Fn(&str, &[vigie_text::Token], Lang) -> Option<NaiveDate>,
) -> Result<Prepared, InputError> {
    let RawInput {
        bytes,
        origin,
        lang,
        published,
        title,
        outlet,
        url,
    } = raw;
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(InputError::TooLarge {
            origin,
            size: bytes.len(),
            max: MAX_DOCUMENT_BYTES,
        });
    }
    let mut diagnostics = Vec::new();
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if let Some(pos) = sample.iter().position(|b| *b == 0) {
        return Err(InputError::Binary {
            origin,
            reason: format!("a NUL byte at offset {pos}"),
        });
    }
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let first_bad = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let s = String::from_utf8_lossy(&bytes).into_owned();
            let bad = s.chars().filter(|c| *c == '\u{FFFD}').count();
            let chars = s.chars().count().max(1);
            if bad * 20 > chars {
                return Err(InputError::Binary {
                    origin,
                    reason: format!("{bad} of {chars} characters are not valid UTF-8"),
                });
            }
            diagnostics.push(format!(
                "{origin}: invalid UTF-8 (first at byte {first_bad}); {bad} sequence(s) replaced by U+FFFD"
            ));
            s
        }
    };
    let controls = text
        .chars()
        .take(64 * 1024)
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}'))
        .count();
    if controls * 10 > text.chars().take(64 * 1024).count().max(1) {
        return Err(InputError::Binary {
            origin,
            reason: format!("{controls} control characters"),
        });
    }
    if text.trim().is_empty() {
        return Err(InputError::Empty { origin });
    }
    let tokens = vigie_text::tokenize(&text[..header_slice_end(&text)]);
    let lang = match lang {
        Some(l) => l,
        None => {
            let all = vigie_text::tokenize(&text[..text.len().min(floor_boundary(&text, 20_000))]);
            let g = vigie_text::detect_lang(&text, &all);
            if g.evidence < 3 || g.confidence < 0.6 {
                diagnostics.push(format!(
                    "{origin}: language uncertain, read as {} ({} function words, {:.0}% agree); pass --lang",
                    g.lang,
                    g.evidence,
                    g.confidence * 100.0
                ));
            }
            g.lang
        }
    };
    let published = published.or_else(|| header_date(&text, &tokens, lang));
    Ok(Prepared {
        document: Document {
            id: content_id(&text),
            text,
            lang,
            published,
            title,
            outlet,
            url,
        },
        diagnostics,
    })
}

/// The end of the header region (the first 400 bytes, on a char boundary).
fn header_slice_end(text: &str) -> usize {
    floor_boundary(text, 400)
}

/// The largest char boundary of `text` not after `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut i = at.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(bytes: &[u8]) -> RawInput {
        RawInput {
            bytes: bytes.to_vec(),
            origin: "t".into(),
            ..Default::default()
        }
    }

    fn no_header(_: &str, _: &[vigie_text::Token], _: Lang) -> Option<NaiveDate> {
        None
    }

    #[test]
    fn empty_and_blank_are_refused() {
        assert!(matches!(
            prepare(raw(b""), no_header),
            Err(InputError::Empty { .. })
        ));
        assert!(matches!(
            prepare(raw(b" \n\t\n"), no_header),
            Err(InputError::Empty { .. })
        ));
    }

    #[test]
    fn binary_is_refused() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert!(matches!(
            prepare(raw(png), no_header),
            Err(InputError::Binary { .. })
        ));
        let junk: Vec<u8> = (0..4000u32).map(|i| (i * 131 % 251) as u8 | 0x80).collect();
        assert!(matches!(
            prepare(raw(&junk), no_header),
            Err(InputError::Binary { .. })
        ));
    }

    #[test]
    fn a_few_bad_bytes_are_replaced_and_reported() {
        let mut b = "Le convoi est arrivé à Gao mardi, selon des sources locales."
            .as_bytes()
            .to_vec();
        b.insert(10, 0xff);
        let p = prepare(raw(&b), no_header).unwrap();
        assert!(p.document.text.contains('\u{FFFD}'));
        assert_eq!(p.document.lang, Lang::Fr);
        assert!(
            p.diagnostics[0].contains("invalid UTF-8"),
            "{:?}",
            p.diagnostics
        );
    }
}
