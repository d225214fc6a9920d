//! Gold files: documents with their answer keys.

use crate::EvalError;
use serde_json::Value;
use std::path::Path;

/// One gold document: its text, metadata and answer key.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    /// The corpus id ("seed-001", "fr-011").
    pub id: String,
    /// The language code as given.
    pub lang: Option<String>,
    /// The publication date as given (`YYYY-MM-DD`).
    pub published: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// The text.
    pub text: String,
    /// From which date the key annotates events (`scope_from`); predicted events ending
    /// earlier are not scored. `None`: the corpus-wide floor applies.
    pub scope_from: Option<chrono::NaiveDate>,
    /// The answer key (`events`, `places`, `dates`, …).
    pub gold: Value,
}

fn io(path: &Path, source: std::io::Error) -> EvalError {
    EvalError::Io {
        path: path.display().to_string(),
        source,
    }
}

fn fmt(path: &Path, message: impl Into<String>) -> EvalError {
    EvalError::Format {
        path: path.display().to_string(),
        message: message.into(),
    }
}

fn doc_from(v: Value, text: String, path: &Path) -> Result<GoldDoc, EvalError> {
    let s = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    Ok(GoldDoc {
        id: s("id").ok_or_else(|| fmt(path, "a document without \"id\""))?,
        lang: s("lang"),
        published: s("published"),
        outlet: s("outlet"),
        url: s("url"),
        text,
        scope_from: s("scope_from")
            .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
        gold: v.get("gold").cloned().unwrap_or(Value::Null),
    })
}

/// Reads gold files: `.jsonl` (one document per line, text inline) or a seed
/// `*.gold.json` (text in the file named by `"file"`, beside it).
pub fn load_gold(paths: &[impl AsRef<Path>]) -> Result<Vec<GoldDoc>, EvalError> {
    let mut docs = Vec::new();
    for p in paths {
        let path = p.as_ref();
        let raw = std::fs::read_to_string(path).map_err(|e| io(path, e))?;
        if path.extension().is_some_and(|e| e == "jsonl") {
            for (n, line) in raw.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let v: Value = serde_json::from_str(line)
                    .map_err(|e| fmt(path, format!("line {}: {e}", n + 1)))?;
                let text = v
                    .get("text")
                    .and_then(Value::as_str)
                    .ok_or_else(|| fmt(path, format!("line {}: no \"text\"", n + 1)))?
                    .to_string();
                docs.push(doc_from(v, text, path)?);
            }
        } else {
            let v: Value = serde_json::from_str(&raw).map_err(|e| fmt(path, e.to_string()))?;
            let text = match (
                v.get("text").and_then(Value::as_str),
                v.get("file").and_then(Value::as_str),
            ) {
                (Some(t), _) => t.to_string(),
                (None, Some(f)) => {
                    let tp = path.parent().unwrap_or(Path::new(".")).join(f);
                    std::fs::read_to_string(&tp).map_err(|e| io(&tp, e))?
                }
                (None, None) => return Err(fmt(path, "neither \"text\" nor \"file\"")),
            };
            docs.push(doc_from(v, text, path)?);
        }
    }
    Ok(docs)
}
