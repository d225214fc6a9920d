//! HTML character references: numeric (`&#233;`, `&#xE9;`) and named ones from
//! `data/entities.tsv` (the common names; a user folder may extend the table).

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

const EMBEDDED: &str = include_str!("../data/entities.tsv");

/// A table of named character references.
#[derive(Debug, Clone, Default)]
pub struct Entities {
    map: HashMap<String, String>,
}

impl Entities {
    /// The embedded table, extended by `dir/entities.tsv` when `dir` is given and holds one.
    pub fn load(dir: Option<&Path>) -> std::io::Result<Entities> {
        let mut e = Entities::default();
        e.extend_from(EMBEDDED);
        if let Some(dir) = dir {
            let p = dir.join("entities.tsv");
            if p.exists() {
                e.extend_from(&std::fs::read_to_string(p)?);
            }
        }
        Ok(e)
    }

    /// The embedded table, loaded once.
    pub fn embedded() -> &'static Entities {
        static E: OnceLock<Entities> = OnceLock::new();
        E.get_or_init(|| {
            let mut e = Entities::default();
            e.extend_from(EMBEDDED);
            e
        })
    }

    /// Adds the lines of a table (`name TAB hex code point(s)`, `#` comments); bad lines are
    /// skipped.
    pub fn extend_from(&mut self, text: &str) {
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split('\t');
            let (Some(name), Some(cps)) = (parts.next(), parts.next()) else {
                continue;
            };
            let value: Option<String> = cps
                .split_whitespace()
                .map(|h| u32::from_str_radix(h, 16).ok().and_then(char::from_u32))
                .collect();
            if let Some(v) = value.filter(|v| !v.is_empty()) {
                self.map.insert(name.trim().to_string(), v);
            }
        }
    }

    /// The text of a named reference (without `&` and `;`).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.map.get(name).map(String::as_str)
    }

    /// Number of names known.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when no name is known.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Decodes every reference in `s`. Unknown names and malformed references are kept as
    /// written; a numeric reference to an invalid code point becomes U+FFFD; the names of
    /// the table are also recognized without their `;` when followed by a non-alphanumeric.
    pub fn decode<'a>(&self, s: &'a str) -> Cow<'a, str> {
        let Some(first) = s.find('&') else {
            return Cow::Borrowed(s);
        };
        let mut out = String::with_capacity(s.len());
        out.push_str(&s[..first]);
        let mut rest = &s[first..];
        while let Some(p) = rest.find('&') {
            out.push_str(&rest[..p]);
            rest = &rest[p..];
            let (consumed, text) = self.reference(rest);
            match text {
                Some(t) => {
                    out.push_str(&t);
                    rest = &rest[consumed..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
        out.push_str(rest);
        Cow::Owned(out)
    }

    /// Reads one reference at the start of `s` (which starts with `&`): bytes consumed and
    /// its text.
    fn reference(&self, s: &str) -> (usize, Option<String>) {
        let b = s.as_bytes();
        if b.get(1) == Some(&b'#') {
            let (hex, start) = match b.get(2) {
                Some(b'x') | Some(b'X') => (true, 3),
                _ => (false, 2),
            };
            let digits = b[start..]
                .iter()
                .take(8)
                .take_while(|c| {
                    if hex {
                        c.is_ascii_hexdigit()
                    } else {
                        c.is_ascii_digit()
                    }
                })
                .count();
            if digits == 0 {
                return (0, None);
            }
            let n = u32::from_str_radix(&s[start..start + digits], if hex { 16 } else { 10 })
                .unwrap_or(0xFFFD);
            let mut end = start + digits;
            if b.get(end) == Some(&b';') {
                end += 1;
            }
            let c = match n {
                // Browsers read C1 controls in references as windows-1252.
                0x80..=0x9F => crate::charset::decode_windows_1252(&[n as u8])
                    .chars()
                    .next()
                    .unwrap_or('\u{FFFD}'),
                0 => '\u{FFFD}',
                _ => char::from_u32(n).unwrap_or('\u{FFFD}'),
            };
            return (end, Some(c.to_string()));
        }
        let name_len = b[1..]
            .iter()
            .take(32)
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            return (0, None);
        }
        let name = &s[1..1 + name_len];
        match self.get(name) {
            Some(v) => {
                let end = if b.get(1 + name_len) == Some(&b';') {
                    2 + name_len
                } else {
                    1 + name_len
                };
                (end, Some(v.to_string()))
            }
            None => (0, None),
        }
    }
}

/// Decodes references with the embedded table.
pub fn decode(s: &str) -> Cow<'_, str> {
    Entities::embedded().decode(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_and_numeric() {
        assert_eq!(
            decode("caf&eacute; &amp; th&#233; &#x2014; &laquo;ok&raquo;"),
            "café & thé — «ok»"
        );
        assert_eq!(
            decode("a &unknown; b & c &#; &#xZZ"),
            "a &unknown; b & c &#; &#xZZ"
        );
        assert_eq!(decode("&#150;&#0;&#99999999;"), "–\u{FFFD}\u{FFFD}");
        assert_eq!(decode("AT&amp"), "AT&");
        assert!(Entities::embedded().len() > 100);
    }

    #[test]
    fn user_table_extends() {
        let mut e = Entities::load(None).unwrap();
        e.extend_from("# mine\nsmile\t263A\n");
        assert_eq!(e.decode("&smile;&amp;"), "☺&");
    }
}
