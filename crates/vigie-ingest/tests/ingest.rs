//! End-to-end tests of vigie-ingest on the fixture files (invented content).

use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use vigie_ingest::{detect, expand, read_source, Failure, Format, Item};
use vigie_model::Lang;

fn fixture(name: &str) -> (String, Vec<u8>) {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    (name.to_string(), std::fs::read(&p).expect("fixture"))
}

fn read(name: &str) -> Vec<Result<Item, Failure>> {
    let (n, bytes) = fixture(name);
    read_source(&n, Some(&n), &bytes)
}

fn one(name: &str) -> Item {
    let mut r = read(name);
    assert_eq!(r.len(), 1, "{r:?}");
    r.pop().unwrap().expect("one item")
}

fn text(i: &Item) -> &str {
    std::str::from_utf8(&i.bytes).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn html_article_boilerplate_and_metadata() {
    let i = one("article.html");
    assert_eq!(i.format, Format::Html);
    let t = text(&i);
    assert!(
        t.starts_with("Crue du fleuve : la route nationale coupée\n\n"),
        "{t}"
    );
    assert!(t.contains("La montée des eaux a submergé mardi matin"));
    assert!(t.contains("plus d\u{2019}une semaine"));
    assert!(t.contains("« Nous n'avons jamais vu"));
    assert!(t.contains("Un pont provisoire est à l'étude.\n\nLes travaux pourraient"));
    for junk in [
        "Politique",
        "Édition du soir",
        "témoins de connexion",
        "Partager",
        "À lire aussi",
        "Premier commentaire",
        "Les plus lus",
        "Tous droits",
        "not text",
        "font-family",
    ] {
        assert!(!t.contains(junk), "{junk:?} in {t}");
    }
    assert_eq!(
        i.title.as_deref(),
        Some("Crue du fleuve : la route nationale coupée")
    );
    assert_eq!(i.outlet.as_deref(), Some("Journal du Fleuve"));
    assert_eq!(
        i.url.as_deref(),
        Some("https://journal-du-fleuve.test/2024/10/crue-route")
    );
    // JSON-LD (inside @graph) wins over <time>.
    assert_eq!(i.published, date(2024, 10, 8));
    assert_eq!(i.lang, Some(Lang::Fr));
    // Paragraphs are separated by blank lines, whitespace collapsed.
    assert!(!t.contains("\n\n\n") && !t.contains("  "));
}

#[test]
fn html_windows_1252() {
    let i = one("page-1252.html");
    let t = text(&i);
    assert!(
        t.contains("Le marché central a rouvert ses portes jeudi après"),
        "{t}"
    );
    assert!(t.contains("l\u{2019}aile nord"));
    assert!(t.contains("jusqu\u{2019}à la fin du mois – « un délai raisonnable »"));
    assert_eq!(
        i.title.as_deref(),
        Some("Marché central : réouverture après travaux")
    );
}

#[test]
fn html_windows_1252_undeclared() {
    let i = read_source("x.html", Some("x.html"), b"<p>Caf\xE9 cr\xE8me \x80 5</p>")
        .pop()
        .unwrap()
        .unwrap();
    assert_eq!(text(&i), "Café crème € 5");
}

#[test]
fn html_truncated_mid_tag() {
    let i = one("truncated.html");
    assert_eq!(
        text(&i),
        "Le premier paragraphe est complet et lisible.\n\nLe second paragraphe est coupé au milieu"
    );
    assert_eq!(i.title.as_deref(), Some("Page coupée"));
    // Cut anywhere, it never fails while some text is there.
    let (_, bytes) = fixture("article.html");
    for cut in (200..bytes.len()).step_by(37) {
        let r = read_source("cut.html", Some("cut.html"), &bytes[..cut]);
        assert_eq!(r.len(), 1);
    }
}

#[test]
fn html_malformed() {
    let i = one("malformed.html");
    let t = text(&i);
    assert!(t.contains("Bulletin n° 12"), "{t}");
    assert!(t.contains("Les niveaux d'eau sont < 2 mètres & stables selon l'agence."));
    assert!(t.contains("Prochain relevé mardi, sauf imprévu."));
    assert!(t.contains("Nord"));
    assert!(t.contains("attribut vide"));
}

#[test]
fn html_without_text_fails() {
    let r = read_source(
        "empty.html",
        Some("empty.html"),
        b"<html><head><title>t</title><script>x()</script></head><body><img src=a.png></body></html>",
    );
    let f = r[0].as_ref().unwrap_err();
    assert_eq!(f.error, "no readable text in this HTML page");
    assert_eq!(f.format, Some(Format::Html));
}

#[test]
fn rss_feed() {
    let r = read("feed.rss");
    assert_eq!(r.len(), 2, "{r:?}");
    let a = r[0].as_ref().unwrap();
    assert_eq!(a.format, Format::Rss);
    assert_eq!(a.source, "feed.rss#1");
    assert_eq!(text(a), "Le génie a posé un pont provisoire sur le fleuve.");
    assert_eq!(a.title.as_deref(), Some("Un pont provisoire installé"));
    assert_eq!(a.outlet.as_deref(), Some("Le Veilleur du Fleuve"));
    assert_eq!(a.published, date(2024, 10, 9));
    assert_eq!(a.lang, Some(Lang::Fr));
    let b = r[1].as_ref().unwrap();
    assert_eq!(b.source, "feed.rss#2");
    assert_eq!(
        text(b),
        "Le trafic des camions a repris jeudi.\n\nLes files d'attente se résorbent lentement."
    );
    assert_eq!(b.published, date(2024, 10, 10));
    assert_eq!(b.url.as_deref(), Some("https://veilleur.test/reprise"));
}

#[test]
fn atom_feed() {
    let i = one("feed.atom");
    assert_eq!(i.format, Format::Atom);
    assert_eq!(i.source, "feed.atom#1");
    assert_eq!(
        text(&i),
        "Engineers opened a temporary bridge on Wednesday.\n\nTrucks were crossing by evening."
    );
    assert_eq!(i.published, date(2024, 10, 9));
    assert_eq!(i.url.as_deref(), Some("https://river-watch.test/bridge"));
    assert_eq!(i.outlet.as_deref(), Some("River Watch"));
    assert_eq!(i.lang, Some(Lang::En));
}

#[test]
fn invalid_xml_feed() {
    let r = read("broken-feed.xml");
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(text(r[0].as_ref().unwrap()), "This one is complete.");
    let f = r[1].as_ref().unwrap_err();
    assert_eq!(f.source, "broken-feed.xml");
    assert!(f.error.starts_with("invalid XML at line 4"), "{}", f.error);
    // Not XML at all, named .xml.
    let r = read_source("n.xml", Some("n.xml"), b"just words, no markup");
    assert!(r[0].is_err());
}

#[test]
fn jsonl_with_a_broken_line() {
    let r = read("docs.jsonl");
    assert_eq!(r.len(), 4);
    let a = r[0].as_ref().unwrap();
    assert_eq!(a.format, Format::JsonLines);
    assert_eq!(a.source, "docs.jsonl#1");
    assert_eq!(a.lang, Some(Lang::Fr));
    assert_eq!(a.outlet.as_deref(), Some("Exemple Info"));
    assert_eq!(a.published, date(2024, 10, 8));
    assert_eq!(r[1].as_ref().unwrap().published, date(2024, 10, 9));
    let f = r[2].as_ref().unwrap_err();
    assert_eq!(f.source, "docs.jsonl#3");
    assert!(f.error.starts_with("line 3: not valid JSON"), "{}", f.error);
    assert_eq!(
        text(r[3].as_ref().unwrap()),
        "Un quatrième document, sans métadonnées."
    );
}

#[test]
fn telegram_export() {
    let r = read("result.json");
    assert_eq!(r.len(), 2, "{r:?}");
    let a = r[0].as_ref().unwrap();
    assert_eq!(a.format, Format::Telegram);
    assert_eq!(a.source, "result.json#2");
    assert_eq!(a.outlet.as_deref(), Some("Canal Météo Exemple"));
    assert_eq!(a.published, date(2024, 10, 8));
    assert_eq!(a.url, None);
    assert_eq!(
        text(r[1].as_ref().unwrap()),
        "Mise à jour : la décrue a commencé, voir https://meteo-exemple.test/releves."
    );
}

#[test]
fn tweets_archive() {
    let r = read("tweets.js");
    assert_eq!(r.len(), 2);
    let a = r[0].as_ref().unwrap();
    assert_eq!(a.format, Format::Tweets);
    assert_eq!(a.source, "tweets.js#1844000000000000010");
    assert_eq!(
        text(a),
        "Water level at the north gauge is back under 2 m > road reopening expected tomorrow https://river-watch.test/levels"
    );
    assert_eq!(
        a.url.as_deref(),
        Some("https://x.com/i/status/1844000000000000010")
    );
    assert_eq!(a.outlet.as_deref(), Some("X"));
    assert_eq!(a.published, date(2024, 10, 9));
    assert_eq!(a.lang, Some(Lang::En));
    assert_eq!(r[1].as_ref().unwrap().lang, Some(Lang::Fr));
}

#[test]
fn markdown_note() {
    let i = one("note.md");
    assert_eq!(i.format, Format::Markdown);
    assert_eq!(i.title.as_deref(), Some("Notes de terrain"));
    assert_eq!(i.published, date(2024, 10, 11));
    assert_eq!(i.outlet.as_deref(), Some("Carnet Exemple"));
    assert_eq!(i.lang, Some(Lang::Fr));
    assert_eq!(
        text(&i),
        "Visite au marché\n\nLe marché central a rouvert, voir le communiqué.\n\nAile nord : fermée\nAile sud : ouverte\n\nrelevé_1 = 1,8 m"
    );
}

#[test]
fn plain_text_is_untouched_even_invalid_utf8() {
    let bytes = b"Rapport du jour\xFF\xFE : tout va bien.\r\n";
    let r = read_source("r.txt", Some("r.txt"), bytes);
    let i = r[0].as_ref().unwrap();
    assert_eq!(i.format, Format::Text);
    assert_eq!(i.bytes, bytes);
    // Stdin, no name: text too.
    let r = read_source("-", None, "Un texte simple.".as_bytes());
    assert_eq!(r[0].as_ref().unwrap().source, "-");
}

#[test]
fn empty_file() {
    for bytes in [&b""[..], b"  \n\t\n"] {
        let r = read_source("e.html", Some("e.html"), bytes);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].as_ref().unwrap_err().error, "empty file");
    }
}

#[test]
fn binary_junk_in_structured_formats() {
    let junk = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00";
    for name in [
        "a.html",
        "a.xml",
        "a.jsonl",
        "result.json",
        "tweets.js",
        "a.md",
        "a.atom",
    ] {
        let r = read_source(name, Some(name), junk);
        assert_eq!(r.len(), 1, "{name}");
        let f = r[0].as_ref().unwrap_err();
        assert!(f.error.contains("binary data"), "{name}: {}", f.error);
    }
}

#[test]
fn markdown_invalid_utf8_fails_clearly() {
    let r = read_source("m.md", Some("m.md"), b"# Titre\n\nCaf\xE9");
    assert!(r[0].as_ref().unwrap_err().error.contains("not valid UTF-8"));
}

#[test]
fn detection_of_fixtures_without_names() {
    for (name, want) in [
        ("article.html", Format::Html),
        ("page-1252.html", Format::Html),
        ("feed.rss", Format::Rss),
        ("feed.atom", Format::Atom),
        ("broken-feed.xml", Format::Rss),
        ("docs.jsonl", Format::JsonLines),
        ("result.json", Format::Telegram),
        ("tweets.js", Format::Tweets),
        ("note.md", Format::Markdown),
    ] {
        let (_, bytes) = fixture(name);
        assert_eq!(detect(None, &bytes), want, "{name}");
    }
}

fn temp_dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("vigie-ingest-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn expand_folders() {
    let d = temp_dir("expand");
    std::fs::create_dir_all(d.join("b/c")).unwrap();
    std::fs::create_dir_all(d.join(".git")).unwrap();
    for f in [
        "b/c/z.txt",
        "b/a.html",
        "a.md",
        ".hidden.txt",
        ".git/config",
        "b/.DS_Store",
        "b/a_files/style.css",
        "b/a_files/app.js",
        "b/a_files/logo.PNG",
        "x/tweets.js",
    ] {
        if let Some(parent) = d.join(f).parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(d.join(f), "x").unwrap();
    }
    let files = expand(std::slice::from_ref(&d)).unwrap();
    let rel: Vec<String> = files
        .iter()
        .map(|p| p.strip_prefix(&d).unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(rel, ["a.md", "b/a.html", "b/c/z.txt", "x/tweets.js"]);
    // Assets named explicitly are kept.
    let css = d.join("b/a_files/style.css");
    assert_eq!(expand(std::slice::from_ref(&css)).unwrap(), [css]);
    // Files as given (even hidden ones), in the order given.
    let files = expand(&[d.join(".hidden.txt"), d.join("a.md")]).unwrap();
    assert_eq!(files, [d.join(".hidden.txt"), d.join("a.md")]);
    // A missing path is an error naming it.
    let e = expand(&[d.join("missing.txt")]).unwrap_err();
    assert!(e.to_string().contains("missing.txt"));
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn expand_empty_folder() {
    let d = temp_dir("empty");
    assert!(expand(std::slice::from_ref(&d)).unwrap().is_empty());
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn dev_corpus_reads_every_line() {
    let Some(shared) = vigie_testkit::shared(env!("CARGO_MANIFEST_DIR"), "corpus/dev.jsonl") else {
        return;
    };
    let bytes = std::fs::read(shared.join("corpus/dev.jsonl")).unwrap();
    let r = read_source("dev.jsonl", Some("dev.jsonl"), &bytes);
    let failures: Vec<_> = r.iter().filter_map(|x| x.as_ref().err()).collect();
    assert!(failures.is_empty(), "{failures:?}");
    // One item per non-empty line (40 documents as of SCHEMA.md).
    let lines = bytes
        .split(|b| *b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .count();
    assert!(lines >= 40);
    assert_eq!(r.len(), lines);
    assert!(r.iter().all(|x| {
        let i = x.as_ref().unwrap();
        i.lang.is_some()
            && i.published.is_some()
            && i.url.is_some()
            && i.format == Format::JsonLines
    }));
}

#[test]
fn large_html_page_is_linear() {
    let mut page = String::from("<html><body><nav><a href=/>Accueil</a></nav><div class=content>");
    let mut n = 0;
    while page.len() < 10_000_000 {
        page.push_str("<div class=\"bloc\"><p>Un paragraphe d'exemple, avec des virgules, et un <a href=\"/l\">lien</a> au milieu du texte.</p><ul><li>un</li><li>deux</li></ul></div>\n");
        n += 1;
    }
    page.push_str("</div></body></html>");
    let t = std::time::Instant::now();
    let r = read_source("big.html", Some("big.html"), page.as_bytes());
    let el = t.elapsed();
    let i = r[0].as_ref().unwrap();
    assert!(i.bytes.len() > 5_000_000, "{}", i.bytes.len());
    println!("10 MB page ({n} blocks): {:?}", el);
    assert!(el.as_secs_f64() < 10.0, "{el:?}");
}

mod props {
    use super::*;
    use proptest::prelude::*;

    const NAMES: [Option<&str>; 10] = [
        None,
        Some("a.txt"),
        Some("a.md"),
        Some("a.html"),
        Some("a.xml"),
        Some("a.atom"),
        Some("a.jsonl"),
        Some("result.json"),
        Some("tweets.js"),
        Some("a.bin"),
    ];

    fn markupish() -> impl Strategy<Value = Vec<u8>> {
        let pieces = prop::sample::select(vec![
            "<",
            ">",
            "</",
            "<p>",
            "<div class=nav>",
            "</div>",
            "<article>",
            "<script>",
            "</script>",
            "<!--",
            "-->",
            "<![CDATA[",
            "]]>",
            "&amp;",
            "&#",
            "&#x",
            ";",
            "\"",
            "'",
            "=",
            " ",
            "\n",
            "<rss>",
            "<channel>",
            "<item>",
            "</item>",
            "<feed>",
            "<entry>",
            "<title>",
            "</title>",
            "{",
            "}",
            "[",
            "]",
            "\"text\":",
            "\"messages\":",
            "window.YTD.tweets.part0 = ",
            "---\n",
            "# ",
            "**",
            "[a](",
            ")",
            "é",
            "\u{00A0}",
            "x",
            "\u{0}",
            "\u{FEFF}",
        ]);
        prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat().into_bytes())
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            // PROPTEST_CASES=N for a longer run.
            cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(400),
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400), k in 0usize..10) {
            let r = read_source("p", NAMES[k], &bytes);
            prop_assert!(!r.is_empty());
            for f in Format::ALL {
                let _ = vigie_ingest::read_as("p", f, &bytes);
            }
        }

        #[test]
        fn html_and_markdown_never_panic_on_strings(s in "\\PC{0,300}") {
            let p = vigie_ingest::html::extract(&s);
            prop_assert!(!p.text.contains("\n\n\n"));
            let _ = vigie_ingest::html::fragment_text(&s);
            let _ = vigie_ingest::markdown::strip(&s);
            let _ = vigie_ingest::markdown::inline(&s);
            let _ = vigie_ingest::dates::parse_any(&s);
        }

        #[test]
        fn never_panics_on_markup_soup(bytes in markupish(), k in 0usize..10) {
            let r = read_source("p", NAMES[k], &bytes);
            prop_assert!(!r.is_empty());
            for f in Format::ALL {
                for item in vigie_ingest::read_as("p", f, &bytes).into_iter().flatten() {
                    if f != Format::Text {
                        prop_assert!(std::str::from_utf8(&item.bytes).is_ok());
                    }
                }
            }
        }
    }
}

/// Adversarial inputs that would be quadratic (or overflow the stack) in a naive reader.
#[test]
fn adversarial_inputs_stay_fast() {
    let n = 400_000;
    let cases: Vec<(&str, String)> = vec![
        ("a.html", "<noscript>".repeat(n)),
        ("a.html", "<title>".repeat(n)),
        ("a.html", "<li>x".repeat(n)),
        ("a.html", "<a>x".repeat(n)),
        ("a.html", "<b>".repeat(n) + &"</p>".repeat(n)),
        ("a.html", "<".repeat(n)),
        ("a.html", format!("<p{}>x", " a".repeat(n))),
        ("a.html", "<div>".repeat(n) + "x" + &"</span>".repeat(n)),
        ("a.html", "&".repeat(n) + &"&amp".repeat(n)),
        ("a.md", "[".repeat(n)),
        ("a.md", "<".repeat(n)),
        ("a.md", "[x](".repeat(n / 4)),
        ("a.md", "[".repeat(n) + &"](u)".repeat(n)),
        ("a.md", "*_~`".repeat(n)),
        ("a.xml", "<rss><channel>".to_string() + &"<item>".repeat(n)),
        ("a.jsonl", "[".repeat(n)),
        ("result.json", "[".repeat(n)),
        (
            "tweets.js",
            "window.YTD.tweets.part0 = ".to_string() + &"[".repeat(n),
        ),
    ];
    for (name, input) in cases {
        let t = std::time::Instant::now();
        let r = read_source(name, Some(name), input.as_bytes());
        let el = t.elapsed();
        assert!(!r.is_empty());
        assert!(el.as_secs_f64() < 3.0, "{name} {:?}: {el:?}", &input[..20]);
    }
}

#[test]
fn known_binary_files_fail_early() {
    let r = read_source(
        "scan.pdf",
        Some("scan.pdf"),
        b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj",
    );
    assert_eq!(
        r[0].as_ref().unwrap_err().error,
        "a PDF file: not a text document (convert it to text first)"
    );
    let r = read_source("x", None, b"PK\x03\x04\x14\x00\x06\x00");
    assert!(r[0].as_ref().unwrap_err().error.contains("ZIP"));
}

#[test]
fn user_entities_extend_the_table() {
    let d = temp_dir("entities");
    std::fs::write(d.join("entities.tsv"), "# mine\nbrvbarx\t2766\n").unwrap();
    let ing = vigie_ingest::Ingester::new(Some(&d)).unwrap();
    let html = b"<p>Un &brvbarx; coeur &amp; du texte.</p>";
    let i = ing
        .read_source("a.html", Some("a.html"), html)
        .pop()
        .unwrap()
        .unwrap();
    assert_eq!(text(&i), "Un \u{2766} coeur & du texte.");
    let i = read_source("a.html", Some("a.html"), html)
        .pop()
        .unwrap()
        .unwrap();
    assert_eq!(text(&i), "Un &brvbarx; coeur & du texte.");
    let _ = std::fs::remove_dir_all(&d);
}
