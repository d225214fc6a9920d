//! The text layer: everything later stages need to read a report.
//!
//! - [`tokenize`]: words, numbers and punctuation with byte spans into the original text.
//!   French elisions ("l’", "d’", "qu’") are their own tokens; hyphenated words
//!   ("Tin-Assako", "vingt-sept", "CSP-DPA") stay whole.
//! - [`sentences`]: sentence spans that survive French typography (« », ’, non-breaking
//!   spaces, "M.", "Lt-col.", "09/10/2024", "28.07.2024").
//! - [`fold`]: lower case without diacritics, apostrophes and dashes unified; the key
//!   every dictionary lookup uses.
//! - [`Folded`]: every token of a text folded once, for the stages that share tokens.
//! - [`detect_lang`]: French or English, from function words (an allow-list).
//!
//! Nothing here allocates per byte; all positions are byte offsets into the input.

pub mod data;
mod fold;
mod folded;
pub mod hash;
mod lang;
mod sentences;
mod tokens;

pub use fold::{fold, fold_char, fold_into, is_apostrophe, is_dash, is_space};
pub use folded::Folded;
pub use lang::{detect_lang, LangGuess};
pub use sentences::{add_abbreviations, sentences};
pub use tokens::{tokenize, Token, TokenKind};
