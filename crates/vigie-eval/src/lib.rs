//! Scoring extractions against hand-made answer keys, as `SCHEMA.md` of the gold corpus
//! defines it. This is Vigie's own implementation of the reference scorer
//! (`shared/tools/score.py`); on the same files the two agree.
//!
//! The scorer works on extraction output as JSON values (format "1"), so it scores Vigie's
//! output and any other tool's output that follows the contract alike.
//!
//! - [`gold`]: reading gold files (`*.jsonl` with inline text, or a seed `*.gold.json`).
//! - [`reference`]: reference coordinates for gold place names (GeoNames dumps + overrides).
//! - [`score`]: the facets (places, dates, quantities, actors, events, movements) and the
//!   sub-scores on matched events.
//! - [`acled`]: ACLED exports' notes scored against ACLED's own coding.
//! - [`merge`]: B-cubed score of cross-document merging (as `tools/merge_score.py`).

pub mod acled;
pub mod fold;
pub mod gold;
pub mod interval;
pub mod merge;
pub mod reference;
pub mod score;

pub use gold::{load_gold, GoldDoc};
pub use reference::Reference;
pub use score::{Scorer, Scores};

/// Errors while reading gold files or reference data.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A file is not in the expected format.
    #[error("{path}: {message}")]
    Format {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
}
