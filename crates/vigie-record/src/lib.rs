//! The record: what Vigie keeps as reports arrive.
//!
//! A [`Record`] takes documents already extracted (see `vigie-extract`) and failures, and
//! keeps them in a [`Store`]: each document once (its id is its content hash), each of its
//! events as a *report*, reports of one real event merged across documents ([`merge`]),
//! movements gathered into [`tracks`]. A batch is one transaction: all of it or none.
//! Exports ([`export`]) write what analysts load elsewhere.

pub mod countries;
pub mod export;
pub mod merge;
pub mod model;
pub mod sqlite;
pub mod store;
pub mod synth;
pub mod tracks;

pub use model::*;
pub use sqlite::SqliteStore;
pub use store::{Store, StoreError};

use merge::{ReportFacts, ReportKey};
use std::collections::BTreeSet;
use store::ReportRow;

/// The most bytes of a failed input kept in quarantine; `Failure::size` tells the whole.
pub const MAX_QUARANTINE_BYTES: usize = 16 * 1024 * 1024;

/// A record over a storage backend.
pub struct Record<S: Store> {
    store: S,
    /// The reports of events touched in the current batch, so that an event joined by
    /// many reports of one batch is read from the store once (cleared with each batch).
    facts: std::collections::HashMap<String, Vec<ReportFacts>>,
}

impl<S: Store> Record<S> {
    /// A record kept in `store`.
    pub fn new(store: S) -> Record<S> {
        Record {
            store,
            facts: Default::default(),
        }
    }

    /// The store, for queries.
    pub fn store(&self) -> &S {
        &self.store
    }

    /// The store, for writes outside the record's own (tests, maintenance).
    pub fn store_mut(&mut self) -> &mut S {
        &mut self.store
    }

    /// Keeps a batch of documents and failures in one transaction and merges the
    /// documents' reports into events. Returns what happened to each document, in order,
    /// and the counts. On error nothing of the batch is kept.
    pub fn add_batch(
        &mut self,
        docs: &[NewDocument],
        failures: &[Failure],
    ) -> Result<(Vec<Outcome>, Summary), StoreError> {
        self.facts.clear();
        self.store.begin()?;
        match self.add_batch_inner(docs, failures) {
            Ok(r) => {
                self.store.commit()?;
                Ok(r)
            }
            Err(e) => {
                self.facts.clear();
                let _ = self.store.rollback();
                Err(e)
            }
        }
    }

    fn add_batch_inner(
        &mut self,
        docs: &[NewDocument],
        failures: &[Failure],
    ) -> Result<(Vec<Outcome>, Summary), StoreError> {
        let mut sum = Summary::default();
        let mut outcomes = Vec::with_capacity(docs.len());
        for nd in docs {
            let d = &nd.document;
            if self.store.has_document(&d.id)? {
                sum.unchanged += 1;
                outcomes.push(Outcome::Unchanged);
                continue;
            }
            let held = match &d.url {
                Some(u) => self.store.versions_at(u)?,
                None => 0,
            };
            let outcome = if held > 0 {
                sum.updated += 1;
                Outcome::Updated
            } else {
                sum.new += 1;
                Outcome::New
            };
            outcomes.push(outcome);
            self.store.insert_document(nd, held + 1)?;
            self.merge_document(nd, &mut sum)?;
            sum.movements += self.store.insert_movements(nd)?;
            let actors: BTreeSet<&str> = nd
                .extraction
                .movements
                .iter()
                .map(|m| m.actor.as_str())
                .collect();
            for a in actors {
                self.store.mark_tracks_dirty(a)?;
            }
        }
        for f in failures {
            self.store.insert_failure(f)?;
            sum.failed += 1;
        }
        Ok((outcomes, sum))
    }

    fn merge_document(&mut self, nd: &NewDocument, sum: &mut Summary) -> Result<(), StoreError> {
        let d = &nd.document;
        let source = d.outlet.clone().unwrap_or_else(|| d.id.clone());
        // A document's own events are distinct by the event layer's judgement: two of its
        // reports never join one event.
        let mut joined: Vec<String> = Vec::new();
        for (i, ev) in nd.extraction.events.iter().enumerate() {
            let key = ReportKey::of(ev, d.published);
            let report_id = format!("{}/{i}", d.id);
            let mut found: Vec<(String, merge::Match)> = self
                .store
                .candidates(&key)?
                .into_iter()
                .filter(|(id, _)| !joined.contains(id))
                .filter_map(|(id, k)| merge::compatible(&key, &k).map(|m| (id, m)))
                .collect();
            found.sort_by(|a, b| a.1.distance.total_cmp(&b.1.distance));
            let event_id = match found.first() {
                Some((id, m)) => {
                    sum.events_joined += 1;
                    self.insert_report(nd, i, &report_id, id, &key, &m.reasons, &source)?;
                    if let Some(cached) = self.facts.get_mut(id) {
                        cached.push(ReportFacts {
                            event: ev.clone(),
                            key: key.clone(),
                            source: source.clone(),
                            document: d.id.clone(),
                        });
                    }
                    let merged_key = self.rederive(id)?;
                    self.fuse_bridged(id, merged_key, &joined)?;
                    id.clone()
                }
                None => {
                    sum.events_created += 1;
                    let id = merge::event_id(&report_id);
                    let facts = [ReportFacts {
                        event: ev.clone(),
                        key: key.clone(),
                        source: source.clone(),
                        document: d.id.clone(),
                    }];
                    let merged = merge::derive(&id, &facts);
                    self.store
                        .put_event(&merged, &merge::key_of(&merged, &facts))?;
                    self.insert_report(nd, i, &report_id, &id, &key, &[], &source)?;
                    id
                }
            };
            joined.push(event_id);
            sum.reports += 1;
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn insert_report(
        &mut self,
        nd: &NewDocument,
        index: usize,
        report_id: &str,
        event_id: &str,
        key: &ReportKey,
        reasons: &[String],
        source: &str,
    ) -> Result<(), StoreError> {
        self.store.insert_report(ReportRow {
            id: report_id,
            document_id: &nd.document.id,
            index,
            event_id,
            event: &nd.extraction.events[index],
            key,
            reasons,
            source,
        })
    }

    /// Derives an event again from all its reports and stores it; returns its new key.
    fn rederive(&mut self, event_id: &str) -> Result<ReportKey, StoreError> {
        if !self.facts.contains_key(event_id) {
            let loaded = self.store.event_reports(event_id)?;
            self.facts.insert(event_id.to_string(), loaded);
        }
        let facts = &self.facts[event_id];
        let merged = merge::derive(event_id, facts);
        let key = merge::key_of(&merged, facts);
        self.store.put_event(&merged, &key)?;
        Ok(key)
    }

    /// After a report joined `event_id`, other events that its grown span now matches
    /// were one event told in pieces (day one and day three of a battle, bridged by a
    /// report of the three days): they are absorbed into it, keeping their ids as aliases.
    fn fuse_bridged(
        &mut self,
        event_id: &str,
        mut key: ReportKey,
        exclude: &[String],
    ) -> Result<(), StoreError> {
        let mut exclude = exclude.to_vec();
        loop {
            let other = self
                .store
                .candidates(&key)?
                .into_iter()
                .filter(|(id, _)| id != event_id && !exclude.contains(id))
                .find(|(_, k)| merge::compatible(k, &key).is_some());
            let Some((other, _)) = other else {
                return Ok(());
            };
            // two events that one document tells apart stay apart
            if self.share_a_document(event_id, &other)? {
                exclude.push(other);
                continue;
            }
            self.store.absorb_event(&other, event_id)?;
            // both events' reports, in arrival order, as the store now holds them
            self.facts.remove(&other);
            self.facts.remove(event_id);
            key = self.rederive(event_id)?;
        }
    }

    /// Whether a document has reports in both events.
    fn share_a_document(&mut self, a: &str, b: &str) -> Result<bool, StoreError> {
        for id in [a, b] {
            if !self.facts.contains_key(id) {
                let loaded = self.store.event_reports(id)?;
                self.facts.insert(id.to_string(), loaded);
            }
        }
        let docs: BTreeSet<&str> = self.facts[a].iter().map(|f| f.document.as_str()).collect();
        Ok(self.facts[b]
            .iter()
            .any(|f| docs.contains(f.document.as_str())))
    }

    /// Rebuilds the tracks of every actor whose movements changed since the last rebuild,
    /// in one transaction. Returns how many actors were rebuilt.
    pub fn rebuild_tracks(&mut self) -> Result<usize, StoreError> {
        let actors = self.store.dirty_track_actors()?;
        if actors.is_empty() {
            return Ok(0);
        }
        self.store.begin()?;
        let r = (|| {
            for a in &actors {
                let moves = self.store.movements_of(a)?;
                let t = tracks::build(a, moves);
                self.store.put_tracks(a, &t)?;
            }
            Ok(actors.len())
        })();
        match r {
            Ok(n) => {
                self.store.commit()?;
                Ok(n)
            }
            Err(e) => {
                let _ = self.store.rollback();
                Err(e)
            }
        }
    }
}
