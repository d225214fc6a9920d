//! The event layer (in progress): ACLED events, attributed claims and movements.

pub mod pattern;
pub mod triggers;

pub use triggers::{Hit, Rule, Triggers};
pub mod cues;
