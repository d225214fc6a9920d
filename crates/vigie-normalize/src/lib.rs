//! Vigie's normalizers: temporal expressions ([`dates`]) and quantities ([`quantities`])
//! in French and English.

pub mod dates;
pub mod quantities;

pub use dates::{DateGrammar, Error as DateError};
pub use quantities::{QuantityError, QuantityGrammar};
