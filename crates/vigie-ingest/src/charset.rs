//! Character sets, decoded by hand: UTF-8, UTF-16 (with a BOM), windows-1252 and
//! ISO-8859-1 (which the web reads as windows-1252).

/// What a document declares or shows about its encoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Charset {
    /// UTF-8 (or plain ASCII).
    Utf8,
    /// windows-1252, also used for ISO-8859-1 and US-ASCII labels as browsers do.
    Windows1252,
    /// A label this crate does not decode.
    Other(String),
}

impl Charset {
    /// Maps a charset label (`"utf-8"`, `"ISO-8859-1"`, `"cp1252"`...) to a charset.
    pub fn from_label(label: &str) -> Charset {
        let l = label
            .trim()
            .trim_matches(|c| c == '"' || c == '\'')
            .to_ascii_lowercase();
        match l.as_str() {
            "utf-8" | "utf8" | "unicode-1-1-utf-8" => Charset::Utf8,
            "windows-1252" | "cp1252" | "x-cp1252" | "iso-8859-1" | "iso8859-1" | "iso_8859-1"
            | "latin1" | "latin-1" | "l1" | "us-ascii" | "ascii" | "iso-8859-15" | "iso8859-15"
            | "latin9" | "cp819" | "ibm819" => Charset::Windows1252,
            _ => Charset::Other(l),
        }
    }
}

/// The code points of windows-1252 bytes 0x80..=0x9F (the undefined ones map to the C1
/// control of the same value, as browsers do).
const W1252_HIGH: [u16; 32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
];

/// Decodes windows-1252 bytes (a superset of ISO-8859-1's printable characters).
pub fn decode_windows_1252(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 8);
    for &b in bytes {
        let c = match b {
            0x80..=0x9F => {
                char::from_u32(W1252_HIGH[(b - 0x80) as usize] as u32).unwrap_or('\u{FFFD}')
            }
            _ => b as char,
        };
        out.push(c);
    }
    out
}

/// Decodes UTF-16 text that starts with a byte-order mark; None when there is no UTF-16 BOM.
/// Unpaired surrogates become U+FFFD.
pub fn decode_utf16_bom(bytes: &[u8]) -> Option<String> {
    let (le, body) = if let Some(b) = bytes.strip_prefix(b"\xFF\xFE") {
        (true, b)
    } else if let Some(b) = bytes.strip_prefix(b"\xFE\xFF") {
        (false, b)
    } else {
        return None;
    };
    let units = body.chunks_exact(2).map(|c| {
        if le {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|r| r.unwrap_or('\u{FFFD}'))
            .collect(),
    )
}

/// Finds the charset an HTML or XML document declares in its first 4 KB: `<meta charset=…>`,
/// `<meta http-equiv="Content-Type" content="…; charset=…">` or `<?xml … encoding="…"?>`.
pub fn declared(bytes: &[u8]) -> Option<Charset> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    // XML declaration.
    if lower.starts_with(b"<?xml") {
        let end = find(&lower, b"?>").unwrap_or(lower.len());
        if let Some(p) = find(&lower[..end], b"encoding") {
            if let Some(v) = attr_value_after(&head[p + 8..end]) {
                return Some(Charset::from_label(&v));
            }
        }
    }
    // `charset=` anywhere inside a <meta> tag.
    let mut from = 0;
    while let Some(p) = find(&lower[from..], b"<meta") {
        let start = from + p;
        let end = lower[start..]
            .iter()
            .position(|b| *b == b'>')
            .map_or(lower.len(), |e| start + e);
        if let Some(c) = find(&lower[start..end], b"charset") {
            let after = start + c + 7;
            if let Some(v) = attr_value_after(&head[after..end]) {
                return Some(Charset::from_label(&v));
            }
        }
        from = end.max(start + 5);
    }
    None
}

/// Reads `= value` / `="value"` after an attribute name.
fn attr_value_after(s: &[u8]) -> Option<String> {
    let s = std::str::from_utf8(s).ok().or_else(|| {
        // Non-ASCII junk around: keep the ASCII prefix only.
        let n = s.iter().position(|b| !b.is_ascii()).unwrap_or(s.len());
        std::str::from_utf8(&s[..n]).ok()
    })?;
    let s = s.trim_start().strip_prefix('=')?.trim_start();
    let s = s.trim_start_matches(['"', '\'']);
    let v: String = s
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
        .collect();
    (!v.is_empty()).then_some(v)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Decodes an HTML or XML document to a string: a UTF-8 or UTF-16 BOM wins, then the declared
/// charset, then the bytes themselves (valid UTF-8, or else windows-1252). Declared UTF-8
/// that is not valid is decoded with replacement characters.
pub fn decode_markup(bytes: &[u8]) -> Result<String, crate::IngestError> {
    if let Some(s) = decode_utf16_bom(bytes) {
        return Ok(s);
    }
    if let Some(b) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Ok(String::from_utf8_lossy(b).into_owned());
    }
    match declared(bytes) {
        Some(Charset::Windows1252) => Ok(decode_windows_1252(bytes)),
        Some(Charset::Utf8) => Ok(String::from_utf8_lossy(bytes).into_owned()),
        Some(Charset::Other(label)) => match std::str::from_utf8(bytes) {
            Ok(s) => Ok(s.to_string()),
            Err(_) => Err(crate::IngestError::Charset(label)),
        },
        None => match std::str::from_utf8(bytes) {
            Ok(s) => Ok(s.to_string()),
            Err(_) => Ok(decode_windows_1252(bytes)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_bytes() {
        assert_eq!(
            decode_windows_1252(b"caf\xE9 \x80 \x93ok\x94"),
            "café € “ok”"
        );
    }

    #[test]
    fn labels_and_declarations() {
        assert_eq!(Charset::from_label("ISO-8859-1"), Charset::Windows1252);
        assert_eq!(
            declared(b"<html><head><meta charset=\"windows-1252\">"),
            Some(Charset::Windows1252)
        );
        assert_eq!(
            declared(b"<meta http-equiv=Content-Type content='text/html; charset=utf-8'>"),
            Some(Charset::Utf8)
        );
        assert_eq!(
            declared(b"<?xml version='1.0' encoding='ISO-8859-1'?><rss>"),
            Some(Charset::Windows1252)
        );
        assert_eq!(declared(b"<p>no declaration</p>"), None);
    }

    #[test]
    fn decoding_guesses() {
        assert_eq!(decode_markup(b"<p>d\xE9j\xE0</p>").unwrap(), "<p>déjà</p>");
        assert_eq!(
            decode_markup("<p>déjà</p>".as_bytes()).unwrap(),
            "<p>déjà</p>"
        );
        assert_eq!(
            decode_markup(b"\xFF\xFE<\x00p\x00>\x00").unwrap(),
            "<p>".to_string()
        );
        assert!(decode_markup(b"<meta charset=koi8-r>\xC1").is_err());
    }
}
