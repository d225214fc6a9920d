//! Predicates: which trigger hits of a sentence name an event, and what the words
//! around a predicate say of it (its author, a civilian object).

use super::*;
use crate::triggers::Hit;

/// The predicates of one sentence.
pub(super) struct Predicates {
    /// The hits that name an event, in the order of the text.
    pub(super) hits: Vec<Hit>,
    /// The first word of every trigger of the sentence, kept or not ("ont perdu les
    /// batailles": a loss word before any trigger).
    pub(super) words: Vec<usize>,
    /// The spans of those triggers: a date or a count belongs to the nearest.
    pub(super) spans: Vec<Span>,
}

/// The trigger hits of sentence `s` that name an event:
/// - overlapping hits keep the longest, then the rule listed first, and words a longer
///   trigger used are not read again by a shorter one;
/// - a predicate of harm without its author, beside a word that names the event, is that
///   event's toll ("Twelve people were killed when a drone struck the market", "trois
///   personnes ont été tuées dans l'embuscade"): the event's own word takes the date and
///   the figures;
/// - an ongoing activity describes someone, it is not an event on a day ("groups
///   fighting for independence", "has been fighting since 2020");
/// - the means of a fight told are not events ("using heavy weapons, drones and
///   SVBIEDs");
/// - a negated predicate is no event ("sans combat", "without fighting");
/// - a journey word inside words of resistance is no journey ("returned fire");
/// - a bare "de" makes a weak trigger word the kind of a thing ("un détachement
///   d'assaut", "un char de combat"), but the "de" of a count does not ("une vingtaine
///   de soldats ont été tués").
pub(super) fn predicates(triggers: &Triggers, lang: Lang, s: &Sentence) -> Predicates {
    let mut hits = triggers.find_listed(s.refs(), lang, s.cands[SET_TRIGGERS]);
    hits.sort_by_key(|h| (h.first, std::cmp::Reverse(h.end - h.first), h.rule));
    if hits.iter().any(|h| !triggers.rule(h.rule).flags.harm) {
        hits.retain(|h| !triggers.rule(h.rule).flags.harm || has_author(s, None, h.first, h.end));
    }
    let words: Vec<usize> = hits.iter().map(|h| h.first).collect();
    let spans: Vec<Span> = hits.iter().map(|h| s.word_span(h.first, h.end)).collect();
    let mut kept = Vec::with_capacity(hits.len());
    let mut taken_until = 0;
    for h in hits {
        if h.first < taken_until {
            continue;
        }
        let near_before = |kind: CueKind, gap: usize| {
            s.cues(kind)
                .any(|c| c.end <= h.first && h.first - c.end <= gap)
        };
        let inside = |kind: CueKind| s.cues(kind).any(|c| c.first <= h.first && h.first < c.end);
        if inside(CueKind::Durative)
            // "the villagers returned fire", "ils ont riposté": a fight back, not a
            // force's journey
            || triggers.rule(h.rule).flags.journey && inside(CueKind::Resistance)
            || near_before(CueKind::Instrument, 6)
            || near_before(CueKind::Negation, 2)
        {
            continue;
        }
        taken_until = h.end;
        if triggers.rule(h.rule).flags.weak
            && h.first > 0
            && s.is(Word::KindLink, h.first - 1)
            && !in_count(s, h.first - 1)
        {
            continue;
        }
        kept.push(h);
    }
    Predicates {
        hits: kept,
        words,
        spans,
    }
}

/// True when a predicate of harm between words `first` and `end` has its author in the
/// sentence: an acting actor (not civilians, not only a speaker) named in the eight words
/// before it ("unknown gunmen shot dead a trader", "des hommes armés ont abattu"), or
/// right after it behind "by" / "par" ("were killed by militants", "tués par des
/// jihadistes"). A figure of the dead far from any author ("il y a plus de vingt
/// personnes tuées") is a toll, not an author's act.
/// `acts`, when given, are the sentence's acting side: the author must be among them.
pub(super) fn has_author(s: &Sentence, acts: Option<&[&str]>, first: usize, end: usize) -> bool {
    s.agents.iter().any(|a| {
        if a.actor == "Civilians" || acts.is_some_and(|acts| !acts.contains(&a.actor.as_str())) {
            return false;
        }
        let (w0, w1) = (s.word_at(a.span.start), s.word_at(a.span.end));
        let before = w1 <= first && first - w1 <= 8;
        let by = w0 >= end && w0 - end <= 3 && (end..w0).any(|k| s.is(Word::By, k));
        before || by
    })
}

/// True when a civilian target (`civ_target` cue) is the object of a trigger ending at
/// word `end`: within the four words after it, before any actor is named there.
pub(super) fn civ_object(s: &Sentence, end: usize) -> bool {
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

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use super::*;

    /// The ids of the rules a sentence keeps.
    fn kept(text: &str, lang: Lang, actors: &[(&str, &str, u8)]) -> Vec<String> {
        let mut d = Doc::new(text, lang);
        for (w, a, i) in actors {
            d = d.actor(w, a, *i);
        }
        let (t, _, _) = rules();
        d.with_sentences(|_, s| {
            predicates(t, lang, &s[0])
                .hits
                .iter()
                .map(|h| t.rule(h.rule).id.clone())
                .collect()
        })
    }

    #[test]
    fn a_negated_predicate_names_no_event() {
        assert!(!kept("Fighting broke out near the wells.", Lang::En, &[]).is_empty());
        assert!(kept(
            "The column crossed the valley without fighting.",
            Lang::En,
            &[]
        )
        .is_empty());
        assert!(kept(
            "La colonne a traversé la vallée sans combat.",
            Lang::Fr,
            &[]
        )
        .is_empty());
    }

    #[test]
    fn a_harm_without_its_author_is_the_toll_of_the_event_named_beside_it() {
        let ids = kept("Four herders were killed in the ambush.", Lang::En, &[]);
        assert_eq!(ids.len(), 1, "{ids:?}");
        assert!(ids[0].contains("ambush"), "{ids:?}");
        let ids = kept("Deux bergers ont été tués dans l'embuscade.", Lang::Fr, &[]);
        assert_eq!(ids.len(), 1, "{ids:?}");
    }

    #[test]
    fn a_harm_has_its_author_before_it_or_after_by() {
        let cases = [
            ("Gunmen shot dead a trader at the market.", "Gunmen", true),
            (
                "A trader was shot dead by gunmen at the market.",
                "gunmen",
                true,
            ),
            (
                "A trader was shot dead at the market, gunmen fled.",
                "gunmen",
                false,
            ),
        ];
        for (text, who, expect) in cases {
            let d = Doc::new(text, Lang::En).actor(who, "Unidentified armed group", 3);
            d.with_sentences(|_, s| {
                let s = &s[0];
                let w = s.folded.iter().position(|w| *w == "shot").unwrap();
                assert_eq!(has_author(s, None, w, w + 2), expect, "{text}");
            });
        }
    }

    #[test]
    fn the_de_of_a_count_does_not_make_a_trigger_a_kind() {
        let d = Doc::new(
            "Une vingtaine de soldats ont été tués près du puits.",
            Lang::Fr,
        )
        .people("Une vingtaine de soldats", Some(20.0), None);
        let (t, _, _) = rules();
        let ids: Vec<String> = d.with_sentences(|_, s| {
            predicates(t, Lang::Fr, &s[0])
                .hits
                .iter()
                .map(|h| t.rule(h.rule).id.clone())
                .collect()
        });
        assert!(!ids.is_empty(), "{ids:?}");
    }

    #[test]
    fn a_village_right_after_an_attack_is_a_civilian_object() {
        for (text, lang, expect) in [
            ("Militants attacked the village of Sora.", Lang::En, true),
            (
                "Des jihadistes ont attaqué le marché de Sora.",
                Lang::Fr,
                true,
            ),
            ("Militants attacked the army post of Sora.", Lang::En, false),
        ] {
            let d = Doc::new(text, lang);
            d.with_sentences(|_, s| {
                let s = &s[0];
                let w = s
                    .folded
                    .iter()
                    .position(|w| w.starts_with("attaqu") || *w == "attacked")
                    .unwrap();
                assert_eq!(civ_object(s, w + 1), expect, "{text}");
            });
        }
    }
}
