//! Drafts of events and how drafts of one real event merge (ACLED: one event is one
//! day-range, one place, one pair of actors, one type).

use super::*;

#[derive(Debug, Clone)]
pub(super) struct Draft<'p> {
    pub(super) event_type: EventType,
    pub(super) sub_event_type: SubEventType,
    pub(super) rules: Vec<Cow<'p, str>>,
    pub(super) when: When,
    pub(super) place: Option<&'p PlaceMention>,
    pub(super) actor1: Option<&'p str>,
    pub(super) assoc1: Vec<&'p str>,
    pub(super) actor2: Option<&'p str>,
    pub(super) assoc2: Vec<&'p str>,
    pub(super) dead: Option<Count>,
    pub(super) wounded: Option<Count>,
    pub(super) claims: Vec<DraftClaim<'p>>,
    pub(super) evidence: Vec<Span>,
    pub(super) weak_type: bool,
    /// Every trigger was a generic word ("l'attaque"): the draft joins the violent event
    /// it refers to, whatever its type.
    pub(super) generic: bool,
    /// Actors its sentences say lost: they suffered it, the defeat was theirs, or they are
    /// counted among its dead or wounded ([`losers`]).
    pub(super) lost: Vec<&'p str>,
    /// Every trigger was a predicate of harm (`Flags::harm`): the type follows the patient.
    pub(super) harm: bool,
    /// Some trigger told a force on the move (`Flags::journey`).
    pub(super) journey: bool,
    /// Some trigger named a fight between armed sides (`Flags::fight`).
    pub(super) fight: bool,
    /// Some trigger named a strike that needs no air force (`Flags::self_guided`).
    pub(super) self_guided: bool,
    /// Those attacked fought back, in the trigger's sentence or the next one ("the
    /// villagers returned fire", "les soldats ont repoussé l'assaut").
    pub(super) resisted: bool,
    /// Some trigger told people attacked, killed or hurt (an `Attack` on civilians:
    /// "executed", "tortured", "a abattu").
    pub(super) harmed: bool,
}

impl<'p> Draft<'p> {
    /// A draft of one type, told by rule `rule`, with nothing read yet: no sides, no
    /// figures, no claims, no evidence, no flags.
    pub(super) fn new(
        event_type: EventType,
        sub_event_type: SubEventType,
        rule: Cow<'p, str>,
        when: When,
        place: Option<&'p PlaceMention>,
    ) -> Draft<'p> {
        Draft {
            event_type,
            sub_event_type,
            rules: vec![rule],
            when,
            place,
            actor1: None,
            assoc1: Vec::new(),
            actor2: None,
            assoc2: Vec::new(),
            dead: None,
            wounded: None,
            claims: Vec::new(),
            evidence: Vec::new(),
            weak_type: false,
            generic: false,
            lost: Vec::new(),
            harm: false,
            journey: false,
            fight: false,
            self_guided: false,
            resisted: false,
            harmed: false,
        }
    }
}

pub(super) fn overlaps(a: When, b: When) -> bool {
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

pub(super) fn is_journey(d: &Draft) -> bool {
    d.sub_event_type == SubEventType::Other && d.journey
}

/// Whether a draft tells a change of who holds a place.
fn territorial(d: &Draft) -> bool {
    matches!(
        d.sub_event_type,
        SubEventType::NonStateActorOvertakesTerritory | SubEventType::GovernmentRegainsTerritory
    )
}

/// True when two drafts report one real event (ACLED: one event is one day-range, one
/// place, one pair of actors, one type).
pub(super) fn same_event(a: &Draft, b: &Draft) -> bool {
    let near = match (&a.place, &b.place) {
        // a country named as the place is any place in it
        (Some(p), Some(q)) if is_country(p) || is_country(q) => p.country == q.country,
        (Some(p), Some(q)) => km(p, q) <= SAME_PLACE_KM,
        _ => true,
    };
    let same_sentence = a.evidence.iter().any(|e| b.evidence.contains(e));
    // a generic word ("l'attaque", "the attack") joins the violent event it refers to,
    // whatever its type
    if (a.generic || b.generic) && a.event_type.is_violent() && b.event_type.is_violent() {
        // in one sentence it refers to the event told there, whatever date it was given
        return (same_sentence || overlaps(a.when, b.when)) && near;
    }
    // a fight and the change of hands it brought, told in one sentence ("rebels clashed
    // with soldiers and overran the camp"), are one event
    let clash = |x: &Draft| x.sub_event_type == SubEventType::ArmedClash;
    if (territorial(a) && clash(b) || clash(a) && territorial(b)) && same_sentence {
        return near;
    }
    // a detention or an abduction and the killing of its victims told in one sentence
    // ("soldiers arrested and executed two herders", "des hommes armés ont enlevé puis
    // tué trois bergers") are one attack
    let detains = |d: &Draft| {
        matches!(
            d.sub_event_type,
            SubEventType::Arrests | SubEventType::AbductionForcedDisappearance
        )
    };
    let kills = |d: &Draft| d.sub_event_type == SubEventType::Attack;
    if ((detains(a) && kills(b)) || (kills(a) && detains(b))) && same_sentence {
        // wherever each was done ("arrested in X and executed near Y")
        return true;
    }
    // one crowd on one day at one place is one demonstration, however its sentences
    // tell it ("des milliers ont manifesté devant l'ambassade", "la police les a
    // dispersés", "des manifestants ont incendié un véhicule"): ACLED codes it once, at
    // its most severe
    if let (Some(_), Some(_)) = (demonstration(a), demonstration(b)) {
        return overlaps(a.when, b.when) && near;
    }
    if a.event_type != b.event_type || a.sub_event_type != b.sub_event_type {
        return false;
    }
    // a force's journey told day by day is one development, wherever it went
    if is_journey(a) && is_journey(b) {
        return overlaps(widen(a.when, JOURNEY_DAYS), widen(b.when, JOURNEY_DAYS));
    }
    if a.event_type.is_violent() {
        // in a fight the sides are often named by their allies: they do not tell
        // fights apart; dates and places do (an undated mention joins a dated one, and
        // a mention dated only by the sentences before it joins one at its place)
        // a battle told over several days at one place is one event
        let slack = if a.event_type == EventType::Battles {
            3
        } else {
            0
        };
        return (overlaps(widen(a.when, slack), b.when) || a.when.inherited || b.when.inherited)
            && near;
    }
    // developments are told apart by who acts (Algeria's barrier, the army's convoy)
    pub(super) fn who<'d>(d: &Draft<'d>) -> Vec<&'d str> {
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

pub(super) fn widen(w: When, days: i64) -> When {
    When {
        from: w.from.map(|d| d - Duration::days(days)),
        to: w.to.map(|d| d + Duration::days(days)),
        ..w
    }
}

/// How severe a demonstration is, when the draft is one: a peaceful protest, one the
/// authorities stepped in on, one met with excessive force, a violent one (mob violence
/// is not a demonstration).
pub(super) fn demonstration(d: &Draft) -> Option<u8> {
    Some(match d.sub_event_type {
        SubEventType::PeacefulProtest => 0,
        SubEventType::ProtestWithIntervention => 1,
        SubEventType::ExcessiveForceAgainstProtesters => 2,
        SubEventType::ViolentDemonstration => 3,
        _ => return None,
    })
}

pub(super) fn merge_into<'p>(m: &mut Draft<'p>, d: Draft<'p>) {
    let m_was_generic = m.generic;
    m.generic &= d.generic;
    m.harm &= d.harm;
    m.journey |= d.journey;
    m.fight |= d.fight;
    m.self_guided |= d.self_guided;
    m.resisted |= d.resisted;
    m.harmed |= d.harmed;
    // (a fight never replaces the change of hands it brought, told first: "Ansar Dine
    // gained control of Kona after clashes with the army")
    if m.weak_type
        && !d.weak_type
        && !(territorial(m) && d.sub_event_type == SubEventType::ArmedClash)
    {
        m.event_type = d.event_type;
        m.sub_event_type = d.sub_event_type;
        m.weak_type = false;
    }
    // a fight that changed who holds a place is coded as that change ("the rebels took
    // the town after heavy clashes", "l'armée a repris la ville après des combats")
    if territorial(&d) && m.sub_event_type == SubEventType::ArmedClash {
        m.event_type = d.event_type;
        m.sub_event_type = d.sub_event_type;
    }
    // a demonstration is coded at its most severe
    if let (Some(x), Some(y)) = (demonstration(m), demonstration(&d)) {
        if y > x {
            m.event_type = d.event_type;
            m.sub_event_type = d.sub_event_type;
        }
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

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use super::*;

    fn when(from: &str, to: &str) -> When {
        When {
            from: Some(day(from)),
            to: Some(day(to)),
            precision: 1,
            fallback: false,
            inherited: false,
        }
    }

    fn draft<'p>(t: &'p str, sub: &'p str, w: When, place: Option<&'p PlaceMention>) -> Draft<'p> {
        let (t, sub) = (t.parse().unwrap(), sub.parse().unwrap());
        Draft::new(t, sub, Cow::Borrowed("test/rule"), w, place)
    }

    #[test]
    fn day_ranges_overlap_with_a_day_of_slack() {
        assert!(overlaps(
            when("2024-01-01", "2024-01-01"),
            when("2024-01-02", "2024-01-02")
        ));
        assert!(!overlaps(
            when("2024-01-01", "2024-01-01"),
            when("2024-01-03", "2024-01-03")
        ));
        assert!(overlaps(
            widen(when("2024-01-01", "2024-01-01"), 2),
            when("2024-01-03", "2024-01-03")
        ));
    }

    #[test]
    fn one_event_is_one_type_one_time_one_place() {
        let d = Doc::new("Gao Bamako", Lang::Fr)
            .place("Gao", "ML", Some((16.27, -0.04)))
            .place("Bamako", "ML", Some((12.65, -8.0)));
        let inp = d.inputs();
        let (gao, bko) = (&inp.places[0], &inp.places[1]);
        let day1 = when("2024-01-01", "2024-01-01");
        let a = draft("Battles", "Armed clash", day1, Some(gao));
        assert!(same_event(
            &a,
            &draft("Battles", "Armed clash", day1, Some(gao))
        ));
        assert!(!same_event(
            &a,
            &draft("Battles", "Armed clash", day1, Some(bko))
        ));
        assert!(!same_event(
            &a,
            &draft("Riots", "Mob violence", day1, Some(gao))
        ));
        let later = when("2024-01-20", "2024-01-20");
        assert!(!same_event(
            &a,
            &draft("Battles", "Armed clash", later, Some(gao))
        ));
    }

    #[test]
    fn a_count_replaces_a_vague_figure_and_the_lowest_count_wins() {
        let day1 = when("2024-01-01", "2024-01-01");
        let c = |low: i64, vague: bool| Count {
            low: Some(low),
            best: Some(low),
            high: None,
            rule: "t",
            vague,
        };
        let mut m = draft("Battles", "Armed clash", day1, None);
        m.dead = Some(c(20, true));
        let mut d = draft("Battles", "Armed clash", day1, None);
        d.dead = Some(c(31, false));
        merge_into(&mut m, d);
        assert_eq!(m.dead.and_then(|c| c.low), Some(31));
        let mut d = draft("Battles", "Armed clash", day1, None);
        d.dead = Some(c(25, false));
        merge_into(&mut m, d);
        assert_eq!(m.dead.and_then(|c| c.low), Some(25));
    }

    /// Issue 12: one crowd on one day at one place is one demonstration, coded at its
    /// most severe.
    #[test]
    fn issue12_one_demonstration_at_its_most_severe() {
        let d = Doc::new("Niamey", Lang::Fr).place("Niamey", "NE", Some((13.5, 2.1)));
        let inp = d.inputs();
        let niamey = Some(&inp.places[0]);
        let day1 = when("2023-07-30", "2023-07-30");
        let mut m = draft("Protests", "Peaceful protest", day1, niamey);
        let riot = draft("Riots", "Violent demonstration", day1, niamey);
        assert!(same_event(&m, &riot));
        merge_into(&mut m, riot);
        assert_eq!(m.sub_event_type, SubEventType::ViolentDemonstration);
        let calm = draft("Protests", "Peaceful protest", day1, niamey);
        assert!(same_event(&m, &calm));
        merge_into(&mut m, calm);
        assert_eq!(m.event_type, EventType::Riots);
        // another day is another demonstration; mob violence is none
        let later = draft(
            "Protests",
            "Peaceful protest",
            when("2023-08-05", "2023-08-05"),
            niamey,
        );
        assert!(!same_event(&m, &later));
        let mob = draft("Riots", "Mob violence", day1, niamey);
        assert!(!same_event(&m, &mob));
    }

    /// Issue 12: an arrest or abduction and the killing of its victims told in one
    /// sentence are one event; told in two sentences, they stay two.
    #[test]
    fn issue12_detained_then_killed_in_one_sentence_is_one_event() {
        let day1 = when("2020-05-19", "2020-05-19");
        let mut arrest = draft("Strategic developments", "Arrests", day1, None);
        arrest.evidence = vec![Span::new(0, 40)];
        let mut killing = draft("Violence against civilians", "Attack", day1, None);
        killing.evidence = vec![Span::new(0, 40)];
        assert!(same_event(&arrest, &killing));
        killing.evidence = vec![Span::new(41, 80)];
        assert!(!same_event(&arrest, &killing));
    }
}
