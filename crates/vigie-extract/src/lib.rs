//! The extraction pipeline: one [`Pipeline`] holds every stage's compiled data (gazetteer,
//! date and quantity grammars, actor lexicon) and turns a [`Document`] into an
//! [`Extraction`], the output contract (format "1").
//!
//! ```text
//! raw bytes ──prepare()──▶ Document ──Pipeline::extract()──▶ Extraction
//!                          (text, lang,      tokens → actors → dates → quantities → places
//!                           published)
//! ```
//!
//! Stages run in a fixed order so that overlaps are settled deterministically: actors
//! first (an actor name is never read as a place: "Africa Corps"), then dates (a month
//! name is never a place), then quantities, then places.

mod input;

pub use input::{prepare, InputError, Prepared, RawInput, MAX_DOCUMENT_BYTES};

use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use vigie_events::EventLayer;
use vigie_gazetteer::{Gazetteer, Geoparser};
use vigie_lexicon::ActorLexicon;
use vigie_model::{
    ActorMention, DateAnchor, DatePrecision, Document, Extraction, PlaceMention, Span,
};
use vigie_normalize::dates::DateGrammar;
use vigie_normalize::quantities::QuantityGrammar;

/// The lexicon's actors for a state's armed forces and its police named without their
/// country, and the prefix of ACLED's names of the actors they become.
const UNNAMED_STATE: [(&str, &str); 2] = [
    ("State forces", "Military Forces"),
    ("State police", "Police Forces"),
];

/// Where the pipeline's data comes from.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// A folder of user data files that extend the embedded ones without a rebuild
    /// (`actors.tsv`, `places.tsv`, `dates/…`, `quantities/…`). See `ARCHITECTURE.md`.
    pub user_dir: Option<PathBuf>,
    /// A gazetteer index built by `vigie gazetteer import`, used instead of the embedded one.
    pub gazetteer: Option<PathBuf>,
    /// Find mentions only, no events or movements (to measure the mention layer alone).
    pub mentions_only: bool,
}

/// Errors while setting up the pipeline (bad user data files, unreadable index).
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    /// The gazetteer index could not be read.
    #[error("gazetteer: {0}")]
    Gazetteer(String),
    /// A user data file could not be read or parsed.
    #[error("user data in {dir}: {message}")]
    UserData {
        /// The folder.
        dir: PathBuf,
        /// What went wrong.
        message: String,
    },
}

/// Every stage, ready to run. Build once, extract many documents (it is `Sync`).
pub struct Pipeline {
    geoparser: Geoparser<'static>,
    dates: DateGrammar,
    quantities: QuantityGrammar,
    actors: ActorLexicon,
    events: EventLayer,
    /// (ISO2, canonical actor) of every country's state forces.
    state_actors: Vec<(String, String)>,
    mentions_only: bool,
}

fn user_err(dir: &Path, e: impl std::fmt::Display) -> SetupError {
    SetupError::UserData {
        dir: dir.to_path_buf(),
        message: e.to_string(),
    }
}

impl Pipeline {
    /// Builds the pipeline from the embedded data, extended by `config`.
    pub fn new(config: &Config) -> Result<Pipeline, SetupError> {
        let user = config.user_dir.as_deref();
        let gazetteer: &'static Gazetteer = match (&config.gazetteer, user) {
            (None, None) => Gazetteer::embedded(),
            (path, user) => {
                let mut g = match path {
                    Some(p) => {
                        Gazetteer::open(p).map_err(|e| SetupError::Gazetteer(e.to_string()))?
                    }
                    None => Gazetteer::embedded().clone(),
                };
                if let Some(dir) = user {
                    let tsv = dir.join("places.tsv");
                    if tsv.exists() {
                        g.extend_tsv(&tsv).map_err(|e| user_err(dir, e))?;
                    }
                }
                // The pipeline lives as long as the process in every caller; leaking one
                // gazetteer keeps the geoparser free of self-references.
                Box::leak(Box::new(g))
            }
        };
        let geoparser = Geoparser::new(gazetteer, user);
        // the user's abbreviations ("Cdt.", "Adjt.") join the shipped ones
        if let Some(dir) = user {
            let file = dir.join("abbreviations.txt");
            if file.exists() {
                let text = std::fs::read_to_string(&file).map_err(|e| user_err(dir, e))?;
                vigie_text::add_abbreviations(&text);
            }
        }
        let dates = DateGrammar::load(user).map_err(|e| user_err(Path::new("."), e))?;
        let quantities = QuantityGrammar::load(user).map_err(|e| user_err(Path::new("."), e))?;
        let actors = ActorLexicon::load(user).map_err(|e| user_err(Path::new("."), e))?;
        let events = EventLayer::load(user).map_err(|e| user_err(Path::new("."), e))?;
        let state_actors = actors
            .actors()
            .iter()
            // a country's armed forces (not its police)
            .filter(|a| a.kind == "state" && a.acled_name.starts_with("Military Forces"))
            .filter_map(|a| Some((a.country.clone()?, a.canonical.clone())))
            .collect();
        Ok(Pipeline {
            mentions_only: config.mentions_only,
            state_actors,
            geoparser,
            dates,
            quantities,
            actors,
            events,
        })
    }

    /// Validates and decodes raw input into a document, reading the publication date
    /// from the text's header when it is not given (see [`prepare`]).
    pub fn prepare(&self, raw: RawInput) -> Result<Prepared, InputError> {
        prepare(raw, |text, tokens, lang| {
            self.dates.header_date(text, tokens, lang)
        })
    }

    /// Prepares and extracts in one go; preparation notes are added to the extraction's
    /// diagnostics.
    pub fn extract_raw(&self, raw: RawInput) -> Result<(Document, Extraction), InputError> {
        let prepared = self.prepare(raw)?;
        let mut ex = self.extract(&prepared.document);
        let mut diags = prepared.diagnostics;
        diags.append(&mut ex.diagnostics);
        ex.diagnostics = diags;
        Ok((prepared.document, ex))
    }

    /// The date grammar (also used to read publication dates from headers).
    pub fn dates(&self) -> &DateGrammar {
        &self.dates
    }

    /// The actor lexicon.
    pub fn actors(&self) -> &ActorLexicon {
        &self.actors
    }

    /// Runs every stage on `doc`.
    ///
    /// Documents longer than [`CHUNK_BYTES`] are read in paragraph-aligned chunks, so
    /// memory stays bounded whatever the input size; narrative date anchors do not cross
    /// a chunk boundary.
    pub fn extract(&self, doc: &Document) -> Extraction {
        let mut out = Extraction::empty(doc);
        let text = doc.text.as_str();
        let mut start = 0;
        for end in chunk_ends(text, CHUNK_BYTES) {
            self.extract_chunk(doc, start, end, &mut out);
            start = end;
        }
        out
    }

    /// Soldiers and police named without their country ("two soldiers were killed",
    /// "l'armée a riposté", "des gendarmes") are the forces of the country the text's
    /// places lie in: the country with armed forces in the lexicon that most of its
    /// resolved places belong to. Where no place says which, they stay the lexicon's
    /// "State forces" and "State police".
    fn name_state_forces(
        &self,
        mut actors: Vec<ActorMention>,
        places: &[PlaceMention],
    ) -> Vec<ActorMention> {
        let unnamed = |a: &ActorMention| UNNAMED_STATE.iter().find(|(n, _)| *n == a.actor);
        if !actors.iter().any(|a| unnamed(a).is_some()) {
            return actors;
        }
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for p in places.iter().filter(|p| p.lat.is_some()) {
            if !self.state_actors.iter().any(|(cc, _)| *cc == p.country) {
                continue;
            }
            match counts.iter_mut().find(|c| c.0 == p.country) {
                Some(c) => c.1 += 1,
                None => counts.push((&p.country, 1)),
            }
        }
        // the most places, then the first named
        let Some(cc) = counts
            .iter()
            .enumerate()
            .max_by_key(|(i, c)| (c.1, std::cmp::Reverse(*i)))
            .map(|(_, c)| c.0)
        else {
            return actors;
        };
        for a in actors.iter_mut() {
            let Some((_, prefix)) = unnamed(a) else {
                continue;
            };
            let state = self.actors.actors().iter().find(|x| {
                x.kind == "state"
                    && x.country.as_deref() == Some(cc)
                    && x.acled_name.starts_with(prefix)
            });
            if let Some(st) = state {
                a.actor = st.canonical.clone();
                a.inter = st.inter;
                a.country = st.country.clone();
                a.acled_name = Some(st.acled_name.clone());
            }
        }
        actors
    }

    fn extract_chunk(&self, doc: &Document, offset: usize, end: usize, out: &mut Extraction) {
        let text = &doc.text[offset..end];
        let tokens = vigie_text::tokenize(text);
        // every token folded once, for all the stages that look words up
        let folded = vigie_text::Folded::new(text, &tokens);

        let actors = self.actors.find_folded(text, &tokens, &folded, doc.lang);

        let (anchor, anchor_known) = match doc.published {
            Some(d) => (d, true),
            None => match self.latest_absolute_date(text, &tokens, doc) {
                Some(d) => {
                    out.diagnostics.push(format!(
                        "no publication date: relative dates resolved against {d}, the latest date the text names"
                    ));
                    (d, true)
                }
                None => (far_future(), false),
            },
        };
        let mut dates = self
            .dates
            .find_folded(text, &tokens, &folded, doc.lang, anchor);
        if !anchor_known {
            let before = dates.len();
            dates.retain(|d| d.anchor == DateAnchor::Absolute && names_a_year(&d.span.text));
            if dates.len() != before {
                out.diagnostics.push(
                    "no publication date: relative dates (\"mardi\", \"hier\") left unresolved"
                        .into(),
                );
            }
        }

        // nationality words ("Nigerian", "maliens") name people, never places
        let demonyms = tokens
            .iter()
            .enumerate()
            // only a capitalized word can be taken for a place without a cue
            .filter(|(i, t)| {
                t.kind == vigie_text::TokenKind::Word
                    && t.is_capitalized(text)
                    && self.actors.is_demonym(folded.get(*i))
            })
            .map(|(_, t)| t.span);
        let taken: Vec<Span> = actors
            .iter()
            .map(|a| a.span.span())
            .chain(dates.iter().map(|d| d.span.span()))
            .chain(demonyms)
            .collect();
        let quantities: Vec<_> = self
            .quantities
            .find_folded(text, &tokens, &folded, doc.lang)
            .into_iter()
            .filter(|q| !dates.iter().any(|d| d.span.span().contains(q.span.span())))
            .collect();
        // the countries of the actors named, one vote per distinct actor; foreign forces
        // (Wagner, Barkhane: interaction code 8) fight away from home and do not vote
        let mut named: Vec<(&str, &str)> = actors
            .iter()
            .filter(|a| a.inter != vigie_model::inter::EXTERNAL)
            .filter_map(|a| a.country.as_deref().map(|cc| (a.actor.as_str(), cc)))
            .collect();
        named.sort_unstable();
        named.dedup();
        let actor_countries: Vec<&str> = named.iter().map(|(_, cc)| *cc).collect();
        let places = self.geoparser.find_with_focus(
            text,
            &tokens,
            &folded,
            doc.lang,
            &taken,
            &actor_countries,
        );
        let actors = self.name_state_forces(actors, &places);
        let (events, movements) = if self.mentions_only {
            (Vec::new(), Vec::new())
        } else {
            self.events.extract_folded(
                &vigie_events::Inputs {
                    text,
                    tokens: &tokens,
                    lang: doc.lang,
                    published: if anchor_known { Some(anchor) } else { None },
                    outlet: doc.outlet.as_deref(),
                    places: &places,
                    dates: &dates,
                    quantities: &quantities,
                    actors: &actors,
                    state_actors: &self.state_actors,
                },
                &folded,
            )
        };

        out.actors.extend(actors.into_iter().map(|mut m| {
            shift(&mut m.span, offset);
            m
        }));
        out.dates.extend(dates.into_iter().map(|mut m| {
            shift(&mut m.span, offset);
            m
        }));
        out.quantities.extend(quantities.into_iter().map(|mut m| {
            shift(&mut m.span, offset);
            m
        }));
        out.places.extend(places.into_iter().map(|mut m| {
            shift_place(&mut m, offset);
            m
        }));
        out.events.extend(events.into_iter().map(|mut e| {
            if let Some(p) = e.location.as_mut() {
                shift_place(p, offset);
            }
            e.claims.iter_mut().for_each(|c| shift(&mut c.span, offset));
            e.evidence.iter_mut().for_each(|s| shift(s, offset));
            e
        }));
        out.movements.extend(movements.into_iter().map(|mut m| {
            if let Some(p) = m.place.as_mut() {
                shift_place(p, offset);
            }
            shift(&mut m.evidence, offset);
            m
        }));
    }

    /// The latest day-precise date the text names itself, for documents with no
    /// publication date.
    fn latest_absolute_date(
        &self,
        text: &str,
        tokens: &[vigie_text::Token],
        doc: &Document,
    ) -> Option<NaiveDate> {
        self.dates
            .find(text, tokens, doc.lang, far_future())
            .into_iter()
            .filter(|d| d.anchor == DateAnchor::Absolute && d.precision == DatePrecision::Day)
            .filter(|d| names_a_year(&d.span.text))
            .filter_map(|d| d.to)
            .max()
    }
}

/// A stand-in publication date for documents that have none: late enough that every date
/// the text names lies before it, early enough that date arithmetic cannot overflow.
fn far_future() -> NaiveDate {
    NaiveDate::from_ymd_opt(2999, 12, 31).expect("valid date")
}

/// True when `s` writes a year with four digits: only such dates can be trusted when
/// there is no publication date to complete the others.
fn names_a_year(s: &str) -> bool {
    s.as_bytes().windows(4).enumerate().any(|(i, w)| {
        w.iter().all(u8::is_ascii_digit)
            && (w[0] == b'1' || w[0] == b'2')
            && !s.as_bytes().get(i + 4).is_some_and(u8::is_ascii_digit)
            && !(i > 0 && s.as_bytes()[i - 1].is_ascii_digit())
    })
}

/// Documents longer than this are read in chunks (bytes).
pub const CHUNK_BYTES: usize = 256 * 1024;

fn shift_place(p: &mut vigie_model::PlaceMention, offset: usize) {
    shift(&mut p.span, offset);
    if let Some(r) = p.relative.as_mut() {
        shift(&mut r.span, offset);
    }
}

fn shift(span: &mut vigie_model::SpanText, offset: usize) {
    span.start += offset;
    span.end += offset;
}

/// Ends of the chunks `text` is read in: each at most about `max` bytes, cut after a
/// blank line, else after a line break, else after a sentence end, else at a space, else
/// at a char boundary. The last end is `text.len()`.
pub fn chunk_ends(text: &str, max: usize) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut start = 0;
    while text.len() - start > max {
        let mut limit = start + max;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[start..limit];
        let floor = window.len() / 2;
        let cut = ["\n\n", "\n", ". ", " "]
            .iter()
            .find_map(|sep| {
                window
                    .rfind(sep)
                    .filter(|&i| i >= floor)
                    .map(|i| i + sep.len())
            })
            .unwrap_or(window.len());
        let cut = start + cut.max(1);
        let mut cut = cut;
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        ends.push(cut);
        start = cut;
    }
    ends.push(text.len());
    ends
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_the_text_on_boundaries() {
        let t = "Première phrase. Deuxième phrase à Gao.\n\nNouveau paragraphe é è.".repeat(50);
        let ends = chunk_ends(&t, 100);
        assert_eq!(*ends.last().unwrap(), t.len());
        let mut prev = 0;
        for e in &ends {
            assert!(*e > prev && t.is_char_boundary(*e));
            assert!(*e - prev <= 101);
            prev = *e;
        }
        assert_eq!(chunk_ends("court", 100), vec![5]);
        assert_eq!(chunk_ends("", 100), vec![0]);
    }
}
