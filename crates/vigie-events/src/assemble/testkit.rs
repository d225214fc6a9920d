//! A document written by hand for the phases' unit tests: the text, and the mentions the
//! mention layer would find in it, placed by the words they cover.

use super::*;
use std::sync::OnceLock;

/// The shipped rules and word lists, read once for all tests.
pub(super) fn rules() -> &'static (Triggers, Cues, FirstWords) {
    static R: OnceLock<(Triggers, Cues, FirstWords)> = OnceLock::new();
    R.get_or_init(|| {
        let (t, c) = (Triggers::embedded(), Cues::embedded());
        let f = first_words(&t, &c);
        (t, c, f)
    })
}

/// A text and its mentions.
pub(super) struct Doc {
    pub(super) text: String,
    pub(super) lang: Lang,
    pub(super) published: Option<NaiveDate>,
    tokens: Vec<Token>,
    actors: Vec<ActorMention>,
    places: Vec<PlaceMention>,
    dates: Vec<DateMention>,
    quantities: Vec<QuantityMention>,
}

pub(super) fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a day")
}

impl Doc {
    pub(super) fn new(text: &str, lang: Lang) -> Doc {
        Doc {
            text: text.to_string(),
            lang,
            published: None,
            tokens: vigie_text::tokenize(text),
            actors: Vec::new(),
            places: Vec::new(),
            dates: Vec::new(),
            quantities: Vec::new(),
        }
    }

    /// The span of the first occurrence of `words` (the test's text must hold them).
    fn span(&self, words: &str) -> SpanText {
        let start = self
            .text
            .find(words)
            .unwrap_or_else(|| panic!("{words:?} not in the text"));
        Span::new(start, start + words.len()).with_text(&self.text)
    }

    pub(super) fn published(mut self, d: &str) -> Doc {
        self.published = Some(day(d));
        self
    }

    pub(super) fn actor(mut self, words: &str, actor: &str, inter: u8) -> Doc {
        let span = self.span(words);
        self.actors.push(ActorMention {
            span,
            actor: actor.to_string(),
            inter,
            country: None,
            acled_name: None,
        });
        self.actors.sort_by_key(|a| a.span.start);
        self
    }

    pub(super) fn place(mut self, words: &str, country: &str, at: Option<(f64, f64)>) -> Doc {
        let span = self.span(words);
        self.places.push(PlaceMention {
            name: words.to_string(),
            span,
            geonameid: None,
            lat: at.map(|p| p.0),
            lon: at.map(|p| p.1),
            country: country.to_string(),
            admin1: None,
            admin2: None,
            feature: "PPL".to_string(),
            geo_precision: if at.is_some() { 1 } else { 3 },
            score: 1.0,
            relative: None,
            unresolved: at.is_none(),
        });
        self.places.sort_by_key(|p| p.span.start);
        self
    }

    pub(super) fn date(mut self, words: &str, from: &str, to: &str) -> Doc {
        let span = self.span(words);
        self.dates.push(DateMention {
            span,
            value: from.to_string(),
            from: Some(day(from)),
            to: Some(day(to)),
            precision: if from == to {
                DatePrecision::Day
            } else {
                DatePrecision::Days
            },
            anchor: vigie_model::DateAnchor::Absolute,
        });
        self.dates.sort_by_key(|d| d.span.start);
        self
    }

    /// A count of people: `value` when exact, else `low` with no ceiling (vague).
    pub(super) fn people(mut self, words: &str, value: Option<f64>, low: Option<f64>) -> Doc {
        let span = self.span(words);
        self.quantities.push(QuantityMention {
            span,
            value,
            low,
            high: value,
            unit: Some("people".to_string()),
            approx: value.is_none(),
        });
        self.quantities.sort_by_key(|q| q.span.start);
        self
    }

    pub(super) fn inputs(&self) -> Inputs<'_> {
        Inputs {
            text: &self.text,
            tokens: &self.tokens,
            lang: self.lang,
            published: self.published,
            outlet: Some("Test desk"),
            places: &self.places,
            dates: &self.dates,
            quantities: &self.quantities,
            actors: &self.actors,
            state_actors: &[],
        }
    }

    /// Runs `f` on the document's sentences as the event layer reads them.
    pub(super) fn with_sentences<R>(
        &self,
        f: impl FnOnce(&Inputs<'_>, &[Sentence<'_, '_>]) -> R,
    ) -> R {
        let (_, cues, first) = rules();
        let inp = self.inputs();
        let folded = Folded::new(inp.text, inp.tokens);
        let doc = read_words(first, cues, &inp, &folded);
        let mentions = DocMentions::new(&inp, &doc);
        let mut sentences = read_sentences(&doc, &mentions, cues.words(), inp.lang);
        let agents: Vec<Vec<&ActorMention>> = sentences
            .iter()
            .map(|s| {
                s.actors
                    .iter()
                    .copied()
                    .filter(|a| !is_claimant(s, a.span.span()))
                    .collect()
            })
            .collect();
        for (s, a) in sentences.iter_mut().zip(&agents) {
            s.agents = a;
        }
        f(&inp, &sentences)
    }

    /// The events and movements of the whole document.
    pub(super) fn assemble(&self) -> (Vec<Event>, Vec<Movement>) {
        let (t, c, _) = rules();
        assemble(t, c, &self.inputs())
    }
}
