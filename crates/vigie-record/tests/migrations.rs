//! A record written by an older Vigie opens in this one, its events found by the new
//! indexes (issue 5: migration 003 moved events into a place × time R*Tree).

use rusqlite::Connection;
use vigie_record::{EventFilter, SqliteStore, Store};

#[test]
fn issue5_a_version_2_record_is_migrated_and_its_events_found_by_box_and_period() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v2.sqlite");
    {
        // the schema as version 2 left it, with one located event
        let c = Connection::open(&db).unwrap();
        c.execute_batch(include_str!("../migrations/001_record.sql"))
            .unwrap();
        c.execute_batch(include_str!("../migrations/002_events_time.sql"))
            .unwrap();
        c.execute_batch(
            "PRAGMA user_version = 2;
             INSERT INTO events (seq, id, event_type, sub_event_type, date_from, date_to,
                 time_precision, location, lat, lon, geo_precision, country, sources, reports,
                 created_at, updated_at)
             VALUES (7, 'ev-old', 'Battles', 'Armed clash', '2023-11-14', '2023-11-14', 1,
                 'Kidal', 18.44, 1.41, 1, 'ML', 1, 1, 0, 0);
             INSERT INTO events_time (id, kind0, kind1, t0, t1) VALUES (7, 0, 0, 19675, 19675);
             INSERT INTO events_rtree (id, min_lon, max_lon, min_lat, max_lat)
                 VALUES (7, 1.41, 1.41, 18.44, 18.44);",
        )
        .unwrap();
    }
    let s = SqliteStore::open(&db).unwrap();
    assert_eq!(s.schema_version().unwrap(), 3);
    let day = chrono::NaiveDate::from_ymd_opt(2023, 11, 14).unwrap();
    let found = |bbox, from, to| {
        s.events(&EventFilter {
            bbox,
            from,
            to,
            ..EventFilter::default()
        })
        .unwrap()
        .into_iter()
        .map(|e| e.id)
        .collect::<Vec<_>>()
    };
    assert_eq!(
        found(Some((1.0, 18.0, 2.0, 19.0)), Some(day), Some(day)),
        ["ev-old"]
    );
    assert_eq!(found(Some((1.0, 18.0, 2.0, 19.0)), None, None), ["ev-old"]);
    assert_eq!(found(None, Some(day), Some(day)), ["ev-old"]);
    assert!(found(Some((3.0, 18.0, 4.0, 19.0)), None, None).is_empty());
    let next_day = day.succ_opt().unwrap();
    assert!(found(Some((1.0, 18.0, 2.0, 19.0)), Some(next_day), None).is_empty());
    s.check_integrity().unwrap();
    // a reader opens it too, and refuses nothing
    let r = SqliteStore::open_read_only(&db).unwrap();
    assert_eq!(r.stats().unwrap().events, 1);
}
