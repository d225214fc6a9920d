//! The analyst's web page, embedded: the files built from `web/` (see `build.rs`), looked
//! up by exact path so that no request can reach anything else.

#![warn(missing_docs)]

include!(concat!(env!("OUT_DIR"), "/files.rs"));

/// An embedded file.
#[derive(Debug, Clone, Copy)]
pub struct Asset {
    /// Its bytes.
    pub bytes: &'static [u8],
    /// Its media type.
    pub content_type: &'static str,
}

/// The file at `path` (`"index.html"`, `"app.js"`, …): exact names only, no folders
/// walked, so `..` and friends find nothing.
pub fn asset(path: &str) -> Option<Asset> {
    FILES
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(p, bytes)| Asset {
            bytes,
            content_type: content_type(p),
        })
}

/// The media type of a file, by its extension.
pub fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_and_its_script_are_embedded() {
        let index = asset("index.html").expect("index.html");
        assert!(index.content_type.starts_with("text/html"));
        let html = std::str::from_utf8(index.bytes).unwrap();
        assert!(html.contains("app.js"));
        assert!(asset("app.js").is_some());
        assert!(asset("app.css").is_some());
    }

    #[test]
    fn only_exact_names_are_found() {
        for p in [
            "../Cargo.toml",
            "/index.html",
            "./index.html",
            "",
            "web/index.html",
        ] {
            assert!(asset(p).is_none(), "{p}");
        }
    }
}
