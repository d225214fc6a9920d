//! Casualties: the dead and the wounded a sentence counts, as (low, best, high) with
//! `low ≤ best ≤ high`.

use super::*;

/// A figure of the dead or wounded: (low, best, high).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Count {
    pub(super) low: Option<i64>,
    pub(super) best: Option<i64>,
    pub(super) high: Option<i64>,
    /// How `best` was chosen.
    pub(super) rule: &'static str,
    /// Read from a vague figure ("dozens", "des centaines"): a count of the same event
    /// replaces it.
    pub(super) vague: bool,
}

impl Count {
    /// The same figure with `low ≤ best ≤ high` wherever both sides are known: a best
    /// estimate below the floor rises to it, one above the ceiling falls to it, and a
    /// ceiling below the floor is dropped as inconsistent.
    pub(super) fn ordered(mut self) -> Count {
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

pub(super) fn int(x: f64) -> i64 {
    x.round() as i64
}

/// The best estimate of one figure and how it was chosen: the figure itself when the
/// text gives one ("sept", "about 40"); otherwise the floor the text supports, the same
/// as `low` ("des dizaines", "dozens" → 20 by SCHEMA.md's convention; "more than 30" →
/// 30), so that the best estimate never falls below the most conservative one.
pub(super) fn best_of(q: &QuantityMention) -> (Option<i64>, &'static str) {
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
pub(super) fn is_vague(q: &QuantityMention) -> bool {
    q.value.is_none() && q.high.is_none() && q.approx
}

/// The dead and the wounded the sentence counts: counts of people next to a death or
/// wound word; counts joined by "et"/"and"/"," add up ("47 soldats et 84 mercenaires").
///
/// With a trigger (`trig`, and the sentence's other triggers `others`), only the counts
/// nearer to it than to any other trigger are its own ("six civilians were killed
/// Tuesday by drone fire where the army suffered losses on Saturday during fighting": the
/// six belong to the drone fire).
pub(super) fn casualties(
    inp: &Inputs<'_>,
    s: &Sentence,
    trig: Option<Span>,
    others: &[Span],
) -> (Option<Count>, Option<Count>) {
    // a count introduced by "dont", "including", "among them" is part of the total
    // before it, not a total of its own ("21 civils tués, dont 11 enfants")
    let part_of_total = |q: &QuantityMention| {
        let w = s.word_at(q.span.start);
        (w.saturating_sub(2)..w).any(|k| s.is(Word::PartOf, k))
    };
    let people: Vec<&QuantityMention> = s
        .quantities
        .iter()
        .copied()
        .filter(|q| q.unit.as_deref() == Some("people"))
        // the attackers counted as the subject of their act are no toll ("six jihadists
        // opened fire on a truck, killing one": one dead; "une trentaine d'assaillants
        // ont attaqué le poste"), unless the act is itself a death or a wound ("three
        // soldiers killed in an ambush")
        .filter(|q| {
            let Some(t) = trig else { return true };
            let (qe, ts) = (s.word_at(q.span.end), s.word_at(t.start));
            let subject = q.span.end <= t.start && ts - qe <= 1;
            let harm = [CueKind::Death, CueKind::Wounded]
                .into_iter()
                .any(|k| s.cues(k).any(|c| c.first <= ts + 1 && c.end > ts));
            !subject || harm
        })
        .filter(|q| {
            let Some(t) = trig else { return true };
            let own = distance(q.span.span(), t);
            others
                .iter()
                .filter(|o| !o.overlaps(t))
                .all(|o| distance(q.span.span(), *o) >= own)
        })
        .collect();
    // the distance from a count to the nearest cue of a kind: a verb right before the
    // count governs it ("the army killed five militants, wounded one": five dead; "ont
    // tué trois soldats, blessé deux": three dead), as does a word inside the count
    let near = |q: &QuantityMention, kind: CueKind| -> Option<usize> {
        let (w0, w1) = (s.word_at(q.span.start), s.word_at(q.span.end));
        s.cues(kind)
            .map(|c| {
                if c.first >= w0 && c.first < w1 || c.end == w0 {
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
                && s.is(Word::PassiveAux, c.first - 1)
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
    // "le chef de la patrouille a été tué", "a gendarme died of his wounds": one dead
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

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use super::*;

    fn count(low: Option<i64>, best: Option<i64>, high: Option<i64>) -> Count {
        Count {
            low,
            best,
            high,
            rule: "test",
            vague: false,
        }
    }

    #[test]
    fn ordered_keeps_best_between_low_and_high() {
        let c = count(Some(20), Some(10), None).ordered();
        assert_eq!((c.low, c.best, c.high), (Some(20), Some(20), None));
        let c = count(Some(5), Some(9), Some(7)).ordered();
        assert_eq!(c.best, Some(7));
        let c = count(Some(9), Some(9), Some(4)).ordered();
        assert_eq!((c.best, c.high), (Some(9), None));
    }

    #[test]
    fn a_vague_figure_is_read_at_its_floor() {
        let q = QuantityMention {
            span: Span::new(0, 6).with_text("dozens"),
            value: None,
            low: Some(20.0),
            high: None,
            unit: Some("people".into()),
            approx: true,
        };
        assert!(is_vague(&q));
        assert_eq!(best_of(&q).0, Some(20));
    }

    fn tolls(d: &Doc) -> (Option<Count>, Option<Count>) {
        d.with_sentences(|inp, s| casualties(inp, &s[0], None, &[]))
    }

    #[test]
    fn the_dead_and_the_wounded_are_counted_apart() {
        let d = Doc::new(
            "Sept civils ont été tués et trois autres blessés.",
            Lang::Fr,
        )
        .people("Sept civils", Some(7.0), None)
        .people("trois autres", Some(3.0), None);
        let (dead, wounded) = tolls(&d);
        assert_eq!(dead.and_then(|c| c.low), Some(7));
        assert_eq!(wounded.and_then(|c| c.low), Some(3));
    }

    #[test]
    fn figures_side_by_side_add_up_and_a_part_does_not() {
        let d = Doc::new("Twelve soldiers and five militiamen were killed.", Lang::En)
            .people("Twelve soldiers", Some(12.0), None)
            .people("five militiamen", Some(5.0), None);
        assert_eq!(tolls(&d).0.and_then(|c| c.best), Some(17));
        let d = Doc::new("Neuf civils ont été tués, dont quatre enfants.", Lang::Fr)
            .people("Neuf civils", Some(9.0), None)
            .people("quatre enfants", Some(4.0), None);
        assert_eq!(tolls(&d).0.and_then(|c| c.best), Some(9));
    }

    #[test]
    fn one_person_named_dead_counts_one() {
        for (text, lang) in [
            ("A shepherd was killed overnight near the well.", Lang::En),
            ("Un berger a été tué dans la nuit près du puits.", Lang::Fr),
        ] {
            let d = Doc::new(text, lang);
            assert_eq!(tolls(&d).0.and_then(|c| c.best), Some(1), "{text}");
        }
    }
}
