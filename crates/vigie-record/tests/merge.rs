//! Merging rules on hand-made reports, and the record over a real SQLite file.

use chrono::NaiveDate;
use vigie_model::{Event, PlaceMention, SpanText};
use vigie_record::merge::{compatible, ReportKey};
use vigie_record::{EventFilter, Record, SqliteStore, Store};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn place(name: &str, lat: f64, lon: f64) -> PlaceMention {
    PlaceMention {
        span: SpanText {
            start: 0,
            end: 0,
            text: String::new(),
        },
        name: name.into(),
        geonameid: None,
        lat: Some(lat),
        lon: Some(lon),
        country: "ML".into(),
        admin1: None,
        admin2: None,
        feature: "PPL".into(),
        geo_precision: 1,
        score: 1.0,
        relative: None,
        unresolved: false,
    }
}

fn event(sub: &str, from: &str, to: &str, at: PlaceMention, a1: &str, a2: Option<&str>) -> Event {
    let event_type = match sub {
        "Armed clash" => "Battles",
        "Other" => "Strategic developments",
        _ => "Explosions/Remote violence",
    };
    Event {
        event_type: event_type.parse().unwrap(),
        sub_event_type: sub.parse().unwrap(),
        from: Some(d(from)),
        to: Some(d(to)),
        time_precision: 1,
        location: Some(at),
        geo_precision: 1,
        actor1: Some(a1.into()),
        assoc_actor1: vec![],
        actor2: a2.map(Into::into),
        assoc_actor2: vec![],
        civilian_targeting: false,
        fatalities: None,
        wounded: None,
        claims: vec![],
        evidence: vec![],
        rules: vec![],
    }
}

fn gao() -> PlaceMention {
    place("Gao", 16.27, -0.04)
}

fn key(e: &Event) -> ReportKey {
    ReportKey::of(e, e.to)
}

#[test]
fn issue4_same_battle_told_twice_matches_with_reasons() {
    let a = event(
        "Armed clash",
        "2024-05-01",
        "2024-05-01",
        gao(),
        "JNIM",
        Some("FAMa"),
    );
    let b = event(
        "Armed clash",
        "2024-05-02",
        "2024-05-02",
        place("near Gao", 16.35, -0.10),
        "FAMa",
        Some("JNIM"),
    );
    let m = compatible(&key(&a), &key(&b)).expect("one battle");
    assert!(m.reasons.iter().any(|r| r.contains("actors in common")));
    assert!(m.reasons.iter().any(|r| r.contains("km apart")));
}

#[test]
fn issue4_different_days_places_types_or_actors_do_not_match() {
    let a = event(
        "Armed clash",
        "2024-05-01",
        "2024-05-01",
        gao(),
        "JNIM",
        Some("FAMa"),
    );
    let later = event(
        "Armed clash",
        "2024-05-05",
        "2024-05-05",
        gao(),
        "JNIM",
        Some("FAMa"),
    );
    let far = event(
        "Armed clash",
        "2024-05-01",
        "2024-05-01",
        place("Kidal", 18.44, 1.41),
        "JNIM",
        Some("FAMa"),
    );
    let strike = event(
        "Air/drone strike",
        "2024-05-01",
        "2024-05-01",
        gao(),
        "FAMa",
        Some("JNIM"),
    );
    let others = event(
        "Armed clash",
        "2024-05-01",
        "2024-05-01",
        gao(),
        "IS Sahel",
        Some("CSP-DPA"),
    );
    for b in [later, far, strike, others] {
        assert!(compatible(&key(&a), &key(&b)).is_none(), "{b:?}");
    }
}

fn doc_with(
    id_text: &str,
    url: &str,
    outlet: &str,
    events: Vec<Event>,
) -> vigie_record::NewDocument {
    let text = id_text.to_string();
    let document = vigie_model::Document {
        id: vigie_model::content_id(&text),
        text,
        lang: vigie_model::Lang::En,
        published: Some(d("2024-05-03")),
        title: None,
        outlet: Some(outlet.into()),
        url: Some(url.into()),
    };
    let mut extraction = vigie_model::Extraction::empty(&document);
    extraction.events = events;
    vigie_record::NewDocument {
        document,
        extraction,
        source: url.into(),
        format: "text".into(),
    }
}

#[test]
fn issue4_reports_merge_into_one_event_with_a_stable_id_and_contested_figures() {
    let dir = tempfile::tempdir().unwrap();
    let mut rec = Record::new(SqliteStore::open(&dir.path().join("r.sqlite")).unwrap());
    let mut a = event(
        "Air/drone strike",
        "2024-05-01",
        "2024-05-01",
        gao(),
        "FAMa",
        Some("Civilians"),
    );
    a.fatalities = Some(vigie_model::Fatalities {
        low: Some(7),
        best: Some(7),
        high: Some(7),
        best_rule: None,
    });
    let mut b = a.clone();
    b.actor2 = Some("JNIM".into());
    b.fatalities = Some(vigie_model::Fatalities {
        low: Some(1),
        best: Some(1),
        high: Some(2),
        best_rule: None,
    });
    rec.add_batch(
        &[doc_with(
            "first",
            "https://a.example/1",
            "a.example",
            vec![a],
        )],
        &[],
    )
    .unwrap();
    let id = rec.store().events(&EventFilter::default()).unwrap()[0]
        .id
        .clone();
    rec.add_batch(
        &[doc_with(
            "second",
            "https://b.example/1",
            "b.example",
            vec![b],
        )],
        &[],
    )
    .unwrap();
    let all = rec.store().events(&EventFilter::default()).unwrap();
    assert_eq!(all.len(), 1);
    let e = &all[0];
    assert_eq!(e.id, id, "a report that joins does not change the id");
    assert_eq!(
        (e.fatalities.low, e.fatalities.best, e.fatalities.high),
        (Some(1), Some(1), Some(7))
    );
    assert_eq!(e.sources, 2);
    assert!(e.contested, "{:?}", e.contested_why);
    let detail = rec.store().event(&id).unwrap().unwrap();
    assert_eq!(detail.report_list.len(), 2);
    assert!(!detail.report_list[1].reasons.is_empty());
}

#[test]
fn issue4_a_documents_own_events_stay_apart() {
    let mut rec = Record::new(SqliteStore::in_memory().unwrap());
    let a = event(
        "Armed clash",
        "2024-05-01",
        "2024-05-01",
        gao(),
        "JNIM",
        Some("FAMa"),
    );
    let b = event(
        "Armed clash",
        "2024-05-01",
        "2024-05-01",
        place("Gao east", 16.28, -0.02),
        "JNIM",
        Some("FAMa"),
    );
    rec.add_batch(
        &[doc_with(
            "two attacks",
            "https://a.example/2",
            "a.example",
            vec![a, b],
        )],
        &[],
    )
    .unwrap();
    assert_eq!(
        rec.store().events(&EventFilter::default()).unwrap().len(),
        2
    );
}

#[test]
fn issue4_a_bridging_report_fuses_pieces_but_not_what_one_document_tells_apart() {
    let day1 = event(
        "Armed clash",
        "2024-05-01",
        "2024-05-01",
        gao(),
        "JNIM",
        Some("FAMa"),
    );
    let day3 = event(
        "Armed clash",
        "2024-05-03",
        "2024-05-03",
        gao(),
        "JNIM",
        Some("FAMa"),
    );
    let span = event(
        "Armed clash",
        "2024-05-01",
        "2024-05-03",
        gao(),
        "JNIM",
        Some("FAMa"),
    );
    // two outlets tell day one and day three; a third tells the three days: one event
    let mut rec = Record::new(SqliteStore::in_memory().unwrap());
    rec.add_batch(
        &[doc_with(
            "a",
            "https://a.example/1",
            "a.example",
            vec![day1.clone()],
        )],
        &[],
    )
    .unwrap();
    rec.add_batch(
        &[doc_with(
            "b",
            "https://b.example/1",
            "b.example",
            vec![day3.clone()],
        )],
        &[],
    )
    .unwrap();
    assert_eq!(
        rec.store().events(&EventFilter::default()).unwrap().len(),
        2
    );
    rec.add_batch(
        &[doc_with(
            "c",
            "https://c.example/1",
            "c.example",
            vec![span.clone()],
        )],
        &[],
    )
    .unwrap();
    let all = rec.store().events(&EventFilter::default()).unwrap();
    assert_eq!(all.len(), 1, "{all:?}");
    // one document that tells the two days as two events keeps them apart
    let mut rec = Record::new(SqliteStore::in_memory().unwrap());
    rec.add_batch(
        &[doc_with(
            "a",
            "https://a.example/1",
            "a.example",
            vec![day1, day3],
        )],
        &[],
    )
    .unwrap();
    rec.add_batch(
        &[doc_with(
            "c",
            "https://c.example/1",
            "c.example",
            vec![span],
        )],
        &[],
    )
    .unwrap();
    assert_eq!(
        rec.store().events(&EventFilter::default()).unwrap().len(),
        2
    );
}
