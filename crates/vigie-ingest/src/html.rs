//! HTML pages: a small tolerant tokenizer, a forgiving tree builder, the page's metadata and
//! a readability-style extraction of its main text.
//!
//! Everything is linear in the size of the page: the tokenizer reads each byte a bounded
//! number of times, the tree builder keeps a count of open elements per name so that a stray
//! end tag costs O(1), and scoring runs over the node arena in two passes.

use crate::entities::Entities;
use crate::{charset, dates, IngestError, Item};
use chrono::NaiveDate;
use std::collections::HashMap;
use vigie_model::Lang;

// ---------------------------------------------------------------------------------------------
// Tokenizer

/// One token of an HTML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token<'a> {
    /// A start tag, its name lowercased, its attributes (names lowercased, values with their
    /// character references decoded) and whether it ended with `/>`.
    Start {
        /// Tag name, lowercase.
        name: String,
        /// Attributes in source order.
        attrs: Vec<(String, String)>,
        /// Written `<x/>`.
        self_closing: bool,
    },
    /// An end tag, its name lowercased.
    End {
        /// Tag name, lowercase.
        name: String,
    },
    /// Text as written (character references not yet decoded).
    Text(&'a str),
    /// The content of a raw-text element (`script`, `style`, `title`, `textarea`,
    /// `noscript`, `template`, `iframe`...) as written; the matching `Start` precedes it.
    Raw {
        /// Name of the element.
        name: String,
        /// Its content.
        content: &'a str,
    },
}

/// Elements whose content is not markup.
const RAW_TEXT: &[&str] = &[
    "script", "style", "title", "textarea", "noscript", "template", "iframe", "xmp", "noembed",
    "noframes",
];

/// A tolerant HTML tokenizer: never fails; a tag cut by the end of the input is dropped, a
/// `<` that opens no tag is text, unquoted and valueless attributes are read.
pub struct Tokenizer<'a> {
    s: &'a str,
    entities: &'a Entities,
    pos: usize,
    pending: Option<Token<'a>>,
    /// Raw-text element names known to have no end tag after some position.
    unclosed: HashMap<String, usize>,
}

impl<'a> Tokenizer<'a> {
    /// A tokenizer over a whole document, with the embedded entity table.
    pub fn new(s: &'a str) -> Tokenizer<'a> {
        Tokenizer::with_entities(s, Entities::embedded())
    }

    /// A tokenizer that decodes attribute values with the given entity table.
    pub fn with_entities(s: &'a str, entities: &'a Entities) -> Tokenizer<'a> {
        Tokenizer {
            s,
            entities,
            pos: 0,
            pending: None,
            unclosed: HashMap::new(),
        }
    }

    /// Finds `</name` (case-insensitive, followed by a delimiter) at or after `from`.
    fn find_end_tag(&mut self, name: &str, from: usize) -> Option<usize> {
        if let Some(&p) = self.unclosed.get(name) {
            if p <= from {
                return None;
            }
        }
        let b = self.s.as_bytes();
        let n = name.len();
        let mut i = from;
        while let Some(off) = find_bytes(&b[i..], b"</") {
            let at = i + off;
            let after = at + 2;
            if b.len() >= after + n
                && b[after..after + n].eq_ignore_ascii_case(name.as_bytes())
                && b.get(after + n)
                    .is_none_or(|c| c.is_ascii_whitespace() || *c == b'>' || *c == b'/')
            {
                return Some(at);
            }
            i = at + 2;
        }
        self.unclosed.insert(name.to_string(), from);
        None
    }

    /// Parses a start tag at `self.pos` (which holds `<` followed by a letter). None when the
    /// input ends inside the tag.
    fn start_tag(&mut self) -> Option<Token<'a>> {
        let b = self.s.as_bytes();
        let mut i = self.pos + 1;
        let name_start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
            i += 1;
        }
        let name = self.s[name_start..i].to_ascii_lowercase();
        let mut attrs = Vec::new();
        let mut self_closing = false;
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                self_closing = b[i] == b'/';
                i += 1;
            }
            if i >= b.len() {
                return None;
            }
            if b[i] == b'>' {
                i += 1;
                break;
            }
            self_closing = false;
            let an_start = i;
            i += 1; // the first character may be '='
            while i < b.len()
                && !b[i].is_ascii_whitespace()
                && b[i] != b'>'
                && b[i] != b'/'
                && b[i] != b'='
            {
                i += 1;
            }
            let aname = self.s[an_start..i].to_ascii_lowercase();
            let mut j = i;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            let mut value = String::new();
            if j < b.len() && b[j] == b'=' {
                j += 1;
                while j < b.len() && b[j].is_ascii_whitespace() {
                    j += 1;
                }
                if j >= b.len() {
                    return None;
                }
                if b[j] == b'"' || b[j] == b'\'' {
                    let q = b[j];
                    let vs = j + 1;
                    let ve = vs + b[vs..].iter().position(|c| *c == q)?;
                    value = self.entities.decode(&self.s[vs..ve]).into_owned();
                    j = ve + 1;
                } else {
                    let vs = j;
                    while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                        j += 1;
                    }
                    value = self.entities.decode(&self.s[vs..j]).into_owned();
                }
                i = j;
            }
            // The first of duplicate attributes wins; beyond 64 the rest are ignored (keeps
            // a tag with thousands of attributes linear).
            if attrs.len() < 64 && !attrs.iter().any(|(n, _): &(String, String)| *n == aname) {
                attrs.push((aname, value));
            }
        }
        self.pos = i;
        Some(Token::Start {
            name,
            attrs,
            self_closing,
        })
    }
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        if let Some(t) = self.pending.take() {
            return Some(t);
        }
        let s = self.s;
        let b = s.as_bytes();
        loop {
            if self.pos >= b.len() {
                return None;
            }
            let start = self.pos;
            if b[start] != b'<' {
                // Text up to the next '<' that may open markup.
                let mut i = start;
                loop {
                    match find_bytes(&b[i..], b"<") {
                        None => {
                            self.pos = b.len();
                            return Some(Token::Text(&s[start..]));
                        }
                        Some(off) => {
                            let at = i + off;
                            if opens_markup(&b[at..]) {
                                self.pos = at;
                                return Some(Token::Text(&s[start..at]));
                            }
                            i = at + 1;
                        }
                    }
                }
            }
            let rest = &b[start..];
            if rest.starts_with(b"<!--") {
                let end = find_bytes(&rest[4..], b"-->").map_or(b.len(), |e| start + 4 + e + 3);
                // `<!-->` and `<!--->` are empty comments.
                let end = if rest.starts_with(b"<!-->") {
                    start + 5
                } else if rest.starts_with(b"<!--->") {
                    start + 6
                } else {
                    end
                };
                self.pos = end;
                continue;
            }
            if rest.len() >= 9 && rest[..9].eq_ignore_ascii_case(b"<![cdata[") {
                let cs = start + 9;
                let (ce, end) = match find_bytes(&b[cs..], b"]]>") {
                    Some(e) => (cs + e, cs + e + 3),
                    None => (b.len(), b.len()),
                };
                self.pos = end;
                return Some(Token::Text(&s[cs..ce]));
            }
            if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
                self.pos = find_bytes(rest, b">").map_or(b.len(), |e| start + e + 1);
                continue;
            }
            if rest.starts_with(b"</") {
                if rest.get(2).is_some_and(|c| c.is_ascii_alphabetic()) {
                    let mut i = start + 2;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/'
                    {
                        i += 1;
                    }
                    let name = s[start + 2..i].to_ascii_lowercase();
                    self.pos = find_bytes(&b[i..], b">").map_or(b.len(), |e| i + e + 1);
                    return Some(Token::End { name });
                }
                // `</>` or `</3`: a bogus comment up to '>'.
                self.pos = find_bytes(rest, b">").map_or(b.len(), |e| start + e + 1);
                continue;
            }
            // A start tag ('<' + letter, guaranteed by opens_markup for text scans; at the very
            // start we check again).
            if !rest.get(1).is_some_and(|c| c.is_ascii_alphabetic()) {
                // A lone '<' in text.
                let next = find_bytes(&b[start + 1..], b"<").map_or(b.len(), |e| start + 1 + e);
                let mut end = next;
                // Extend over further '<' that open nothing.
                while end < b.len() && !opens_markup(&b[end..]) {
                    end = find_bytes(&b[end + 1..], b"<").map_or(b.len(), |e| end + 1 + e);
                }
                self.pos = end;
                return Some(Token::Text(&s[start..end]));
            }
            let Some(tok) = self.start_tag() else {
                // The input ends inside the tag: drop it.
                self.pos = b.len();
                return None;
            };
            if let Token::Start {
                name, self_closing, ..
            } = &tok
            {
                if !*self_closing && RAW_TEXT.contains(&name.as_str()) {
                    let name = name.clone();
                    let from = self.pos;
                    match self.find_end_tag(&name, from) {
                        Some(e) => {
                            self.pending = Some(Token::Raw {
                                name,
                                content: &s[from..e],
                            });
                            self.pos = e;
                        }
                        None if name == "script" || name == "style" => {
                            // An unclosed script runs to the end, as in browsers.
                            self.pending = Some(Token::Raw {
                                name,
                                content: &s[from..],
                            });
                            self.pos = b.len();
                        }
                        // Any other unclosed raw-text element: ignore its start tag.
                        None => continue,
                    }
                }
            }
            return Some(tok);
        }
    }
}

/// True when `b` (starting with '<') opens a tag, an end tag, a comment or a declaration.
fn opens_markup(b: &[u8]) -> bool {
    match b.get(1) {
        Some(c) if c.is_ascii_alphabetic() => true,
        Some(b'/') | Some(b'!') | Some(b'?') => true,
        _ => false,
    }
}

fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() == 1 {
        return hay.iter().position(|c| *c == needle[0]);
    }
    let first = needle[0];
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        let off = hay[i..].iter().position(|c| *c == first)?;
        let at = i + off;
        if at + needle.len() > hay.len() {
            return None;
        }
        if &hay[at..at + needle.len()] == needle {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Tree

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "basefont", "bgsound", "frame",
];

/// Start tags that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
    "li",
    "dd",
    "dt",
];

/// Elements that start and end a paragraph of output text.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "section",
    "article",
    "main",
    "tr",
    "td",
    "th",
    "dt",
    "dd",
    "dl",
    "ul",
    "ol",
    "table",
    "figcaption",
    "figure",
    "address",
    "details",
    "summary",
    "caption",
    "center",
    "body",
    "hr",
    "br",
    "header",
    "footer",
    "aside",
    "nav",
    "form",
    "fieldset",
    "legend",
    "tbody",
    "thead",
];

/// Elements dropped with their content as boilerplate or non-text.
const BOILERPLATE_TAGS: &[&str] = &[
    "nav", "header", "footer", "aside", "form", "menu", "button", "select", "option", "svg",
    "canvas", "object", "embed", "video", "audio", "map", "dialog", "math", "datalist",
];

/// Words of `class`/`id` tokens (a token matches when it starts with one) that always mark
/// boilerplate: what they name is never the article.
const STRONG_WORDS: &[&str] = &[
    "comment",
    "share",
    "sharing",
    "social",
    "related",
    "cookie",
    "advert",
    "breadcrumb",
    "newsletter",
    "subscribe",
    "promo",
    "sponsor",
    "popup",
    "modal",
    "paywall",
    "pagination",
    "footer",
    "masthead",
    "toolbar",
    "outbrain",
    "taboola",
];

/// `class`/`id` tokens that mark boilerplate only when equal.
const STRONG_EXACT: &[&str] = &["ad", "ads", "adv", "pub", "tags", "skip"];

/// Words that usually mark boilerplate but also appear on page wrappers ("has-sidebar",
/// "menu-open"): such an element is kept when it holds most of the page's paragraphs.
const WEAK_WORDS: &[&str] = &["nav", "menu", "sidebar", "widget", "banner"];

/// ARIA roles of boilerplate landmarks: (role, strong).
const ROLES: &[(&str, bool)] = &[
    ("navigation", false),
    ("banner", false),
    ("complementary", false),
    ("menubar", false),
    ("contentinfo", true),
    ("search", true),
];

const MAX_DEPTH: usize = 512;

#[derive(Debug)]
struct Elem {
    name: String,
    /// Lowercased `class` + `id` + `role` + `itemprop` values.
    marks: String,
    hidden: bool,
    datetime: Option<String>,
}

#[derive(Debug)]
enum Kind {
    Root,
    Element(Elem),
    Text(String),
}

#[derive(Debug)]
struct Node {
    kind: Kind,
    parent: usize,
    children: Vec<usize>,
}

impl Node {
    fn name(&self) -> &str {
        match &self.kind {
            Kind::Element(e) => &e.name,
            Kind::Root => "#root",
            Kind::Text(_) => "#text",
        }
    }
}

/// Metadata found in a page's markup.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Meta {
    /// `<title>` text.
    pub title_tag: Option<String>,
    /// `<meta>` name/property (lowercased) → content, first one wins.
    pub metas: Vec<(String, String)>,
    /// `<link rel=canonical href>`.
    pub canonical: Option<String>,
    /// `<html lang>`.
    pub html_lang: Option<String>,
    /// The `datePublished` found in JSON-LD blocks.
    pub ld_date: Option<String>,
    /// The `headline` found in JSON-LD blocks.
    pub ld_headline: Option<String>,
    /// The `articleBody` found in JSON-LD blocks (the longest).
    pub ld_body: Option<String>,
}

impl Meta {
    fn meta(&self, key: &str) -> Option<&str> {
        self.metas
            .iter()
            .find(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.trim())
    }
}

struct Tree {
    nodes: Vec<Node>,
}

fn attr<'x>(attrs: &'x [(String, String)], name: &str) -> Option<&'x str> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn build(html: &str, meta: &mut Meta, ents: &Entities) -> Tree {
    let mut nodes = vec![Node {
        kind: Kind::Root,
        parent: 0,
        children: Vec::new(),
    }];
    let mut stack: Vec<usize> = vec![0];
    let mut open: HashMap<String, usize> = HashMap::new();

    fn pop_to(
        nodes: &[Node],
        stack: &mut Vec<usize>,
        open: &mut HashMap<String, usize>,
        name: &str,
    ) {
        while stack.len() > 1 {
            let top = stack.pop().unwrap_or(0);
            let n = nodes[top].name();
            if let Some(c) = open.get_mut(n) {
                *c = c.saturating_sub(1);
            }
            if n == name {
                break;
            }
        }
    }

    /// Searches the top of the stack (bounded) for `name`, stopping at a `stop` element.
    fn find_open(nodes: &[Node], stack: &[usize], name: &str, stop: &[&str]) -> bool {
        for &i in stack.iter().rev().take(32) {
            let n = nodes[i].name();
            if n == name {
                return true;
            }
            if stop.contains(&n) {
                return false;
            }
        }
        false
    }

    let mut in_raw_title = false;
    for tok in Tokenizer::with_entities(html, ents) {
        match tok {
            Token::Start {
                name,
                attrs,
                self_closing,
            } => {
                // Metadata.
                match name.as_str() {
                    "meta" => {
                        let key = attr(&attrs, "property")
                            .or_else(|| attr(&attrs, "name"))
                            .or_else(|| attr(&attrs, "itemprop"))
                            .or_else(|| attr(&attrs, "http-equiv"));
                        if let (Some(k), Some(c)) = (key, attr(&attrs, "content")) {
                            meta.metas
                                .push((k.trim().to_ascii_lowercase(), c.to_string()));
                        }
                        continue;
                    }
                    "link" => {
                        let rel = attr(&attrs, "rel").unwrap_or("").to_ascii_lowercase();
                        if rel.split_whitespace().any(|r| r == "canonical")
                            && meta.canonical.is_none()
                        {
                            meta.canonical = attr(&attrs, "href").and_then(crate::non_empty);
                        }
                        continue;
                    }
                    "html" => {
                        if meta.html_lang.is_none() {
                            meta.html_lang = attr(&attrs, "lang")
                                .or_else(|| attr(&attrs, "xml:lang"))
                                .and_then(crate::non_empty);
                        }
                        continue;
                    }
                    "head" | "body" => continue,
                    "script" => {
                        let ty = attr(&attrs, "type").unwrap_or("").to_ascii_lowercase();
                        in_raw_title = false;
                        if ty.contains("ld+json") {
                            in_raw_title = true; // reuse flag: next Raw is JSON-LD
                        }
                        continue;
                    }
                    "title" => {
                        in_raw_title = true;
                        continue;
                    }
                    n if RAW_TEXT.contains(&n) => continue,
                    _ => {}
                }
                // Implied end tags.
                if CLOSES_P.contains(&name.as_str())
                    && open.get("p").copied().unwrap_or(0) > 0
                    && find_open(
                        &nodes,
                        &stack,
                        "p",
                        &["td", "th", "table", "button", "caption"],
                    )
                {
                    pop_to(&nodes, &mut stack, &mut open, "p");
                }
                match name.as_str() {
                    "li" if find_open(&nodes, &stack, "li", &["ul", "ol", "menu"]) => {
                        pop_to(&nodes, &mut stack, &mut open, "li");
                    }
                    "dt" | "dd" => {
                        for n in ["dt", "dd"] {
                            if find_open(&nodes, &stack, n, &["dl"]) {
                                pop_to(&nodes, &mut stack, &mut open, n);
                            }
                        }
                    }
                    "td" | "th" => {
                        for n in ["td", "th"] {
                            if find_open(&nodes, &stack, n, &["tr", "table"]) {
                                pop_to(&nodes, &mut stack, &mut open, n);
                            }
                        }
                    }
                    "tr" if find_open(&nodes, &stack, "tr", &["table"]) => {
                        pop_to(&nodes, &mut stack, &mut open, "tr");
                    }
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        let top = *stack.last().unwrap_or(&0);
                        let tn = nodes[top].name();
                        if tn.len() == 2 && tn.starts_with('h') && tn.as_bytes()[1].is_ascii_digit()
                        {
                            let tn = tn.to_string();
                            pop_to(&nodes, &mut stack, &mut open, &tn);
                        }
                    }
                    "a" if open.get("a").copied().unwrap_or(0) > 0
                        && find_open(&nodes, &stack, "a", &["div", "p", "li", "td", "section"]) =>
                    {
                        pop_to(&nodes, &mut stack, &mut open, "a");
                    }
                    _ => {}
                }
                let mut marks = String::new();
                for key in ["class", "id", "role", "itemprop"] {
                    if let Some(v) = attr(&attrs, key) {
                        marks.push_str(&v.to_ascii_lowercase());
                        marks.push(' ');
                    }
                }
                let style = attr(&attrs, "style")
                    .map(|s| s.to_ascii_lowercase().replace(' ', ""))
                    .unwrap_or_default();
                let hidden = attr(&attrs, "hidden").is_some()
                    || attr(&attrs, "aria-hidden").is_some_and(|v| v.trim() == "true")
                    || style.contains("display:none")
                    || style.contains("visibility:hidden");
                let datetime = if name == "time" {
                    attr(&attrs, "datetime").and_then(crate::non_empty)
                } else {
                    None
                };
                let parent = *stack.last().unwrap_or(&0);
                let id = nodes.len();
                let is_void = VOID.contains(&name.as_str()) || self_closing;
                let pushed = !is_void && stack.len() < MAX_DEPTH;
                if pushed {
                    *open.entry(name.clone()).or_insert(0) += 1;
                }
                nodes.push(Node {
                    kind: Kind::Element(Elem {
                        name,
                        marks,
                        hidden,
                        datetime,
                    }),
                    parent,
                    children: Vec::new(),
                });
                nodes[parent].children.push(id);
                if pushed {
                    stack.push(id);
                }
            }
            Token::End { name } => {
                if name == "br" {
                    let parent = *stack.last().unwrap_or(&0);
                    let id = nodes.len();
                    nodes.push(Node {
                        kind: Kind::Element(Elem {
                            name,
                            marks: String::new(),
                            hidden: false,
                            datetime: None,
                        }),
                        parent,
                        children: Vec::new(),
                    });
                    nodes[parent].children.push(id);
                    continue;
                }
                if open.get(&name).copied().unwrap_or(0) > 0 {
                    pop_to(&nodes, &mut stack, &mut open, &name);
                }
            }
            Token::Raw { name, content } => {
                if name == "title" && in_raw_title && meta.title_tag.is_none() {
                    meta.title_tag = crate::non_empty(&collapse(&ents.decode(content)));
                } else if name == "script" && in_raw_title {
                    read_json_ld(content, meta);
                }
                in_raw_title = false;
            }
            Token::Text(t) => {
                if t.is_empty() {
                    continue;
                }
                let parent = *stack.last().unwrap_or(&0);
                let id = nodes.len();
                nodes.push(Node {
                    kind: Kind::Text(ents.decode(t).into_owned()),
                    parent,
                    children: Vec::new(),
                });
                nodes[parent].children.push(id);
            }
        }
    }
    Tree { nodes }
}

/// Reads `datePublished`, `headline` and `articleBody` from a JSON-LD block (also inside `@graph` arrays
/// and top-level arrays).
fn read_json_ld(content: &str, meta: &mut Meta) {
    let content = content
        .trim()
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim();
    let Ok(v) = serde_json::from_str::<serde_json::Value>(content) else {
        return;
    };
    let mut todo = vec![&v];
    let mut seen = 0;
    while let Some(v) = todo.pop() {
        seen += 1;
        if seen > 10_000 {
            break;
        }
        match v {
            serde_json::Value::Array(a) => todo.extend(a.iter().rev()),
            serde_json::Value::Object(o) => {
                if meta.ld_date.is_none() {
                    if let Some(d) = o.get("datePublished").and_then(|d| d.as_str()) {
                        meta.ld_date = crate::non_empty(d);
                    }
                }
                if meta.ld_headline.is_none() {
                    if let Some(h) = o.get("headline").and_then(|d| d.as_str()) {
                        meta.ld_headline = crate::non_empty(h);
                    }
                }
                if let Some(b) = o.get("articleBody").and_then(|d| d.as_str()) {
                    if meta.ld_body.as_ref().is_none_or(|old| b.len() > old.len()) {
                        meta.ld_body = crate::non_empty(b);
                    }
                }
                if let Some(g) = o.get("@graph") {
                    todo.push(g);
                }
                if let Some(g) = o.get("mainEntity") {
                    todo.push(g);
                }
            }
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Extraction

/// What [`extract`] reads from a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The main text: paragraphs separated by blank lines, whitespace collapsed.
    pub text: String,
    /// Headline: og:title, then `<title>`, then the first `<h1>`.
    pub title: Option<String>,
    /// Canonical URL (`<link rel=canonical>`, then og:url); absolute URLs only.
    pub url: Option<String>,
    /// og:site_name, else the host of the canonical URL.
    pub outlet: Option<String>,
    /// Publication date from the metadata, JSON-LD or `<time datetime>`.
    pub published: Option<NaiveDate>,
    /// `<html lang>` (then og:locale), when Vigie reads that language.
    pub lang: Option<Lang>,
}

/// Collapses runs of whitespace (except no-break spaces, which carry meaning in French
/// typography) into one space and trims.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() && c != '\u{A0}' && c != '\u{202F}' {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out.trim_matches(|c: char| c.is_whitespace()).to_string()
}

struct Stats {
    /// Visible text length (chars) in the subtree.
    text: Vec<u32>,
    /// Of which inside links.
    link: Vec<u32>,
    /// Text inside `<p>` elements of the subtree.
    ptext: Vec<u32>,
    /// Commas in the subtree's text.
    commas: Vec<u32>,
    /// Dropped (with its subtree) as boilerplate or hidden.
    dropped: Vec<bool>,
    /// Not under a dropped element.
    visible: Vec<bool>,
}

/// How strongly `class`/`id`/`role` values mark boilerplate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Mark {
    None,
    Weak,
    Strong,
}

fn boilerplate_mark(marks: &str) -> Mark {
    let mut m = Mark::None;
    for t in marks.split_whitespace() {
        if let Some((_, strong)) = ROLES.iter().find(|(r, _)| *r == t) {
            m = m.max(if *strong { Mark::Strong } else { Mark::Weak });
        }
    }
    for t in marks
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
    {
        if STRONG_EXACT.contains(&t) || STRONG_WORDS.iter().any(|w| t.starts_with(w)) {
            return Mark::Strong;
        }
        if WEAK_WORDS.iter().any(|w| t.starts_with(w)) {
            m = m.max(Mark::Weak);
        }
    }
    m
}

/// Statistics of the tree and its boilerplate. `lenient` also keeps strongly marked
/// elements that hold most of the page's paragraphs (a retry when strict removal left
/// almost nothing).
fn stats(tree: &Tree, lenient: bool) -> Stats {
    let n = tree.nodes.len();
    let mut in_link = vec![false; n];
    let mut in_p = vec![false; n];
    for i in 1..n {
        let p = tree.nodes[i].parent;
        let pn = tree.nodes[p].name();
        in_link[i] = in_link[p] || pn == "a";
        in_p[i] = in_p[p] || pn == "p";
    }
    let mut commas = vec![0u32; n];
    let mut text = vec![0u32; n];
    let mut link = vec![0u32; n];
    let mut ptext = vec![0u32; n];
    let mut has_main = vec![false; n];
    for i in (0..n).rev() {
        match &tree.nodes[i].kind {
            Kind::Text(t) => {
                let len = t.chars().filter(|c| !c.is_whitespace()).count() as u32;
                text[i] += len;
                if in_link[i] {
                    link[i] += len;
                }
                if in_p[i] {
                    ptext[i] += len;
                }
                commas[i] = t.chars().filter(|c| matches!(c, ',' | '،' | '，')).count() as u32;
            }
            Kind::Element(e) => {
                if is_main_like(e) {
                    has_main[i] = true;
                }
            }
            Kind::Root => {}
        }
        if i > 0 {
            let p = tree.nodes[i].parent;
            text[p] = text[p].saturating_add(text[i]);
            link[p] = link[p].saturating_add(link[i]);
            ptext[p] = ptext[p].saturating_add(ptext[i]);
            commas[p] = commas[p].saturating_add(commas[i]);
            has_main[p] |= has_main[i];
        }
    }
    // Boilerplate, top-down (a dropped parent drops its subtree when walking).
    let total_p = ptext[0].max(1);
    let mut dropped = vec![false; n];
    // Under an article or main element.
    let mut in_main = vec![false; n];
    for i in 1..n {
        let p = tree.nodes[i].parent;
        in_main[i] =
            in_main[p] || matches!(&tree.nodes[p].kind, Kind::Element(pe) if is_main_like(pe));
        let Kind::Element(e) = &tree.nodes[i].kind else {
            continue;
        };
        // An article's own <header> holds its headline and lead: not boilerplate.
        let article_header = e.name == "header" && in_main[i];
        let mark = boilerplate_mark(&e.marks);
        let weak = e.hidden
            || (BOILERPLATE_TAGS.contains(&e.name.as_str()) && !article_header)
            || mark == Mark::Weak;
        // A wrapper holding the article or most of the page's paragraphs is not boilerplate.
        let holds_most = ptext[i] > 0 && ptext[i] * 2 >= total_p;
        let protected = matches!(e.name.as_str(), "article" | "main")
            || holds_most
            || has_main[i] && !matches!(e.name.as_str(), "nav" | "footer" | "aside");
        dropped[i] = if matches!(e.name.as_str(), "html" | "body") {
            false
        } else if mark == Mark::Strong {
            !(lenient && holds_most)
        } else {
            weak && !protected
        };
    }
    let mut visible = vec![true; n];
    for i in 1..n {
        visible[i] = visible[tree.nodes[i].parent] && !dropped[i];
    }
    Stats {
        text,
        link,
        ptext,
        commas,
        dropped,
        visible,
    }
}

/// True when `e` is an article or the page's main part.
fn is_main_like(e: &Elem) -> bool {
    e.name == "article"
        || e.name == "main"
        || e.marks
            .split_whitespace()
            .any(|t| t == "main" || t == "articlebody")
}

/// Chooses the nodes whose text is the page's main text, in document order.
fn main_nodes(tree: &Tree, st: &Stats) -> Vec<usize> {
    let visible = &st.visible;
    // 1. The largest <article>, or <main>/role=main.
    let mut best: Option<(usize, u32)> = None;
    for want in [&["article"][..], &["main"][..]] {
        for (i, _) in visible.iter().enumerate().skip(1).filter(|(_, v)| **v) {
            let Kind::Element(e) = &tree.nodes[i].kind else {
                continue;
            };
            let is = want.contains(&e.name.as_str()) || (want[0] == "main" && is_main_like(e));
            if !is {
                continue;
            }
            let own = st.text[i].saturating_sub(st.link[i]);
            if best.is_none_or(|(_, b)| own > b) {
                best = Some((i, own));
            }
        }
        if best.is_some_and(|(_, t)| t > 0) {
            break;
        }
        best = None;
    }
    if let Some((i, _)) = best {
        // A small article on a page whose paragraphs are elsewhere (a teaser card) loses to
        // the scoring below.
        if st.ptext[i] * 4 >= st.ptext[0] || st.ptext[0] < 200 {
            return vec![i];
        }
    }
    // 2. Readability-style scoring of paragraph containers.
    let mut score: HashMap<usize, f64> = HashMap::new();
    for (i, _) in visible.iter().enumerate().skip(1).filter(|(_, v)| **v) {
        let Kind::Element(e) = &tree.nodes[i].kind else {
            continue;
        };
        if !matches!(e.name.as_str(), "p" | "pre" | "td" | "blockquote") {
            continue;
        }
        let len = st.text[i].saturating_sub(st.link[i]);
        if len < 25 {
            continue;
        }
        let s = 1.0 + st.commas[i] as f64 + (len as f64 / 100.0).min(3.0);
        let p = tree.nodes[i].parent;
        if p != 0 {
            *score.entry(p).or_insert(0.0) += s;
            let g = tree.nodes[p].parent;
            if g != 0 {
                *score.entry(g).or_insert(0.0) += s / 2.0;
            }
        }
    }
    let final_score = |i: usize, s: f64| {
        let t = st.text[i].max(1) as f64;
        s * (1.0 - st.link[i] as f64 / t)
    };
    let best = score
        .iter()
        .map(|(&i, &s)| (i, final_score(i, s)))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
    let Some((best, best_score)) = best else {
        return vec![0];
    };
    // Siblings of the best container that also carry content.
    let parent = tree.nodes[best].parent;
    let threshold = (best_score * 0.2).max(10.0);
    let mut out = Vec::new();
    for &c in &tree.nodes[parent].children {
        if c == best {
            out.push(c);
            continue;
        }
        if !visible[c] {
            continue;
        }
        let s = score.get(&c).map(|&s| final_score(c, s)).unwrap_or(0.0);
        let is_p = tree.nodes[c].name() == "p";
        let len = st.text[c];
        let density = st.link[c] as f64 / len.max(1) as f64;
        if s >= threshold || (is_p && len > 80 && density < 0.25) {
            out.push(c);
        }
    }
    out
}

/// Stands for a line break inside `<pre>` until whitespace is collapsed.
const PRE_NEWLINE: char = '\u{1}';

/// Writes the text of the given subtrees as paragraphs; lines of `<pre>` stay lines.
fn render(tree: &Tree, st: Option<&Stats>, roots: &[usize]) -> String {
    let mut paras: Vec<String> = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, paras: &mut Vec<String>| {
        let mut p = collapse(cur);
        if p.contains(PRE_NEWLINE) {
            p = p
                .split(PRE_NEWLINE)
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n");
        }
        if !p.is_empty() {
            paras.push(p);
        }
        cur.clear();
    };
    let mut pre = 0usize;
    enum Step {
        Enter(usize),
        Leave(usize),
    }
    for &root in roots {
        let mut todo = vec![Step::Enter(root)];
        while let Some(step) = todo.pop() {
            match step {
                Step::Enter(i) => {
                    if st.is_some_and(|st| st.dropped[i]) {
                        continue;
                    }
                    match &tree.nodes[i].kind {
                        Kind::Text(t) if pre > 0 => {
                            cur.extend(t.chars().map(|c| if c == '\n' { PRE_NEWLINE } else { c }))
                        }
                        Kind::Text(t) => cur.push_str(t),
                        Kind::Element(e) => {
                            if e.name == "pre" {
                                pre += 1;
                            }
                            let block = BLOCK.contains(&e.name.as_str());
                            if block {
                                flush(&mut cur, &mut paras);
                            } else if e.name == "img" || e.name == "td" {
                                cur.push(' ');
                            }
                            todo.push(Step::Leave(i));
                            for &c in tree.nodes[i].children.iter().rev() {
                                todo.push(Step::Enter(c));
                            }
                        }
                        Kind::Root => {
                            for &c in tree.nodes[i].children.iter().rev() {
                                todo.push(Step::Enter(c));
                            }
                        }
                    }
                }
                Step::Leave(i) => {
                    if tree.nodes[i].name() == "pre" {
                        pre = pre.saturating_sub(1);
                    }
                    if BLOCK.contains(&tree.nodes[i].name()) {
                        flush(&mut cur, &mut paras);
                    }
                }
            }
        }
        flush(&mut cur, &mut paras);
    }
    paras.join("\n\n")
}

fn first_text_of(tree: &Tree, name: &str) -> Option<String> {
    let i = (1..tree.nodes.len()).find(|&i| tree.nodes[i].name() == name)?;
    crate::non_empty(&render(tree, None, &[i]).replace("\n\n", " "))
}

fn absolute(url: &str, base: Option<&str>) -> Option<String> {
    let u = url.trim();
    if u.starts_with("http://") || u.starts_with("https://") {
        return Some(u.to_string());
    }
    if let (Some(rest), Some(base)) = (u.strip_prefix('/'), base) {
        if !rest.starts_with('/') {
            let h = host_end(base)?;
            return Some(format!("{}/{}", &base[..h], rest));
        }
    }
    if let Some(rest) = u.strip_prefix("//") {
        return Some(format!("https://{rest}"));
    }
    None
}

/// Byte index of the end of `scheme://host[:port]` in an absolute URL.
fn host_end(url: &str) -> Option<usize> {
    let start = url.find("://")? + 3;
    Some(
        url[start..]
            .find(['/', '?', '#'])
            .map_or(url.len(), |e| start + e),
    )
}

/// The host of an absolute URL, without `www.`.
pub fn host(url: &str) -> Option<String> {
    let start = url.find("://")? + 3;
    let end = host_end(url)?;
    let h = &url[start..end];
    let h = h.rsplit('@').next().unwrap_or(h);
    let h = h.split(':').next().unwrap_or(h);
    let h = h.strip_prefix("www.").unwrap_or(h);
    (!h.is_empty()).then(|| h.to_ascii_lowercase())
}

fn lang_of(tag: &str) -> Option<Lang> {
    let primary = tag.trim().split(['-', '_']).next()?;
    Lang::from_code(primary)
}

/// Extracts the main text and the metadata of a whole page.
pub fn extract(html: &str) -> Page {
    extract_with(html, Entities::embedded())
}

/// [`extract`] with a given entity table (see [`crate::Ingester`]).
pub fn extract_with(html: &str, ents: &Entities) -> Page {
    let mut meta = Meta::default();
    let tree = build(html, &mut meta, ents);
    let mut st = stats(&tree, false);
    let mut roots = main_nodes(&tree, &st);
    let mut text = render(&tree, Some(&st), &roots);
    if text.is_empty() && st.ptext[0] > 0 {
        // Strict removal left nothing of a page with paragraphs: a wrapper may carry a
        // boilerplate-like class ("comments-open"). Retry leniently.
        let st2 = stats(&tree, true);
        let roots2 = main_nodes(&tree, &st2);
        let text2 = render(&tree, Some(&st2), &roots2);
        if text2.len() > text.len() {
            (st, roots, text) = (st2, roots2, text2);
        }
    }
    if let Some(body) = &meta.ld_body {
        // Pages rendered by scripts carry little markup text but the whole article in
        // JSON-LD: prefer it when it is more than twice as long.
        let body = if body.contains('<') && body.contains('>') {
            fragment_text_with(body, ents)
        } else {
            paragraphs(body)
        };
        if body.chars().count() > 2 * text.chars().count() {
            text = body;
        }
    }
    if text.is_empty() {
        // Everything looked like boilerplate: better some text than none.
        text = render(&tree, None, &[0]);
    }

    let og_url = meta.meta("og:url").and_then(|u| absolute(u, None));
    let url = meta
        .canonical
        .as_deref()
        .and_then(|c| absolute(c, og_url.as_deref()))
        .or(og_url);
    let outlet = meta
        .meta("og:site_name")
        .and_then(|s| crate::non_empty(&collapse(s)))
        .or_else(|| url.as_deref().and_then(host));
    let mut title = meta
        .meta("og:title")
        .or_else(|| meta.meta("twitter:title"))
        .map(collapse)
        .or_else(|| meta.title_tag.clone())
        .or_else(|| first_text_of(&tree, "h1"))
        .or_else(|| meta.ld_headline.clone())
        .filter(|t| !t.is_empty());
    if let (Some(t), Some(o)) = (&title, &outlet) {
        title = Some(strip_site_suffix(t, o));
    }
    const DATE_KEYS: &[&str] = &[
        "article:published_time",
        "og:published_time",
        "og:article:published_time",
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "publication_date",
        "dc.date",
        "dc.date.issued",
        "dcterms.date",
        "dcterms.issued",
        "dcterms.created",
        "datepublished",
        "sailthru.date",
        "parsely-pub-date",
    ];
    let published = DATE_KEYS
        .iter()
        .filter_map(|k| meta.meta(k))
        .find_map(dates::parse_any)
        .or_else(|| meta.ld_date.as_deref().and_then(dates::parse_any))
        .or_else(|| first_time(&tree, &st, &roots));
    let lang = meta
        .html_lang
        .as_deref()
        .and_then(lang_of)
        .or_else(|| meta.meta("og:locale").and_then(lang_of))
        .or_else(|| meta.meta("content-language").and_then(lang_of));
    Page {
        text,
        title,
        url,
        outlet,
        published,
        lang,
    }
}

/// The first `<time datetime>` in the main text, else in the visible page.
fn first_time(tree: &Tree, st: &Stats, roots: &[usize]) -> Option<NaiveDate> {
    let root_range = |r: usize| {
        // Subtree of r = indices from r to the last descendant (arena is in document order).
        let mut last = r;
        while let Some(&c) = tree.nodes[last].children.last() {
            last = c;
        }
        r..=last
    };
    let time_at = |i: usize| match &tree.nodes[i].kind {
        Kind::Element(e) => e.datetime.as_deref().and_then(dates::parse_any),
        _ => None,
    };
    for &r in roots {
        if let Some(d) = root_range(r).find_map(time_at) {
            return Some(d);
        }
    }
    (1..tree.nodes.len())
        .filter(|&i| tree.nodes[i].name() == "time")
        .filter(|&i| st.visible[i])
        .find_map(time_at)
}

/// Plain text with its line breaks: paragraphs separated by blank lines, whitespace collapsed.
fn paragraphs(s: &str) -> String {
    s.split('\n')
        .map(collapse)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// "Title | Site" → "Title" when "Site" is the outlet.
fn strip_site_suffix(title: &str, outlet: &str) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if tail.trim().eq_ignore_ascii_case(outlet.trim()) && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// The text of an HTML fragment (a feed item's description): every visible paragraph, without
/// main-text selection; scripts and styles dropped.
pub fn fragment_text(html: &str) -> String {
    fragment_text_with(html, Entities::embedded())
}

/// [`fragment_text`] with a given entity table.
pub fn fragment_text_with(html: &str, ents: &Entities) -> String {
    let mut meta = Meta::default();
    let tree = build(html, &mut meta, ents);
    render(&tree, None, &[0])
}

/// Reads a whole page into an item.
pub(crate) fn read(source: &str, bytes: &[u8], ents: &Entities) -> Result<Item, IngestError> {
    let html = charset::decode_markup(bytes)?;
    let page = extract_with(&html, ents);
    if page.text.trim().is_empty() {
        return Err(IngestError::NoHtmlText);
    }
    Ok(Item {
        source: source.to_string(),
        format: crate::Format::Html,
        bytes: page.text.into_bytes(),
        title: page.title,
        url: page.url,
        outlet: page.outlet,
        published: page.published,
        lang: page.lang,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Token<'_>> {
        Tokenizer::new(s).collect()
    }

    #[test]
    fn tokenizer_attributes() {
        let t = toks("<a href=x.html class='a b' hidden data-x = \"1 > 0\">go</a>");
        match &t[0] {
            Token::Start { name, attrs, .. } => {
                assert_eq!(name, "a");
                assert_eq!(attr(attrs, "href"), Some("x.html"));
                assert_eq!(attr(attrs, "class"), Some("a b"));
                assert_eq!(attr(attrs, "hidden"), Some(""));
                assert_eq!(attr(attrs, "data-x"), Some("1 > 0"));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(t[1], Token::Text("go"));
        assert_eq!(t[2], Token::End { name: "a".into() });
    }

    #[test]
    fn tokenizer_odd_input() {
        assert_eq!(toks("a < b <3 c"), vec![Token::Text("a < b <3 c")]);
        assert_eq!(
            toks("x<!-- hidden <p> -->y"),
            vec![Token::Text("x"), Token::Text("y")]
        );
        assert_eq!(toks("<![CDATA[1 < 2]]>"), vec![Token::Text("1 < 2")]);
        assert_eq!(toks("ok<p class=\"cut"), vec![Token::Text("ok")]);
        assert_eq!(toks("ok<di"), vec![Token::Text("ok")]);
        let t = toks("<SCRIPT>if (a < b) { x = '</div>' }</script >after");
        assert!(
            matches!(&t[1], Token::Raw { name, content } if name == "script" && content.contains("</div>"))
        );
        assert_eq!(t.last(), Some(&Token::Text("after")));
        assert_eq!(toks("<title>no end <b>bold</b>").len(), 4);
    }

    #[test]
    fn unclosed_and_stray_tags() {
        let p =
            extract("<div><p>Premier paragraphe sans fin<p>Second <b>gras</div></div></span>suite");
        assert_eq!(
            p.text,
            "Premier paragraphe sans fin\n\nSecond gras\n\nsuite"
        );
    }

    #[test]
    fn lists_and_breaks() {
        let p = extract("<ul><li>un<li>deux</ul>trois<br>quatre");
        assert_eq!(p.text, "un\n\ndeux\n\ntrois\n\nquatre");
    }

    #[test]
    fn boilerplate_is_dropped() {
        let html = r#"<html lang="en"><body>
            <nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <div class="site-header cookie-banner">We use cookies to improve things.</div>
            <article><h1>Bridge reopened after floods</h1>
              <p>The bridge over the river reopened on Monday, officials said, after two weeks of repairs.</p>
              <div class="share-buttons">Share on every network</div>
              <p>Traders welcomed the news, saying prices had risen while it was closed.</p>
            </article>
            <aside>Most read: something else entirely</aside>
            <footer>Copyright the example outlet</footer></body></html>"#;
        let p = extract(html);
        assert!(p
            .text
            .starts_with("Bridge reopened after floods\n\nThe bridge"));
        assert!(p.text.contains("Traders welcomed"));
        for junk in ["Home", "cookies", "Share on", "Most read", "Copyright"] {
            assert!(!p.text.contains(junk), "{junk} in {:?}", p.text);
        }
        assert_eq!(p.lang, Some(Lang::En));
        assert_eq!(p.title.as_deref(), Some("Bridge reopened after floods"));
    }

    #[test]
    fn readability_without_article() {
        let mut html = String::from("<body><div id=menu><a href=a>A link</a><a href=b>B link</a></div><div class=wrap><div class=teaser><p>Short teaser, one line only here.</p></div><div class=story>");
        for i in 0..5 {
            html.push_str(&format!("<p>Paragraph {i} of the story, with commas, clauses, and enough words to count as real content.</p>"));
        }
        html.push_str("</div></div><div class=links><p><a href=x>A list of links that should not win the scoring at all</a></p></div></body>");
        let p = extract(&html);
        assert!(p.text.starts_with("Paragraph 0"), "{:?}", p.text);
        assert!(p.text.contains("Paragraph 4"));
        assert!(!p.text.contains("A link"));
        assert!(!p.text.contains("should not win"));
    }

    #[test]
    fn metadata_from_meta_tags() {
        let html = r#"<html lang="fr-FR"><head><title>Un titre | Le Journal Exemple</title>
            <meta property="og:site_name" content="Le Journal Exemple">
            <meta property="article:published_time" content="2024-10-08T09:30:00+00:00">
            <link rel="canonical" href="/2024/10/un-titre"><meta property="og:url" content="https://journal.example/x">
            </head><body><p>Le texte de l'article, assez long pour compter.</p></body></html>"#;
        let p = extract(html);
        assert_eq!(p.title.as_deref(), Some("Un titre"));
        assert_eq!(p.outlet.as_deref(), Some("Le Journal Exemple"));
        assert_eq!(p.published, NaiveDate::from_ymd_opt(2024, 10, 8));
        assert_eq!(
            p.url.as_deref(),
            Some("https://journal.example/2024/10/un-titre")
        );
        assert_eq!(p.lang, Some(Lang::Fr));
    }

    #[test]
    fn metadata_from_json_ld_and_time() {
        let html = r#"<head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","headline":"H","datePublished":"2024-09-30T18:00:00Z"}]}</script>
            <link rel=canonical href="https://www.exemple-info.test/a/b"></head>
            <body><h1>Titre principal</h1><p>Du texte.<time datetime="2023-01-01">old</time></p></body>"#;
        let p = extract(html);
        assert_eq!(p.published, NaiveDate::from_ymd_opt(2024, 9, 30));
        assert_eq!(p.outlet.as_deref(), Some("exemple-info.test"));
        assert_eq!(p.title.as_deref(), Some("Titre principal"));
        let p = extract("<body><p>Texte <time datetime='2024-07-02T10:00'>mardi</time></p></body>");
        assert_eq!(p.published, NaiveDate::from_ymd_opt(2024, 7, 2));
    }

    #[test]
    fn entities_and_whitespace() {
        let p = extract("<p>  Caf&eacute;\n\n  cr&egrave;me &amp; 10&nbsp;000 &#8364;  </p>");
        assert_eq!(p.text, "Café crème & 10\u{A0}000 €");
    }

    #[test]
    fn pre_keeps_lines_and_article_header_is_kept() {
        let p = extract("<pre>ligne un\n   ligne deux\n\n</pre>");
        assert_eq!(p.text, "ligne un\nligne deux");
        let html = "<header><a href=/>Site</a> menu du site</header><article><header><h1>Titre</h1>\
            <p class=chapo>Le chapeau résume l'article en une phrase assez longue.</p></header>\
            <p>Le corps de l'article suit, avec ses détails, ses chiffres et ses sources.</p></article>";
        let p = extract(html);
        assert!(
            p.text.starts_with("Titre\n\nLe chapeau résume"),
            "{}",
            p.text
        );
        assert!(!p.text.contains("menu du site"));
    }

    #[test]
    fn long_comments_do_not_win() {
        let mut html = String::from("<div id=page><div class=entry-content>");
        for i in 0..3 {
            html.push_str(&format!(
                "<p>Paragraphe {i} de l'article, avec une phrase assez longue pour compter.</p>"
            ));
        }
        html.push_str("</div><div id=comments class=comments-area><ol>");
        for i in 0..20 {
            html.push_str(&format!("<li><article class=comment-body><p>Commentaire {i}, bavard, très long, plein de virgules, encore plus long que l'article lui-même.</p></article></li>"));
        }
        html.push_str("</ol></div></div>");
        let p = extract(&html);
        assert!(p.text.starts_with("Paragraphe 0"), "{}", p.text);
        assert!(!p.text.contains("Commentaire"), "{}", p.text);
    }

    #[test]
    fn wrappers_with_boilerplate_like_classes_are_kept() {
        let body: String = (0..4)
            .map(|i| {
                format!(
                    "<p>Paragraphe {i} du texte principal, assez long pour compter, vraiment.</p>"
                )
            })
            .collect();
        for wrapper in ["layout has-sidebar", "page comments-open", "menu-open"] {
            let html = format!("<div class=\"{wrapper}\"><div class=text>{body}</div><div class=sidebar>Liens</div></div>");
            let p = extract(&html);
            assert!(
                p.text.starts_with("Paragraphe 0") && p.text.contains("Paragraphe 3"),
                "{wrapper}: {}",
                p.text
            );
            assert!(!p.text.contains("Liens"), "{wrapper}: {}", p.text);
        }
    }

    #[test]
    fn json_ld_article_body_for_script_pages() {
        let html = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle",
            "articleBody":"Premier paragraphe du texte complet, livré en JSON-LD.\nSecond paragraphe, lui aussi absent du balisage."}</script>
            </head><body><div id=app><p>Chargement…</p></div></body></html>"#;
        let p = extract(html);
        assert_eq!(
            p.text,
            "Premier paragraphe du texte complet, livré en JSON-LD.\n\nSecond paragraphe, lui aussi absent du balisage."
        );
        // A page with its text in the markup keeps it.
        let html = r#"<script type="application/ld+json">{"articleBody":"Court."}</script><p>Le vrai texte de la page, plus long.</p>"#;
        assert_eq!(extract(html).text, "Le vrai texte de la page, plus long.");
    }

    #[test]
    fn hosts() {
        assert_eq!(
            host("https://www.a.example:8080/x?y").as_deref(),
            Some("a.example")
        );
        assert_eq!(host("nope"), None);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(100_000) + "deep text" + &"</div>".repeat(100_000);
        assert_eq!(extract(&html).text, "deep text");
    }
}
