//! From mentions to events, claims and movements.
//!
//! 1. The text is cut into sentences; each sentence's words are folded once.
//! 2. Triggers fire on the words ([`crate::triggers`]); overlapping hits keep the longest.
//! 3. Each hit becomes a draft event whose arguments are read in its sentence: the date
//!    nearest the trigger, the place nearest the trigger, actors split into sides by the
//!    words between them, casualty counts next to death and wound words, and the claim
//!    (who says it, hedged or not, on what basis).
//! 4. What the sentence does not say comes from the narrative: the last date and place
//!    named before it, the actors the document names most.
//! 5. Drafts of one real event (same type, overlapping dates, places within 50 km) are
//!    merged; their claims stay side by side.

use crate::cues::{CueHit, CueKind, Cues};
use crate::pattern::FirstWords;
use crate::triggers::Triggers;
use chrono::{Duration, NaiveDate};
use std::borrow::Cow;
use std::ops::Range;
use vigie_model::{
    ActorMention, Claim, DateMention, DatePrecision, Event, Fatalities, Lang, Movement,
    PlaceMention, QuantityMention, Span, SpanText,
};
use vigie_text::{Folded, Token, TokenKind};

/// Everything the event layer reads: the text, its tokens and the mentions found in it.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    /// The document text.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: &'a [Token],
    /// Its language.
    pub lang: Lang,
    /// Publication date, when known.
    pub published: Option<NaiveDate>,
    /// The outlet, the claimant of what the text says in its own voice.
    pub outlet: Option<&'a str>,
    /// Places found.
    pub places: &'a [PlaceMention],
    /// Dates found.
    pub dates: &'a [DateMention],
    /// Quantities found.
    pub quantities: &'a [QuantityMention],
    /// Actors found.
    pub actors: &'a [ActorMention],
    /// The state forces of each country (ISO2, canonical actor): "l'Algérie a élevé une
    /// barrière" is Algeria's state acting.
    pub state_actors: &'a [(String, String)],
}

/// Words that never extend a source's name to the right: auxiliaries, relatives, verbs
/// of saying.
const NOT_MODIFIERS: [&str; 24] = [
    "a", "ont", "est", "sont", "avait", "avaient", "aurait", "auraient", "qui", "que", "dont",
    "has", "have", "had", "is", "are", "was", "were", "who", "that", "said", "says", "told", "et",
];

/// Words after which a noun is not a subject.
const PREPOSITIONS: [&str; 26] = [
    "a", "au", "aux", "de", "du", "des", "d'", "avec", "en", "vers", "par", "pour", "sur",
    "contre", "entre", "near", "in", "with", "from", "to", "of", "at", "by", "on", "into",
    "towards",
];

/// Places more than this far apart are different events' places (km).
const SAME_PLACE_KM: f64 = 50.0;

/// Strategic developments of a moving force are one development over this many days
/// (a convoy's journey told day by day).
const JOURNEY_DAYS: i64 = 10;

/// Trigger rules (by their last id segment) that report a force on the move.
const MOVING: [&str; 8] = [
    "/convoi",
    "/convoy",
    "/rebrousser",
    "/demi_tour",
    "/turned_back",
    "/returned",
    "/recover_bodies",
    "/recovered_bodies",
];

/// The words of a document, read once: their spans, folded forms and the candidates of
/// every pattern set, sentence after sentence (a [`Sentence`] borrows its share).
struct DocWords<'f> {
    /// Word tokens: byte spans.
    spans: Vec<Span>,
    /// Their folded forms (borrowed from the document's [`Folded`]).
    folded: Vec<&'f str>,
    /// Per pattern set ([`SET_TRIGGERS`], …): `(word in its sentence, item)` of every
    /// candidate, sorted by word then item, without repeats.
    cands: [Vec<(u32, u32)>; SETS],
    /// The cues of every sentence, one after the other.
    cues: Vec<CueHit>,
    /// Per sentence: where its parts are.
    sentences: Vec<SentenceAt>,
}

/// Where one sentence's parts are in a [`DocWords`].
struct SentenceAt {
    span: Span,
    /// Its words in `spans` and `folded`.
    words: Range<usize>,
    /// Its candidates in each set's `cands`.
    cands: [Range<usize>; SETS],
    /// Its cues in `cues`.
    cues: Range<usize>,
}

/// One sentence, read once.
struct Sentence<'d, 'a> {
    span: Span,
    /// Word tokens: byte spans.
    words: &'d [Span],
    /// Their folded forms.
    folded: &'d [&'d str],
    cues: &'d [CueHit],
    /// The candidates of each pattern set: `(word, item)` sorted.
    cands: [&'d [(u32, u32)]; SETS],
    /// The mentions inside the sentence, in the order of the inputs.
    actors: &'d [&'a ActorMention],
    /// Its actors that do not only speak ([`is_claimant`]), in the same order.
    agents: &'d [&'a ActorMention],
    places: &'d [&'a PlaceMention],
    dates: &'d [&'a DateMention],
    quantities: &'d [&'a QuantityMention],
}

/// The mentions inside each sentence, in the order of `all`: sentence `k`'s are
/// `items[at[k]..at[k + 1]]`. `sents` are in the order of the text and do not overlap,
/// as [`vigie_text::sentences`] cuts them.
struct BySentence<'a, T> {
    items: Vec<&'a T>,
    at: Vec<usize>,
}

impl<'a, T> BySentence<'a, T> {
    fn new(all: &'a [T], span_of: impl Fn(&T) -> Span, sents: &[Span]) -> Self {
        let mut pairs: Vec<(usize, usize)> = Vec::with_capacity(all.len());
        for (i, m) in all.iter().enumerate() {
            let sp = span_of(m);
            let mut k = sents.partition_point(|s| s.start <= sp.start);
            while k > 0 {
                k -= 1;
                if inside(sents[k], sp) {
                    pairs.push((k, i));
                }
                if sents[k].end < sp.end {
                    break;
                }
            }
        }
        // stable: the order of `all` within each sentence
        pairs.sort_by_key(|p| p.0);
        let mut at = vec![0usize; sents.len() + 1];
        for &(k, _) in &pairs {
            at[k + 1] += 1;
        }
        for k in 0..sents.len() {
            at[k + 1] += at[k];
        }
        BySentence {
            items: pairs.iter().map(|&(_, i)| &all[i]).collect(),
            at,
        }
    }

    fn of(&self, k: usize) -> &[&'a T] {
        match (self.at.get(k), self.at.get(k + 1)) {
            (Some(&a), Some(&b)) => &self.items[a..b],
            _ => &[],
        }
    }
}

/// The mentions of a document by sentence.
struct DocMentions<'a> {
    actors: BySentence<'a, ActorMention>,
    places: BySentence<'a, PlaceMention>,
    dates: BySentence<'a, DateMention>,
    quantities: BySentence<'a, QuantityMention>,
}

impl<'a> DocMentions<'a> {
    fn new(inp: &Inputs<'a>, doc: &DocWords<'_>) -> Self {
        let sents: Vec<Span> = doc.sentences.iter().map(|s| s.span).collect();
        DocMentions {
            actors: BySentence::new(inp.actors, |a| a.span.span(), &sents),
            places: BySentence::new(inp.places, |p| p.span.span(), &sents),
            dates: BySentence::new(inp.dates, |d| d.span.span(), &sents),
            quantities: BySentence::new(inp.quantities, |q| q.span.span(), &sents),
        }
    }
}

impl<'d> Sentence<'d, '_> {
    /// The folded words, as the pattern sets read them.
    fn refs(&self) -> &[&'d str] {
        self.folded
    }

    /// Index of the first word starting at or after byte `b`.
    fn word_at(&self, b: usize) -> usize {
        self.words.partition_point(|w| w.start < b)
    }

    fn word_span(&self, first: usize, end: usize) -> Span {
        Span::new(self.words[first].start, self.words[end - 1].end)
    }

    fn cues(&self, kind: CueKind) -> impl Iterator<Item = &CueHit> {
        self.cues.iter().filter(move |c| c.kind == kind)
    }
}

/// The date chosen for an event.
#[derive(Debug, Clone, Copy, PartialEq)]
struct When {
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    precision: u8,
    /// True when no date was found and the publication week stands in.
    fallback: bool,
    /// True when the date comes from the sentences before, not the event's own.
    inherited: bool,
}

/// A figure of the dead or wounded: (low, best, high).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Count {
    low: Option<i64>,
    best: Option<i64>,
    high: Option<i64>,
    /// How `best` was chosen.
    rule: &'static str,
    /// Read from a vague figure ("dozens", "des centaines"): a count of the same event
    /// replaces it.
    vague: bool,
}

impl Count {
    /// The same figure with `low ≤ best ≤ high` wherever both sides are known: a best
    /// estimate below the floor rises to it, one above the ceiling falls to it, and a
    /// ceiling below the floor is dropped as inconsistent.
    fn ordered(mut self) -> Count {
        if let (Some(l), Some(h)) = (self.low, self.high) {
            if h < l {
                self.high = None;
            }
        }
        if let (Some(b), Some(l)) = (self.best, self.low) {
            if b < l {
                self.best = Some(l);
            }
        }
        if let (Some(b), Some(h)) = (self.best, self.high) {
            if b > h {
                self.best = Some(h);
            }
        }
        self
    }
}

#[derive(Debug, Clone)]
struct Draft<'p> {
    event_type: &'p str,
    sub_event_type: &'p str,
    rules: Vec<Cow<'p, str>>,
    when: When,
    place: Option<&'p PlaceMention>,
    actor1: Option<&'p str>,
    assoc1: Vec<&'p str>,
    actor2: Option<&'p str>,
    assoc2: Vec<&'p str>,
    dead: Option<Count>,
    wounded: Option<Count>,
    claims: Vec<DraftClaim<'p>>,
    evidence: Vec<Span>,
    weak_type: bool,
    /// Every trigger was a generic word ("l'attaque"): the draft joins the violent event
    /// it refers to, whatever its type.
    generic: bool,
    /// Actors its sentences say lost: they suffered it, the defeat was theirs, or they are
    /// counted among its dead or wounded ([`losers`]).
    lost: Vec<&'p str>,
    /// Every trigger was a predicate of harm (`Flags::harm`): the type follows the patient.
    harm: bool,
}

/// A [`Claim`] as drafts carry it, borrowing its words.
#[derive(Debug, Clone, Copy)]
struct DraftClaim<'p> {
    claimant: &'p str,
    hedged: bool,
    what: &'p str,
    basis: Option<&'static str>,
    span: Span,
}

impl DraftClaim<'_> {
    fn claim(&self, text: &str) -> Claim {
        Claim {
            claimant: self.claimant.to_string(),
            hedged: self.hedged,
            what: self.what.to_string(),
            basis: self.basis.map(str::to_string),
            span: self.span.with_text(text),
        }
    }
}

/// The pattern sets in [`first_words`]: triggers, cues, movement verbs.
const SET_TRIGGERS: usize = 0;
const SET_CUES: usize = 1;
const SET_MOVES: usize = 2;
const SETS: usize = 3;

/// The first words of every pattern set of `triggers` and `cues`, for [`assemble_folded`]
/// (build it once: it depends on the rules only).
pub fn first_words(triggers: &Triggers, cues: &Cues) -> FirstWords {
    let (set, moves) = cues.patterns();
    FirstWords::new(&[triggers.patterns(), set, moves])
}

/// Reads events and movements out of one document's mentions.
pub fn assemble(triggers: &Triggers, cues: &Cues, inp: &Inputs<'_>) -> (Vec<Event>, Vec<Movement>) {
    let folded = Folded::new(inp.text, inp.tokens);
    assemble_folded(triggers, cues, &first_words(triggers, cues), inp, &folded)
}

/// [`assemble`] with the first words of the rules and the folded tokens already at
/// hand: `first` must be [`first_words`]`(triggers, cues)` and `folded`
/// [`Folded::new`]`(inp.text, inp.tokens)`, as the mention layer builds it.
pub fn assemble_folded(
    triggers: &Triggers,
    cues: &Cues,
    first: &FirstWords,
    inp: &Inputs<'_>,
    folded: &Folded,
) -> (Vec<Event>, Vec<Movement>) {
    let doc = read_words(first, cues, inp, folded);
    let mentions = DocMentions::new(inp, &doc);
    // the country most of the document's places lie in
    let main = main_country(inp);
    let mut sentences = read_sentences(&doc, &mentions);
    // the actors of each sentence that act or undergo, not only speak
    let mut agents: Vec<&ActorMention> = Vec::with_capacity(inp.actors.len());
    let mut agents_at: Vec<usize> = Vec::with_capacity(sentences.len() + 1);
    agents_at.push(0);
    for s in &sentences {
        agents.extend(
            s.actors
                .iter()
                .copied()
                .filter(|a| !is_claimant(s, a.span.span())),
        );
        agents_at.push(agents.len());
    }
    for (k, s) in sentences.iter_mut().enumerate() {
        s.agents = &agents[agents_at[k]..agents_at[k + 1]];
    }
    let sentences = sentences;
    let mut drafts: Vec<Draft> = Vec::new();
    // (sentence, draft index) of the last event drafted
    let mut last_event: Option<(usize, usize)> = None;
    for (si, s) in sentences.iter().enumerate() {
        let refs = s.refs();
        let mut hits = triggers.find_listed(refs, inp.lang, s.cands[SET_TRIGGERS]);
        let before = drafts.len();
        // overlapping hits: the longest wins, then the rule listed first
        hits.sort_by_key(|h| (h.first, std::cmp::Reverse(h.end - h.first), h.rule));
        // a harm without its author beside a word that names the event is that event's
        // toll ("Twelve people were killed when a drone struck the market", "trois
        // personnes ont été tuées dans l'embuscade"): the event's own word takes the
        // date and the figures
        if hits.iter().any(|h| !triggers.rule(h.rule).flags.harm) {
            hits.retain(|h| {
                !triggers.rule(h.rule).flags.harm || has_author(s, None, h.first, h.end)
            });
        }
        let mut taken_until = 0;
        // the words of every trigger of the sentence ("ont perdu les batailles")
        let hit_words: Vec<usize> = hits.iter().map(|h| h.first).collect();
        let hit_spans: Vec<Span> = hits.iter().map(|h| s.word_span(h.first, h.end)).collect();
        for h in hits {
            if h.first < taken_until {
                continue;
            }
            // "groups fighting for independence", "has been fighting since 2020": an
            // ongoing activity that describes someone, not an event on a day
            if s.cues(CueKind::Durative)
                .any(|c| c.first <= h.first && h.first < c.end)
            {
                continue;
            }
            // "using heavy weapons, drones and SVBIEDs": the means of the fight told
            if s.cues(CueKind::Instrument)
                .any(|c| c.end <= h.first && h.first - c.end <= 6)
            {
                continue;
            }
            // "sans combat", "n'ont pas atteint", "without fighting"
            if s.cues(CueKind::Negation)
                .any(|c| c.end <= h.first && h.first - c.end <= 2)
            {
                continue;
            }
            // words a longer trigger used are not read again by a shorter one
            taken_until = h.end;
            let rule = triggers.rule(h.rule);
            // "un détachement d'assaut", "un char de combat": a bare "de" makes a weak
            // trigger word the kind of a thing, not an event; the "de" of a count is not
            // that ("une vingtaine de soldats ont été tués", "des dizaines de militaires")
            if rule.flags.weak
                && h.first > 0
                && matches!(s.folded[h.first - 1], "de" | "d'")
                && !in_count(s, h.first - 1)
            {
                continue;
            }
            let trig = s.word_span(h.first, h.end);
            let [mut acts, mut undergoes] = sides(inp, s, trig);
            // "l'armée a subi une défaite", "the army acknowledged a setback": the
            // actors named before a loss lost it, unless they inflicted it ("les
            // rebelles ont infligé une défaite à l'armée")
            let inflicted = s
                .cues(CueKind::Inflict)
                .any(|c| c.end <= h.first && h.first - c.end <= 4);
            let subject: Vec<&str> = if rule.flags.loss && !inflicted {
                let mut v: Vec<&str> = Vec::new();
                for a in s.actors.iter().copied().filter(|a| {
                    a.span.end <= trig.start
                        && s.word_at(trig.start) - s.word_at(a.span.end) <= 8
                        // a speaker owning up to the loss ("the army acknowledged a
                        // setback") lost it; one quoted with "selon" did not
                        && !s.cues(CueKind::SourcePrep).any(|c| {
                            let w = s.word_at(a.span.start);
                            c.end <= w && w - c.end <= 3
                        })
                }) {
                    if !v.contains(&a.actor.as_str()) {
                        v.push(&a.actor);
                    }
                }
                v
            } else {
                Vec::new()
            };
            if !subject.is_empty() {
                let all: Vec<&str> = acts.iter().chain(&undergoes).copied().collect();
                acts = all.into_iter().filter(|a| !subject.contains(a)).collect();
                undergoes = subject.clone();
            }
            let loss_subject = rule.flags.loss && !inflicted && undergoes.is_empty();
            if loss_subject {
                std::mem::swap(&mut acts, &mut undergoes);
            }
            let mut lost = losers(s, &hit_words, rule.flags.loss.then_some(h.end));
            for a in &subject {
                if !lost.contains(a) {
                    lost.push(a);
                }
            }
            if loss_subject {
                // the only side named with "défaite", "setback" lost it
                for a in &undergoes {
                    if !lost.contains(a) {
                        lost.push(a);
                    }
                }
            }
            let (dead, wounded) = casualties(inp, s, Some(trig), &hit_spans);
            let nobody = acts.is_empty() && undergoes.is_empty();
            // "the army said the strike hit a vehicle": a word referring back to an event
            // told, with someone speaking of it, brings that speaker's claim
            let attributed = s.cues(CueKind::SourcePrep).next().is_some()
                || s.cues(CueKind::Speech).next().is_some();
            if rule.flags.weak
                && nobody
                && dead.is_none()
                && wounded.is_none()
                && !(rule.flags.generic && attributed)
            {
                continue;
            }
            // a harm told without its author is the toll of the event just told ("Sept
            // civils ont été tués", "Two soldiers were killed in the attack"), which the
            // sentences that go on about an event read; with no event before it and no
            // figure it is a mention in passing ("those who had been killed there")
            if rule.flags.harm && !has_author(s, Some(&acts), h.first, h.end) {
                let follows = last_event.is_some_and(|(ls, _)| si - ls <= 2);
                if follows || dead.is_none() {
                    continue;
                }
                // a toll standing alone ("Three people were killed in Gao on Monday")
                // names no author: whoever else the sentence names did not do it
                acts.clear();
            }
            let when = if rule.flags.bg {
                date_in_sentence(s, trig, &hit_spans).unwrap_or_else(|| fallback_date(inp))
            } else {
                date_for(
                    inp,
                    &sentences,
                    si,
                    trig,
                    &hit_spans,
                    violent(&rule.event_type),
                )
            };
            // a weak trigger with no date and no figure is too thin to be an event
            if rule.flags.weak && when.fallback && dead.is_none() && wounded.is_none() {
                continue;
            }
            let claim = claim_for(inp, s, &rule.sub_event_type);
            for place in places_for(inp, main, s, trig) {
                let mut d = Draft {
                    event_type: &rule.event_type,
                    sub_event_type: &rule.sub_event_type,
                    rules: vec![Cow::Borrowed(rule.id.as_str())],
                    when,
                    place,
                    actor1: None,
                    assoc1: Vec::new(),
                    actor2: None,
                    assoc2: Vec::new(),
                    dead,
                    wounded,
                    claims: vec![claim],
                    evidence: vec![s.span],
                    weak_type: rule.flags.weak,
                    generic: rule.flags.generic,
                    lost: lost.clone(),
                    harm: rule.flags.harm,
                };
                fill_side(&mut d.actor1, &mut d.assoc1, &acts);
                fill_side(&mut d.actor2, &mut d.assoc2, &undergoes);
                if rule.flags.civ && d.actor2.is_none() {
                    d.actor2 = Some("Civilians");
                }
                // "protesters threw stones at the police", "des manifestants ont saccagé la
                // mairie": a demonstration whose crowd turns violent is a riot
                if rule.event_type == "Protests"
                    && sentences[si..sentences.len().min(si + 2)]
                        .iter()
                        .any(|x| x.cues(CueKind::Rampage).next().is_some())
                {
                    d.event_type = "Riots";
                    d.sub_event_type = "Violent demonstration";
                }
                // "militants attacked the village of X", "ont attaqué le marché de X": an
                // attack whose object only civilians make, with no armed side undergoing
                // it, is violence against civilians (its type follows in `finish`)
                if rule.event_type == "Battles" && d.actor2.is_none() && civ_object(s, h.end) {
                    d.actor2 = Some("Civilians");
                }
                drafts.push(d);
            }
        }
        if drafts.len() > before {
            last_event = Some((si, drafts.len() - 1));
            continue;
        }
        // a sentence with no trigger that counts the dead or the wounded goes on about
        // the event just told ("Selon des habitants, six civils ont été tués.")
        if let Some((_, di)) = last_event.filter(|(ls, _)| si - ls <= 2) {
            let (dead, wounded) = casualties(inp, s, None, &[]);
            if dead.is_some() || wounded.is_some() {
                let prev = &drafts[di];
                let [acts, undergoes] = sides(inp, s, s.span);
                let mut d = Draft {
                    rules: vec![Cow::Owned(format!("{}/continued", prev.rules[0]))],
                    dead,
                    wounded,
                    claims: vec![claim_for(inp, s, prev.sub_event_type)],
                    evidence: vec![s.span],
                    actor1: None,
                    assoc1: Vec::new(),
                    actor2: None,
                    assoc2: Vec::new(),
                    lost: losers(s, &[], None),
                    ..prev.clone()
                };
                fill_side(&mut d.actor1, &mut d.assoc1, &acts);
                fill_side(&mut d.actor2, &mut d.assoc2, &undergoes);
                drafts.push(d);
            } else {
                // a sentence that only says who said what ("« Nous avons anéanti leurs
                // colonnes », affirme le porte-parole du CSP") goes on about the event
                // just told: its speaker's claim joins that event
                let prev = &drafts[di];
                let c = claim_for(inp, s, prev.sub_event_type);
                if c.hedged
                    && inp.outlet.is_none_or(|o| o != c.claimant)
                    && c.claimant != "the outlet"
                {
                    let d = &mut drafts[di];
                    if !d.claims.iter().any(|x| x.span == c.span) {
                        d.claims.push(c);
                        d.evidence.push(s.span);
                    }
                }
            }
        }
    }
    let battle_place = drafts
        .iter()
        .find(|d| d.event_type == "Battles")
        .and_then(|d| d.place);
    let movements = movements(cues, inp, &sentences, battle_place);
    // a development of a moving force is located where it was last reported
    // (the latest by date, then by the order of the text)
    fn latest<'m>(ms: &mut dyn Iterator<Item = (usize, &'m Movement)>) -> Option<&'m PlaceMention> {
        ms.max_by_key(|(i, m)| (m.to.or(m.from), *i))
            .and_then(|(_, m)| m.place.as_ref())
    }
    let last_seen = latest(
        &mut movements
            .iter()
            .enumerate()
            .filter(|(_, m)| m.place.is_some() && m.status != "departed"),
    )
    .or_else(|| {
        latest(
            &mut movements
                .iter()
                .enumerate()
                .filter(|(_, m)| m.place.is_some()),
        )
    });
    if let Some(p) = &last_seen {
        for d in drafts.iter_mut() {
            if d.sub_event_type == "Other"
                && d.rules
                    .iter()
                    .any(|r| MOVING.iter().any(|m| r.ends_with(m)))
            {
                d.place = Some(p);
            }
        }
    }
    if let Some(d) = journey_draft(inp, &movements, last_seen) {
        // a retreat from a battlefield in the days of the battle is how the battle
        // ended, not a development of its own
        let part_of_battle = drafts.iter().any(|b| {
            b.event_type == "Battles"
                && !b.when.fallback
                && overlaps(widen(b.when, 1), d.when)
                && match (&b.place, &d.place) {
                    (Some(p), Some(q)) => km(p, q) <= SAME_PLACE_KM,
                    _ => false,
                }
        });
        if !part_of_battle {
            drafts.push(d);
        }
    }
    let mut merged: Vec<Draft> = Vec::new();
    for d in drafts {
        match merged.iter_mut().find(|m| same_event(m, &d)) {
            Some(m) => merge_into(m, d),
            None => merged.push(d),
        }
    }
    let context = ActorContext::of(inp);
    let events = merged
        .into_iter()
        .map(|d| finish(inp, &context, d))
        .collect();
    (events, movements)
}

/// Every word of the document, sentence after sentence, with its candidates in every
/// pattern set (one trie walk per word).
fn read_words<'f>(
    first: &FirstWords,
    cues: &Cues,
    inp: &Inputs<'_>,
    all: &'f Folded,
) -> DocWords<'f> {
    let spans_of = vigie_text::sentences(inp.text, inp.tokens);
    let mut doc = DocWords {
        spans: Vec::with_capacity(inp.tokens.len()),
        folded: Vec::with_capacity(inp.tokens.len()),
        // room for the usual share of words with candidates, and of cues
        cands: [
            Vec::with_capacity(inp.tokens.len() / 8),
            Vec::with_capacity(inp.tokens.len() / 2),
            Vec::with_capacity(inp.tokens.len() / 8),
        ],
        cues: Vec::with_capacity(inp.tokens.len() / 8),
        sentences: Vec::with_capacity(spans_of.len()),
    };
    let sets = first.sets();
    let mut coded: Vec<usize> = Vec::new();
    let mut ti = 0;
    for span in spans_of {
        let w0 = doc.spans.len();
        let c0: [usize; SETS] = std::array::from_fn(|k| doc.cands[k].len());
        while ti < inp.tokens.len() && inp.tokens[ti].span.start < span.end {
            let t = inp.tokens[ti];
            if t.span.start >= span.start && t.kind == TokenKind::Word {
                let rel = (doc.spans.len() - w0) as u32;
                doc.spans.push(t.span);
                let w = all.get(ti);
                doc.folded.push(w);
                coded.clear();
                first.candidates(w, &mut coded);
                if !coded.is_empty() {
                    // sorted by item within each set, once each
                    coded.sort_unstable();
                    coded.dedup();
                    for &c in &coded {
                        if let Some(v) = doc.cands.get_mut(c % sets) {
                            v.push((rel, (c / sets) as u32));
                        }
                    }
                }
            }
            ti += 1;
        }
        let c1: [Range<usize>; SETS] = std::array::from_fn(|k| c0[k]..doc.cands[k].len());
        let q0 = doc.cues.len();
        cues.find_listed_into(
            &doc.folded[w0..],
            inp.lang,
            &doc.cands[SET_CUES][c1[SET_CUES].clone()],
            &mut doc.cues,
        );
        doc.sentences.push(SentenceAt {
            span,
            words: w0..doc.spans.len(),
            cands: c1,
            cues: q0..doc.cues.len(),
        });
    }
    doc
}

fn read_sentences<'d, 'a>(doc: &'d DocWords<'_>, m: &'d DocMentions<'a>) -> Vec<Sentence<'d, 'a>> {
    doc.sentences
        .iter()
        .enumerate()
        .map(|(k, at)| {
            let folded = &doc.folded[at.words.clone()];
            let cands: [&[(u32, u32)]; SETS] =
                std::array::from_fn(|set| &doc.cands[set][at.cands[set].clone()]);
            Sentence {
                span: at.span,
                words: &doc.spans[at.words.clone()],
                folded,
                cues: &doc.cues[at.cues.clone()],
                cands,
                actors: m.actors.of(k),
                agents: &[],
                places: m.places.of(k),
                dates: m.dates.of(k),
                quantities: m.quantities.of(k),
            }
        })
        .collect()
}

/// Whether word `w` of the sentence belongs to a quantity mention ("une vingtaine de").
fn in_count(s: &Sentence, w: usize) -> bool {
    let at = s.word_span(w, w + 1);
    s.quantities.iter().any(|q| inside(q.span.span(), at))
}

fn inside(outer: Span, inner: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

fn distance(a: Span, b: Span) -> usize {
    if a.overlaps(b) {
        0
    } else if a.end <= b.start {
        b.start - a.end
    } else {
        a.start - b.end
    }
}

// ------------------------------------------------------------------------ dates

fn when_of(d: &DateMention) -> When {
    let precision = match d.precision {
        DatePrecision::Day => 1,
        DatePrecision::Days | DatePrecision::Week | DatePrecision::PartOfMonth => 2,
        _ => 3,
    };
    When {
        from: d.from,
        to: d.to,
        precision,
        fallback: false,
        inherited: false,
    }
}

/// The date nearest the trigger in its sentence.
/// The date of the trigger at `trig` in its sentence: the nearest date that is not nearer
/// to another trigger of the sentence (`others`: "recovered the bodies of fighters killed
/// in a July battle": July dates the battle, not the recovery).
fn date_in_sentence(s: &Sentence, trig: Span, others: &[Span]) -> Option<When> {
    let dates: Vec<&DateMention> = s
        .dates
        .iter()
        .copied()
        .filter(|d| d.from.is_some() || d.to.is_some())
        .collect();
    // "the rebels said Thursday that they killed …": a date next to a verb of saying
    // dates the statement, not the event, when the sentence has another date
    let of_statement = |d: &DateMention| {
        let (w0, w1) = (s.word_at(d.span.start), s.word_at(d.span.end));
        s.cues(CueKind::Speech)
            .any(|c| (w0 >= c.end && w0 - c.end <= 1) || (c.first >= w1 && c.first - w1 <= 1))
    };
    let event_dates: Vec<&DateMention> =
        dates.iter().copied().filter(|d| !of_statement(d)).collect();
    let pool = if event_dates.is_empty() {
        dates
    } else {
        event_dates
    };
    // the dates nearer to this trigger than to any other of the sentence
    pool.into_iter()
        .filter(|d| {
            let own = distance(d.span.span(), trig);
            others
                .iter()
                .filter(|o| !o.overlaps(trig))
                .all(|o| distance(d.span.span(), *o) >= own)
        })
        .min_by_key(|d| distance(d.span.span(), trig))
        .map(when_of)
}

/// The week before publication, when nothing dates an event.
fn fallback_date(inp: &Inputs<'_>) -> When {
    When {
        from: inp.published.map(|p| p - Duration::days(7)),
        to: inp.published,
        precision: 3,
        fallback: true,
        inherited: true,
    }
}

/// The date nearest the trigger in its sentence; else the last date named in the two
/// sentences before; else the week before publication.
fn date_for(
    inp: &Inputs<'_>,
    sentences: &[Sentence],
    si: usize,
    trig: Span,
    others: &[Span],
    coarse_ok: bool,
) -> When {
    let s = &sentences[si];
    if let Some(w) = date_in_sentence(s, trig, others) {
        return w;
    }
    let lo = sentences[si.saturating_sub(2)].span.start;
    if let Some(d) = inp
        .dates
        .iter()
        .filter(|d| d.span.start >= lo && d.span.end <= s.span.start && d.from.is_some())
        .rfind(|d| {
            // a fight told back ("les rebelles avaient alors tué …") takes the period
            // named before it; other events only a day
            matches!(d.precision, DatePrecision::Day | DatePrecision::Days)
                || coarse_ok
                    && d.precision != DatePrecision::Year
                    && d.precision != DatePrecision::Open
        })
    {
        return When {
            inherited: true,
            ..when_of(d)
        };
    }
    fallback_date(inp)
}

// ------------------------------------------------------------------------ places

fn is_country(p: &PlaceMention) -> bool {
    p.feature.starts_with("PCL")
}

/// The country most of the document's places lie in.
fn main_country<'a>(inp: &Inputs<'a>) -> Option<&'a str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for p in inp.places.iter().filter(|p| !is_country(p)) {
        match counts.iter_mut().find(|c| c.0 == p.country) {
            Some(c) => c.1 += 1,
            None => counts.push((p.country.as_str(), 1)),
        }
    }
    counts.iter().max_by_key(|c| c.1).map(|c| c.0)
}

/// A place precise enough to locate an event: not a country, not a whole region, in
/// the document's main country when it has one.
fn precise(p: &PlaceMention, main: Option<&str>) -> bool {
    !is_country(p)
        && p.feature != "PPLC"
        // a named place the gazetteer lacks is precise, though not located
        && (p.geo_precision < 3 || p.unresolved)
        && main.is_none_or(|m| m == p.country)
}

/// The precise place nearest the trigger in its sentence; else the last precise place
/// named before the sentence; else the first after; else the nearest place of any kind
/// in the sentence.
fn place_for<'a>(
    inp: &Inputs<'a>,
    main: Option<&str>,
    s: &Sentence<'_, 'a>,
    trig: Span,
) -> Option<&'a PlaceMention> {
    let in_sentence: &[&PlaceMention] = s.places;
    // "Tinzawaten, à 200 km au nord de Kidal": Kidal only says where Tinzawaten is
    let locates_another = |p: &PlaceMention| {
        p.relative.as_ref().is_some_and(|r| {
            in_sentence.iter().any(|q| {
                q.span.end <= r.span.start
                    && r.span.start - q.span.end <= 4
                    && inp.text[q.span.end..r.span.start]
                        .chars()
                        .all(|c| c.is_whitespace() || matches!(c, ',' | '('))
            })
        })
    };
    // "Boni (Douentza, Mopti)": the district and region in parentheses only say where
    // Boni lies; the event is at Boni when Boni is located
    let hint_of_located = |p: &PlaceMention| {
        in_sentence
            .iter()
            .position(|q| std::ptr::eq(*q, p))
            .and_then(|i| PlaceMention::hint_target(inp.text, in_sentence, i))
            .is_some_and(|t| in_sentence[t].lat.is_some())
    };
    if let Some(p) = in_sentence
        .iter()
        .filter(|p| precise(p, main) && !locates_another(p) && !hint_of_located(p))
        .min_by_key(|p| distance(p.span.span(), trig))
    {
        return Some(p);
    }
    let before = inp
        .places
        .iter()
        .rfind(|p| p.span.end <= s.span.start && precise(p, main));
    let after = inp
        .places
        .iter()
        .find(|p| p.span.start >= s.span.end && precise(p, main));
    before.or(after).or_else(|| {
        in_sentence
            .iter()
            .min_by_key(|p| (is_country(p), distance(p.span.span(), trig)))
            .copied()
    })
}

/// The places an event happened at: the one [`place_for`] picks, and the places
/// coordinated with it in the sentence ("à Gao et Tombouctou": one event each).
fn places_for<'a>(
    inp: &Inputs<'a>,
    main_cc: Option<&str>,
    s: &Sentence<'_, 'a>,
    trig: Span,
) -> Vec<Option<&'a PlaceMention>> {
    let Some(main) = place_for(inp, main_cc, s, trig) else {
        return vec![None];
    };
    if !inside(s.span, main.span.span()) || is_country(main) {
        return vec![Some(main)];
    }
    let in_sentence: Vec<&'a PlaceMention> = s
        .places
        .iter()
        .copied()
        .filter(|p| !is_country(p) && p.relative.is_none())
        .collect();
    let Some(at) = in_sentence.iter().position(|p| p.span == main.span) else {
        return vec![Some(main)];
    };
    let joined = |a: &PlaceMention, b: &PlaceMention| {
        let between = &inp.text[a.span.end..b.span.start];
        let w = vigie_text::fold(between.trim());
        matches!(
            w.as_str(),
            "et" | "and" | "," | "ou" | "or" | "et a" | "and in"
        )
    };
    let (mut lo, mut hi) = (at, at);
    while lo > 0 && joined(in_sentence[lo - 1], in_sentence[lo]) {
        lo -= 1;
    }
    while hi + 1 < in_sentence.len() && joined(in_sentence[hi], in_sentence[hi + 1]) {
        hi += 1;
    }
    in_sentence[lo..=hi].iter().map(|p| Some(*p)).collect()
}

/// Great-circle distance between two places, in km. Two unlocated names are as far apart
/// as their names differ: 0 for the same name, infinite otherwise.
fn km(a: &PlaceMention, b: &PlaceMention) -> f64 {
    let (Some((alat, alon)), Some((blat, blon))) = (a.point(), b.point()) else {
        return if a.name == b.name { 0.0 } else { f64::INFINITY };
    };
    let p = std::f64::consts::PI / 180.0;
    let h = ((blat - alat) * p / 2.0).sin().powi(2)
        + (alat * p).cos() * (blat * p).cos() * ((blon - alon) * p / 2.0).sin().powi(2);
    12742.0 * h.min(1.0).sqrt().asin()
}

// ------------------------------------------------------------------------ actors

/// True for an actor mention that names who speaks, not who acts: after "selon", or
/// right before a verb of saying.
fn is_claimant(s: &Sentence, a: Span) -> bool {
    let w = s.word_at(a.start);
    let we = s.word_at(a.end);
    s.cues(CueKind::SourcePrep)
        .any(|c| c.end <= w && w - c.end <= 3)
        || s.cues(CueKind::Speech)
            .any(|c| c.first >= we && c.first - we <= 2)
}

/// The sentence's actors in two sides: who acts, and who undergoes (each side: main
/// actor first, then its associates).
fn sides<'a>(inp: &Inputs<'a>, s: &Sentence<'_, 'a>, trig: Span) -> [Vec<&'a str>; 2] {
    let actors = s.agents;
    if actors.is_empty() {
        // a country named as the subject before the trigger acts through its state
        // ("l'Algérie a élevé une barrière"; not "la frontière avec l'Algérie")
        let subject = |p: &PlaceMention| {
            let w = s.word_at(p.span.start);
            let mut k = w;
            while k > 0 && matches!(s.folded[k - 1], "l'" | "la" | "le" | "the") {
                k -= 1;
            }
            k == 0 || !PREPOSITIONS.contains(&s.folded[k - 1])
        };
        let state = s
            .places
            .iter()
            .copied()
            .filter(|p| is_country(p) && p.span.end <= trig.start)
            .rfind(|p| subject(p))
            .and_then(|p| inp.state_actors.iter().find(|(cc, _)| *cc == p.country))
            .map(|(_, a)| a.as_str());
        return [state.into_iter().collect(), Vec::new()];
    }
    // groups of actors joined by "et", ",", "leurs alliés", "backed by" …: no verb, no
    // versus word, no trigger between them, at most four words apart
    let mut groups: Vec<Vec<&'a ActorMention>> = Vec::new();
    for a in actors {
        let joined = groups.last().and_then(|g| g.last()).is_some_and(|prev| {
            let (w0, w1) = (s.word_at(prev.span.end), s.word_at(a.span.start));
            // "entre X et Y": the first "et" after "entre" separates the sides
            let between = s.cues(CueKind::Between).any(|c| {
                let g0 = s.word_at(groups.last().expect("a group")[0].span.start);
                c.end <= g0 && g0 - c.end <= 3
            }) && (w0..w1).any(|k| matches!(s.folded[k], "et" | "and"));
            // "les FAMa et de leurs alliés de Wagner": a word of alliance carries further
            let ally = (w0..w1).any(|k| {
                matches!(
                    s.folded[k],
                    "allies" | "allie" | "ally" | "partenaires" | "suppletifs" | "partners"
                )
            });
            w1 >= w0
                && (w1 - w0 <= 4 || ally && w1 - w0 <= 6)
                && !between
                && !s
                    .cues(CueKind::Versus)
                    .any(|c| c.first >= w0 && c.first < w1)
                && !(prev.span.end <= trig.start && trig.end <= a.span.start)
        });
        if joined {
            groups.last_mut().expect("a group").push(a);
        } else {
            groups.push(vec![a]);
        }
    }
    // in a group, state forces lead and their partners are associated ("les FAMa et
    // leurs supplétifs de Wagner"): ACLED's way
    let names = |g: &[&'a ActorMention]| -> Vec<&'a str> {
        let mut g: Vec<&'a ActorMention> = g.to_vec();
        g.sort_by_key(|a| a.inter != 1);
        let mut v: Vec<&'a str> = Vec::new();
        for a in g {
            if !v.contains(&a.actor.as_str()) {
                v.push(&a.actor);
            }
        }
        v
    };
    let tw = s.word_at(trig.start);
    let first_word = |g: &Vec<&ActorMention>| s.word_at(g[0].span.start);
    // the agent of a passive ("attaquée par des terroristes") acts
    let agent = groups.iter().position(|g| {
        let w = first_word(g);
        s.cues(CueKind::Passive)
            .any(|c| c.end <= w && w - c.end <= 2)
    });
    let civ = |g: &Vec<&ActorMention>| g.iter().all(|a| a.inter == 7);
    let (mut acts, mut undergoes): (Vec<&'a str>, Vec<&'a str>) = (Vec::new(), Vec::new());
    if let Some(i) = agent {
        acts = names(&groups[i]);
        if let Some(o) = groups
            .iter()
            .enumerate()
            .find(|(j, _)| *j != i)
            .map(|(_, g)| g)
        {
            undergoes = names(o);
        }
    } else {
        let before: Vec<&Vec<&ActorMention>> =
            groups.iter().filter(|g| first_word(g) < tw).collect();
        let after: Vec<&Vec<&ActorMention>> =
            groups.iter().filter(|g| first_word(g) >= tw).collect();
        let subject = before.last().copied();
        let object = after
            .first()
            .copied()
            .or_else(|| before.iter().rev().nth(1).copied());
        let suffered = subject.is_some_and(|g| {
            let w = s.word_at(g.last().expect("non-empty").span.end);
            s.cues(CueKind::Suffer)
                .any(|c| c.first >= w && c.first - w <= 3)
        });
        match (subject, object) {
            (Some(sub), obj) if suffered || civ(sub) => {
                undergoes = names(sub);
                if let Some(o) = obj {
                    acts = names(o);
                }
            }
            (Some(sub), obj) => {
                acts = names(sub);
                if let Some(o) = obj {
                    undergoes = names(o);
                }
            }
            (None, Some(o)) => {
                // "frappes de drone de l'armée contre des civils": after the trigger, the
                // first group acts unless it is civilians
                if civ(o) {
                    undergoes = names(o);
                } else {
                    acts = names(o);
                    if let Some(second) = after.get(1) {
                        undergoes = names(second);
                    }
                }
            }
            (None, None) => {}
        }
    }
    // civilians never act in the events Vigie reads; move them to the side that undergoes
    if !acts.is_empty()
        && acts.iter().all(|a| *a == "Civilians")
        && undergoes.iter().all(|a| *a != "Civilians")
    {
        std::mem::swap(&mut acts, &mut undergoes);
    }
    // "the rebels said they had killed …": an armed group speaking of its own deed acts
    // when nobody else in the sentence does
    if acts.is_empty() {
        if let Some(a) = s.actors.iter().copied().find(|a| {
            is_claimant(s, a.span.span())
                && matches!(a.inter, 1 | 2 | 3 | 8)
                && !undergoes.contains(&a.actor.as_str())
        }) {
            acts.push(&a.actor);
        }
    }
    undergoes.retain(|a| !acts.contains(a));
    [acts, undergoes]
}

fn fill_side<'p>(main: &mut Option<&'p str>, assoc: &mut Vec<&'p str>, names: &[&'p str]) {
    for &n in names {
        if *main == Some(n) || assoc.contains(&n) {
            continue;
        }
        if main.is_none() {
            *main = Some(n);
        } else {
            assoc.push(n);
        }
    }
}

/// How often the document names each actor, to fill a side a sentence leaves empty.
struct ActorContext<'a> {
    counts: Vec<(&'a str, u8, usize)>,
}

impl<'a> ActorContext<'a> {
    fn of(inp: &Inputs<'a>) -> ActorContext<'a> {
        let mut counts: Vec<(&'a str, u8, usize)> = Vec::new();
        for a in inp.actors {
            match counts.iter_mut().find(|c| c.0 == a.actor) {
                Some(c) => c.2 += 1,
                None => counts.push((&a.actor, a.inter, 1)),
            }
        }
        counts.sort_by_key(|c| std::cmp::Reverse(c.2));
        ActorContext { counts }
    }

    /// The inter code of an actor the document names.
    fn inter_of(&self, name: &str) -> Option<u8> {
        self.counts.iter().find(|c| c.0 == name).map(|c| c.1)
    }

    /// The most named actor of the document that `accept` takes.
    fn most_named(&self, accept: impl Fn(&str, u8) -> bool) -> Option<&'a str> {
        self.counts.iter().find(|c| accept(c.0, c.1)).map(|c| c.0)
    }
}

/// State forces and the foreign forces fighting with them, against the others.
fn camp(inter: u8) -> u8 {
    match inter {
        1 | 8 => 0,
        7 => 2,
        _ => 1,
    }
}

/// The canonical name of an armed group the text does not name.
const UNIDENTIFIED: &str = "Unidentified armed group";

/// The actors a sentence says lost: the subject of a verb of suffering followed by a loss
/// ("l'armée a subi de lourdes pertes", "Wagner suffered a defeat"), the owner of a defeat
/// ("la défaite des FAMa", "a defeat for the army": `loss_end` is the end word of such a
/// trigger), and the actors counted among the dead or wounded ("84 mercenaires de Wagner
/// tués", "killed 47 Malian soldiers"). `hit_words` are the first words of the sentence's
/// triggers.
fn losers<'a>(s: &Sentence<'_, 'a>, hit_words: &[usize], loss_end: Option<usize>) -> Vec<&'a str> {
    let actors = s.agents;
    // a speaker owning up to its loss ("l'armée admet avoir perdu …") is a subject too;
    // one quoted with "selon" is not
    let subjects: Vec<&'a ActorMention> = s
        .actors
        .iter()
        .copied()
        .filter(|a| {
            !s.cues(CueKind::SourcePrep).any(|c| {
                let w = s.word_at(a.span.start);
                c.end <= w && w - c.end <= 3
            })
        })
        .collect();
    let mut out: Vec<&'a str> = Vec::new();
    let mut add = |a: &'a ActorMention| {
        if !out.contains(&a.actor.as_str()) {
            out.push(&a.actor);
        }
    };
    if subjects.is_empty() {
        return out;
    }
    let people: Vec<&QuantityMention> = s
        .quantities
        .iter()
        .copied()
        .filter(|q| q.unit.as_deref() == Some("people"))
        .collect();
    // a verb of suffering whose object is a loss ("a subi de lourdes pertes", "a perdu
    // de nombreux soldats", "suffered a defeat"): its subject, up to six words before;
    // a pronoun subject ("Wagner said it had suffered losses") is the speaker
    for c in s.cues(CueKind::Suffer) {
        let loss_follows = s
            .cues(CueKind::Death)
            .any(|d| d.first >= c.end && d.first - c.end <= 4)
            || hit_words.iter().any(|&w| w >= c.end && w - c.end <= 4)
            || people.iter().any(|q| {
                let w = s.word_at(q.span.start);
                w >= c.end && w - c.end <= 3
            })
            // "a perdu de nombreux soldats", "lost dozens of troops"
            || s.cues(CueKind::Unit)
                .any(|u| u.first >= c.end && u.first - c.end <= 3);
        if !loss_follows {
            continue;
        }
        let mut found = false;
        for a in &subjects {
            let we = s.word_at(a.span.end);
            if we <= c.first && c.first - we <= 6 {
                add(a);
                found = true;
            }
        }
        let pronoun = (c.first.saturating_sub(3)..c.first).any(|k| {
            matches!(
                s.folded[k],
                "it" | "they" | "we" | "il" | "elle" | "ils" | "elles" | "nous"
            )
        });
        if !found && pronoun {
            // the pronoun stands for the actors named before it, else for the speaker
            let before: Vec<&&ActorMention> = actors
                .iter()
                .filter(|a| s.word_at(a.span.end) <= c.first)
                .collect();
            for a in &before {
                add(a);
            }
            for a in s.actors.iter().copied().filter(|a| {
                before.is_empty()
                    && is_claimant(s, a.span.span())
                    && matches!(a.inter, 1 | 2 | 3 | 8)
            }) {
                add(a);
            }
        }
    }
    // the subject of a passive with an agent ("une patrouille des FAMa a été attaquée
    // par des terroristes", "troops were ambushed by rebels") was attacked
    for c in s.cues(CueKind::Passive) {
        let agent = actors
            .iter()
            .any(|a| s.word_at(a.span.start) >= c.end && s.word_at(a.span.start) - c.end <= 6);
        let passive_verb = c.first >= 1
            && (c.first.saturating_sub(3)..c.first).any(|k| {
                matches!(
                    s.folded[k],
                    "ete" | "etaient" | "etait" | "furent" | "fut" | "were" | "was" | "been"
                )
            });
        if !(agent && passive_verb) {
            continue;
        }
        for a in actors {
            let we = s.word_at(a.span.end);
            if we <= c.first && c.first - we <= 8 {
                add(a);
            }
        }
    }
    // "X were killed", "X ont été tués": the subject of a passive verb of death
    for c in s.cues(CueKind::Death) {
        let passive = c.first >= 1
            && matches!(
                s.folded[c.first - 1],
                "were" | "was" | "been" | "ete" | "sont" | "est"
            );
        if !passive {
            continue;
        }
        for a in actors {
            let we = s.word_at(a.span.end);
            if we <= c.first && c.first - we <= 12 {
                add(a);
            }
        }
    }
    // the owner of a defeat, right after it ("la défaite des FAMa", "a defeat for Wagner")
    if let Some(end) = loss_end {
        for a in actors {
            let w = s.word_at(a.span.start);
            if w >= end
                && w - end <= 3
                && (end..w).any(|k| {
                    matches!(
                        s.folded[k],
                        "de" | "des" | "du" | "d'" | "for" | "of" | "pour"
                    )
                })
            {
                add(a);
            }
        }
    }
    // the actors counted among the dead or the wounded
    for q in people {
        let (w0, w1) = (s.word_at(q.span.start), s.word_at(q.span.end));
        let counted = s
            .cues(CueKind::Death)
            .chain(s.cues(CueKind::Wounded))
            .any(|c| c.first.abs_diff(w1) <= 8 || c.end.abs_diff(w0) <= 8);
        if !counted {
            continue;
        }
        for a in actors {
            let w = s.word_at(a.span.start);
            if w >= w0 && w <= w1 + 3 {
                add(a);
            }
        }
    }
    out
}

// ------------------------------------------------------------------------ casualties

fn int(x: f64) -> i64 {
    x.round() as i64
}

/// The best estimate of one figure and how it was chosen: the figure itself when the
/// text gives one ("sept", "about 40"); otherwise the floor the text supports, the same
/// as `low` ("des dizaines", "dozens" → 20 by SCHEMA.md's convention; "more than 30" →
/// 30), so that the best estimate never falls below the most conservative one.
fn best_of(q: &QuantityMention) -> (Option<i64>, &'static str) {
    if let Some(v) = q.value {
        let rule = if q.approx {
            "approximate figure"
        } else {
            "exact count"
        };
        return (Some(int(v)), rule);
    }
    let rule = if q.approx && q.high.is_none() {
        "vague figure: its floor"
    } else if q.high.is_some() && q.low.is_some() {
        "range: its low end"
    } else {
        "lower bound"
    };
    (q.low.map(int), rule)
}

/// Whether a figure is vague ("des dizaines", "hundreds"): no value, no ceiling.
fn is_vague(q: &QuantityMention) -> bool {
    q.value.is_none() && q.high.is_none() && q.approx
}

/// The dead and the wounded the sentence counts: counts of people next to a death or
/// wound word; counts joined by "et"/"and"/"," add up ("47 soldats et 84 mercenaires").
///
/// With a trigger (`trig`, and the sentence's other triggers `others`), only the counts
/// nearer to it than to any other trigger are its own ("six civilians were killed
/// Tuesday by drone fire where the army suffered losses on Saturday during fighting": the
/// six belong to the drone fire).
fn casualties(
    inp: &Inputs<'_>,
    s: &Sentence,
    trig: Option<Span>,
    others: &[Span],
) -> (Option<Count>, Option<Count>) {
    // a count introduced by "dont", "including", "among them" is part of the total
    // before it, not a total of its own ("21 civils tués, dont 11 enfants")
    let part_of_total = |q: &QuantityMention| {
        let w = s.word_at(q.span.start);
        (w.saturating_sub(2)..w).any(|k| {
            matches!(
                s.folded[k],
                "dont" | "including" | "notamment" | "parmi" | "among" | "incluant"
            )
        })
    };
    let people: Vec<&QuantityMention> = s
        .quantities
        .iter()
        .copied()
        .filter(|q| q.unit.as_deref() == Some("people"))
        .filter(|q| {
            let Some(t) = trig else { return true };
            let own = distance(q.span.span(), t);
            others
                .iter()
                .filter(|o| !o.overlaps(t))
                .all(|o| distance(q.span.span(), *o) >= own)
        })
        .collect();
    let near = |q: &QuantityMention, kind: CueKind| -> Option<usize> {
        let (w0, w1) = (s.word_at(q.span.start), s.word_at(q.span.end));
        s.cues(kind)
            .map(|c| {
                if c.first >= w0 && c.first < w1 {
                    0
                } else if c.first >= w1 {
                    c.first - w1 + 1
                } else {
                    (w0 - c.end) + 2
                }
            })
            .filter(|d| *d <= 8)
            .min()
    };
    // "ont perdu plusieurs dizaines d'hommes", "lost 30 soldiers": a count right after a
    // verb of losing counts the dead
    let lost_count = |q: &QuantityMention| {
        let w0 = s.word_at(q.span.start);
        s.cues(CueKind::Suffer)
            .any(|c| c.end <= w0 && w0 - c.end <= 1)
    };
    // "several dozen troops and fighters from X were killed": the subject of a passive
    // verb of death, however long, is counted
    let passive_death = |q: &QuantityMention| {
        let w1 = s.word_at(q.span.end);
        s.cues(CueKind::Death).any(|c| {
            c.first >= w1
                && c.first - w1 <= 14
                && c.first >= 1
                && matches!(s.folded[c.first - 1], "were" | "was" | "ete" | "sont")
        })
    };
    let mut dead: Vec<Vec<&QuantityMention>> = Vec::new();
    let mut wounded: Vec<Vec<&QuantityMention>> = Vec::new();
    let mut last: Option<(&QuantityMention, bool)> = None;
    for q in people {
        let (mut d, w) = (near(q, CueKind::Death), near(q, CueKind::Wounded));
        if d.is_none() && (lost_count(q) || passive_death(q)) {
            d = Some(0);
        }
        let is_dead = match (d, w) {
            (Some(d), Some(w)) => d <= w,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => {
                // an enumeration continues the previous count
                match last {
                    Some((p, was_dead)) if s.word_at(q.span.start) - s.word_at(p.span.end) <= 2 => {
                        was_dead
                    }
                    _ => continue,
                }
            }
        };
        if is_dead && part_of_total(q) {
            continue;
        }
        let list = if is_dead { &mut dead } else { &mut wounded };
        let joined = last.is_some_and(|(p, was)| {
            let between = vigie_text::fold(inp.text[p.span.end..q.span.start].trim());
            // "84 mercenaires de Wagner et 47 soldats": a few words naming whose dead
            // may stand before the joining word
            let joiner = [" et", " and", ",", " ainsi que", " as well as"]
                .iter()
                .any(|j| between.ends_with(j))
                || matches!(between.as_str(), "et" | "and");
            was == is_dead
                && p.span.end <= q.span.start
                && joiner
                && between.split_whitespace().count() <= 5
        });
        if joined {
            if let Some(g) = list.last_mut() {
                g.push(q);
            }
        } else {
            list.push(vec![q]);
        }
        last = Some((q, is_dead));
    }
    let sum = |g: &[&QuantityMention]| -> Count {
        let low = g
            .iter()
            .map(|q| q.low.or(q.value).map(int))
            .sum::<Option<i64>>();
        let high = g.iter().map(|q| q.high.map(int)).sum::<Option<i64>>();
        let best = g.iter().map(|q| best_of(q).0).sum::<Option<i64>>();
        let rule = if g.len() > 1 {
            "sum of the figures given side by side"
        } else {
            best_of(g[0]).1
        };
        Count {
            low,
            best,
            high,
            rule,
            vague: g.iter().any(|q| is_vague(q)),
        }
        .ordered()
    };
    // "le commandant du détachement a perdu la vie", "a soldier was killed": one dead
    let one_dead = s
        .cues(CueKind::OnePerson)
        .any(|p| {
            s.cues(CueKind::Death).any(|d| {
                (d.first >= p.end && d.first - p.end <= 6)
                    // "le décès du commandant", "the death of its commander"
                    || (d.end <= p.first && p.first - d.end <= 2)
            })
        })
        .then_some(Count {
            low: Some(1),
            best: Some(1),
            high: Some(1),
            rule: "exact count: one person",
            vague: false,
        });
    let pick = |groups: Vec<Vec<&QuantityMention>>| -> Option<Count> {
        groups
            .iter()
            .map(|g| sum(g))
            .filter(|c| c.low.is_some() || c.best.is_some())
            .max_by_key(|c| c.low.or(c.best))
    };
    (pick(dead).or(one_dead), pick(wounded))
}

// ------------------------------------------------------------------------ claims

/// Who says what the sentence says, hedged or not, on what basis.
fn claim_for<'a>(inp: &Inputs<'a>, s: &Sentence<'_, 'a>, what: &'a str) -> DraftClaim<'a> {
    // the source named nearest the cue, within four words: a named actor, or a source
    // noun ("des sources locales", "a local official")
    let named = |w: usize, after: bool| -> Option<&'a str> {
        let gap = |first: usize, end: usize| -> Option<usize> {
            if after {
                (first >= w && first - w <= 4).then(|| first - w)
            } else {
                (end <= w && w - end <= 4).then(|| w - end)
            }
        };
        let actor = s
            .actors
            .iter()
            .copied()
            .filter_map(|a| {
                let d = gap(s.word_at(a.span.start), s.word_at(a.span.end))?;
                Some((d, a))
            })
            .min_by_key(|(d, _)| *d);
        let noun = s
            .cues(CueKind::SourceNoun)
            .filter_map(|c| Some((gap(c.first, c.end)?, c)))
            .min_by_key(|(d, _)| *d);
        match (actor, noun) {
            (Some((da, _)), Some((dn, c))) if dn < da => {
                Some(source_phrase(inp.text, s, c.first, c.end))
            }
            (Some((_, a)), _) => {
                // "selon des habitants": civilians speak as the words say, not as a category
                if a.inter == 7 {
                    let w = s.word_at(a.span.start);
                    let lo = if w > 0
                        && matches!(
                            s.folded[w - 1],
                            "des" | "les" | "un" | "une" | "the" | "a" | "some" | "de"
                        ) {
                        s.words[w - 1].start
                    } else {
                        a.span.start
                    };
                    return Some(&inp.text[lo..a.span.end]);
                }
                Some(&a.actor)
            }
            (None, Some((_, c))) => Some(source_phrase(inp.text, s, c.first, c.end)),
            (None, None) => None,
        }
    };
    let mut claimant = None;
    for c in s.cues(CueKind::SourcePrep) {
        if let Some(n) = named(c.end, true) {
            claimant = Some(n);
            break;
        }
    }
    if claimant.is_none() {
        for c in s.cues(CueKind::Speech) {
            if let Some(n) = named(c.first, false).or_else(|| named(c.end, true)) {
                claimant = Some(n);
                break;
            }
        }
    }
    let attributed = claimant.is_some();
    let conditional = s.cues(CueKind::Conditional).next().is_some();
    let basis = s.cues(CueKind::Basis).next().map(|c| c.value);
    DraftClaim {
        claimant: claimant.unwrap_or_else(|| inp.outlet.unwrap_or("the outlet")),
        hedged: attributed || conditional,
        what,
        basis,
        span: s.span,
    }
}

/// "des sources locales", "a local official": the source noun at words `first..end`,
/// with the word before it and up to two words after, never across punctuation or into
/// another cue ("said", "selon").
fn source_phrase<'t>(text: &'t str, s: &Sentence, first: usize, end: usize) -> &'t str {
    let glued = |a: usize, b: usize| {
        text[s.words[a].end..s.words[b].start]
            .chars()
            .all(vigie_text::is_space)
    };
    let cue_at = |w: usize| {
        s.cues.iter().any(|c| {
            c.first <= w
                && w < c.end
                && matches!(
                    c.kind,
                    CueKind::Speech | CueKind::SourcePrep | CueKind::Conditional
                )
        })
    };
    let mut lo = first;
    if lo > 0 && glued(lo - 1, lo) && !cue_at(lo - 1) {
        lo -= 1;
    }
    let mut hi = end;
    while hi < s.words.len()
        && hi < end + 2
        && glued(hi - 1, hi)
        && !cue_at(hi)
        && !NOT_MODIFIERS.contains(&s.folded[hi])
    {
        hi += 1;
    }
    let sp = s.word_span(lo, hi);
    &text[sp.start..sp.end]
}

// ------------------------------------------------------------------------ merging

fn overlaps(a: When, b: When) -> bool {
    if a.fallback || b.fallback {
        return true;
    }
    let d = Duration::days(1);
    let lo_a = a.from.unwrap_or(NaiveDate::MIN);
    let lo_b = b.from.unwrap_or(NaiveDate::MIN);
    let hi_a = a.to.map_or(NaiveDate::MAX, |x| x + d);
    let hi_b = b.to.map_or(NaiveDate::MAX, |x| x + d);
    lo_a <= hi_b && lo_b <= hi_a
}

/// Event types of organized violence: a generic word ("l'attaque", "the attack") in a
/// report of one of them refers back to it.
fn violent(t: &str) -> bool {
    matches!(
        t,
        "Battles" | "Explosions/Remote violence" | "Violence against civilians"
    )
}

fn is_journey(d: &Draft) -> bool {
    d.sub_event_type == "Other"
        && d.rules
            .iter()
            .any(|r| r == "strategic/other/movement" || MOVING.iter().any(|m| r.ends_with(m)))
}

/// True when two drafts report one real event (ACLED: one event is one day-range, one
/// place, one pair of actors, one type).
fn same_event(a: &Draft, b: &Draft) -> bool {
    let near = match (&a.place, &b.place) {
        // a country named as the place is any place in it
        (Some(p), Some(q)) if is_country(p) || is_country(q) => p.country == q.country,
        (Some(p), Some(q)) => km(p, q) <= SAME_PLACE_KM,
        _ => true,
    };
    // a generic word ("l'attaque", "the attack") joins the violent event it refers to,
    // whatever its type
    if (a.generic || b.generic) && violent(a.event_type) && violent(b.event_type) {
        // in one sentence it refers to the event told there, whatever date it was given
        let same_sentence = a.evidence.iter().any(|e| b.evidence.contains(e));
        return (same_sentence || overlaps(a.when, b.when)) && near;
    }
    if a.event_type != b.event_type || a.sub_event_type != b.sub_event_type {
        return false;
    }
    // a force's journey told day by day is one development, wherever it went
    if is_journey(a) && is_journey(b) {
        return overlaps(widen(a.when, JOURNEY_DAYS), widen(b.when, JOURNEY_DAYS));
    }
    if violent(a.event_type) {
        // in a fight the sides are often named by their allies: they do not tell
        // fights apart; dates and places do (an undated mention joins a dated one, and
        // a mention dated only by the sentences before it joins one at its place)
        // a battle told over several days at one place is one event
        let slack = if a.event_type == "Battles" { 3 } else { 0 };
        return (overlaps(widen(a.when, slack), b.when) || a.when.inherited || b.when.inherited)
            && near;
    }
    // developments are told apart by who acts (Algeria's barrier, the army's convoy)
    fn who<'d>(d: &Draft<'d>) -> Vec<&'d str> {
        d.actor1
            .iter()
            .chain(&d.assoc1)
            .chain(d.actor2.iter())
            .chain(&d.assoc2)
            .copied()
            .collect()
    }
    let (wa, wb) = (who(a), who(b));
    let compatible = wa.is_empty() || wb.is_empty() || wa.iter().any(|x| wb.contains(x));
    compatible && overlaps(a.when, b.when) && near
}

fn widen(w: When, days: i64) -> When {
    When {
        from: w.from.map(|d| d - Duration::days(days)),
        to: w.to.map(|d| d + Duration::days(days)),
        ..w
    }
}

fn merge_into<'p>(m: &mut Draft<'p>, d: Draft<'p>) {
    let m_was_generic = m.generic;
    m.generic &= d.generic;
    m.harm &= d.harm;
    if m.weak_type && !d.weak_type {
        m.event_type = d.event_type;
        m.sub_event_type = d.sub_event_type;
        m.weak_type = false;
    }
    for r in d.rules {
        if !m.rules.contains(&r) {
            m.rules.push(r);
        }
    }
    // a word referring back to the event ("l'attaque", "killed") does not date it
    let dates_it = !d.generic || m_was_generic;
    // and a word that names the event dates it better than one referring back to it
    let names_it = m_was_generic && !d.generic && !d.when.fallback;
    if m.when.fallback
        || names_it
        || (dates_it && !d.when.fallback && d.when.precision < m.when.precision)
    {
        m.when = d.when;
    }
    if m.place.is_none() || m.place.is_some_and(is_country) && d.place.is_some() {
        m.place = d.place;
    }
    let a1: Vec<&str> = d.actor1.into_iter().chain(d.assoc1).collect();
    let a2: Vec<&str> = d.actor2.into_iter().chain(d.assoc2).collect();
    fill_side(&mut m.actor1, &mut m.assoc1, &a1);
    fill_side(&mut m.actor2, &mut m.assoc2, &a2);
    // the most conservative total the claims support; an upper bound only when every
    // sentence giving that total gives it exactly
    // a vague figure ("dozens") gives way to a count of the same event
    let vague = |c: &Count| c.vague;
    m.dead = match (m.dead, d.dead) {
        (Some(x), Some(y)) if vague(&x) != vague(&y) => Some(if vague(&x) { y } else { x }),
        (Some(x), Some(y)) => {
            let (lx, ly) = (x.low.or(x.best), y.low.or(y.best));
            Some(if ly < lx {
                y
            } else if ly == lx && x.high != y.high {
                Count { high: None, ..x }
            } else {
                x
            })
        }
        (x, y) => x.or(y),
    };
    m.wounded = m.wounded.or(d.wounded);
    for a in d.lost {
        if !m.lost.contains(&a) {
            m.lost.push(a);
        }
    }
    for c in d.claims {
        if !m.claims.iter().any(|x| x.span == c.span) {
            m.claims.push(c);
        }
    }
    for e in d.evidence {
        if !m.evidence.contains(&e) {
            m.evidence.push(e);
        }
    }
}

fn finish<'p>(inp: &Inputs<'p>, ctx: &ActorContext<'p>, mut d: Draft<'p>) -> Event {
    // a side the text leaves open is the other camp the document names most
    let camp_of = |name: &str| {
        inp.actors
            .iter()
            .find(|a| a.actor == name)
            .map(|a| camp(a.inter))
    };
    // an air or drone strike needs an air force: state forces or their foreign partners
    // (a kamikaze drone excepted)
    let air = d.sub_event_type == "Air/drone strike"
        && !d.rules.iter().any(|r| r.ends_with("/drone_kamikaze"));
    let inter_of = |name: &str| inp.actors.iter().find(|a| a.actor == name).map(|a| a.inter);
    if air && d.actor1.and_then(inter_of).is_some_and(|i| camp(i) != 0) {
        let a = d.actor1.take();
        if d.actor2.is_none() {
            d.actor2 = a;
        }
        d.assoc1.clear();
    }
    // an air force does not strike its own side: state or partner forces named as the
    // target of an air strike are its authors
    if air && d.actor2.and_then(camp_of) == Some(0) {
        let a2 = d.actor2.take();
        match &d.actor1 {
            Some(a1) if camp_of(a1) == Some(0) => {
                if let Some(a2) = a2 {
                    if !d.assoc1.contains(&a2) && Some(&a2) != d.actor1.as_ref() {
                        d.assoc1.push(a2);
                    }
                }
            }
            _ => d.actor1 = a2,
        }
        let rest = std::mem::take(&mut d.assoc2);
        d.actor2 = rest.iter().find(|a| camp_of(a) != Some(0)).cloned();
    }
    let battle = d.event_type == "Battles";
    // sentences told from both sides may put one actor on both: it stays on the side
    // that lost when a sentence says it lost, on the acting side otherwise
    {
        let side1: Vec<&str> = d
            .actor1
            .take()
            .into_iter()
            .chain(d.assoc1.drain(..))
            .collect();
        let side2: Vec<&str> = d
            .actor2
            .take()
            .into_iter()
            .chain(d.assoc2.drain(..))
            .collect();
        let both = |a: &&str| side1.contains(a) && side2.contains(a);
        let keep1: Vec<&str> = side1
            .iter()
            .filter(|a| !(both(a) && d.lost.contains(a)))
            .copied()
            .collect();
        let keep2: Vec<&str> = side2
            .iter()
            .filter(|a| !both(a) || d.lost.contains(a))
            .copied()
            .collect();
        fill_side(&mut d.actor1, &mut d.assoc1, &keep1);
        fill_side(&mut d.actor2, &mut d.assoc2, &keep2);
    }
    if battle {
        battle_sides_before(&mut d, &camp_of);
    }
    let state = |n: &str, i: u8| camp(i) == 0 && Some(n) != d.actor2;
    let armed = |n: &str, i: u8| camp(i) == 1 && Some(n) != d.actor2 && Some(n) != d.actor1;
    match (&d.actor1, &d.actor2) {
        (None, _) if air => d.actor1 = ctx.most_named(state),
        (None, Some(b)) if violent(d.event_type) => {
            let cb = camp_of(b);
            d.actor1 = ctx.most_named(|n, i| Some(camp(i)) != cb && camp(i) != 2 && n != *b);
        }
        (Some(a), None) if d.event_type == "Battles" => {
            let ca = camp_of(a);
            d.actor2 = ctx.most_named(|n, i| Some(camp(i)) != ca && camp(i) != 2 && n != *a);
        }
        (None, None) if violent(d.event_type) => {
            // nobody named: armed groups attack, the state's forces are attacked
            d.actor1 = ctx
                .most_named(armed)
                .or_else(|| ctx.most_named(|_, i| camp(i) != 2));
            d.actor2 = ctx.most_named(|n, i| camp(i) == 0 && Some(n) != d.actor1);
        }
        (None, None) if d.event_type == "Strategic developments" => {
            // a development with nobody named: the forces the document is about
            d.actor1 = ctx
                .most_named(|_, i| camp(i) == 0)
                .or_else(|| ctx.most_named(|_, i| camp(i) != 2));
        }
        _ => {}
    }
    if battle {
        battle_sides_after(&mut d, &camp_of, ctx);
    }
    // a force's journey (a convoy, a column, a recovery of bodies) is made by state or
    // partner forces: an armed group named around it is who watches or opposes it
    if is_journey(&d) && d.actor1.and_then(camp_of).is_some_and(|c| c != 0) {
        if let Some(mover) = ctx.most_named(|_, i| camp(i) == 0) {
            d.actor1 = Some(mover);
            d.assoc1.clear();
        }
    }
    // drones are flown by a state: a foreign partner named alone for an air strike
    // flies with the forces of the country the document is about (ACLED's way: the
    // state leads, the partner is associated)
    if air {
        let main_state = main_country(inp).and_then(|cc| {
            inp.state_actors
                .iter()
                .find(|(c, _)| c == cc)
                .map(|(_, a)| a.as_str())
        });
        if let (Some(a), Some(st)) = (d.actor1, main_state) {
            if ctx.inter_of(a) == Some(8) && ctx.inter_of(st).is_some() && d.actor2 != Some(st) {
                d.actor1 = Some(st);
                d.assoc1.retain(|x| *x != st);
                if !d.assoc1.contains(&a) {
                    d.assoc1.insert(0, a);
                }
            }
        }
    }
    // one actor is never on both sides
    if d.actor1.is_some() && d.actor1 == d.actor2 {
        d.actor2 = None;
    }
    let a1 = d.actor1;
    d.assoc1.retain(|a| Some(a) != d.actor2.as_ref());
    d.assoc2
        .retain(|a| Some(a) != a1.as_ref() && !d.assoc1.contains(a));
    codebook_roles(&mut d, inter_of);
    if d.harm {
        type_by_patient(&mut d, &camp_of, inter_of);
    }
    let civilian_targeting = d.actor2 == Some("Civilians");
    if civilian_targeting && d.event_type == "Battles" {
        d.event_type = "Violence against civilians";
        d.sub_event_type = "Attack";
    }
    // an exact count closes the range only when one source speaks of the event: where
    // several do, another may count more
    let sources: Vec<&str> = {
        let mut v: Vec<&str> = d.claims.iter().map(|c| c.claimant).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let fatalities = d.dead.map(Count::ordered).map(|c| Fatalities {
        low: c.low,
        best: c.best,
        high: if sources.len() > 1 { None } else { c.high },
        best_rule: Some(c.rule.to_string()),
    });
    let geo_precision = d.place.as_ref().map_or(3, |p| p.geo_precision);
    Event {
        event_type: d.event_type.to_string(),
        sub_event_type: d.sub_event_type.to_string(),
        from: d.when.from,
        to: d.when.to,
        time_precision: d.when.precision,
        location: d.place.cloned(),
        geo_precision,
        actor1: d.actor1.map(str::to_string),
        assoc_actor1: d.assoc1.iter().map(|a| a.to_string()).collect(),
        actor2: d.actor2.map(str::to_string),
        assoc_actor2: d.assoc2.iter().map(|a| a.to_string()).collect(),
        civilian_targeting,
        fatalities,
        wounded: d.wounded.and_then(|c| c.low.or(c.best)),
        claims: d.claims.iter().map(|c| c.claim(inp.text)).collect(),
        evidence: d.evidence.iter().map(|s| s.with_text(inp.text)).collect(),
        rules: d.rules.into_iter().map(Cow::into_owned).collect(),
    }
}

/// Roles that ACLED's codebook fixes by the event's type, whatever the word order said:
/// - civilians never carry out political violence: named first of a violent event
///   ("des civils ont été enlevés par des hommes armés" read the wrong way round), they
///   are its victims;
/// - the people of a demonstration are its first actor, as protesters ("des habitants ont
///   manifesté", "residents protested") or, in a riot, as rioters; civilians are not its
///   target, and state forces facing it are its second actor.
fn codebook_roles(d: &mut Draft<'_>, inter_of: impl Fn(&str) -> Option<u8>) {
    const CIV: &str = "Civilians";
    match d.event_type {
        "Protests" | "Riots" if d.sub_event_type != "Mob violence" => {
            let people = if d.event_type == "Protests" {
                "Protesters"
            } else {
                "Rioters"
            };
            // the police facing a crowd ("students threw stones at the police") is
            // the second actor
            if d.actor1.and_then(&inter_of) == Some(1) {
                if d.actor2.is_none() || d.actor2 == Some(CIV) {
                    d.actor2 = d.actor1;
                }
                d.actor1 = None;
            }
            if d.actor1
                .is_none_or(|a| a == CIV || a == "Protesters" || a == "Rioters")
            {
                d.actor1 = Some(people);
            }
            if d.actor2 == Some(CIV) {
                promote_first(&mut d.actor2, &mut d.assoc2);
            }
        }
        t if violent(t) && d.actor1 == Some(CIV) => {
            promote_first(&mut d.actor1, &mut d.assoc1);
            if d.actor2.is_none() {
                d.actor2 = Some(CIV);
            }
        }
        _ => {}
    }
}

/// Replaces a side's main actor by its first associate, or by nobody.
fn promote_first<'p>(main: &mut Option<&'p str>, assoc: &mut Vec<&'p str>) {
    *main = (!assoc.is_empty()).then(|| assoc.remove(0));
}

/// True when a civilian target (`civ_target` cue) is the object of a trigger ending at
/// word `end`: within the four words after it, before any actor is named there.
fn civ_object(s: &Sentence, end: usize) -> bool {
    let first_actor = s
        .agents
        .iter()
        .map(|a| s.word_at(a.span.start))
        .filter(|w| *w >= end)
        .min()
        .unwrap_or(usize::MAX);
    s.cues(CueKind::CivTarget)
        .any(|c| c.first >= end && c.first - end <= 4 && c.first < first_actor)
}

/// True when a predicate of harm between words `first` and `end` has its author in the
/// sentence: an acting actor (not civilians, not only a speaker) named in the eight words
/// before it ("unknown gunmen shot dead a trader", "des hommes armés ont abattu"), or
/// right after it behind "by" / "par" ("were killed by militants", "tués par des
/// jihadistes"). A figure of the dead far from any author ("il y a plus de vingt
/// personnes tuées") is a toll, not an author's act.
/// `acts`, when given, are the sentence's acting side: the author must be among them.
fn has_author(s: &Sentence, acts: Option<&[&str]>, first: usize, end: usize) -> bool {
    s.agents.iter().any(|a| {
        if a.actor == "Civilians" || acts.is_some_and(|acts| !acts.contains(&a.actor.as_str())) {
            return false;
        }
        let (w0, w1) = (s.word_at(a.span.start), s.word_at(a.span.end));
        let before = w1 <= first && first - w1 <= 8;
        let by = w0 >= end
            && w0 - end <= 3
            && s.folded[end..w0].iter().any(|w| matches!(*w, "by" | "par"));
        before || by
    })
}

/// The type of an event told only by predicates of harm ("killed", "shot dead", "a
/// tué"), read from its arguments, as ACLED's codebook does: who is harmed decides.
/// - "Gunmen killed three farmers", "des hommes armés ont abattu un berger": the
///   victims are civilians → Violence against civilians / Attack (the trigger's type).
/// - "Militants killed two soldiers", "les jihadistes ont tué deux gendarmes": state
///   forces or an armed group are harmed → Battles / Armed clash.
/// - "Soldiers killed four suspected militants": state forces harm, nobody civilian is
///   named → Battles / Armed clash.
/// - "A mob beat a thief to death", "une foule a tué un voleur présumé": rioters harm →
///   Riots / Mob violence.
fn type_by_patient<'p>(
    d: &mut Draft<'p>,
    camp_of: &impl Fn(&str) -> Option<u8>,
    inter_of: impl Fn(&str) -> Option<u8>,
) {
    let agent = d.actor1.and_then(&inter_of);
    let patient = d.actor2.and_then(camp_of);
    if agent == Some(5) {
        d.event_type = "Riots";
        d.sub_event_type = "Mob violence";
    } else if matches!(patient, Some(0 | 1)) || (patient.is_none() && agent.map(camp) == Some(0)) {
        d.event_type = "Battles";
        d.sub_event_type = "Armed clash";
    }
}

/// Words of rules that name a fight between armed sides.
const FIGHT_WORDS: [&str; 7] = [
    "/combat",
    "/fight",
    "/bataille",
    "/battle",
    "/defaite",
    "/defeat",
    "/hostilities",
];

/// Puts a battle's sides in order before the sides the text leaves open are filled:
/// civilians named around a fight are its victims, not a side; each side holds one camp
/// (an armed group listed among the army's associates belongs to the other side); and
/// allies do not fight each other (the army's partner named as the second side is an
/// associate of the first).
fn battle_sides_before<'p>(d: &mut Draft<'p>, camp_of: &impl Fn(&str) -> Option<u8>) {
    let fight = d
        .rules
        .iter()
        .any(|r| FIGHT_WORDS.iter().any(|w| r.ends_with(w)));
    let mut side1: Vec<&'p str> = d
        .actor1
        .take()
        .into_iter()
        .chain(d.assoc1.drain(..))
        .collect();
    let mut side2: Vec<&'p str> = d
        .actor2
        .take()
        .into_iter()
        .chain(d.assoc2.drain(..))
        .collect();
    if fight {
        side1.retain(|a| *a != "Civilians");
        side2.retain(|a| *a != "Civilians");
    }
    // the camp of each side is its first actor's
    let c1 = side1.first().and_then(|a| camp_of(a));
    if let Some(c1) = c1 {
        let (same, other): (Vec<&str>, Vec<&str>) =
            side1.into_iter().partition(|a| camp_of(a) == Some(c1));
        side1 = same;
        for a in other {
            if !side2.contains(&a) {
                side2.push(a);
            }
        }
        let (other, same): (Vec<&str>, Vec<&str>) =
            side2.into_iter().partition(|a| camp_of(a) == Some(c1));
        side2 = same;
        for a in other {
            if !side1.contains(&a) {
                side1.push(a);
            }
        }
    }
    fill_side(&mut d.actor1, &mut d.assoc1, &side1);
    fill_side(&mut d.actor2, &mut d.assoc2, &side2);
}

/// Orders a battle's sides once both are filled: the side the text shows losing or
/// attacked is the second; in each side the state's own forces lead their foreign
/// partners (ACLED's way); and an armed group the text leaves unnamed ("terroristes",
/// "militants") is the one the document names, when it names one that is not already
/// the other side.
fn battle_sides_after<'p>(
    d: &mut Draft<'p>,
    camp_of: &impl Fn(&str) -> Option<u8>,
    ctx: &ActorContext<'p>,
) {
    let lost = |a: &Option<&str>, d: &Draft| a.as_ref().is_some_and(|a| d.lost.contains(a));
    let side_lost = |main: &Option<&str>, assoc: &[&str], d: &Draft| {
        lost(main, d) || assoc.iter().any(|a| d.lost.contains(a))
    };
    let l1 = side_lost(&d.actor1, &d.assoc1, d);
    let l2 = side_lost(&d.actor2, &d.assoc2, d);
    if l1 && !l2 {
        std::mem::swap(&mut d.actor1, &mut d.actor2);
        std::mem::swap(&mut d.assoc1, &mut d.assoc2);
        if d.actor1.is_none() {
            let cb = d.actor2.and_then(camp_of);
            let b = d.actor2;
            d.actor1 = ctx.most_named(|n, i| Some(camp(i)) != cb && camp(i) != 2 && Some(n) != b);
        }
    }
    // the state's own forces lead their partners
    let state_first = |main: &mut Option<&'p str>, assoc: &mut Vec<&'p str>| {
        let is_state = |a: &str| ctx.inter_of(a) == Some(1);
        if main.as_deref().is_some_and(|m| !is_state(m)) {
            if let Some(k) = assoc.iter().position(|a| is_state(a)) {
                let s = assoc.remove(k);
                if let Some(m) = main.replace(s) {
                    assoc.insert(0, m);
                }
            }
        }
    };
    state_first(&mut d.actor1, &mut d.assoc1);
    state_first(&mut d.actor2, &mut d.assoc2);
    for side in 0..2 {
        let (this, other) = if side == 0 {
            (d.actor1, d.actor2)
        } else {
            (d.actor2, d.actor1)
        };
        if this != Some(UNIDENTIFIED) {
            continue;
        }
        let named = ctx.most_named(|n, i| camp(i) == 1 && n != UNIDENTIFIED && Some(n) != other);
        if named.is_some() {
            if side == 0 {
                d.actor1 = named;
            } else {
                d.actor2 = named;
            }
        }
    }
}

/// Troop movements reported as news are a strategic development: one per document,
/// dated by the movements, located where the force was last reported.
fn journey_draft<'p>(
    inp: &Inputs<'p>,
    moves: &'p [Movement],
    last_seen: Option<&'p PlaceMention>,
) -> Option<Draft<'p>> {
    let first = moves.first()?;
    // one sighting of troops somewhere is not yet a journey
    let journey = moves.len() >= 2
        || moves
            .iter()
            .any(|m| m.status == "departed" || m.status == "turned_back");
    if !journey {
        return None;
    }
    let from = moves.iter().filter_map(|m| m.from.or(m.to)).min();
    let to = moves.iter().filter_map(|m| m.to.or(m.from)).max();
    let when = match (from, to) {
        (Some(f), Some(t)) => When {
            from: Some(f),
            to: Some(t),
            precision: if f == t { 1 } else { 2 },
            fallback: false,
            inherited: false,
        },
        _ => fallback_date(inp),
    };
    let actor = first.actor.strip_suffix(" convoy");
    // no place where the force was seen: the nearest place its sentences name, a
    // destination included ("a fait marche arrière et repris la direction de Kidal")
    let main = main_country(inp);
    let place = last_seen.or_else(|| {
        moves.iter().find_map(|m| {
            let e = m.evidence.span();
            inp.places
                .iter()
                .filter(|p| inside(e, p.span.span()) && precise(p, main))
                .min_by_key(|p| distance(p.span.span(), e))
        })
    });
    Some(Draft {
        event_type: "Strategic developments",
        sub_event_type: "Other",
        rules: vec![Cow::Borrowed("strategic/other/movement")],
        when,
        place,
        actor1: actor,
        assoc1: Vec::new(),
        actor2: None,
        assoc2: Vec::new(),
        dead: None,
        wounded: None,
        claims: Vec::new(),
        evidence: moves.iter().map(|m| m.evidence.span()).collect(),
        weak_type: false,
        generic: false,
        lost: Vec::new(),
        harm: false,
    })
}

// ------------------------------------------------------------------------ movements

/// True when sentence `s` names a unit that can move, or a state or foreign force:
/// without one there, nor in the sentence before, a sentence reports no movement.
fn names_a_mover(s: &Sentence) -> bool {
    s.cues(CueKind::Unit).next().is_some()
        || s.actors.iter().copied().any(|a| matches!(a.inter, 1 | 8))
}

fn movements<'a>(
    cues: &Cues,
    inp: &Inputs<'a>,
    sentences: &[Sentence<'_, 'a>],
    battle_place: Option<&'a PlaceMention>,
) -> Vec<Movement> {
    // (sentence, place) of the last movement found
    let mut last_place: Option<(usize, &'a PlaceMention)> = None;
    let main = main_country(inp);
    let mut out: Vec<Movement> = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        // a movement needs a mover: with no unit or force named in the sentence (nor in
        // the sentence before, for one opening on a pronoun) its verbs are not looked for
        let mover_near = names_a_mover(s) || si > 0 && names_a_mover(&sentences[si - 1]);
        if !mover_near {
            continue;
        }
        let refs = s.refs();
        let found = cues.find_movements_listed(refs, inp.lang, s.cands[SET_MOVES]);
        if found.is_empty() {
            continue;
        }
        // who moves: a unit or a state or foreign force named before the verb,
        // or, when the sentence opens on a pronoun, in the sentence before
        let mover_before = |sent: &Sentence, w: usize| {
            sent.cues(CueKind::Unit).any(|c| c.end <= w)
                || sent
                    .actors
                    .iter()
                    .copied()
                    .any(|a| matches!(a.inter, 1 | 8) && sent.word_at(a.span.end) <= w)
        };
        let pronoun = s
            .folded
            .first()
            .is_some_and(|w| matches!(*w, "ils" | "elles" | "il" | "elle" | "they" | "it"));
        for (_, status, first, end) in found {
            if s.cues(CueKind::Negation)
                .any(|c| c.end <= first && first - c.end <= 2)
            {
                continue;
            }
            let mover = mover_before(s, first)
                || (pronoun && si > 0 && {
                    let p = &sentences[si - 1];
                    p.cues(CueKind::Unit).next().is_some()
                        || p.actors.iter().copied().any(|a| matches!(a.inter, 1 | 8))
                });
            if !mover {
                continue;
            }
            let verb = s.word_span(first, end);
            // the place: not a destination ("vers Kidal"); for a departure, the place
            // left ("parti de Gao", "quitté Gao")
            let place = s
                .places
                .iter()
                .copied()
                .filter(|p| precise(p, main))
                .filter(|p| {
                    let w = s.word_at(p.span.start);
                    !s.cues(CueKind::Destination)
                        .any(|c| c.end <= w && w - c.end <= 2)
                })
                // "pour venger la défaite de Tinzawaten": the place of an event named
                // as a noun is that event's, not the movement's
                .filter(|p| {
                    let w = s.word_at(p.span.start);
                    let mut k = w;
                    while k > 0 && matches!(s.folded[k - 1], "de" | "d'" | "of" | "at") {
                        k -= 1;
                    }
                    let noun = (k.saturating_sub(2)..k).any(|j| {
                        matches!(
                            s.folded[j],
                            "defaite"
                                | "bataille"
                                | "combats"
                                | "revers"
                                | "prise"
                                | "chute"
                                | "massacre"
                                | "attaque"
                                | "battle"
                                | "defeat"
                                | "capture"
                                | "fall"
                                | "attack"
                        )
                    });
                    !(k < w && noun)
                })
                // "a fait demi-tour à X", "turned back near X": where a force turned back
                // is named after the verb
                .filter(|p| {
                    let w = s.word_at(p.span.start);
                    status != "turned_back" || (w >= end && w - end <= 6)
                })
                .filter(|p| {
                    if status != "departed" {
                        return true;
                    }
                    let w = s.word_at(p.span.start);
                    (w >= end && w - end <= 3)
                        || s.cues(CueKind::Origin)
                            .any(|c| c.end <= w && w - c.end <= 1)
                })
                .filter(|p| {
                    p.relative.as_ref().is_none_or(|r| {
                        r.relation == "near" || r.distance_km_high.is_some_and(|d| d <= 30.0)
                    })
                })
                .min_by_key(|p| distance(p.span.span(), verb));
            // "est entré dans le camp", "sur le site de la bataille": a place named before
            let place = place.or_else(|| {
                if !matches!(status, "arrived" | "halted" | "located") {
                    return None;
                }
                let noun = (end..(end + 5).min(s.words.len())).find(|&k| {
                    matches!(
                        s.folded[k],
                        "camp"
                            | "ville"
                            | "localite"
                            | "site"
                            | "base"
                            | "lieu"
                            | "endroit"
                            | "town"
                            | "city"
                    )
                })?;
                let battle = (noun + 1..(noun + 4).min(s.words.len())).any(|k| {
                    matches!(
                        s.folded[k],
                        "bataille" | "combats" | "affrontements" | "battle" | "fighting"
                    )
                });
                if battle {
                    battle_place
                } else {
                    last_place.filter(|(ls, _)| si - ls <= 2).map(|(_, p)| p)
                }
            });
            if let Some(p) = place {
                last_place = Some((si, p));
            }
            if place.is_none() && status != "turned_back" {
                continue;
            }

            let when = date_for(inp, sentences, si, verb, &[], false);
            let (from, to) = if when.fallback {
                (None, None)
            } else {
                (when.from, when.to)
            };
            let dup = out.iter_mut().any(|m| {
                let same = m.status == status
                    && m.place.as_ref().map(|p| &p.name) == place.map(|p| &p.name)
                    && (m.from == from || from.is_none() || m.from.is_none());
                if same && m.from.is_none() && from.is_some() {
                    m.from = from;
                    m.to = to;
                }
                same
            });
            if !dup {
                // the force that moves: state forces named in the sentence lead their partners;
                // else the last force named before it
                let actor = s
                    .actors
                    .iter()
                    .copied()
                    .filter(|a| matches!(a.inter, 1 | 8))
                    .min_by_key(|a| a.inter)
                    .or_else(|| {
                        inp.actors
                            .iter()
                            .rfind(|a| matches!(a.inter, 1 | 8) && a.span.end <= s.span.end)
                    })
                    .map_or("convoy".to_string(), |a| format!("{} convoy", a.actor));
                let ev = SpanText {
                    start: s.span.start,
                    end: s.span.end,
                    text: inp.text[s.span.start..s.span.end].to_string(),
                };
                out.push(Movement {
                    actor,
                    place: place.cloned(),
                    from,
                    to,
                    status: status.to_string(),
                    evidence: ev,
                });
            }
        }
    }
    out
}
