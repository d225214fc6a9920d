//! Helpers for Vigie's tests (a dev-dependency only; nothing here ships in the binary).
//!
//! Tests that measure against the gold corpus or the GeoNames dumps read them from the
//! workplace's `shared` folder beside the repository. A user's clone has no such folder:
//! there the tests say they skipped. CI always has it, so under `CI=true` a missing folder
//! is a failure, never a silent pass.

use std::path::{Path, PathBuf};

/// True when running under CI (`CI=true` or `CI=1`).
pub fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// The `shared` folder beside the repository, when `needed` (a path inside it, such as
/// `corpus/dev2.jsonl`) exists there. `manifest_dir` is the calling crate's
/// `env!("CARGO_MANIFEST_DIR")`.
///
/// Otherwise prints that the test skipped and returns `None`, or panics under CI.
pub fn shared(manifest_dir: &str, needed: &str) -> Option<PathBuf> {
    let root = Path::new(manifest_dir).join("../../../shared");
    if root.join(needed).exists() {
        return Some(root);
    }
    let what = format!("{} is absent", root.join(needed).display());
    if under_ci() {
        panic!("{what}: CI must run this test (CI=true)");
    }
    eprintln!("skipped: {what}");
    None
}

/// Reports a missing tool or prerequisite other than `shared`: a skip note outside CI, a
/// failure under CI. Returns false so that callers can write `if !have { return require(..) }`.
pub fn missing(what: &str) -> bool {
    if under_ci() {
        panic!("{what}: CI must run this test (CI=true)");
    }
    eprintln!("skipped: {what}");
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_path_is_none_or_a_failure() {
        let r = std::panic::catch_unwind(|| shared(env!("CARGO_MANIFEST_DIR"), "no/such/file"));
        if under_ci() {
            assert!(r.is_err(), "under CI a missing shared file must fail");
        } else {
            assert_eq!(r.ok(), Some(None));
        }
    }
}
