//! RSS 2.0 (and RSS 1.0/RDF) and Atom feeds, read with quick-xml: one item per `<item>` or
//! `<entry>`. HTML inside descriptions and contents is turned into text by [`crate::html`].
//!
//! On invalid XML, the items completed before the error are returned, followed by one Failure
//! for the file with quick-xml's message, the line and the byte position.

use crate::{charset, dates, entities::Entities, html, Failure, Format, IngestError, Item};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::borrow::Cow;
use vigie_model::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Link,
    Guid,
    PubDate,
    DcDate,
    Published,
    Updated,
    Description,
    Content,
    Summary,
}

#[derive(Default)]
struct Partial {
    title: Option<(String, bool)>,
    link: Option<String>,
    guid: Option<String>,
    pub_date: Option<String>,
    dc_date: Option<String>,
    published: Option<String>,
    updated: Option<String>,
    /// (text, is HTML)
    description: Option<(String, bool)>,
    content: Option<(String, bool)>,
    summary: Option<(String, bool)>,
    lang: Option<Lang>,
}

struct Capture {
    field: Field,
    depth: usize,
    html: bool,
    /// Nested markup seen (Atom xhtml): text must be escaped to stay text.
    nested: bool,
    buf: String,
}

fn local(name: &[u8]) -> String {
    let n = name.rsplit(|b| *b == b':').next().unwrap_or(name);
    String::from_utf8_lossy(n).to_ascii_lowercase()
}

fn prefix(name: &[u8]) -> Option<String> {
    let p = name.iter().position(|b| *b == b':')?;
    Some(String::from_utf8_lossy(&name[..p]).to_ascii_lowercase())
}

fn attr_value(e: &BytesStart, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| {
            a.unescape_value_with(|ent| Entities::embedded().get(ent).or(xml_entity(ent)))
                .map(Cow::into_owned)
                .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned())
        })
}

fn line_of(text: &str, pos: usize) -> usize {
    let pos = pos.min(text.len());
    text.as_bytes()[..pos]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

fn lang_code(s: &str) -> Option<Lang> {
    Lang::from_code(s.trim().split(['-', '_']).next().unwrap_or(""))
}

/// Reads a feed; `format` says which it was detected as, but both kinds of items are read.
/// The five XML entities (also in the HTML table, unless a user table is odd).
fn xml_entity(ent: &str) -> Option<&'static str> {
    Some(match ent {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => return None,
    })
}

pub(crate) fn read(
    source: &str,
    format: Format,
    bytes: &[u8],
    ents: &Entities,
) -> Vec<Result<Item, Failure>> {
    let fail = |msg: String| Failure {
        source: source.to_string(),
        format: Some(format),
        error: msg,
    };
    let text = match charset::decode_markup(bytes) {
        Ok(t) => t,
        Err(e) => return vec![Err(fail(e.to_string()))],
    };
    let mut reader = Reader::from_str(&text);
    reader.config_mut().trim_text(false);
    reader.config_mut().check_end_names = true;

    let mut out: Vec<Result<Item, Failure>> = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut outlet: Option<String> = None;
    let mut outlet_capture: Option<(usize, String, bool)> = None;
    let mut feed_lang: Option<Lang> = None;
    let mut lang_capture: Option<(usize, String)> = None;
    let mut item: Option<(usize, Partial)> = None; // (depth, fields)
    let mut capture: Option<Capture> = None;
    let mut count = 0usize;
    let mut item_format = format;

    loop {
        let ev = match reader.read_event() {
            Ok(ev) => ev,
            Err(e) => {
                let pos = reader.error_position() as usize;
                out.push(Err(fail(format!(
                    "invalid XML at line {}, byte {}: {}{}",
                    line_of(&text, pos),
                    pos,
                    e,
                    if count > 0 {
                        format!(" (the {count} item(s) before it were read)")
                    } else {
                        String::new()
                    }
                ))));
                return out;
            }
        };
        match ev {
            Event::Start(e) => {
                let name = e.name();
                let lname = local(name.as_ref());
                let pfx = prefix(name.as_ref());
                let depth = stack.len();
                if depth == 0 {
                    if let Some(l) = attr_value(&e, b"xml:lang") {
                        feed_lang = lang_code(&l);
                    }
                }
                if let Some(c) = capture.as_mut() {
                    // Nested markup inside a field (Atom xhtml content): keep it as HTML.
                    c.buf.push('<');
                    c.buf.push_str(&lname);
                    c.buf.push('>');
                    c.html = true;
                    c.nested = true;
                } else if let Some((idepth, p)) = item.as_mut() {
                    if depth == *idepth + 1 {
                        let ty = attr_value(&e, b"type")
                            .unwrap_or_default()
                            .to_ascii_lowercase();
                        let is_html = ty.contains("html");
                        let field = match (pfx.as_deref(), lname.as_str()) {
                            (_, "title") => Some(Field::Title),
                            (Some("content"), "encoded") => Some(Field::Content),
                            (Some("dc"), "date") => Some(Field::DcDate),
                            (_, "link") => {
                                if let Some(href) = attr_value(&e, b"href") {
                                    take_link(p, &e, href);
                                    None
                                } else {
                                    Some(Field::Link)
                                }
                            }
                            (_, "guid") | (_, "id") => Some(Field::Guid),
                            (_, "pubdate") => Some(Field::PubDate),
                            (_, "published") | (_, "issued") => Some(Field::Published),
                            (_, "updated") | (_, "modified") => Some(Field::Updated),
                            (_, "description") => Some(Field::Description),
                            (None, "content") | (Some("atom"), "content") => Some(Field::Content),
                            (_, "summary") => Some(Field::Summary),
                            _ => None,
                        };
                        if let Some(field) = field {
                            let html = match field {
                                Field::Description => true,
                                Field::Content if pfx.as_deref() == Some("content") => true,
                                Field::Content | Field::Summary | Field::Title => is_html,
                                _ => false,
                            };
                            capture = Some(Capture {
                                field,
                                depth,
                                html,
                                nested: false,
                                buf: String::new(),
                            });
                        }
                        if let Some(l) = attr_value(&e, b"xml:lang") {
                            p.lang = lang_code(&l).or(p.lang);
                        }
                    }
                } else if lname == "item" || lname == "entry" {
                    count += 1;
                    item_format = if lname == "entry" {
                        Format::Atom
                    } else {
                        Format::Rss
                    };
                    let mut p = Partial {
                        lang: feed_lang,
                        ..Partial::default()
                    };
                    if let Some(l) = attr_value(&e, b"xml:lang") {
                        p.lang = lang_code(&l).or(p.lang);
                    }
                    item = Some((depth, p));
                } else if lname == "title"
                    && outlet.is_none()
                    && stack.last().is_some_and(|t| t == "channel" || t == "feed")
                {
                    let ty = attr_value(&e, b"type").unwrap_or_default();
                    outlet_capture = Some((depth, String::new(), ty.contains("html")));
                } else if lname == "language" && stack.last().is_some_and(|t| t == "channel") {
                    lang_capture = Some((depth, String::new()));
                }
                stack.push(lname);
            }
            Event::Empty(e) => {
                let name = e.name();
                let lname = local(name.as_ref());
                if let Some(c) = capture.as_mut() {
                    c.buf.push('<');
                    c.buf.push_str(&lname);
                    c.buf.push_str("/>");
                    c.html = true;
                    c.nested = true;
                } else if let Some((idepth, p)) = item.as_mut() {
                    if stack.len() == *idepth + 1 && lname == "link" {
                        if let Some(href) = attr_value(&e, b"href") {
                            take_link(p, &e, href);
                        }
                    }
                }
            }
            Event::Text(t) => {
                let s = t
                    .unescape_with(|ent| ents.get(ent).or(xml_entity(ent)))
                    .map(Cow::into_owned)
                    .unwrap_or_else(|_| String::from_utf8_lossy(&t).into_owned());
                push_text(&mut capture, &mut outlet_capture, &mut lang_capture, &s);
            }
            Event::CData(t) => {
                let s = String::from_utf8_lossy(&t).into_owned();
                push_text(&mut capture, &mut outlet_capture, &mut lang_capture, &s);
            }
            Event::End(_) => {
                let lname = stack.pop().unwrap_or_default();
                let depth = stack.len();
                if capture.as_ref().is_some_and(|c| c.depth == depth) {
                    if let (Some(c), Some((_, p))) = (capture.take(), item.as_mut()) {
                        store(p, c);
                    }
                } else if let Some(c) = capture.as_mut() {
                    c.buf.push_str("</");
                    c.buf.push_str(&lname);
                    c.buf.push('>');
                } else if item.as_ref().is_some_and(|(d, _)| *d == depth) {
                    if let Some((_, p)) = item.take() {
                        let src = format!("{source}#{count}");
                        out.push(finish(&src, item_format, p, outlet.clone(), ents));
                    }
                } else if outlet_capture.as_ref().is_some_and(|(d, _, _)| *d == depth) {
                    if let Some((_, s, is_html)) = outlet_capture.take() {
                        outlet = text_of(&s, is_html, ents);
                    }
                } else if lang_capture.as_ref().is_some_and(|(d, _)| *d == depth) {
                    if let Some((_, s)) = lang_capture.take() {
                        feed_lang = lang_code(&s);
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if item.is_some() || !stack.is_empty() {
        let mut msg = format!(
            "the feed ends before its closing </{}>: the file looks truncated",
            stack.first().map_or("item", String::as_str)
        );
        if count > 0 {
            msg.push_str(&format!(" (the {} complete item(s) were read)", out.len()));
        }
        out.push(Err(fail(msg)));
    } else if count == 0 {
        out.push(Err(fail(match format {
            Format::Atom => "no <entry> in this Atom feed".to_string(),
            _ => "no <item> in this feed".to_string(),
        })));
    }
    out
}

fn take_link(p: &mut Partial, e: &BytesStart, href: String) {
    let rel = attr_value(e, b"rel").unwrap_or_default();
    if (rel.is_empty() || rel == "alternate") && p.link.is_none() {
        p.link = crate::non_empty(&href);
    }
}

fn push_text(
    capture: &mut Option<Capture>,
    outlet: &mut Option<(usize, String, bool)>,
    lang: &mut Option<(usize, String)>,
    s: &str,
) {
    if let Some(c) = capture.as_mut() {
        if c.nested {
            // Text between nested xhtml tags: escape what would read as markup.
            c.buf
                .push_str(&s.replace('&', "&amp;").replace('<', "&lt;"));
        } else {
            c.buf.push_str(s);
        }
    } else if let Some((_, b, _)) = outlet.as_mut() {
        b.push_str(s);
    } else if let Some((_, b)) = lang.as_mut() {
        b.push_str(s);
    }
}

fn store(p: &mut Partial, c: Capture) {
    let Capture {
        field, html, buf, ..
    } = c;
    let plain = || crate::non_empty(&buf);
    match field {
        Field::Title => p.title = p.title.take().or(plain().map(|s| (s, html))),
        Field::Link => p.link = p.link.take().or(plain()),
        Field::Guid => p.guid = p.guid.take().or(plain()),
        Field::PubDate => p.pub_date = p.pub_date.take().or(plain()),
        Field::DcDate => p.dc_date = p.dc_date.take().or(plain()),
        Field::Published => p.published = p.published.take().or(plain()),
        Field::Updated => p.updated = p.updated.take().or(plain()),
        Field::Description => p.description = p.description.take().or(plain().map(|s| (s, html))),
        Field::Content => p.content = p.content.take().or(plain().map(|s| (s, html))),
        Field::Summary => p.summary = p.summary.take().or(plain().map(|s| (s, html))),
    }
}

/// Text of a field: HTML turned into text, plain text with its whitespace kept per line.
fn text_of(s: &str, is_html: bool, ents: &Entities) -> Option<String> {
    if is_html || (s.contains('<') && s.contains('>')) {
        crate::non_empty(&html::fragment_text_with(s, ents))
    } else {
        crate::non_empty(s)
    }
}

fn finish(
    source: &str,
    format: Format,
    p: Partial,
    outlet: Option<String>,
    ents: &Entities,
) -> Result<Item, Failure> {
    let title = p
        .title
        .and_then(|(t, h)| text_of(&t, h, ents))
        .map(|t| html::collapse(&t));
    let body = p
        .content
        .and_then(|(t, h)| text_of(&t, h, ents))
        .or_else(|| p.description.and_then(|(t, h)| text_of(&t, h, ents)))
        .or_else(|| p.summary.and_then(|(t, h)| text_of(&t, h, ents)))
        // A headline-only item: its title is its text.
        .or_else(|| title.clone());
    let Some(body) = body else {
        return Err(
            IngestError::Other("feed item with neither text nor title".into())
                .failure(source, Some(format)),
        );
    };
    let url = p.link.or_else(|| {
        p.guid
            .filter(|g| g.starts_with("http://") || g.starts_with("https://"))
    });
    let published = p
        .pub_date
        .as_deref()
        .and_then(|d| dates::parse_rfc2822(d).or_else(|| dates::parse_iso(d)))
        .or_else(|| p.dc_date.as_deref().and_then(dates::parse_any))
        .or_else(|| p.published.as_deref().and_then(dates::parse_any))
        .or_else(|| p.updated.as_deref().and_then(dates::parse_any));
    Ok(Item {
        source: source.to_string(),
        format,
        bytes: body.into_bytes(),
        title,
        url,
        outlet,
        published,
        lang: p.lang,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn rss_items() {
        let xml = r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Le Veilleur</title><language>fr-fr</language><image><title>logo</title></image>
<item><title>Premier titre</title><link>https://veilleur.test/1</link>
<pubDate>Tue, 08 Oct 2024 14:02:11 +0200</pubDate>
<description>&lt;p&gt;Un r&amp;eacute;sum&amp;eacute; &lt;b&gt;court&lt;/b&gt;.&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>Le texte complet.</p><p>Deuxième paragraphe.</p>]]></content:encoded></item>
<item><title>Seulement un titre</title><guid>https://veilleur.test/2</guid></item>
</channel></rss>"#;
        let items: Vec<_> = read("f.xml", Format::Rss, xml.as_bytes(), Entities::embedded());
        assert_eq!(items.len(), 2);
        let a = items[0].as_ref().unwrap();
        assert_eq!(a.source, "f.xml#1");
        assert_eq!(
            std::str::from_utf8(&a.bytes).unwrap(),
            "Le texte complet.\n\nDeuxième paragraphe."
        );
        assert_eq!(a.title.as_deref(), Some("Premier titre"));
        assert_eq!(a.outlet.as_deref(), Some("Le Veilleur"));
        assert_eq!(a.url.as_deref(), Some("https://veilleur.test/1"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2024, 10, 8));
        assert_eq!(a.lang, Some(Lang::Fr));
        let b = items[1].as_ref().unwrap();
        assert_eq!(b.bytes, b"Seulement un titre");
        assert_eq!(b.url.as_deref(), Some("https://veilleur.test/2"));
    }

    #[test]
    fn atom_entries() {
        let xml = r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title type="text">Field Notes</title>
<entry><title>A &amp; B</title><link rel="alternate" href="https://notes.test/a"/><link rel="edit" href="https://notes.test/edit"/>
<updated>2024-10-09T08:00:00Z</updated><published>2024-10-07T21:15:00-04:00</published>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>One &lt;two&gt;.</p><p>Three.</p></div></content></entry>
<entry><summary type="html">&lt;p&gt;Only a summary&lt;/p&gt;</summary></entry></feed>"#;
        let items = read("a.atom", Format::Atom, xml.as_bytes(), Entities::embedded());
        assert_eq!(items.len(), 2);
        let a = items[0].as_ref().unwrap();
        assert_eq!(a.title.as_deref(), Some("A & B"));
        assert_eq!(a.url.as_deref(), Some("https://notes.test/a"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2024, 10, 7));
        assert_eq!(
            std::str::from_utf8(&a.bytes).unwrap(),
            "One <two>.\n\nThree."
        );
        assert_eq!(a.outlet.as_deref(), Some("Field Notes"));
        assert_eq!(a.lang, Some(Lang::En));
        assert_eq!(items[1].as_ref().unwrap().bytes, b"Only a summary");
    }

    #[test]
    fn invalid_xml_keeps_earlier_items() {
        let xml = "<rss><channel><title>T</title><item><title>ok</title><description>fine</description></item>\n<item><title>bad</wrong></item></channel></rss>";
        let items = read("bad.xml", Format::Rss, xml.as_bytes(), Entities::embedded());
        assert_eq!(items.len(), 2);
        assert!(items[0].is_ok());
        let err = items[1].as_ref().unwrap_err();
        assert!(err.error.contains("invalid XML at line 2"), "{}", err.error);
        assert_eq!(err.source, "bad.xml");
    }

    #[test]
    fn truncated_feed() {
        let xml =
            "<rss><channel><item><description>done</description></item><item><description>cut he";
        let items = read("cut.xml", Format::Rss, xml.as_bytes(), Entities::embedded());
        assert_eq!(items.len(), 2);
        assert!(items[1].as_ref().unwrap_err().error.contains("truncated"));
    }
}
