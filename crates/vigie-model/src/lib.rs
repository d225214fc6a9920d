//! Vigie's domain types, shared by every stage of the pipeline.
//!
//! This crate holds plain data and no I/O: a [`Document`] goes in, stages produce
//! mentions ([`PlaceMention`], [`DateMention`], [`QuantityMention`], [`ActorMention`]),
//! and [`Extraction`] is the output contract (format "1", see `ARCHITECTURE.md`).
//!
//! Every mention carries a [`Span`]: byte offsets into the document text as Vigie holds
//! it. Nothing downstream ever points into normalized text.

mod acled;
pub mod countries;
mod extraction;
mod span;

pub use acled::{inter, EventType, MovementStatus, SubEventType, UnknownName};
pub use extraction::*;
pub use span::*;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The languages Vigie reads. Detection is an allow-list: anything else is reported
/// as unsupported rather than guessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French.
    Fr,
    /// English.
    En,
}

impl Lang {
    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Parses an ISO 639-1 code ("fr", "en"), case-insensitively.
    pub fn from_code(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "fr" | "fra" | "fre" | "french" | "français" => Some(Lang::Fr),
            "en" | "eng" | "english" => Some(Lang::En),
            _ => None,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// One report: UTF-8 text plus what is known about where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Content hash of the text (hex), stable across runs.
    pub id: String,
    /// The text exactly as Vigie holds it; every span points into it.
    pub text: String,
    /// Language of the text, detected or given.
    pub lang: Lang,
    /// Publication date: given, read from the text's header, or unknown.
    pub published: Option<NaiveDate>,
    /// Headline, when known.
    pub title: Option<String>,
    /// The outlet (site, agency, channel) that published it.
    pub outlet: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
}

/// FNV-1a's standard 64-bit offset basis, the usual `seed` of [`fnv1a`].
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a 64 over `bytes`, starting from `seed` ([`FNV_OFFSET`] for the standard hash).
/// Deterministic across platforms and runs: ids and splits are built on it.
pub fn fnv1a(bytes: &[u8], seed: u64) -> u64 {
    let mut h = seed;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A stable content id: FNV-1a 64 over the UTF-8 bytes, twice with different seeds,
/// written as 32 hex digits. Deterministic across platforms and runs.
pub fn content_id(text: &str) -> String {
    let a = fnv1a(text.as_bytes(), FNV_OFFSET);
    let b = fnv1a(text.as_bytes(), 0x8422_2325_cbf2_9ce4);
    format!("{a:016x}{b:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_id_is_stable_and_discriminates() {
        assert_eq!(content_id("abc"), content_id("abc"));
        assert_ne!(content_id("abc"), content_id("abd"));
        assert_eq!(content_id("").len(), 32);
    }

    #[test]
    fn lang_codes_round_trip() {
        for l in [Lang::Fr, Lang::En] {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
        assert_eq!(Lang::from_code("de"), None);
    }
}

/// The Earth's mean radius in km, as the reference scorer (`score.py`) uses it.
pub const EARTH_RADIUS_KM: f64 = 6371.0;

/// Great-circle distance in km between two `(lat, lon)` points in degrees (haversine on
/// a sphere of [`EARTH_RADIUS_KM`]): the one distance every stage uses.
pub fn great_circle_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1) = (a.0.to_radians(), a.1.to_radians());
    let (la2, lo2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.min(1.0).sqrt().asin()
}

#[cfg(test)]
mod distance_tests {
    use super::great_circle_km;

    #[test]
    fn great_circle_km_is_symmetric_and_known() {
        let (gao, bamako) = ((16.27, -0.04), (12.65, -8.0));
        let d = great_circle_km(gao, bamako);
        assert!((930.0..960.0).contains(&d), "{d}");
        assert_eq!(d, great_circle_km(bamako, gao));
        assert_eq!(great_circle_km(gao, gao), 0.0);
        // a quarter of the equator
        let q = great_circle_km((0.0, 0.0), (0.0, 90.0));
        assert!((q - 10007.5).abs() < 1.0, "{q}");
    }
}
