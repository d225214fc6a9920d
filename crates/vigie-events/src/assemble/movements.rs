//! Movements of units and convoys, and the strategic development a journey makes.

use super::*;

/// Troop movements reported as news are a strategic development: one per document,
/// dated by the movements, located where the force was last reported.
pub(super) fn journey_draft<'p>(
    inp: &Inputs<'p>,
    moves: &'p [Movement],
    last_seen: Option<&'p PlaceMention>,
) -> Option<Draft<'p>> {
    let first = moves.first()?;
    // one sighting of troops somewhere is not yet a journey
    let journey = moves.len() >= 2
        || moves.iter().any(|m| {
            m.status == MovementStatus::Departed || m.status == MovementStatus::TurnedBack
        });
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
    // destination included ("la colonne a rebroussé chemin vers Tessalit")
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
    // a development ACLED can code has a place: a journey nothing locates is left to the
    // movements themselves
    place?;
    Some(Draft {
        actor1: actor,
        evidence: moves.iter().map(|m| m.evidence.span()).collect(),
        journey: true,
        ..Draft::new(
            EventType::StrategicDevelopments,
            SubEventType::Other,
            Cow::Borrowed("strategic/other/movement"),
            when,
            place,
        )
    })
}

/// A place a movement can be at: a precise place ([`precise`]), or the capital, which a
/// convoy reaches like any town ("est arrivé à Bamako") though an event named with it
/// alone is often only the dateline.
pub(super) fn movement_place(p: &PlaceMention, main: Option<&str>) -> bool {
    precise(p, main) || main_capital(p, main)
}

/// True when sentence `s` names a unit that can move, or a state or foreign force:
/// without one there, nor in the sentence before, a sentence reports no movement.
pub(super) fn names_a_mover(s: &Sentence) -> bool {
    s.cues(CueKind::Unit).next().is_some()
        || s.actors
            .iter()
            .copied()
            .any(|a| matches!(a.inter, STATE_FORCES | EXTERNAL))
}

pub(super) fn movements<'a>(
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
                || sent.actors.iter().copied().any(|a| {
                    matches!(a.inter, STATE_FORCES | EXTERNAL) && sent.word_at(a.span.end) <= w
                })
        };
        let pronoun = s.is(Word::Pronoun, 0);
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
                        || p.actors
                            .iter()
                            .copied()
                            .any(|a| matches!(a.inter, STATE_FORCES | EXTERNAL))
                });
            if !mover {
                continue;
            }
            let verb = s.word_span(first, end);
            // a withdrawal from a place is a departure from it ("withdrew from Ber",
            // "se sont repliés de Boni"); towards a place it is turning back
            let origin_after = |p: &PlaceMention| {
                let w = s.word_at(p.span.start);
                w >= end
                    && w - end <= 4
                    && s.cues(CueKind::Origin)
                        .any(|c| c.end == w && c.first >= end)
            };
            let status = if status == MovementStatus::TurnedBack
                && s.places
                    .iter()
                    .any(|p| movement_place(p, main) && origin_after(p))
            {
                MovementStatus::Departed
            } else {
                status
            };
            // the place: not a destination ("vers Kidal"); for a departure, the place
            // left ("parti de Gao", "quitté Gao")
            let place = s
                .places
                .iter()
                .copied()
                .filter(|p| movement_place(p, main))
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
                    while k > 0 && s.is(Word::NounLink, k - 1) {
                        k -= 1;
                    }
                    let noun = (k.saturating_sub(2)..k).any(|j| s.is(Word::EventNoun, j));
                    !(k < w && noun)
                })
                // "a fait demi-tour à X", "turned back near X": where a force turned back
                // is named after the verb
                .filter(|p| {
                    let w = s.word_at(p.span.start);
                    status != MovementStatus::TurnedBack || (w >= end && w - end <= 6)
                })
                .filter(|p| {
                    if status != MovementStatus::Departed {
                        return true;
                    }
                    let w = s.word_at(p.span.start);
                    // a departure named as a noun has its place after it ("son départ
                    // de Gao", "its withdrawal from Ber"), not anywhere in the sentence
                    let nominal = first > 0 && s.is(Word::NounDet, first - 1);
                    (w >= end && w - end <= 3)
                        || (!nominal
                            && s.cues(CueKind::Origin)
                                .any(|c| c.end <= w && w - c.end <= 1))
                })
                .filter(|p| {
                    p.relative.as_ref().is_none_or(|r| {
                        r.relation == "near" || r.distance_km_high.is_some_and(|d| d <= 30.0)
                    })
                })
                .min_by_key(|p| distance(p.span.span(), verb));
            // "y sont arrivés", "arrived there": the place named just before
            let there = (first.saturating_sub(3)..(end + 1).min(s.words.len()))
                .any(|k| s.is(Word::There, k));
            let place = place.or_else(|| {
                if !there
                    || !matches!(
                        status,
                        MovementStatus::Arrived | MovementStatus::Halted | MovementStatus::Located
                    )
                {
                    return None;
                }
                // the place the sentence before is about: the first one it names ("C'est à
                // Kamona, un village de la commune de Pogo. Les soldats y sont arrivés":
                // Kamona, not the commune that locates it); up to two sentences back
                sentences[si.saturating_sub(2)..si]
                    .iter()
                    .rev()
                    .find_map(|x| x.places.iter().copied().find(|p| movement_place(p, main)))
            });
            // "est entré dans le camp", "sur le site de la bataille": a place named before
            let place = place.or_else(|| {
                if !matches!(
                    status,
                    MovementStatus::Arrived | MovementStatus::Halted | MovementStatus::Located
                ) {
                    return None;
                }
                let noun =
                    (end..(end + 5).min(s.words.len())).find(|&k| s.is(Word::SiteNoun, k))?;
                let battle =
                    (noun + 1..(noun + 4).min(s.words.len())).any(|k| s.is(Word::BattleNoun, k));
                if battle {
                    battle_place
                } else {
                    last_place.filter(|(ls, _)| si - ls <= 2).map(|(_, p)| p)
                }
            });
            if let Some(p) = place {
                last_place = Some((si, p));
            }
            if place.is_none() && status != MovementStatus::TurnedBack {
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
                    .filter(|a| matches!(a.inter, STATE_FORCES | EXTERNAL))
                    .min_by_key(|a| a.inter)
                    .or_else(|| {
                        inp.actors.iter().rfind(|a| {
                            matches!(a.inter, STATE_FORCES | EXTERNAL) && a.span.end <= s.span.end
                        })
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
                    status,
                    evidence: ev,
                });
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
    fn a_force_leaving_a_town_departed_from_it() {
        let d = Doc::new(
            "Le 3 juin 2024, un convoi de l'armée a quitté Sora.",
            Lang::Fr,
        )
        .published("2024-06-04")
        .date("Le 3 juin 2024", "2024-06-03", "2024-06-03")
        .actor("l'armée", "Army", 1)
        .place("Sora", "ML", Some((15.0, -1.0)));
        let (_, moves) = d.assemble();
        assert_eq!(moves.len(), 1, "{moves:?}");
        assert_eq!(moves[0].status, "departed");
        assert_eq!(
            moves[0].place.as_ref().map(|p| p.name.as_str()),
            Some("Sora")
        );
        assert_eq!(moves[0].from, Some(day("2024-06-03")));
        assert_eq!(moves[0].actor, "Army convoy");
    }

    #[test]
    fn a_destination_is_not_where_the_force_is() {
        let d = Doc::new("The army column is heading towards Sora.", Lang::En)
            .actor("The army", "Army", 1)
            .place("Sora", "ML", Some((15.0, -1.0)));
        let (_, moves) = d.assemble();
        assert!(moves.iter().all(|m| m.place.is_none()), "{moves:?}");
    }

    #[test]
    fn without_a_mover_there_is_no_movement() {
        let d = Doc::new("Les prix ont quitté leur niveau de Sora.", Lang::Fr).place(
            "Sora",
            "ML",
            Some((15.0, -1.0)),
        );
        assert!(d.assemble().1.is_empty());
    }

    #[test]
    fn one_sighting_is_not_a_journey_but_a_departure_is() {
        let d = Doc::new(
            "Le 3 juin 2024, un convoi de l'armée était à Sora.",
            Lang::Fr,
        )
        .published("2024-06-04")
        .date("Le 3 juin 2024", "2024-06-03", "2024-06-03")
        .actor("l'armée", "Army", 1)
        .place("Sora", "ML", Some((15.0, -1.0)));
        let (events, moves) = d.assemble();
        assert!(moves.len() <= 1);
        assert!(
            events.iter().all(|e| e.sub_event_type != "Other"),
            "{events:?}"
        );
        let d = Doc::new(
            "Le 3 juin 2024, un convoi de l'armée a quitté Sora.",
            Lang::Fr,
        )
        .published("2024-06-04")
        .date("Le 3 juin 2024", "2024-06-03", "2024-06-03")
        .actor("l'armée", "Army", 1)
        .place("Sora", "ML", Some((15.0, -1.0)));
        let (events, _) = d.assemble();
        assert!(
            events
                .iter()
                .any(|e| e.event_type == "Strategic developments"),
            "{events:?}"
        );
    }
}
