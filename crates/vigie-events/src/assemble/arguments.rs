//! Arguments of a predicate read in its sentence and the narrative: its date, its place,
//! the actors on each side, and the actors the text shows losing.

use super::*;

/// The date chosen for an event.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct When {
    pub(super) from: Option<NaiveDate>,
    pub(super) to: Option<NaiveDate>,
    pub(super) precision: u8,
    /// True when no date was found and the publication week stands in.
    pub(super) fallback: bool,
    /// True when the date comes from the sentences before, not the event's own.
    pub(super) inherited: bool,
}

pub(super) fn when_of(d: &DateMention) -> When {
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
pub(super) fn date_in_sentence(s: &Sentence, trig: Span, others: &[Span]) -> Option<When> {
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
pub(super) fn fallback_date(inp: &Inputs<'_>) -> When {
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
pub(super) fn date_for(
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

pub(super) fn is_country(p: &PlaceMention) -> bool {
    p.feature.starts_with("PCL")
}

/// The country most of the document's places lie in.
pub(super) fn main_country<'a>(inp: &Inputs<'a>) -> Option<&'a str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for p in inp.places.iter().filter(|p| !is_country(p)) {
        match counts.iter_mut().find(|c| c.0 == p.country) {
            Some(c) => c.1 += 1,
            None => counts.push((p.country.as_str(), 1)),
        }
    }
    counts.iter().max_by_key(|c| c.1).map(|c| c.0)
}

/// A place precise enough to locate an event: not a country, not a whole region, not
/// the capital (often only where authorities speak), in the document's main country when
/// it has one.
pub(super) fn precise(p: &PlaceMention, main: Option<&str>) -> bool {
    !is_country(p)
        && p.feature != "PPLC"
        // a named place the gazetteer lacks is precise, though not located
        && (p.geo_precision < 3 || p.unresolved)
        && main.is_none_or(|m| m == p.country)
}

/// A place precise enough for an event told in its own sentence `s`: a [`precise`]
/// place, or the capital itself ("des manifestants ont marché à Bamako", "protesters
/// gathered in Niamey"), unless it is the dateline ("BAMAKO (AFP) —"), which only says
/// where the outlet writes, or stands for the government seated there ("la junte au
/// pouvoir à Bamako", "the authorities in Niamey").
pub(super) fn precise_here(text: &str, s: &Sentence, p: &PlaceMention, main: Option<&str>) -> bool {
    let seat = || {
        let w = s.word_at(p.span.start);
        (w.saturating_sub(4)..w).any(|k| s.is(Word::Authority, k))
    };
    precise(p, main) || (main_capital(p, main) && !is_dateline(text, p) && !seat())
}

/// Whether a place is the capital of the document's main country (of any, when the
/// document has none).
pub(super) fn main_capital(p: &PlaceMention, main: Option<&str>) -> bool {
    p.feature == "PPLC" && main.is_none_or(|m| m == p.country)
}

/// True when a place mention opens its line and is followed by the marks of a dateline:
/// a dash, an opening parenthesis or a comma ("GAO (AFP) -", "Bamako — Le convoi…",
/// "Niamey, le 3 mars —").
pub(super) fn is_dateline(text: &str, p: &PlaceMention) -> bool {
    // only blanks between the line's start and the name (read back to the first other
    // character, not over the whole line)
    let opens_line = text[..p.span.start]
        .chars()
        .rev()
        .take_while(|c| *c != '\n')
        .all(char::is_whitespace);
    let after = text[p.span.end..].trim_start();
    opens_line && after.starts_with(['—', '–', '-', '(', ','])
}

/// The precise place nearest the trigger in its sentence; else the last precise place
/// named before the sentence; else the first after; else the nearest place of any kind
/// in the sentence.
pub(super) fn place_for<'a>(
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
    // "devant l'ambassade de France", "the embassy of France": the country owns the
    // building; the event is where the building stands
    let owner = |p: &PlaceMention| {
        is_country(p) && {
            let mut k = s.word_at(p.span.start);
            while k > 0 && (s.is(Word::Of, k - 1) || s.is(Word::Article, k - 1)) {
                k -= 1;
            }
            k > 0 && s.is(Word::Mission, k - 1)
        }
    };
    let kept: Vec<&PlaceMention> = in_sentence.iter().copied().filter(|p| !owner(p)).collect();
    let in_sentence: &[&PlaceMention] = &kept;
    if let Some(p) = in_sentence
        .iter()
        .filter(|p| {
            precise_here(inp.text, s, p, main) && !locates_another(p) && !hint_of_located(p)
        })
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
pub(super) fn places_for<'a>(
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
    // administrative hints ("Boni (Douentza, Mopti)") say where a place lies, they are
    // not more places of the event
    let in_sentence: Vec<&'a PlaceMention> = s
        .places
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            !is_country(p)
                && p.relative.is_none()
                && PlaceMention::hint_target(inp.text, s.places, *i).is_none()
        })
        .map(|(_, p)| *p)
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
pub(super) fn km(a: &PlaceMention, b: &PlaceMention) -> f64 {
    let (Some((alat, alon)), Some((blat, blon))) = (a.point(), b.point()) else {
        return if a.name == b.name { 0.0 } else { f64::INFINITY };
    };
    vigie_model::great_circle_km((alat, alon), (blat, blon))
}

/// The sentence's actors in two sides: who acts, and who undergoes (each side: main
/// actor first, then its associates).
pub(super) fn sides<'a>(inp: &Inputs<'a>, s: &Sentence<'_, 'a>, trig: Span) -> [Vec<&'a str>; 2] {
    let actors = s.agents;
    if actors.is_empty() {
        // a country named as the subject before the trigger acts through its state
        // ("l'Algérie a élevé une barrière"; not "la frontière avec l'Algérie")
        let subject = |p: &PlaceMention| {
            let w = s.word_at(p.span.start);
            let mut k = w;
            while k > 0 && s.is(Word::Article, k - 1) {
                k -= 1;
            }
            k == 0 || !s.is(Word::Preposition, k - 1)
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
            }) && (w0..w1).any(|k| s.is(Word::And, k));
            let cue_between = |kind: CueKind| s.cues(kind).any(|c| c.first >= w0 && c.end <= w1);
            // "les FAMa et de leurs alliés de Wagner": a word of alliance carries further
            let ally = cue_between(CueKind::Ally);
            w1 >= w0
                && (w1 - w0 <= 4 || ally && w1 - w0 <= 6)
                && !between
                // "villagers fled after gunmen burned …": another clause, another group
                && !cue_between(CueKind::Clause)
                && !s
                    .cues(CueKind::Versus)
                    .any(|c| c.first >= w0 && c.first < w1)
                // never across the trigger's first word ("soldiers beat a detainee to
                // death": the detainee, inside the trigger's words, is its object), nor
                // across its words when the trigger begins with the first actor
                // ("soldiers were killed by gunmen", "des soldats tués par des jihadistes")
                && !(prev.span.end <= trig.start && trig.start < a.span.start)
                && !(trig.start < a.span.start && trig.end > prev.span.end)
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
        g.sort_by_key(|a| a.inter != STATE_FORCES);
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
    let civ = |g: &Vec<&ActorMention>| g.iter().all(|a| a.inter == CIVILIANS);
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
            // a verb of suffering that is the trigger's own word is no suffering ("the
            // rebels took control of the town"; "took heavy losses" is)
            let te = s.word_at(trig.end);
            s.cues(CueKind::Suffer)
                .any(|c| c.first >= w && c.first - w <= 3 && !(tw..te).contains(&c.first))
        });
        // "a forest guard was shot dead", "deux gendarmes ont été tués": the subject of a
        // passive verb undergoes it
        let passive = (tw.saturating_sub(2)..=tw).any(|k| s.is(Word::PassiveAux, k));
        match (subject, object) {
            (Some(sub), obj) if suffered || passive || civ(sub) => {
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
                // first group acts unless it is civilians — or unless it is the direct
                // object of a verb ("gunmen attacked an MSA convoy", "des assaillants ont
                // attaqué une patrouille des FAMa"; the unnamed subject is filled later)
                let (w0, w1) = (s.word_at(trig.end), first_word(o));
                let verb = (tw..s.word_at(trig.end).max(tw + 1)).all(|k| !s.is(Word::EventNoun, k));
                let direct_object = verb
                    && (w0..=w0 + 2).contains(&w1)
                    && !s
                        .cues(CueKind::Between)
                        .any(|c| c.first >= tw && c.first <= w1)
                    && (w0..w1).all(|k| {
                        !s.is(Word::Preposition, k) && !s.is(Word::Of, k) && !s.is(Word::By, k)
                    });
                if civ(o) || direct_object {
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
                && matches!(
                    a.inter,
                    STATE_FORCES | REBELS | POLITICAL_MILITIA | EXTERNAL
                )
                && !undergoes.contains(&a.actor.as_str())
        }) {
            acts.push(&a.actor);
        }
    }
    undergoes.retain(|a| !acts.contains(a));
    [acts, undergoes]
}

/// Empties a side (its main actor, then its associates) into a list, the inverse of
/// [`fill_side`].
pub(super) fn take_side<'p>(main: &mut Option<&'p str>, assoc: &mut Vec<&'p str>) -> Vec<&'p str> {
    main.take().into_iter().chain(assoc.drain(..)).collect()
}

pub(super) fn fill_side<'p>(
    main: &mut Option<&'p str>,
    assoc: &mut Vec<&'p str>,
    names: &[&'p str],
) {
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
pub(super) struct ActorContext<'a> {
    pub(super) counts: Vec<(&'a str, u8, usize)>,
}

impl<'a> ActorContext<'a> {
    pub(super) fn of(inp: &Inputs<'a>) -> ActorContext<'a> {
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
    pub(super) fn inter_of(&self, name: &str) -> Option<u8> {
        self.counts.iter().find(|c| c.0 == name).map(|c| c.1)
    }

    /// The most named actor of the document that `accept` takes.
    pub(super) fn most_named(&self, accept: impl Fn(&str, u8) -> bool) -> Option<&'a str> {
        self.counts.iter().find(|c| accept(c.0, c.1)).map(|c| c.0)
    }
}

/// The camps of a conflict as the event layer sides them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Camp {
    /// State forces and the foreign forces fighting with them.
    State,
    /// Armed groups, militias, rioters and protesters: the others that act.
    Armed,
    /// Civilians.
    Civilian,
}

/// The camp of an actor of interaction code `inter`.
pub(super) fn camp(inter: u8) -> Camp {
    match inter {
        STATE_FORCES | EXTERNAL => Camp::State,
        CIVILIANS => Camp::Civilian,
        _ => Camp::Armed,
    }
}

/// The canonical name of an armed group the text does not name.
pub(super) const UNIDENTIFIED: &str = "Unidentified armed group";

/// The actors a sentence says lost: the subject of a verb of suffering followed by a loss
/// ("l'armée a subi de lourdes pertes", "Wagner suffered a defeat"), the owner of a defeat
/// ("la défaite des FAMa", "a defeat for the army": `loss_end` is the end word of such a
/// trigger), and the actors counted among the dead or wounded ("84 mercenaires de Wagner
/// tués", "killed 47 Malian soldiers"). `hit_words` are the first words of the sentence's
/// triggers.
pub(super) fn losers<'a>(
    s: &Sentence<'_, 'a>,
    hit_words: &[usize],
    loss_end: Option<usize>,
) -> Vec<&'a str> {
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
        let pronoun = (c.first.saturating_sub(3)..c.first).any(|k| s.is(Word::Pronoun, k));
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
                    && matches!(
                        a.inter,
                        STATE_FORCES | REBELS | POLITICAL_MILITIA | EXTERNAL
                    )
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
        let passive_verb =
            c.first >= 1 && (c.first.saturating_sub(3)..c.first).any(|k| s.is(Word::PassiveAux, k));
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
        let passive = c.first >= 1 && s.is(Word::PassiveAux, c.first - 1);
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
            if w >= end && w - end <= 3 && (end..w).any(|k| s.is(Word::Of, k)) {
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

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use super::*;

    #[test]
    fn a_date_next_to_a_verb_of_saying_dates_the_statement() {
        let d = Doc::new(
            "The army said on Tuesday that militants raided the camp on Sunday.",
            Lang::En,
        )
        .date("on Tuesday", "2024-03-05", "2024-03-05")
        .date("on Sunday", "2024-03-03", "2024-03-03");
        d.with_sentences(|_, s| {
            let s = &s[0];
            let w = s.folded.iter().position(|w| *w == "raided").unwrap();
            let when = date_in_sentence(s, s.word_span(w, w + 1), &[]).expect("a date");
            assert_eq!(when.from, Some(day("2024-03-03")));
        });
    }

    #[test]
    fn no_date_anywhere_is_the_week_before_publication() {
        let d = Doc::new("Rebels attacked a convoy.", Lang::En).published("2024-03-10");
        d.with_sentences(|inp, s| {
            let when = date_for(inp, s, 0, s[0].span, &[], false);
            assert!(when.fallback);
            assert_eq!(
                (when.from, when.to),
                (Some(day("2024-03-03")), Some(day("2024-03-10")))
            );
        });
    }

    #[test]
    fn the_subject_acts_and_the_object_undergoes() {
        let cases = [
            (
                "Militants ambushed soldiers near the river.",
                "Militants",
                "soldiers",
                Lang::En,
            ),
            (
                "Soldiers were ambushed by militants near the river.",
                "militants",
                "Soldiers",
                Lang::En,
            ),
            (
                "Des jihadistes ont attaqué des militaires.",
                "Des jihadistes",
                "des militaires",
                Lang::Fr,
            ),
        ];
        for (text, agent, patient, lang) in cases {
            let d = Doc::new(text, lang)
                .actor(agent, "Jihadists", 2)
                .actor(patient, "Army", 1);
            d.with_sentences(|inp, s| {
                let w = s[0]
                    .folded
                    .iter()
                    .position(|w| *w == "ambushed" || *w == "attaque")
                    .unwrap();
                let [acts, undergoes] = sides(inp, &s[0], s[0].word_span(w, w + 1));
                assert_eq!(
                    (acts, undergoes),
                    (vec!["Jihadists"], vec!["Army"]),
                    "{text}"
                );
            });
        }
    }

    #[test]
    fn civilians_named_first_undergo() {
        let d = Doc::new(
            "Villagers fled after gunmen burned their granaries.",
            Lang::En,
        )
        .actor("Villagers", "Civilians", 7)
        .actor("gunmen", "Unidentified armed group", 3);
        d.with_sentences(|inp, s| {
            let w = s[0].folded.iter().position(|w| *w == "burned").unwrap();
            let [acts, undergoes] = sides(inp, &s[0], s[0].word_span(w, w + 1));
            assert_eq!(acts, vec!["Unidentified armed group"]);
            assert_eq!(undergoes, vec!["Civilians"]);
        });
    }

    #[test]
    fn the_subject_of_a_loss_lost() {
        for (text, who, lang) in [
            (
                "The army suffered heavy losses near the dunes.",
                "The army",
                Lang::En,
            ),
            (
                "L'armée a subi de lourdes pertes près des dunes.",
                "L'armée",
                Lang::Fr,
            ),
        ] {
            let d = Doc::new(text, lang).actor(who, "Army", 1);
            d.with_sentences(|_, s| assert_eq!(losers(&s[0], &[], None), vec!["Army"], "{text}"));
        }
        let d = Doc::new("The army crossed the dunes.", Lang::En).actor("The army", "Army", 1);
        d.with_sentences(|_, s| assert!(losers(&s[0], &[], None).is_empty()));
    }

    #[test]
    fn coordinated_places_are_one_event_each() {
        let d = Doc::new("Des frappes ont visé Sora et Tanet.", Lang::Fr)
            .place("Sora", "ML", Some((15.0, -1.0)))
            .place("Tanet", "ML", Some((15.5, -1.5)));
        d.with_sentences(|inp, s| {
            let w = s[0].folded.iter().position(|w| *w == "frappes").unwrap();
            let ps = places_for(inp, main_country(inp), &s[0], s[0].word_span(w, w + 1));
            let names: Vec<&str> = ps.iter().flatten().map(|p| p.name.as_str()).collect();
            assert_eq!(names, vec!["Sora", "Tanet"]);
        });
    }

    #[test]
    fn km_is_the_great_circle_and_unlocated_names_compare_by_name() {
        let d = Doc::new("Gao, Bamako, Sora, Sora.", Lang::Fr)
            .place("Gao", "ML", Some((16.27, -0.04)))
            .place("Bamako", "ML", Some((12.65, -8.0)));
        let inp = d.inputs();
        let k = km(&inp.places[0], &inp.places[1]);
        assert!((930.0..960.0).contains(&k), "{k}");
        let mut a = inp.places[0].clone();
        a.lat = None;
        let mut b = a.clone();
        assert_eq!(km(&a, &b), 0.0);
        b.name = "Tanet".into();
        assert!(km(&a, &b).is_infinite());
    }

    #[test]
    fn state_forces_and_partners_share_a_camp() {
        assert_eq!(camp(1), camp(8));
        assert_ne!(camp(1), camp(2));
        assert_ne!(camp(2), camp(7));
    }
}
