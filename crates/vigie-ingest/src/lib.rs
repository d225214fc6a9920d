//! Vigie's ingestion layer: turns the raw bytes of a source (a text or Markdown file, an HTML
//! page, an RSS or Atom feed, a JSON Lines file, a Telegram Desktop export, an X/Twitter
//! archive) into [`Item`]s, the documents that `vigie-extract` reads.
//!
//! - [`detect`] tells the [`Format`] of some bytes (content first, the file name as a hint);
//! - [`read_source`] reads one source into items, one [`Failure`] per broken source or item,
//!   never stopping at the first problem and never panicking;
//! - [`expand`] turns the paths given on a command line into the list of files to read.
//!
//! The HTML reader ([`html`]) is a small tolerant tokenizer plus a readability-style main-text
//! extractor; it is also used for the HTML found inside feed items.
//!
//! ```
//! use vigie_ingest::{read_source, Format};
//!
//! let page = b"<html lang=fr><nav>Menu</nav><article><h1>Titre</h1><p>Du texte.</p></article>";
//! let items = read_source("page.html", Some("page.html"), page);
//! let item = items[0].as_ref().unwrap();
//! assert_eq!(item.format, Format::Html);
//! assert_eq!(item.bytes, b"Titre\n\nDu texte.");
//! assert_eq!(item.title.as_deref(), Some("Titre"));
//!
//! let lines = b"{\"text\": \"Un.\"}\n{oops\n";
//! let items = read_source("d.jsonl", None, lines);
//! assert!(items[0].is_ok());
//! assert_eq!(items[1].as_ref().unwrap_err().to_string(), "d.jsonl#2: line 2: not valid JSON (key must be a string at line 1 column 2)");
//! ```

#![warn(missing_docs)]

pub mod charset;
pub mod dates;
mod detect;
pub mod entities;
mod expand;
mod feed;
pub mod html;
mod jsonl;
pub mod markdown;
mod social;

use chrono::NaiveDate;
use entities::Entities;
use vigie_model::Lang;

pub use detect::detect;
pub use expand::{expand, is_asset};

/// One document read from a source, ready for vigie-extract's `RawInput`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Where it came from, for messages: `"dir/a.html"`, `"feed.xml#3"` (1-based item index),
    /// `"data.jsonl#12"` (line number), `"result.json#4411"` (message id), `"-"` for stdin.
    pub source: String,
    /// The format of the source it was read from.
    pub format: Format,
    /// The document text as UTF-8 bytes. For plain text: the bytes as read, untouched, even
    /// invalid UTF-8 (validation happens later).
    pub bytes: Vec<u8>,
    /// Headline, when the source gives one.
    pub title: Option<String>,
    /// URL of the document, when known.
    pub url: Option<String>,
    /// Outlet (site name, feed title, channel name, "X").
    pub outlet: Option<String>,
    /// Publication date, as written by the source (the local date of its timestamp).
    pub published: Option<NaiveDate>,
    /// Language declared by the source, when it is one Vigie reads.
    pub lang: Option<Lang>,
}

impl Item {
    /// An item with only bytes, the rest empty.
    pub fn new(source: impl Into<String>, format: Format, bytes: Vec<u8>) -> Item {
        Item {
            source: source.into(),
            format,
            bytes,
            title: None,
            url: None,
            outlet: None,
            published: None,
            lang: None,
        }
    }
}

/// The kinds of sources Vigie reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Plain text, passed on untouched.
    Text,
    /// Markdown, with its markup lightly stripped and its front matter read.
    Markdown,
    /// An HTML page: its main text and metadata.
    Html,
    /// An RSS 2.0 (or RSS 1.0/RDF) feed: one item per `<item>`.
    Rss,
    /// An Atom feed: one item per `<entry>`.
    Atom,
    /// JSON Lines: one JSON object per line with at least a `text` field.
    JsonLines,
    /// A Telegram Desktop export (`result.json`): one item per message.
    Telegram,
    /// An X/Twitter archive's `tweets.js`: one item per tweet.
    Tweets,
}

impl Format {
    /// Every format, in a stable order.
    pub const ALL: [Format; 8] = [
        Format::Text,
        Format::Markdown,
        Format::Html,
        Format::Rss,
        Format::Atom,
        Format::JsonLines,
        Format::Telegram,
        Format::Tweets,
    ];

    /// The snake_case name, as serialized: `"text"`, `"json_lines"`...
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Rss => "rss",
            Format::Atom => "atom",
            Format::JsonLines => "json_lines",
            Format::Telegram => "telegram",
            Format::Tweets => "tweets",
        }
    }

    /// Parses a name as given by [`Format::name`] (also accepts `md`, `jsonl`, `ndjson`,
    /// `txt`, `htm`, `x`, `twitter`), case-insensitively.
    pub fn from_name(s: &str) -> Option<Format> {
        let s = s.trim().to_ascii_lowercase();
        Some(match s.as_str() {
            "text" | "txt" | "plain" => Format::Text,
            "markdown" | "md" => Format::Markdown,
            "html" | "htm" => Format::Html,
            "rss" => Format::Rss,
            "atom" => Format::Atom,
            "json_lines" | "jsonl" | "ndjson" | "json-lines" => Format::JsonLines,
            "telegram" => Format::Telegram,
            "tweets" | "twitter" | "x" => Format::Tweets,
            _ => return None,
        })
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A source (or one item of it) that could not be read: kept by the caller with its error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// Where it came from, as in [`Item::source`].
    pub source: String,
    /// The format it was read as, when one was chosen.
    pub format: Option<Format>,
    /// A clear message saying what is wrong and, where possible, what to do.
    pub error: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.source, self.error)
    }
}

impl std::error::Error for Failure {}

/// Why a source or an item cannot be read; turned into a [`Failure`]'s message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IngestError {
    /// No bytes, or only whitespace.
    #[error("empty file")]
    Empty,
    /// A NUL byte in a format that is text.
    #[error("binary data (a NUL byte at offset {offset}): this is not a {format} file")]
    Binary {
        /// Byte offset of the first NUL.
        offset: usize,
        /// The format the source was read as.
        format: Format,
    },
    /// Bytes that are not UTF-8 where UTF-8 is required.
    #[error("not valid UTF-8 (at byte {offset}): save the file as UTF-8")]
    NotUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// A charset this reader does not decode.
    #[error("unsupported charset {0:?}: convert the page to UTF-8")]
    Charset(String),
    /// An HTML page without text.
    #[error("no readable text in this HTML page")]
    NoHtmlText,
    /// A well-known binary file type (PDF, ZIP, image...).
    #[error("{0}: not a text document (convert it to text first)")]
    Unsupported(&'static str),
    /// Anything else, with its message.
    #[error("{0}")]
    Other(String),
}

impl IngestError {
    fn failure(self, source: &str, format: Option<Format>) -> Failure {
        Failure {
            source: source.to_string(),
            format,
            error: self.to_string(),
        }
    }
}

/// Reads one source into items; a broken source or a broken item gives Failures without
/// stopping the others (a JSON Lines file with one broken line gives the good items and one
/// Failure for the bad line, naming the line number).
///
/// `source` names the source in messages (a path, or `"-"` for stdin); `name` is the file
/// name used as a format hint (usually the path, `None` for stdin). For feeds, items parsed
/// before an XML error are returned, followed by one Failure for the file that gives
/// quick-xml's message and the byte position.
pub fn read_source(source: &str, name: Option<&str>, bytes: &[u8]) -> Vec<Result<Item, Failure>> {
    let format = detect(name, bytes);
    read_as(source, format, bytes)
}

/// Reads a piece of a large JSON Lines file whose first line is line `first_line` of the
/// file, so that a file of millions of lines is read a few megabytes at a time. Items and
/// failures are named `source#LINE` with the file's own line numbers; blank lines give
/// nothing (a piece may hold none).
pub fn read_json_lines(
    source: &str,
    bytes: &[u8],
    first_line: usize,
) -> Vec<Result<Item, Failure>> {
    jsonl::read_from(source, bytes, first_line)
}

/// Like [`read_source`], with the format chosen by the caller (e.g. `--format html`).
pub fn read_as(source: &str, format: Format, bytes: &[u8]) -> Vec<Result<Item, Failure>> {
    read_with(source, format, bytes, Entities::embedded())
}

/// A reader configured with user data: its entity table extends the embedded
/// `entities.tsv` with the `entities.tsv` of a user folder.
#[derive(Debug, Clone)]
pub struct Ingester {
    entities: Entities,
}

impl Default for Ingester {
    fn default() -> Self {
        Ingester {
            entities: Entities::embedded().clone(),
        }
    }
}

impl Ingester {
    /// Loads the embedded data, extended by the files of the same name in `data_dir`.
    pub fn new(data_dir: Option<&std::path::Path>) -> std::io::Result<Ingester> {
        Ok(Ingester {
            entities: Entities::load(data_dir)?,
        })
    }

    /// [`read_source`] with this reader's data.
    pub fn read_source(
        &self,
        source: &str,
        name: Option<&str>,
        bytes: &[u8],
    ) -> Vec<Result<Item, Failure>> {
        read_with(source, detect(name, bytes), bytes, &self.entities)
    }

    /// [`read_as`] with this reader's data.
    pub fn read_as(
        &self,
        source: &str,
        format: Format,
        bytes: &[u8],
    ) -> Vec<Result<Item, Failure>> {
        read_with(source, format, bytes, &self.entities)
    }
}

fn read_with(
    source: &str,
    format: Format,
    bytes: &[u8],
    ents: &Entities,
) -> Vec<Result<Item, Failure>> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let utf16_blank = matches!(bytes, [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..])
        && charset::decode_utf16_bom(bytes).is_some_and(|s| s.trim().is_empty());
    if body.iter().all(|b| b.is_ascii_whitespace()) || utf16_blank {
        return vec![Err(IngestError::Empty.failure(source, None))];
    }
    if format == Format::Text {
        if let Some(kind) = known_binary(bytes) {
            return vec![Err(
                IngestError::Unsupported(kind).failure(source, Some(format))
            )];
        }
        return vec![Ok(Item::new(source, Format::Text, bytes.to_vec()))];
    }
    // Structured formats are text: a NUL byte means binary junk (UTF-16 is decoded first).
    let decoded;
    let bytes = match charset::decode_utf16_bom(bytes) {
        Some(s) => {
            decoded = s.into_bytes();
            &decoded[..]
        }
        None => bytes,
    };
    if let Some(offset) = bytes.iter().position(|b| *b == 0) {
        return vec![Err(
            IngestError::Binary { offset, format }.failure(source, Some(format))
        )];
    }
    let one = |r: Result<Item, IngestError>| vec![r.map_err(|e| e.failure(source, Some(format)))];
    match format {
        Format::Text => vec![Ok(Item::new(source, Format::Text, bytes.to_vec()))],
        Format::Markdown => one(markdown::read(source, bytes)),
        Format::Html => one(html::read(source, bytes, ents)),
        Format::Rss | Format::Atom => feed::read(source, format, bytes, ents),
        Format::JsonLines => jsonl::read(source, bytes),
        Format::Telegram => social::read_telegram(source, bytes),
        Format::Tweets => social::read_tweets(source, bytes, ents),
    }
}

/// Names a well-known binary file type from its first bytes. Other binary data is left to
/// the caller's validation (plain text is passed on untouched).
pub fn known_binary(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF file"),
        (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt/.xlsx file)"),
        (b"\x1F\x8B", "a gzip-compressed file"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (
            b"\xD0\xCF\x11\xE0",
            "an old Microsoft Office file (.doc/.xls)",
        ),
        (b"{\\rtf", "an RTF document"),
        (b"\x7FELF", "an executable"),
        (b"SQLite format 3\x00", "a SQLite database"),
    ];
    MAGIC
        .iter()
        .find(|(m, _)| bytes.starts_with(m))
        .map(|(_, k)| *k)
}

/// Requires UTF-8 (a leading BOM is dropped), with an error naming the first bad byte.
pub(crate) fn utf8(bytes: &[u8]) -> Result<&str, IngestError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| IngestError::NotUtf8 {
        offset: e.valid_up_to(),
    })
}

/// Trims a string and turns an empty one into None.
pub(crate) fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}
