//! Byte spans into a document's text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a document's text. Both ends always fall on
/// UTF-8 character boundaries of the text the span was made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (callers guarantee `start <= end`).
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for an empty span.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The slice of `text` this span covers.
    ///
    /// # Panics
    /// If the span does not fall on character boundaries of `text`.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The serialisable form with the covered text, as the extraction contract writes it.
    pub fn with_text(&self, text: &str) -> SpanText {
        SpanText {
            start: self.start,
            end: self.end,
            text: self.slice(text).to_string(),
        }
    }
}

/// A span as the extraction contract writes it: offsets plus the covered text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanText {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// `text[start..end]`.
    pub text: String,
}

impl SpanText {
    /// The bare span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_and_cover() {
        let a = Span::new(0, 5);
        let b = Span::new(4, 9);
        let c = Span::new(5, 6);
        assert!(a.overlaps(b));
        assert!(!a.overlaps(c));
        assert_eq!(a.cover(c), Span::new(0, 6));
        assert!(Span::new(0, 9).contains(c));
    }

    #[test]
    fn slice_multibyte() {
        let t = "à Kidal";
        let s = Span::new(3, 8);
        assert_eq!(s.slice(t), "Kidal");
        assert_eq!(s.with_text(t).text, "Kidal");
    }
}
