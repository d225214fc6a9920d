//! The event layer: from the mentions of one report to ACLED events, the claims behind
//! them, and movements of units and convoys.
//!
//! - [`pattern`]: the small pattern language of the data files.
//! - [`triggers`]: event triggers (`data/triggers.tsv`), one rule per line with its id,
//!   ACLED type and sub-type, and an example sentence that runs as a test.
//! - [`cues`]: attribution, hedging, basis, casualty and movement words
//!   (`data/cues.tsv`, `data/movements.tsv`).
//! - [`words`]: closed word classes the rules read (`data/words.tsv`): prepositions,
//!   articles, pronouns, auxiliaries, a few nouns.
//! - [`assemble`]: drafts events from triggers and their sentence's mentions, fills what
//!   the sentence leaves open from the narrative, merges drafts of one real event, and
//!   reads movements.
//!
//! Every shipped file can be extended by a file of the same name in the user's data
//! folder (`events/triggers.tsv` or `triggers.tsv`, …) without a rebuild.

pub mod assemble;
pub mod cues;
pub mod pattern;
pub mod triggers;
pub mod words;

pub use assemble::Inputs;
pub use cues::Cues;
pub use triggers::{Hit, Rule, Triggers};

use pattern::FirstWords;
use std::path::Path;
use std::sync::OnceLock;
use vigie_model::{Event, Movement};
use vigie_text::data::{user_file, DataError};
use vigie_text::Folded;

/// The event layer, ready to run.
#[derive(Debug, Clone)]
pub struct EventLayer {
    triggers: Triggers,
    cues: Cues,
    /// The first words of every rule ([`assemble::first_words`]), built at the first
    /// document.
    first: OnceLock<FirstWords>,
}

impl EventLayer {
    /// The shipped rules and word lists.
    pub fn embedded() -> EventLayer {
        EventLayer {
            triggers: Triggers::embedded(),
            cues: Cues::embedded(),
            first: OnceLock::new(),
        }
    }

    /// The shipped rules extended by the user's files of the same names.
    pub fn load(user_dir: Option<&Path>) -> Result<EventLayer, DataError> {
        let mut l = EventLayer::embedded();
        if let Some((f, s)) = user_file(user_dir, "events", "triggers.tsv")? {
            l.triggers.add_file(&f, &s)?;
        }
        if let Some((f, s)) = user_file(user_dir, "events", "cues.tsv")? {
            l.cues.add_cues(&f, &s)?;
        }
        if let Some((f, s)) = user_file(user_dir, "events", "movements.tsv")? {
            l.cues.add_movements(&f, &s)?;
        }
        if let Some((f, s)) = user_file(user_dir, "events", "words.tsv")? {
            l.cues.add_words(&f, &s)?;
        }
        Ok(l)
    }

    /// The trigger rules (to switch some off by prefix).
    pub fn triggers_mut(&mut self) -> &mut Triggers {
        // the rules may change: their first words are read again
        self.first = OnceLock::new();
        &mut self.triggers
    }

    /// Events and movements of one document.
    pub fn extract(&self, inputs: &Inputs<'_>) -> (Vec<Event>, Vec<Movement>) {
        let folded = Folded::new(inputs.text, inputs.tokens);
        self.extract_folded(inputs, &folded)
    }

    /// [`EventLayer::extract`] reusing the folded tokens the mention layer built:
    /// `folded` must be [`Folded::new`]`(inputs.text, inputs.tokens)`.
    pub fn extract_folded(
        &self,
        inputs: &Inputs<'_>,
        folded: &Folded,
    ) -> (Vec<Event>, Vec<Movement>) {
        let first = self
            .first
            .get_or_init(|| assemble::first_words(&self.triggers, &self.cues));
        assemble::assemble_folded(&self.triggers, &self.cues, first, inputs, folded)
    }
}
