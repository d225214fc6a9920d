//! Expansion of command-line paths into files.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

/// Expands paths: files as given, folders recursively (sorted by path, deterministic; hidden
/// files and folders, whose name starts with `.`, skipped), returns the files in order. An
/// empty folder gives an empty list (the caller reports it). A missing path is an error that
/// names it. `-` (stdin) is passed through unchanged. Symbolic links to folders are followed
/// once (a folder reached twice, as through a link loop, is read once); entries that are
/// neither files nor folders (sockets, FIFOs) inside folders are skipped, and so are the
/// assets of saved web pages and media files ([`is_asset`]: stylesheets, scripts other than
/// `tweets*.js`, images, fonts, audio, video). Files named explicitly are never skipped.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, io::Error> {
    let mut out = Vec::new();
    let mut seen_dirs = HashSet::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(p.clone());
            continue;
        }
        let meta = std::fs::metadata(p).map_err(|e| named(p, e))?;
        if meta.is_dir() {
            walk(p, &mut out, &mut seen_dirs)?;
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn named(p: &Path, e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", p.display()))
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, seen: &mut HashSet<PathBuf>) -> io::Result<()> {
    let canon = std::fs::canonicalize(dir).map_err(|e| named(dir, e))?;
    if !seen.insert(canon) {
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| named(dir, e))? {
        let entry = entry.map_err(|e| named(dir, e))?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        entries.push(entry.path());
    }
    entries.sort();
    for path in entries {
        // Follows symbolic links; a dangling link is skipped.
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            walk(&path, out, seen)?;
        } else if meta.is_file() && !is_asset(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// True for files that are never documents: the stylesheets, scripts, images and fonts saved
/// with web pages, and audio or video. Scripts named `tweet*.js` (an X archive) are documents.
pub fn is_asset(path: &Path) -> bool {
    let Some(name) = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
    else {
        return false;
    };
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return false;
    };
    if ext == "js" {
        return !stem.starts_with("tweet");
    }
    matches!(
        ext,
        "css"
            | "map"
            | "mjs"
            | "wasm"
            | "png"
            | "jpg"
            | "jpeg"
            | "gif"
            | "webp"
            | "avif"
            | "svg"
            | "ico"
            | "bmp"
            | "tif"
            | "tiff"
            | "woff"
            | "woff2"
            | "ttf"
            | "otf"
            | "eot"
            | "mp3"
            | "m4a"
            | "ogg"
            | "oga"
            | "opus"
            | "wav"
            | "flac"
            | "mp4"
            | "m4v"
            | "webm"
            | "avi"
            | "mov"
            | "mkv"
    )
}
