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

mod arguments;
mod casualties;
mod claims;
mod codebook;
mod merge;
mod movements;
mod predicates;
mod sentence;

/// A draft that goes on about the event `prev` in sentence `s`: that event with this
/// sentence's figures, claim, evidence and sides.
fn continued<'a>(
    inp: &Inputs<'a>,
    s: &Sentence<'_, 'a>,
    prev: &Draft<'a>,
    dead: Option<Count>,
    wounded: Option<Count>,
) -> Draft<'a> {
    let [acts, undergoes] = sides(inp, s, s.span);
    let mut d = Draft {
        rules: vec![Cow::Owned(format!("{}/continued", prev.rules[0]))],
        dead,
        wounded,
        claims: vec![claim_for(inp, s, prev.sub_event_type.as_str())],
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
    d
}

#[cfg(test)]
mod testkit;

use arguments::*;
use casualties::*;
use claims::*;
use codebook::*;
use merge::*;
use movements::*;
use predicates::*;
use sentence::*;

use crate::cues::{CueHit, CueKind, Cues};
use crate::pattern::FirstWords;
use crate::triggers::Triggers;
use crate::words::{Word, Words};
use chrono::{Duration, NaiveDate};
use std::borrow::Cow;
use std::ops::Range;
use vigie_model::inter::{
    CIVILIANS, EXTERNAL, IDENTITY_MILITIA, POLITICAL_MILITIA, REBELS, RIOTERS, STATE_FORCES,
};
use vigie_model::{
    ActorMention, Claim, DateMention, DatePrecision, Event, EventType, Fatalities, Lang, Movement,
    MovementStatus, PlaceMention, QuantityMention, Span, SpanText, SubEventType,
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

/// Places more than this far apart are different events' places (km).
const SAME_PLACE_KM: f64 = 50.0;

/// Strategic developments of a moving force are one development over this many days
/// (a convoy's journey told day by day).
const JOURNEY_DAYS: i64 = 10;

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
    let mut sentences = read_sentences(&doc, &mentions, cues.words(), inp.lang);
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
        let Predicates {
            hits,
            words: hit_words,
            spans: hit_spans,
        } = predicates(triggers, inp.lang, s);
        let before = drafts.len();
        // whether a toll of this sentence went to the event told before it
        let mut tolled = false;
        for h in hits {
            let rule = triggers.rule(h.rule);
            let trig = s.word_span(h.first, h.end);
            let [mut acts, mut undergoes] = sides(inp, s, trig);
            // a harm's object follows its verb ("…, and killed four militants", "a
            // abattu deux bergers"): actors named only after a harm, not behind "by" /
            // "par", are who it hit
            if rule.flags.harm && undergoes.is_empty() && !acts.is_empty() {
                let tw = s.word_at(trig.end);
                let after_only = s
                    .agents
                    .iter()
                    .filter(|a| acts.contains(&a.actor.as_str()))
                    .all(|a| {
                        let w = s.word_at(a.span.start);
                        a.span.start >= trig.end && !(tw..w).any(|k| s.is(Word::By, k))
                    });
                if after_only {
                    std::mem::swap(&mut acts, &mut undergoes);
                }
            }
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
            // figure of dead or wounded it is a mention in passing ("those who had been
            // killed there")
            if rule.flags.harm && !has_author(s, Some(&acts), h.first, h.end) {
                let follows = last_event.filter(|(ls, _)| si - ls <= 2);
                if let Some((_, di)) = follows {
                    // its figures are that event's, even when the sentence goes on to
                    // tell something else ("Four herders were killed, and the attackers
                    // took the cattle")
                    if (dead.is_some() || wounded.is_some()) && !tolled {
                        let d = continued(inp, s, &drafts[di], dead, wounded);
                        drafts.push(d);
                        tolled = true;
                    }
                    continue;
                }
                if dead.is_none() && wounded.is_none() {
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
                    rule.event_type.is_violent(),
                )
            };
            // a weak trigger with no date and no figure is too thin to be an event ("the
            // group has attacked convoys before"), unless the report's lead tells one
            // act: who did it or underwent it, and where ("Militants attacked a
            // gendarmerie post in Djenne.", "Des jihadistes ont attaqué le poste de
            // Boni.", "Gunmen damaged five vehicles near Macina."); not a noun naming
            // an earlier event ("the defeat at Tinzaouatene", flag bg); the lead (the
            // first two sentences, a headline included) is the news itself, later
            // sentences often recall earlier events
            // — or who did it to whom ("Tourists were attacked by armed bandits.",
            // "Des bandits armés ont attaqué des commerçants.")
            // — or, in the very first sentence, who did it or underwent it ("AQIM
            // assassinated an officer outside his home.", "Des soldats ont été tués.")
            let one_act = si < 2
                && !rule.flags.bg
                && ((!acts.is_empty() || !undergoes.is_empty())
                    && (si == 0 || s.places.iter().any(|p| precise(p, main)))
                    || !acts.is_empty() && !undergoes.is_empty());
            if rule.flags.weak && when.fallback && dead.is_none() && wounded.is_none() && !one_act {
                continue;
            }
            let claim = claim_for(inp, s, rule.sub_event_type.as_str());
            for place in places_for(inp, main, s, trig) {
                let mut d = Draft {
                    dead,
                    wounded,
                    claims: vec![claim],
                    evidence: vec![s.span],
                    weak_type: rule.flags.weak,
                    generic: rule.flags.generic,
                    lost: lost.clone(),
                    harm: rule.flags.harm,
                    journey: rule.flags.journey,
                    fight: rule.flags.fight,
                    self_guided: rule.flags.self_guided,
                    ..Draft::new(
                        rule.event_type,
                        rule.sub_event_type,
                        Cow::Borrowed(rule.id.as_str()),
                        when,
                        place,
                    )
                };
                fill_side(&mut d.actor1, &mut d.assoc1, &acts);
                fill_side(&mut d.actor2, &mut d.assoc2, &undergoes);
                if rule.flags.civ && d.actor2.is_none() {
                    d.actor2 = Some("Civilians");
                }
                // "protesters threw stones at the police", "des manifestants ont saccagé la
                // mairie": a demonstration whose crowd turns violent is a riot
                if rule.event_type == EventType::Protests
                    && sentences[si..sentences.len().min(si + 2)]
                        .iter()
                        .any(|x| x.cues(CueKind::Rampage).next().is_some())
                {
                    d.event_type = EventType::Riots;
                    d.sub_event_type = SubEventType::ViolentDemonstration;
                } else if rule.sub_event_type == SubEventType::PeacefulProtest
                    && sentences[si..sentences.len().min(si + 2)]
                        .iter()
                        .any(|x| x.cues(CueKind::Intervention).next().is_some())
                {
                    // "police dispersed the marchers", "les manifestants ont été
                    // dispersés": the authorities stepped in
                    d.sub_event_type = SubEventType::ProtestWithIntervention;
                }
                // "militants attacked the village of X", "ont attaqué le marché de X": an
                // attack whose object only civilians make, with no armed side undergoing
                // it, is violence against civilians (its type follows in `finish`)
                // — unless those attacked fought back ("the villagers returned fire",
                // "les chasseurs dozos ont riposté"): then it is a battle
                let resisted = sentences[si..sentences.len().min(si + 2)]
                    .iter()
                    .any(|x| x.cues(CueKind::Resistance).next().is_some());
                d.resisted = resisted;
                d.harmed = rule.event_type == EventType::ViolenceAgainstCivilians
                    && rule.sub_event_type == SubEventType::Attack;
                if rule.event_type == EventType::Battles
                    && d.actor2.is_none()
                    && civ_object(s, h.end)
                    && !resisted
                {
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
                let d = continued(inp, s, &drafts[di], dead, wounded);
                drafts.push(d);
            } else {
                // a sentence that only says who said what ("« Nous avons anéanti leurs
                // colonnes », affirme le porte-parole du CSP") goes on about the event
                // just told: its speaker's claim joins that event
                let prev = &drafts[di];
                let c = claim_for(inp, s, prev.sub_event_type.as_str());
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
        .find(|d| d.event_type == EventType::Battles)
        .and_then(|d| d.place);
    let movements = movements(cues, inp, &sentences, battle_place);
    // a development of a moving force is located where it was last reported
    // (the latest by date, then by the order of the text)
    pub(super) fn latest<'m>(
        ms: &mut dyn Iterator<Item = (usize, &'m Movement)>,
    ) -> Option<&'m PlaceMention> {
        ms.max_by_key(|(i, m)| (m.to.or(m.from), *i))
            .and_then(|(_, m)| m.place.as_ref())
    }
    let last_seen = latest(
        &mut movements
            .iter()
            .enumerate()
            .filter(|(_, m)| m.place.is_some() && m.status != MovementStatus::Departed),
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
            if d.sub_event_type == SubEventType::Other && d.journey {
                d.place = Some(p);
            }
        }
    }
    if let Some(d) = journey_draft(inp, &movements, last_seen) {
        // a retreat from a battlefield in the days of the battle is how the battle
        // ended, not a development of its own
        let part_of_battle = drafts.iter().any(|b| {
            b.event_type == EventType::Battles
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
