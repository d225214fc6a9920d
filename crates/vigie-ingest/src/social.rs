//! Exports of social platforms: Telegram Desktop's `result.json` and an X/Twitter archive's
//! `tweets.js`.

use crate::entities::Entities;
use crate::{dates, non_empty, Failure, Format, Item};
use serde_json::Value;
use vigie_model::Lang;

fn fail(source: &str, format: Format, error: String) -> Failure {
    Failure {
        source: source.to_string(),
        format: Some(format),
        error,
    }
}

fn parse_json(source: &str, format: Format, s: &str) -> Result<Value, Failure> {
    serde_json::from_str(s).map_err(|e| {
        fail(
            source,
            format,
            format!(
                "not valid JSON at line {}, column {}: {e}{}",
                e.line(),
                e.column(),
                if e.is_eof() {
                    " (the file looks truncated)"
                } else {
                    ""
                }
            ),
        )
    })
}

/// The text of a Telegram message: a string, or an array of strings and `{type, text}`
/// pieces, joined as they are (they are consecutive parts of one text).
fn telegram_text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(parts)) => parts
            .iter()
            .map(|p| match p {
                Value::String(s) => s.as_str(),
                Value::Object(o) => o.get("text").and_then(Value::as_str).unwrap_or(""),
                _ => "",
            })
            .collect(),
        _ => String::new(),
    }
}

/// Reads a Telegram Desktop export: one chat (`{"name", "type", "messages"}`) or a full
/// export (`{"chats": {"list": [chat...]}}`). Service messages and messages without text are
/// skipped; each item's source is `name#<message id>`.
pub(crate) fn read_telegram(source: &str, bytes: &[u8]) -> Vec<Result<Item, Failure>> {
    let f = Format::Telegram;
    let s = match crate::utf8(bytes) {
        Ok(s) => s,
        Err(e) => return vec![Err(fail(source, f, e.to_string()))],
    };
    let v = match parse_json(source, f, s) {
        Ok(v) => v,
        Err(e) => return vec![Err(e)],
    };
    let chats: Vec<&Value> = match v.pointer("/chats/list").and_then(Value::as_array) {
        Some(list) => list.iter().collect(),
        None => vec![&v],
    };
    let mut out = Vec::new();
    for chat in chats {
        let Some(messages) = chat.get("messages").and_then(Value::as_array) else {
            out.push(Err(fail(
                source,
                f,
                "no \"messages\" array: not a Telegram Desktop export (export the chat as \
                 JSON, \"Machine-readable JSON\")"
                    .into(),
            )));
            continue;
        };
        let name = chat.get("name").and_then(Value::as_str).and_then(non_empty);
        let username = chat
            .get("username")
            .and_then(Value::as_str)
            .map(|u| u.trim().trim_start_matches('@').to_string())
            .filter(|u| !u.is_empty());
        for (idx, m) in messages.iter().enumerate() {
            if m.get("type").and_then(Value::as_str).unwrap_or("message") != "message" {
                continue;
            }
            let mut text = telegram_text(m.get("text"));
            if text.trim().is_empty() {
                text = telegram_text(m.get("text_entities"));
            }
            if text.trim().is_empty() {
                continue;
            }
            let id = match m.get("id") {
                Some(Value::Number(n)) => n.to_string(),
                Some(Value::String(s)) => s.clone(),
                _ => format!("{}", idx + 1),
            };
            let published = m
                .get("date")
                .and_then(Value::as_str)
                .and_then(dates::parse_iso);
            out.push(Ok(Item {
                source: format!("{source}#{id}"),
                format: f,
                bytes: text.into_bytes(),
                title: None,
                url: username.as_ref().map(|u| format!("https://t.me/{u}/{id}")),
                outlet: name.clone(),
                published,
                lang: None,
            }));
        }
    }
    if out.is_empty() {
        out.push(Err(fail(
            source,
            f,
            "no message with text in this Telegram export".into(),
        )));
    }
    out
}

/// Reads an X/Twitter archive's `tweets.js` (`window.YTD.tweets.part0 = [...]`, also the
/// older `tweet.js`). Each tweet is an item: its `full_text` with `&amp;`-style escapes
/// decoded and t.co links replaced by their expanded URL; outlet "X".
pub(crate) fn read_tweets(
    source: &str,
    bytes: &[u8],
    ents: &Entities,
) -> Vec<Result<Item, Failure>> {
    let f = Format::Tweets;
    let s = match crate::utf8(bytes) {
        Ok(s) => s,
        Err(e) => return vec![Err(fail(source, f, e.to_string()))],
    };
    // Other files of the archive (account.js, like.js, direct-messages.js...) share the
    // `window.YTD.<name>.part<N> =` header: only tweet files are read.
    let head = s.trim_start();
    if let Some(rest) = head.strip_prefix("window.YTD.") {
        let kind = rest.split(['.', ' ', '=']).next().unwrap_or("");
        if !matches!(
            kind,
            "tweets" | "tweet" | "community_tweet" | "deleted_tweets"
        ) {
            return vec![Err(fail(
                source,
                f,
                format!(
                    "an X archive file of `{kind}`, not of tweets: only tweets.js (window.YTD.tweets) is read"
                ),
            ))];
        }
    }
    let body = match s.find('[') {
        Some(p) if s[..p].trim_start().starts_with("window.") || s[..p].trim().is_empty() => {
            &s[p..]
        }
        _ => {
            return vec![Err(fail(
                source,
                f,
                "expected `window.YTD.tweets.part0 = [...]` (the tweets.js file of an X archive)"
                    .into(),
            ))]
        }
    };
    let body = body.trim_end().trim_end_matches(';');
    let v = match parse_json(source, f, body) {
        Ok(v) => v,
        Err(e) => return vec![Err(e)],
    };
    let Some(list) = v.as_array() else {
        return vec![Err(fail(
            source,
            f,
            "expected a JSON array of tweets".into(),
        ))];
    };
    let mut out = Vec::new();
    for (i, entry) in list.iter().enumerate() {
        let t = entry.get("tweet").unwrap_or(entry);
        let id = t
            .get("id_str")
            .and_then(Value::as_str)
            .map(str::to_string)
            .or_else(|| {
                t.get("id")
                    .map(|v| v.to_string().trim_matches('"').to_string())
            });
        let src = format!(
            "{source}#{}",
            id.clone().unwrap_or_else(|| format!("{}", i + 1))
        );
        let raw = t
            .get("full_text")
            .or_else(|| t.get("text"))
            .and_then(Value::as_str)
            .unwrap_or("");
        if raw.trim().is_empty() {
            out.push(Err(fail(&src, f, "tweet without `full_text`".into())));
            continue;
        }
        let mut text = ents.decode(raw).into_owned();
        if let Some(urls) = t.pointer("/entities/urls").and_then(Value::as_array) {
            for u in urls {
                if let (Some(short), Some(long)) = (
                    u.get("url").and_then(Value::as_str),
                    u.get("expanded_url").and_then(Value::as_str),
                ) {
                    if !short.is_empty() {
                        text = text.replace(short, long);
                    }
                }
            }
        }
        let lang = t
            .get("lang")
            .and_then(Value::as_str)
            .and_then(Lang::from_code);
        let published = t
            .get("created_at")
            .and_then(Value::as_str)
            .and_then(dates::parse_twitter);
        out.push(Ok(Item {
            source: src,
            format: f,
            bytes: text.into_bytes(),
            title: None,
            url: id.map(|id| format!("https://x.com/i/status/{id}")),
            outlet: Some("X".into()),
            published,
            lang,
        }));
    }
    if out.is_empty() {
        out.push(Err(fail(
            source,
            f,
            "no tweets in this archive file".into(),
        )));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn telegram_messages() {
        let json = r#"{"name":"Canal Exemple","type":"public_channel","id":1,"messages":[
 {"id":10,"type":"service","date":"2024-10-08T10:00:00","action":"create_channel","text":""},
 {"id":11,"type":"message","date":"2024-10-08T14:02:11","text":"Message simple."},
 {"id":12,"type":"message","date":"2024-10-09T08:00:00","text":["Voir ",{"type":"link","text":"https://exemple.test"}," et ",{"type":"bold","text":"gras"},"."]},
 {"id":13,"type":"message","date":"2024-10-09T09:00:00","text":"","photo":"photos/1.jpg"}]}"#;
        let r = read_telegram("result.json", json.as_bytes());
        assert_eq!(r.len(), 2);
        let a = r[0].as_ref().unwrap();
        assert_eq!(a.source, "result.json#11");
        assert_eq!(a.outlet.as_deref(), Some("Canal Exemple"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2024, 10, 8));
        assert_eq!(a.url, None);
        assert_eq!(
            r[1].as_ref().unwrap().bytes,
            "Voir https://exemple.test et gras.".as_bytes()
        );
        let with_user = json.replacen("\"id\":1,", "\"id\":1,\"username\":\"canal_ex\",", 1);
        let r = read_telegram("result.json", with_user.as_bytes());
        assert_eq!(
            r[0].as_ref().unwrap().url.as_deref(),
            Some("https://t.me/canal_ex/11")
        );
    }

    #[test]
    fn tweets() {
        let js = r#"window.YTD.tweets.part0 = [ {"tweet": {"id_str":"1844000000000000001","full_text":"Route coupée &amp; pont fermé https://t.co/abc","created_at":"Wed Oct 09 10:12:00 +0000 2024","lang":"fr","entities":{"urls":[{"url":"https://t.co/abc","expanded_url":"https://exemple.test/route"}]}}},
  {"tweet": {"id_str":"2","full_text":"","lang":"en"}} ]"#;
        let r = read_tweets("tweets.js", js.as_bytes(), Entities::embedded());
        let a = r[0].as_ref().unwrap();
        assert_eq!(
            a.bytes,
            "Route coupée & pont fermé https://exemple.test/route".as_bytes()
        );
        assert_eq!(
            a.url.as_deref(),
            Some("https://x.com/i/status/1844000000000000001")
        );
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2024, 10, 9));
        assert_eq!(a.lang, Some(Lang::Fr));
        assert_eq!(a.outlet.as_deref(), Some("X"));
        assert!(r[1].is_err());
        let other = read_tweets(
            "like.js",
            b"window.YTD.like.part0 = [{\"like\":{\"fullText\":\"x\"}}]",
            Entities::embedded(),
        );
        assert!(other[0].as_ref().unwrap_err().error.contains("`like`"));
        assert!(read_tweets("t.js", b"var x = 1", Entities::embedded())
            .pop()
            .unwrap()
            .is_err());
    }
}
