//! A merged draft becomes an event: its sides ordered and completed, and the roles and
//! types that ACLED's codebook fixes applied.

use super::*;

pub(super) fn finish<'p>(inp: &Inputs<'p>, ctx: &ActorContext<'p>, mut d: Draft<'p>) -> Event {
    // a side the text leaves open is the other camp the document names most
    let camp_of = |name: &str| {
        inp.actors
            .iter()
            .find(|a| a.actor == name)
            .map(|a| camp(a.inter))
    };
    // an air or drone strike needs an air force: state forces or their foreign partners
    // (a kamikaze drone excepted)
    let air = d.sub_event_type == SubEventType::AirDroneStrike && !d.self_guided;
    let inter_of = |name: &str| inp.actors.iter().find(|a| a.actor == name).map(|a| a.inter);
    if air
        && d.actor1
            .and_then(inter_of)
            .is_some_and(|i| camp(i) != Camp::State)
    {
        let a = d.actor1.take();
        if d.actor2.is_none() {
            d.actor2 = a;
        }
        d.assoc1.clear();
    }
    // an air force does not strike its own side: state or partner forces named as the
    // target of an air strike are its authors
    if air && d.actor2.and_then(camp_of) == Some(Camp::State) {
        let a2 = d.actor2.take();
        match &d.actor1 {
            Some(a1) if camp_of(a1) == Some(Camp::State) => {
                if let Some(a2) = a2 {
                    if !d.assoc1.contains(&a2) && Some(&a2) != d.actor1.as_ref() {
                        d.assoc1.push(a2);
                    }
                }
            }
            _ => d.actor1 = a2,
        }
        let rest = std::mem::take(&mut d.assoc2);
        d.actor2 = rest
            .iter()
            .find(|a| camp_of(a) != Some(Camp::State))
            .cloned();
    }
    let battle = d.event_type == EventType::Battles;
    // sentences told from both sides may put one actor on both: it stays on the side
    // that lost when a sentence says it lost, on the acting side otherwise
    {
        let side1 = take_side(&mut d.actor1, &mut d.assoc1);
        let side2 = take_side(&mut d.actor2, &mut d.assoc2);
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
    // a fight between the police or the army and people of no armed group ("clashes
    // between police and students", "des affrontements entre jeunes et forces de
    // l'ordre"): ACLED's codebook makes it mob violence, the people rioters
    if battle && d.fight && mob_against_the_state(&d, &camp_of) {
        let state = if d.actor1 == Some("Civilians") {
            d.actor2
        } else {
            d.actor1
        };
        d.event_type = EventType::Riots;
        d.sub_event_type = SubEventType::MobViolence;
        d.actor1 = Some("Rioters");
        d.assoc1.clear();
        d.actor2 = state;
        d.assoc2.clear();
    }
    let battle = d.event_type == EventType::Battles;
    if battle {
        battle_sides_before(&mut d, &camp_of);
    }
    // ACLED's codebook: a mine or an IED is laid by an armed group; the forces of a
    // state or a mission named with it ("an army truck struck a mine", "un véhicule de la
    // MINUSMA a sauté sur un engin explosif") are its targets
    if d.sub_event_type == SubEventType::RemoteExplosiveLandmineIed
        && d.actor1.and_then(&camp_of) == Some(Camp::State)
    {
        // the victims already named stay first ("civilians and their army escort")
        let side1 = take_side(&mut d.actor1, &mut d.assoc1);
        fill_side(&mut d.actor2, &mut d.assoc2, &side1);
    }
    let state = |n: &str, i: u8| camp(i) == Camp::State && Some(n) != d.actor2;
    let armed =
        |n: &str, i: u8| camp(i) == Camp::Armed && Some(n) != d.actor2 && Some(n) != d.actor1;
    match (&d.actor1, &d.actor2) {
        (None, _) if air => d.actor1 = ctx.most_named(state),
        (None, Some(b)) if d.event_type.is_violent() => {
            let cb = camp_of(b);
            d.actor1 =
                ctx.most_named(|n, i| Some(camp(i)) != cb && camp(i) != Camp::Civilian && n != *b);
        }
        (Some(a), None) if d.event_type == EventType::Battles => {
            let ca = camp_of(a);
            d.actor2 =
                ctx.most_named(|n, i| Some(camp(i)) != ca && camp(i) != Camp::Civilian && n != *a);
        }
        (None, None) if d.event_type.is_violent() => {
            // nobody named: armed groups attack, the state's forces are attacked
            d.actor1 = ctx
                .most_named(armed)
                .or_else(|| ctx.most_named(|_, i| camp(i) != Camp::Civilian));
            d.actor2 = ctx.most_named(|n, i| camp(i) == Camp::State && Some(n) != d.actor1);
        }
        (None, None) if d.event_type == EventType::StrategicDevelopments => {
            // a development with nobody named: the forces the document is about
            d.actor1 = ctx
                .most_named(|_, i| camp(i) == Camp::State)
                .or_else(|| ctx.most_named(|_, i| camp(i) != Camp::Civilian));
        }
        _ => {}
    }
    if battle {
        battle_sides_after(&mut d, &camp_of, ctx);
    }
    // ACLED's codebook: political violence whose author nobody names ("two traders were
    // killed near Gao", "une mine a tué trois civils") is an unidentified armed group's;
    // an air strike's author is left to the state (above)
    if d.actor1.is_none() && d.event_type.is_violent() && !air {
        d.actor1 = Some(UNIDENTIFIED);
    }
    // a force's journey (a convoy, a column, a recovery of bodies) is made by state or
    // partner forces: an armed group named around it is who watches or opposes it
    if is_journey(&d) && d.actor1.and_then(camp_of).is_some_and(|c| c != Camp::State) {
        if let Some(mover) = ctx.most_named(|_, i| camp(i) == Camp::State) {
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
            if ctx.inter_of(a) == Some(EXTERNAL)
                && ctx.inter_of(st).is_some()
                && d.actor2 != Some(st)
            {
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
    kills_make_an_attack(&mut d, &camp_of);
    resistance_makes_a_battle(&mut d, inter_of);
    let civilian_targeting = d.actor2 == Some("Civilians");
    if civilian_targeting && d.event_type == EventType::Battles {
        d.event_type = EventType::ViolenceAgainstCivilians;
        d.sub_event_type = SubEventType::Attack;
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
        event_type: d.event_type,
        sub_event_type: d.sub_event_type,
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

/// ACLED's codebook: an attack by an armed side that those attacked fought back against
/// is a battle, even when it killed civilians ("gunmen raided the village and killed two
/// herders; the village's hunters drove them off", "des assaillants ont tué un berger
/// avant d'être repoussés par les soldats"): the defenders, unnamed, are no civilians
/// targeted.
pub(super) fn resistance_makes_a_battle(d: &mut Draft<'_>, inter_of: impl Fn(&str) -> Option<u8>) {
    let armed = d
        .actor1
        .and_then(&inter_of)
        .is_some_and(|i| (STATE_FORCES..=IDENTITY_MILITIA).contains(&i));
    let attack_on_civilians = d.event_type == EventType::ViolenceAgainstCivilians
        && d.sub_event_type == SubEventType::Attack
        || d.event_type == EventType::Battles && d.actor2 == Some("Civilians");
    if d.resisted && armed && attack_on_civilians {
        d.event_type = EventType::Battles;
        d.sub_event_type = SubEventType::ArmedClash;
        if d.actor2 == Some("Civilians") {
            promote_first(&mut d.actor2, &mut d.assoc2);
        }
    }
}

/// Roles that ACLED's codebook fixes by the event's type, whatever the word order said:
/// - civilians never carry out political violence: named first of a violent event
///   ("des civils ont été enlevés par des hommes armés" read the wrong way round), they
///   are its victims;
/// - the people of a demonstration are its first actor, as protesters ("des habitants ont
///   manifesté", "residents protested") or, in a riot, as rioters; civilians are not its
///   target, and state forces facing it are its second actor.
pub(super) fn codebook_roles(d: &mut Draft<'_>, inter_of: impl Fn(&str) -> Option<u8>) {
    const CIV: &str = "Civilians";
    match d.event_type {
        EventType::Protests | EventType::Riots if d.sub_event_type != SubEventType::MobViolence => {
            let people = if d.event_type == EventType::Protests {
                "Protesters"
            } else {
                "Rioters"
            };
            // the police facing a crowd ("students threw stones at the police") is
            // the second actor
            if d.actor1.and_then(&inter_of) == Some(STATE_FORCES) {
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
        t if t.is_violent() && d.actor1 == Some(CIV) => {
            promote_first(&mut d.actor1, &mut d.assoc1);
            if d.actor2.is_none() {
                d.actor2 = Some(CIV);
            }
        }
        _ => {}
    }
}

/// ACLED's codebook: violence against civilians that kills is an attack, whatever else was
/// done to the victims. An abduction told with its dead ("militants abducted and executed
/// five herders", "des hommes armés ont enlevé puis tué deux bergers", "killed three people
/// and kidnapped seven others") is `Attack`; so is an arrest whose detainees are killed
/// ("soldiers arrested and executed two herders", "des militaires ont arrêté puis exécuté
/// quatre villageois"), or whose detainees are hurt in the telling ("arrested and
/// tortured", "arrêtés puis battus"). Without harm told they stay an abduction and an
/// arrest. When those killed and captured are soldiers or fighters ("rebels killed two
/// soldiers and kidnapped a third", "l'armée a tué cinq jihadistes et en a arrêté
/// trois"), it was a fight: Battles / Armed clash.
pub(super) fn kills_make_an_attack(d: &mut Draft<'_>, camp_of: &impl Fn(&str) -> Option<Camp>) {
    let killed = d.dead.is_some_and(|c| c.best.or(c.low).unwrap_or(0) > 0) || d.harmed;
    if !killed {
        return;
    }
    let captive = matches!(
        d.sub_event_type,
        SubEventType::AbductionForcedDisappearance | SubEventType::Arrests
    );
    if captive && matches!(d.actor2.and_then(camp_of), Some(Camp::State | Camp::Armed)) {
        d.event_type = EventType::Battles;
        d.sub_event_type = SubEventType::ArmedClash;
        return;
    }
    match d.sub_event_type {
        SubEventType::AbductionForcedDisappearance => d.sub_event_type = SubEventType::Attack,
        SubEventType::Arrests => {
            d.event_type = EventType::ViolenceAgainstCivilians;
            d.sub_event_type = SubEventType::Attack;
            if d.actor2.is_none() {
                d.actor2 = Some("Civilians");
            }
        }
        _ => {}
    }
}

/// True when one side of a fight is civilians alone and the other state forces alone.
fn mob_against_the_state(d: &Draft<'_>, camp_of: &impl Fn(&str) -> Option<Camp>) -> bool {
    let civ = |main: Option<&str>, assoc: &[&str]| main == Some("Civilians") && assoc.is_empty();
    let state = |main: Option<&str>, assoc: &[&str]| {
        main.and_then(camp_of) == Some(Camp::State)
            && assoc.iter().all(|a| camp_of(a) == Some(Camp::State))
    };
    (civ(d.actor1, &d.assoc1) && state(d.actor2, &d.assoc2))
        || (civ(d.actor2, &d.assoc2) && state(d.actor1, &d.assoc1))
}

/// Replaces a side's main actor by its first associate, or by nobody.
pub(super) fn promote_first<'p>(main: &mut Option<&'p str>, assoc: &mut Vec<&'p str>) {
    *main = (!assoc.is_empty()).then(|| assoc.remove(0));
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
pub(super) fn type_by_patient<'p>(
    d: &mut Draft<'p>,
    camp_of: &impl Fn(&str) -> Option<Camp>,
    inter_of: impl Fn(&str) -> Option<u8>,
) {
    let agent = d.actor1.and_then(&inter_of);
    let patient = d.actor2.and_then(camp_of);
    if agent == Some(RIOTERS) {
        d.event_type = EventType::Riots;
        d.sub_event_type = SubEventType::MobViolence;
    } else if matches!(patient, Some(Camp::State | Camp::Armed))
        || (patient.is_none() && agent.map(camp) == Some(Camp::State))
    {
        d.event_type = EventType::Battles;
        d.sub_event_type = SubEventType::ArmedClash;
    }
}

/// Puts a battle's sides in order before the sides the text leaves open are filled:
/// civilians named around a fight are its victims, not a side; each side holds one camp
/// (an armed group listed among the army's associates belongs to the other side); and
/// allies do not fight each other (the army's partner named as the second side is an
/// associate of the first).
pub(super) fn battle_sides_before<'p>(d: &mut Draft<'p>, camp_of: &impl Fn(&str) -> Option<Camp>) {
    let fight = d.fight;
    let mut side1 = take_side(&mut d.actor1, &mut d.assoc1);
    let mut side2 = take_side(&mut d.actor2, &mut d.assoc2);
    if fight {
        side1.retain(|a| *a != "Civilians");
        side2.retain(|a| *a != "Civilians");
    }
    // the camp of each side is its first actor's; the state and its partners are one
    // camp, but armed groups fight one another ("JNIM clashed with ISGS", "gunmen attacked
    // an MSA convoy"), so two groups stay on the sides the sentence gives them
    let c1 = side1.first().and_then(|a| camp_of(a));
    let c2 = side2.first().and_then(|a| camp_of(a));
    let both_armed = c1 == Some(Camp::Armed) && c2 == Some(Camp::Armed);
    if let Some(c1) = c1.filter(|_| !both_armed) {
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
pub(super) fn battle_sides_after<'p>(
    d: &mut Draft<'p>,
    camp_of: &impl Fn(&str) -> Option<Camp>,
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
            d.actor1 = ctx.most_named(|n, i| {
                Some(camp(i)) != cb && camp(i) != Camp::Civilian && Some(n) != b
            });
        }
    }
    // the state's own forces lead their partners
    let state_first = |main: &mut Option<&'p str>, assoc: &mut Vec<&'p str>| {
        let is_state = |a: &str| ctx.inter_of(a) == Some(STATE_FORCES);
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
        let named =
            ctx.most_named(|n, i| camp(i) == Camp::Armed && n != UNIDENTIFIED && Some(n) != other);
        if named.is_some() {
            if side == 0 {
                d.actor1 = named;
            } else {
                d.actor2 = named;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use super::*;

    fn events(d: &Doc) -> Vec<Event> {
        d.assemble().0
    }

    #[test]
    fn the_crowd_of_a_demonstration_is_protesters() {
        let d = Doc::new(
            "On 4 May 2024, residents protested in Sora against power cuts.",
            Lang::En,
        )
        .published("2024-05-05")
        .date("On 4 May 2024", "2024-05-04", "2024-05-04")
        .actor("residents", "Civilians", 7);
        let e = events(&d);
        assert_eq!(e[0].event_type, "Protests", "{e:?}");
        assert_eq!(e[0].actor1.as_deref(), Some("Protesters"));
        assert_eq!(e[0].actor2, None);
    }

    #[test]
    fn who_a_harm_hits_decides_its_type() {
        let cases = [
            (
                "Militants killed two soldiers near Sora.",
                "two soldiers",
                "Army",
                1,
                "Battles",
            ),
            (
                "Militants killed two herders near Sora.",
                "two herders",
                "Civilians",
                7,
                "Violence against civilians",
            ),
            (
                "Des jihadistes ont tué deux gendarmes près de Sora.",
                "deux gendarmes",
                "Gendarmerie",
                1,
                "Battles",
            ),
        ];
        for (text, patient, who, inter, expect) in cases {
            let lang = if text.starts_with("Des") {
                Lang::Fr
            } else {
                Lang::En
            };
            let first = if lang == Lang::Fr {
                "Des jihadistes"
            } else {
                "Militants"
            };
            let d = Doc::new(text, lang)
                .published("2024-05-05")
                .actor(first, "Jihadists", 2)
                .actor(patient, who, inter)
                .people(patient, Some(2.0), None);
            let e = events(&d);
            assert_eq!(e.len(), 1, "{text}: {e:?}");
            assert_eq!(e[0].event_type, expect, "{text}");
            assert_eq!(e[0].actor1.as_deref(), Some("Jihadists"), "{text}");
        }
    }

    #[test]
    fn an_air_strike_is_flown_by_the_state() {
        let d = Doc::new("A drone strike hit militants near Sora.", Lang::En)
            .published("2024-05-05")
            .actor("militants", "Jihadists", 2)
            .place("Sora", "ML", Some((15.0, -1.0)));
        let e = events(&d);
        assert_eq!(e[0].sub_event_type, "Air/drone strike");
        assert_eq!(e[0].actor2.as_deref(), Some("Jihadists"));
        assert_ne!(e[0].actor1.as_deref(), Some("Jihadists"));
    }

    /// Issue 12: an abduction told with its dead is an attack (ACLED's codebook).
    #[test]
    fn issue12_an_abduction_that_kills_is_an_attack() {
        let cases = [
            (
                "Militants abducted and executed five herders near Sora.",
                "Militants",
                true,
            ),
            (
                "Des jihadistes ont enlevé puis tué cinq bergers près de Sora.",
                "Des jihadistes",
                true,
            ),
            (
                "Militants abducted five herders near Sora.",
                "Militants",
                false,
            ),
        ];
        for (text, who, killed) in cases {
            let lang = if who == "Militants" {
                Lang::En
            } else {
                Lang::Fr
            };
            let count = if lang == Lang::En {
                "five herders"
            } else {
                "cinq bergers"
            };
            let d = Doc::new(text, lang)
                .published("2024-05-05")
                .actor(who, "Jihadists", 2)
                .actor(count, "Civilians", 7)
                .people(count, Some(5.0), None);
            let e = events(&d);
            let expect = if killed {
                SubEventType::Attack
            } else {
                SubEventType::AbductionForcedDisappearance
            };
            assert!(
                e.iter().any(|e| e.sub_event_type == expect),
                "{text}: {e:?}"
            );
            if killed {
                assert!(
                    e.iter()
                        .all(|e| e.sub_event_type != SubEventType::AbductionForcedDisappearance),
                    "{text}: {e:?}"
                );
            }
        }
    }

    /// Issue 12: the actors named only after a harm are who it hit ("a patrol killed
    /// four rebels", "une patrouille a abattu quatre rebelles").
    #[test]
    fn issue12_the_object_of_a_harm_is_hit_by_it() {
        for (text, lang, who) in [
            (
                "On 4 May 2024, a patrol killed four rebels near Sora.",
                Lang::En,
                "four rebels",
            ),
            (
                "Le 4 mai 2024, une patrouille a abattu quatre rebelles près de Sora.",
                Lang::Fr,
                "quatre rebelles",
            ),
        ] {
            let date = if lang == Lang::En {
                "On 4 May 2024"
            } else {
                "Le 4 mai 2024"
            };
            let d = Doc::new(text, lang)
                .published("2024-05-05")
                .date(date, "2024-05-04", "2024-05-04")
                .actor(who, "Rebels", 2)
                .people(who, Some(4.0), None)
                .place("Sora", "ML", Some((15.0, -1.0)));
            let e = events(&d);
            assert!(!e.is_empty(), "{text}");
            assert_ne!(e[0].actor1.as_deref(), Some("Rebels"), "{text}: {e:?}");
            assert_eq!(e[0].actor2.as_deref(), Some("Rebels"), "{text}: {e:?}");
        }
    }

    /// Issue 12: a fight between state forces and people of no armed group is mob
    /// violence; with an armed group it stays a battle.
    #[test]
    fn issue12_police_against_a_crowd_is_mob_violence() {
        for (text, lang, police, crowd) in [
            (
                "On 4 May 2024, clashes broke out between police and students in Sora.",
                Lang::En,
                "police",
                "students",
            ),
            (
                "Le 4 mai 2024, des affrontements ont opposé la police et des étudiants à Sora.",
                Lang::Fr,
                "la police",
                "des étudiants",
            ),
        ] {
            let date = if lang == Lang::En {
                "On 4 May 2024"
            } else {
                "Le 4 mai 2024"
            };
            let d = Doc::new(text, lang)
                .published("2024-05-05")
                .date(date, "2024-05-04", "2024-05-04")
                .actor(police, "Police", 1)
                .actor(crowd, "Civilians", 7)
                .place("Sora", "ML", Some((15.0, -1.0)));
            let e = events(&d);
            assert!(!e.is_empty(), "{text}");
            assert_eq!(
                e[0].sub_event_type,
                SubEventType::MobViolence,
                "{text}: {e:?}"
            );
            assert_eq!(e[0].actor1.as_deref(), Some("Rioters"), "{text}");
            assert_eq!(e[0].actor2.as_deref(), Some("Police"), "{text}");
        }
        let d = Doc::new(
            "On 4 May 2024, clashes broke out between police and rebels in Sora.",
            Lang::En,
        )
        .published("2024-05-05")
        .date("On 4 May 2024", "2024-05-04", "2024-05-04")
        .actor("police", "Police", 1)
        .actor("rebels", "Rebels", 2)
        .place("Sora", "ML", Some((15.0, -1.0)));
        assert_eq!(events(&d)[0].sub_event_type, SubEventType::ArmedClash);
    }
}
