//! Vigie's gazetteer: reading GeoNames dumps, a compact folded-name index, and the
//! geoparser that finds place names in a report and resolves them to coordinates.
//!
//! - [`geonames`]: the GeoNames dump format (country files, `cities500.txt`,
//!   `allCountries.zip`; plain, `.gz` or `.zip`), `admin1CodesASCII.txt`, `countryInfo.txt`.
//! - [`keys`]: the three lookup keys of a name (exact fold, transliteration key,
//!   vowel skeleton).
//! - [`Gazetteer`]: the binary index (write, open, from bytes), the embedded default,
//!   user extensions from TSV, and [`import`] from any dump.
//! - [`Geoparser`]: place mentions in a text, ranked and resolved, with relative
//!   locations ("à 60 km au nord de Gao").
//!
//! - [`osm`]: OpenStreetMap places that complement GeoNames (`*.osm.tsv`).
//!
//! Data © GeoNames (www.geonames.org), CC BY 4.0; OpenStreetMap places © OpenStreetMap
//! contributors, ODbL 1.0.

pub mod geonames;
pub mod geoparse;
mod index;
pub mod keys;
mod lexicon;
pub mod osm;

pub use geoparse::Geoparser;
pub use index::{import, Gazetteer, ImportStats, Place, PlaceId, PlaceRef};

/// Import options (used to derive the embedded default).
pub mod index_options {
    pub use crate::index::{import_with, ImportOptions};
}
pub use keys::KeyLevel;

use std::path::PathBuf;

/// Errors of the gazetteer crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A zip archive could not be read.
    #[error("{path}: zip: {message}")]
    Zip {
        /// The archive.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// Bytes that are not a Vigie gazetteer index (or a damaged one).
    #[error("not a valid gazetteer index: {0}")]
    BadIndex(String),
    /// A line of a user file that cannot be used.
    #[error("{path}:{line}: {message}")]
    BadLine {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Result alias of this crate.
pub type Result<T> = std::result::Result<T, Error>;

pub(crate) fn io_err(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}
