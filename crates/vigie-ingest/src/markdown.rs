//! Markdown: its front matter read, its markup stripped lightly (headings, emphasis, links,
//! images, list and quote markers), code kept as text.

use crate::{dates, non_empty, IngestError, Item};
use vigie_model::Lang;

/// Keys read from a YAML-ish front matter (`---` … `---`) at the top of a Markdown file.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    /// `title:`
    pub title: Option<String>,
    /// `date:` or `published:` as written.
    pub date: Option<String>,
    /// `url:` (or `link:`, `canonical:`).
    pub url: Option<String>,
    /// `outlet:` (or `source:`, `site:`).
    pub outlet: Option<String>,
    /// `lang:` (or `language:`).
    pub lang: Option<String>,
}

/// Splits a front matter off the text: (front matter, body). The front matter opens with a
/// `---` first line and closes with a `---` or `...` line; without a closing line there is
/// none.
pub fn front_matter(text: &str) -> (Option<FrontMatter>, &str) {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (None, text);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let l = line.trim_end();
        if l == "---" || l == "..." {
            let fm = parse_front(&rest[..offset]);
            return (Some(fm), &rest[offset + line.len()..]);
        }
        offset += line.len();
    }
    (None, text)
}

fn parse_front(s: &str) -> FrontMatter {
    let mut fm = FrontMatter::default();
    for line in s.lines() {
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        if line.starts_with([' ', '\t']) {
            continue; // nested YAML: not read
        }
        let v = v.trim();
        let v = v
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .or_else(|| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
            .unwrap_or(v);
        let slot = match k.trim().to_ascii_lowercase().as_str() {
            "title" => &mut fm.title,
            "date" | "published" => &mut fm.date,
            "url" | "link" | "canonical" => &mut fm.url,
            "outlet" | "source" | "site" => &mut fm.outlet,
            "lang" | "language" => &mut fm.lang,
            _ => continue,
        };
        if slot.is_none() {
            *slot = non_empty(v);
        }
    }
    fm
}

/// Strips Markdown markup from a body, line by line; returns the text and the first level-1
/// heading.
pub fn strip(body: &str) -> (String, Option<String>) {
    let mut out = String::with_capacity(body.len());
    let mut title = None;
    let mut fence: Option<String> = None;
    for line in body.lines() {
        let trimmed = line.trim_start();
        // Code fences: the fence lines go, the code stays as written.
        if let Some(f) = &fence {
            if trimmed.starts_with(f.as_str())
                && trimmed.trim_start_matches(f.as_str()).trim().is_empty()
            {
                fence = None;
            } else {
                out.push_str(line);
                out.push('\n');
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            let c = trimmed.as_bytes()[0] as char;
            let n = trimmed.chars().take_while(|x| *x == c).count();
            fence = Some(std::iter::repeat_n(c, n).collect());
            continue;
        }
        // Reference definitions `[id]: url`, thematic breaks and setext underlines.
        if is_reference_definition(trimmed) || is_rule(trimmed) {
            continue;
        }
        let mut l = trimmed;
        // Block quotes.
        while let Some(r) = l.strip_prefix('>') {
            l = r.trim_start();
        }
        // Headings.
        let hashes = l.chars().take_while(|c| *c == '#').count();
        let mut heading = 0;
        if (1..=6).contains(&hashes) && l[hashes..].starts_with([' ', '\t'])
            || (hashes > 0 && hashes <= 6 && l.len() == hashes)
        {
            heading = hashes;
            l = l[hashes..].trim();
            l = l.trim_end_matches('#').trim_end();
        }
        // List markers.
        if heading == 0 {
            l = strip_list_marker(l);
        }
        let text = inline(l);
        if heading == 1 && title.is_none() && !text.trim().is_empty() {
            title = Some(text.trim().to_string());
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
    // At most one blank line between paragraphs.
    let mut clean = String::with_capacity(out.len());
    let mut blank = 0;
    for line in out.lines() {
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !clean.is_empty() {
            clean.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        clean.push_str(line);
    }
    (clean, title)
}

fn is_reference_definition(l: &str) -> bool {
    l.starts_with('[') && l.find("]:").is_some_and(|p| !l[1..p].contains(']'))
}

fn is_rule(l: &str) -> bool {
    let l = l.trim();
    if l.len() < 3 {
        return false;
    }
    let Some(c) = l.chars().next() else {
        return false;
    };
    matches!(c, '-' | '*' | '_' | '=') && l.chars().all(|x| x == c || x == ' ')
}

fn strip_list_marker(l: &str) -> &str {
    for m in ["- ", "* ", "+ "] {
        if let Some(r) = l.strip_prefix(m) {
            let r = r.trim_start();
            // Task lists.
            return r
                .strip_prefix("[ ] ")
                .or_else(|| r.strip_prefix("[x] "))
                .or_else(|| r.strip_prefix("[X] "))
                .unwrap_or(r);
        }
    }
    let digits = l.bytes().take_while(|b| b.is_ascii_digit()).count();
    if (1..=3).contains(&digits) {
        let r = &l[digits..];
        if let Some(r) = r.strip_prefix(". ").or_else(|| r.strip_prefix(") ")) {
            return r.trim_start();
        }
    }
    l
}

/// Strips inline markup: images dropped, links keep their text, emphasis and code markers
/// removed, backslash escapes resolved, autolinks `<url>` unwrapped. Linear in the length of
/// the line (brackets are matched in one pass beforehand; nested links need no recursion).
pub fn inline(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let closes = matching(&chars);
    // Next '>' or ' ' at or after each index (for autolinks).
    let mut next_stop = vec![n; n + 1];
    for k in (0..n).rev() {
        next_stop[k] = if chars[k] == '>' || chars[k] == ' ' {
            k
        } else {
            next_stop[k + 1]
        };
    }
    let link_at = |i: usize| -> Option<(usize, usize)> {
        // `[text](url)` or `[text][ref]` starting at `i`: (index of `]`, index after).
        let close = closes[i]?;
        match chars.get(close + 1) {
            Some('(') | Some('[') => closes[close + 1].map(|e| (close, e + 1)),
            _ => None,
        }
    };
    let mut out = String::with_capacity(s.len());
    // Ends of the links whose text is being written: at `]` jump past the target.
    let mut open_links: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    let alnum = |k: Option<&char>| k.is_some_and(|c| c.is_alphanumeric());
    let spaced = |k: Option<&char>| k.is_none_or(|x| x.is_whitespace());
    while i < n {
        if let Some(&(text_end, end)) = open_links.last() {
            if i >= text_end {
                open_links.pop();
                i = i.max(end);
                continue;
            }
        }
        let c = chars[i];
        match c {
            '\\' if i + 1 < n && chars[i + 1].is_ascii_punctuation() => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '!' if chars.get(i + 1) == Some(&'[') => match link_at(i + 1) {
                Some((_, end)) => i = end, // images are dropped
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '[' => match link_at(i) {
                Some(link) => {
                    open_links.push(link);
                    i += 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '<' => {
                let p = next_stop[i + 1];
                if p < n && chars[p] == '>' {
                    let inner: String = chars[i + 1..p].iter().collect();
                    if inner.contains("://") || inner.starts_with("mailto:") {
                        out.push_str(&inner);
                        i = p + 1;
                        continue;
                    }
                }
                out.push(c);
                i += 1;
            }
            '`' => {
                i += 1; // code markers go, code stays
            }
            '*' | '~' | '_' => {
                let mut run = chars[i..].iter().take_while(|x| **x == c).count();
                // Stop a run at the end of the link text it is in.
                if let Some(&(text_end, _)) = open_links.last() {
                    run = run.min(text_end - i);
                }
                let before = if i == 0 { None } else { chars.get(i - 1) };
                let after = chars.get(i + run);
                let keep = match c {
                    // "5 * 3", "~20 km"
                    '~' => run < 2 || (spaced(before) && spaced(after)),
                    '*' => spaced(before) && spaced(after),
                    // snake_case and lone underscores
                    _ => (alnum(before) && alnum(after)) || (spaced(before) && spaced(after)),
                };
                if keep {
                    out.extend(std::iter::repeat_n(c, run));
                }
                i += run;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// For each `[` and `(`, the index of its matching `]` or `)`, in one pass.
fn matching(chars: &[char]) -> Vec<Option<usize>> {
    let mut closes = vec![None; chars.len()];
    let mut squares = Vec::new();
    let mut rounds = Vec::new();
    for (k, c) in chars.iter().enumerate() {
        match c {
            '[' => squares.push(k),
            ']' => {
                if let Some(o) = squares.pop() {
                    closes[o] = Some(k);
                }
            }
            '(' => rounds.push(k),
            ')' => {
                if let Some(o) = rounds.pop() {
                    closes[o] = Some(k);
                }
            }
            _ => {}
        }
    }
    closes
}

/// Reads a Markdown file into an item.
pub(crate) fn read(source: &str, bytes: &[u8]) -> Result<Item, IngestError> {
    let text = crate::utf8(bytes)?;
    let (fm, body) = front_matter(text);
    let fm = fm.unwrap_or_default();
    let (stripped, heading) = strip(body);
    if stripped.trim().is_empty() {
        return Err(IngestError::Other(
            "no text in this Markdown file (only markup or front matter)".into(),
        ));
    }
    Ok(Item {
        source: source.to_string(),
        format: crate::Format::Markdown,
        bytes: stripped.into_bytes(),
        title: fm.title.or(heading),
        url: fm.url,
        outlet: fm.outlet,
        published: fm.date.as_deref().and_then(dates::parse_any),
        lang: fm
            .lang
            .as_deref()
            .and_then(|l| Lang::from_code(l.split(['-', '_']).next().unwrap_or(l))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_markup() {
        assert_eq!(
            inline("**Gras** et *italique* et __souligné__"),
            "Gras et italique et souligné"
        );
        assert_eq!(
            inline("voir [le site](https://x.test/a_(b)) ici"),
            "voir le site ici"
        );
        assert_eq!(inline("![une image](img.png)texte"), "texte");
        assert_eq!(
            inline("snake_case_name, 5 * 3, ~20 km, `code`"),
            "snake_case_name, 5 * 3, ~20 km, code"
        );
        assert_eq!(inline("\\*pas\\* <https://x.test>"), "*pas* https://x.test");
        assert_eq!(inline("[ref][1] et [crochet seul"), "ref et [crochet seul");
        assert_eq!(inline("[a [b](c) *d*](e) f"), "a b d f");
        assert_eq!(inline("[![logo](l.png) accueil](/)"), " accueil");
    }

    #[test]
    fn blocks_and_title() {
        let (t, title) = strip("# Le titre #\n\nUn *paragraphe*.\n\n---\n\n> cité\n- un\n- deux\n\n```\nlet x = *y*;\n```\n[1]: https://x.test\n## Sous-titre\n");
        assert_eq!(title.as_deref(), Some("Le titre"));
        assert_eq!(
            t,
            "Le titre\n\nUn paragraphe.\n\ncité\nun\ndeux\n\nlet x = *y*;\nSous-titre"
        );
    }

    #[test]
    fn front_matter_keys() {
        let (fm, body) = front_matter(
            "---\ntitle: \"Un titre\"\ndate: 2024-10-08\nlang: fr\ntags:\n  - a\n---\nCorps",
        );
        let fm = fm.unwrap();
        assert_eq!(fm.title.as_deref(), Some("Un titre"));
        assert_eq!(fm.date.as_deref(), Some("2024-10-08"));
        assert_eq!(fm.lang.as_deref(), Some("fr"));
        assert_eq!(body, "Corps");
        assert_eq!(front_matter("---\nno end").0, None);
    }
}
