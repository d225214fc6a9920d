//! JSON Lines: one JSON object per line with a `text` field and optional `title`, `url`,
//! `outlet`, `published` ("YYYY-MM-DD" or an RFC 3339 datetime) and `lang` ("fr", "en").
//! Other fields are ignored. Each item's source is `name#LINE` (1-based line number).

use crate::{dates, non_empty, Failure, Format, Item};
use serde_json::Value;
use vigie_model::Lang;

pub(crate) fn read(source: &str, bytes: &[u8]) -> Vec<Result<Item, Failure>> {
    let mut out = read_from(source, bytes, 1);
    if out.is_empty() {
        out.push(Err(Failure {
            source: source.to_string(),
            format: Some(Format::JsonLines),
            error: "no JSON line in this file".into(),
        }));
    }
    out
}

/// Reads lines that start at line `first_line` of the source (a slice of a large file
/// read piece by piece); blank lines give nothing.
pub(crate) fn read_from(
    source: &str,
    bytes: &[u8],
    first_line: usize,
) -> Vec<Result<Item, Failure>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut out = Vec::new();
    for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
        let n = i + first_line;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let src = format!("{source}#{n}");
        out.push(
            read_line(line)
                .map(|mut item| {
                    item.source = src.clone();
                    item
                })
                .map_err(|e| Failure {
                    source: src,
                    format: Some(Format::JsonLines),
                    error: format!("line {n}: {e}"),
                }),
        );
    }
    out
}

fn string_field(o: &serde_json::Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(non_empty(s)),
        Some(other) => Err(format!(
            "`{key}` must be a string, found {}",
            kind_of(other)
        )),
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn read_line(line: &[u8]) -> Result<Item, String> {
    let s = std::str::from_utf8(line)
        .map_err(|e| format!("not valid UTF-8 (at byte {} of the line)", e.valid_up_to()))?;
    let v: Value = serde_json::from_str(s).map_err(|e| format!("not valid JSON ({e})"))?;
    let Value::Object(o) = v else {
        return Err(format!("expected a JSON object, found {}", kind_of(&v)));
    };
    let text = match o.get("text") {
        Some(Value::String(t)) if !t.trim().is_empty() => t.clone(),
        Some(Value::String(_)) => return Err("`text` is empty".into()),
        Some(other) => return Err(format!("`text` must be a string, found {}", kind_of(other))),
        None => return Err("no `text` field (each line needs the document's text)".into()),
    };
    let published =
        match string_field(&o, "published")? {
            None => None,
            Some(p) => Some(dates::parse_iso(&p).ok_or_else(|| {
                format!("`published` is not a date (YYYY-MM-DD or RFC 3339): {p:?}")
            })?),
        };
    let lang = match string_field(&o, "lang")? {
        None => None,
        Some(l) => Some(Lang::from_code(&l).ok_or_else(|| {
            format!("`lang` must be \"fr\" or \"en\" (or absent to detect it), found {l:?}")
        })?),
    };
    Ok(Item {
        source: String::new(),
        format: Format::JsonLines,
        bytes: text.into_bytes(),
        title: string_field(&o, "title")?,
        url: string_field(&o, "url")?,
        outlet: string_field(&o, "outlet")?,
        published,
        lang,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_errors() {
        let data = "{\"text\":\"Un texte.\",\"lang\":\"fr\",\"published\":\"2024-10-08\",\"extra\":1}\n\n{broken\n{\"title\":\"x\"}\r\n[1]\n{\"text\":\"B\",\"published\":\"2024-10-08T10:00:00+02:00\",\"lang\":null}\n{\"text\":\"C\",\"lang\":\"es\"}";
        let r = read("d.jsonl", data.as_bytes());
        assert_eq!(r.len(), 6);
        let a = r[0].as_ref().unwrap();
        assert_eq!(a.source, "d.jsonl#1");
        assert_eq!(a.lang, Some(Lang::Fr));
        assert!(r[1]
            .as_ref()
            .unwrap_err()
            .error
            .starts_with("line 3: not valid JSON"));
        assert!(r[2].as_ref().unwrap_err().error.contains("no `text`"));
        assert!(r[3]
            .as_ref()
            .unwrap_err()
            .error
            .contains("expected a JSON object"));
        assert_eq!(r[4].as_ref().unwrap().source, "d.jsonl#6");
        assert!(r[5].as_ref().unwrap_err().error.contains("`lang`"));
    }
}
