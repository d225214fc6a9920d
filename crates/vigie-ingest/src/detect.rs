//! Format detection: content first, the file name as a hint.

use crate::{charset, Format};
use std::borrow::Cow;

const SNIFF: usize = 8192;

/// Detects the format from content first (sniffing the first KBs: `<rss`, `<feed` with the
/// Atom namespace, `<html`/`<!doctype html`/many tags, `window.YTD.tweets.part0 =`, a JSON
/// object with "messages" and "name"/"type" like Telegram Desktop's result.json, JSON Lines =
/// first non-empty line is a JSON object), then the file name/extension as a hint (.md,
/// .markdown, .html, .htm, .xml, .rss, .atom, .jsonl, .ndjson, result.json, tweets.js, .txt).
/// Anything else is [`Format::Text`].
pub fn detect(name: Option<&str>, bytes: &[u8]) -> Format {
    let head: Cow<'_, str> = match charset::decode_utf16_bom(&bytes[..bytes.len().min(SNIFF * 2)]) {
        Some(s) => Cow::Owned(s),
        None => {
            let h = &bytes[..bytes.len().min(SNIFF)];
            let h = h.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(h);
            String::from_utf8_lossy(h)
        }
    };
    let hint = name.and_then(hint_of);
    let t = head.trim_start();
    let lower = t.to_ascii_lowercase();

    // Strong content signals.
    if lower.starts_with("window.ytd.") {
        return Format::Tweets;
    }
    if lower.starts_with('<') {
        let xmlish = lower.starts_with("<?xml") || !lower.starts_with("<!doctype html");
        if xmlish {
            if let Some(f) = feed_root(&lower) {
                return f;
            }
        }
        if lower.starts_with("<!doctype html") || lower.contains("<html") {
            return Format::Html;
        }
    }
    if lower.starts_with('{') {
        if let Some(f) = json_kind(bytes, &lower) {
            return f;
        }
    }
    if let Some(h) = hint {
        return h;
    }
    // Weak content signals.
    if lower.starts_with("---\n") || lower.starts_with("---\r\n") {
        let end = lower[3..].find("\n---").map(|e| e + 3);
        if end.is_some_and(|e| lower[..e].contains("\ntitle:")) {
            return Format::Markdown;
        }
    }
    if looks_like_html(&lower) {
        return Format::Html;
    }
    Format::Text
}

/// The format a file name suggests.
fn hint_of(name: &str) -> Option<Format> {
    let base = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .to_ascii_lowercase();
    if base == "result.json" {
        return Some(Format::Telegram);
    }
    if (base.starts_with("tweets") || base.starts_with("tweet")) && base.ends_with(".js") {
        return Some(Format::Tweets);
    }
    let ext = base.rsplit_once('.').map(|(_, e)| e)?;
    Some(match ext {
        "md" | "markdown" | "mdown" | "mkd" => Format::Markdown,
        "html" | "htm" | "xhtml" | "shtml" => Format::Html,
        "rss" | "xml" | "rdf" => Format::Rss,
        "atom" => Format::Atom,
        "jsonl" | "ndjson" => Format::JsonLines,
        "txt" | "text" => Format::Text,
        _ => return None,
    })
}

/// The root element of a feed, after the XML declaration, comments and processing
/// instructions.
fn feed_root(lower: &str) -> Option<Format> {
    let mut s = lower;
    loop {
        s = s.trim_start();
        if let Some(r) = s.strip_prefix("<?") {
            s = &r[r.find("?>")? + 2..];
        } else if let Some(r) = s.strip_prefix("<!--") {
            s = &r[r.find("-->")? + 3..];
        } else if let Some(r) = s.strip_prefix("<!") {
            s = &r[r.find('>')? + 1..];
        } else {
            break;
        }
    }
    if s.starts_with("<rss") || s.starts_with("<rdf:rdf") {
        return Some(Format::Rss);
    }
    if s.starts_with("<feed") || s.starts_with("<atom:feed") {
        let tag_end = s.find('>').unwrap_or(s.len());
        if s[..tag_end].contains("http://www.w3.org/2005/atom") || s.starts_with("<feed") {
            return Some(Format::Atom);
        }
    }
    None
}

/// JSON content starting with `{`: Telegram export or JSON Lines.
fn json_kind(bytes: &[u8], lower: &str) -> Option<Format> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // The first non-empty lines: complete JSON objects make JSON Lines (or a one-line
    // Telegram export).
    let mut lines = bytes
        .split(|b| *b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .take(3);
    if let Some(first) = lines.next() {
        if let Ok(serde_json::Value::Object(o)) = serde_json::from_slice::<serde_json::Value>(first)
        {
            if o.get("messages").is_some_and(|m| m.is_array()) {
                return Some(Format::Telegram);
            }
            return Some(Format::JsonLines);
        }
        let later_ok = lines.any(|l| {
            matches!(
                serde_json::from_slice::<serde_json::Value>(l),
                Ok(serde_json::Value::Object(_))
            )
        });
        if later_ok {
            return Some(Format::JsonLines);
        }
    }
    // A pretty-printed object: Telegram when it has messages and a name or type.
    if lower.contains("\"messages\"") && (lower.contains("\"name\"") || lower.contains("\"type\""))
    {
        return Some(Format::Telegram);
    }
    None
}

/// Many HTML tags in the first KBs.
fn looks_like_html(lower: &str) -> bool {
    const TAGS: &[&str] = &[
        "<p>", "<p ", "<div", "<br", "<span", "<a href", "<h1", "<h2", "<li>", "<body", "<head",
        "<meta ", "<table", "<article", "<section",
    ];
    if lower.contains("<body") || lower.contains("<head>") {
        return true;
    }
    let count: usize = TAGS.iter().map(|t| lower.matches(t).count()).sum();
    count >= 5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_wins() {
        assert_eq!(
            detect(Some("x.txt"), b"<?xml version='1.0'?>\n<rss version='2.0'>"),
            Format::Rss
        );
        assert_eq!(
            detect(
                None,
                b"<?xml version='1.0'?><!-- c --><feed xmlns='http://www.w3.org/2005/Atom'>"
            ),
            Format::Atom
        );
        assert_eq!(
            detect(None, b"\xEF\xBB\xBF<!DOCTYPE html><html>"),
            Format::Html
        );
        assert_eq!(
            detect(None, b"window.YTD.tweets.part0 = []"),
            Format::Tweets
        );
        assert_eq!(
            detect(None, b"{\"text\":\"a\"}\n{\"text\":\"b\"}"),
            Format::JsonLines
        );
        assert_eq!(
            detect(
                None,
                b"{\n \"name\": \"c\",\n \"type\": \"public_channel\",\n \"messages\": []\n}"
            ),
            Format::Telegram
        );
        assert_eq!(
            detect(None, b"{\"name\":\"c\",\"messages\":[]}"),
            Format::Telegram
        );
        assert_eq!(
            detect(
                None,
                b"<div><p>a</p><p>b</p><p>c</p><br><span>d</span></div>"
            ),
            Format::Html
        );
        assert_eq!(detect(None, b"---\ntitle: x\n---\nbody"), Format::Markdown);
    }

    #[test]
    fn name_hints() {
        assert_eq!(detect(Some("dir/notes.md"), b"# Titre"), Format::Markdown);
        assert_eq!(detect(Some("a.HTM"), b"juste du texte"), Format::Html);
        assert_eq!(
            detect(Some("export/result.json"), b"{ broken"),
            Format::Telegram
        );
        assert_eq!(detect(Some("data/tweets.js"), b"junk"), Format::Tweets);
        assert_eq!(detect(Some("x.jsonl"), b"{broken\n"), Format::JsonLines);
        assert_eq!(
            detect(Some("rapport"), b"Un rapport < 3 pages."),
            Format::Text
        );
        assert_eq!(detect(None, b"\x00\x01binary"), Format::Text);
    }
}
