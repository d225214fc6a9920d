//! Tracks: the movements of one unit or convoy across documents, ordered in time, with
//! the speed each leg implies and a flag when a leg is faster than a column can go.

use crate::merge::haversine_km;
use crate::model::{Leg, StoredMovement, Track, Waypoint};
use chrono::NaiveDate;

/// The fastest a vehicle column is taken to cover ground, km per day. Desert convoys in
/// the Sahel make a few hundred km on a good day; a leg above this is flagged.
pub const MAX_KM_PER_DAY: f64 = 500.0;

/// A silence longer than this (days) between two movements of one actor starts a new track.
pub const TRACK_GAP_DAYS: i64 = 30;

/// When a movement happened, as far as its document tells: its own dates, else the
/// document's publication day (it happened by then).
fn when(m: &StoredMovement) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let mv = &m.movement;
    match (mv.from, mv.to) {
        (None, None) => (m.document.published, m.document.published),
        (f, t) => (f.or(t), t.or(f)),
    }
}

/// Builds the tracks of one actor from all its movements.
pub fn build(actor: &str, mut moves: Vec<StoredMovement>) -> Vec<Track> {
    moves.sort_by(|a, b| {
        let (af, at) = when(a);
        let (bf, bt) = when(b);
        (af, at, &a.document.published, &a.document.id).cmp(&(
            bf,
            bt,
            &b.document.published,
            &b.document.id,
        ))
    });
    let mut waypoints: Vec<Waypoint> = Vec::new();
    for m in &moves {
        let (from, to) = when(m);
        let place = m.movement.place.as_ref();
        let name = place.map(|p| p.name.clone());
        let point = place.and_then(|p| p.point());
        if let Some(w) = waypoints.iter_mut().find(|w| {
            w.status == m.movement.status.as_str()
                && w.place == name
                && w.from == from
                && w.to == to
        }) {
            if !w.documents.contains(&m.document.id) {
                w.documents.push(m.document.id.clone());
                w.evidence.push(m.movement.evidence.text.clone());
            }
            continue;
        }
        waypoints.push(Waypoint {
            status: m.movement.status.to_string(),
            place: name,
            lat: point.map(|p| p.0),
            lon: point.map(|p| p.1),
            from,
            to,
            documents: vec![m.document.id.clone()],
            evidence: vec![m.movement.evidence.text.clone()],
        });
    }
    // split at long silences
    let mut groups: Vec<Vec<Waypoint>> = Vec::new();
    for w in waypoints {
        let start_new = match groups.last().and_then(|g| g.last()) {
            None => true,
            Some(prev) => match (prev.to.or(prev.from), w.from.or(w.to)) {
                (Some(a), Some(b)) => (b - a).num_days() > TRACK_GAP_DAYS,
                _ => false,
            },
        };
        if start_new {
            groups.push(vec![w]);
        } else if let Some(g) = groups.last_mut() {
            g.push(w);
        }
    }
    groups
        .into_iter()
        .map(|waypoints| {
            let legs = legs(&waypoints);
            let from = waypoints.iter().filter_map(|w| w.from).min();
            let to = waypoints.iter().filter_map(|w| w.to).max();
            let id = crate::merge::mix64(&format!(
                "{actor}\u{1f}{}",
                from.map_or(String::new(), |d| d.to_string())
            ));
            Track {
                id: format!("tr-{id:016x}"),
                actor: actor.to_string(),
                from,
                to,
                plausible: legs.iter().all(|l| l.plausible),
                legs,
                waypoints,
            }
        })
        .collect()
}

/// Legs between consecutive located waypoints at different places.
pub fn legs(waypoints: &[Waypoint]) -> Vec<Leg> {
    let located: Vec<(usize, &Waypoint)> = waypoints
        .iter()
        .enumerate()
        .filter(|(_, w)| w.lat.is_some() && w.lon.is_some())
        .collect();
    let mut out = Vec::new();
    for pair in located.windows(2) {
        let ((i, a), (j, b)) = (pair[0], pair[1]);
        let (Some(pa), Some(pb)) = (a.lat.zip(a.lon), b.lat.zip(b.lon)) else {
            continue;
        };
        let km = haversine_km(pa, pb);
        if km < 1.0 {
            continue;
        }
        // the shortest time the dates allow, at least one day
        let days = match (a.to.or(a.from), b.from.or(b.to)) {
            (Some(x), Some(y)) => ((y - x).num_days() as f64).max(1.0),
            _ => continue,
        };
        let speed = km / days;
        out.push(Leg {
            from: i,
            to: j,
            km: (km * 10.0).round() / 10.0,
            days,
            km_per_day: (speed * 10.0).round() / 10.0,
            plausible: speed <= MAX_KM_PER_DAY,
        });
    }
    out
}
