//! Plumbing shared by every reader of language data files: the line format, user
//! folders that extend the embedded files, and one error type.
//!
//! Data files are UTF-8 text, one entry a line, fields separated by tabs; blank lines and
//! lines starting with `#` are comments. A user folder holds files of the same names,
//! directly or in a sub-folder named after the stage (`dates/fr.tsv`), which extend the
//! embedded ones at run time.

use std::path::{Path, PathBuf};

/// An error in a data file: it could not be read, or a line of it cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// A user data file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A line is malformed.
    #[error("{file}:{line}: {message}")]
    Data {
        /// The file (its embedded name, or the user file's path).
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
}

/// A [`DataError::Data`] for `file`, `line`.
pub fn bad_line(file: &str, line: usize, message: impl Into<String>) -> DataError {
    DataError::Data {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

/// The data lines of a file: (1-based line number, trimmed tab-separated fields), with
/// comments and blank lines skipped.
pub fn data_lines(src: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    src.lines().enumerate().filter_map(|(n, l)| {
        let l = l.trim_end_matches('\r');
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            return None;
        }
        Some((n + 1, l.split('\t').map(str::trim).collect()))
    })
}

/// The user's version of data file `name`: `user_dir/stage/name`, else `user_dir/name`.
/// Returns its path (for messages) and content; `None` when there is no user folder or
/// no such file.
pub fn user_file(
    user_dir: Option<&Path>,
    stage: &str,
    name: &str,
) -> Result<Option<(String, String)>, DataError> {
    let Some(dir) = user_dir else {
        return Ok(None);
    };
    for path in [dir.join(stage).join(name), dir.join(name)] {
        if path.is_file() {
            let s = std::fs::read_to_string(&path).map_err(|source| DataError::Io {
                path: path.clone(),
                source,
            })?;
            return Ok(Some((path.display().to_string(), s)));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_skip_comments_and_blanks() {
        let src = "# c\n\na\tb \r\n  # x\nc\n";
        let v: Vec<_> = data_lines(src).collect();
        assert_eq!(v, vec![(3, vec!["a", "b"]), (5, vec!["c"])]);
    }

    #[test]
    fn user_files_are_found_in_the_stage_folder_first() {
        let dir = std::env::temp_dir().join(format!("vigie-data-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("dates")).unwrap();
        std::fs::write(dir.join("fr.tsv"), "top").unwrap();
        std::fs::write(dir.join("dates/fr.tsv"), "staged").unwrap();
        let (_, s) = user_file(Some(&dir), "dates", "fr.tsv").unwrap().unwrap();
        assert_eq!(s, "staged");
        assert!(user_file(Some(&dir), "dates", "en.tsv").unwrap().is_none());
        assert!(user_file(None, "dates", "fr.tsv").unwrap().is_none());
    }
}
