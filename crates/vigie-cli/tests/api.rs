//! The HTTP API (issue 5), against a real `vigie serve` over a real SQLite record made
//! from the bundled example reports.

mod common;

use common::{demo_record, Server};
use serde_json::Value;
use std::collections::BTreeSet;

fn demo_server(extra: &[&str]) -> (tempfile::TempDir, Server) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    demo_record(&db);
    let s = Server::start(&db, extra);
    (dir, s)
}

fn ids(events: &Value) -> Vec<String> {
    events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn issue5_api_pages_cover_every_event_once_in_date_order() {
    let (_d, s) = demo_server(&[]);
    let total = s.json("/api/stats")["events"].as_u64().unwrap();
    assert!(total >= 5, "the demo has events: {total}");
    let mut seen = Vec::new();
    let mut dates = Vec::new();
    let mut next = Some("/api/events?limit=2".to_string());
    while let Some(path) = next {
        let page = s.json(&path);
        assert!(page["events"].as_array().unwrap().len() <= 2);
        for e in page["events"].as_array().unwrap() {
            dates.push(e["from"].as_str().unwrap_or("").to_string());
        }
        seen.extend(ids(&page["events"]));
        next = page["next"].as_str().map(str::to_string);
    }
    assert_eq!(seen.len() as u64, total);
    assert_eq!(seen.iter().collect::<BTreeSet<_>>().len() as u64, total);
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
}

#[test]
fn issue5_api_filters_select_what_they_say() {
    let (_d, s) = demo_server(&[]);
    let all = s.json("/api/events?limit=10000")["events"].clone();
    let all = all.as_array().unwrap();
    // type (or sub-type)
    let battles = s.json("/api/events?type=Battles")["events"].clone();
    let want = all.iter().filter(|e| e["event_type"] == "Battles").count();
    assert!(want > 0);
    assert_eq!(battles.as_array().unwrap().len(), want);
    let sub = s.json("/api/events?sub_type=Air%2Fdrone%20strike")["events"].clone();
    assert!(sub
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["sub_event_type"] == "Air/drone strike"));
    assert!(!sub.as_array().unwrap().is_empty());
    // bbox: a box around the first located event holds it, and only events inside
    let e0 = all.iter().find(|e| e["lat"].is_number()).unwrap();
    let (lat, lon) = (e0["lat"].as_f64().unwrap(), e0["lon"].as_f64().unwrap());
    let bbox = format!("{},{},{},{}", lon - 0.5, lat - 0.5, lon + 0.5, lat + 0.5);
    let inside = s.json(&format!("/api/events?bbox={bbox}"))["events"].clone();
    assert!(ids(&inside).contains(&e0["id"].as_str().unwrap().to_string()));
    for e in inside.as_array().unwrap() {
        assert!((e["lat"].as_f64().unwrap() - lat).abs() <= 0.5);
        assert!((e["lon"].as_f64().unwrap() - lon).abs() <= 0.5);
    }
    let far = s.json("/api/events?bbox=100,-40,110,-30")["events"].clone();
    assert!(far.as_array().unwrap().is_empty());
    // period: events overlapping it
    let d = e0["from"].as_str().unwrap();
    let on_day = s.json(&format!("/api/events?from={d}&to={d}"))["events"].clone();
    for e in on_day.as_array().unwrap() {
        assert!(e["from"].as_str().unwrap() <= d);
        assert!(e["to"].as_str().unwrap_or(e["from"].as_str().unwrap()) >= d);
    }
    assert!(ids(&on_day).contains(&e0["id"].as_str().unwrap().to_string()));
    // box and period together
    let both = s.json(&format!("/api/events?bbox={bbox}&from={d}&to={d}"))["events"].clone();
    assert!(ids(&both).contains(&e0["id"].as_str().unwrap().to_string()));
    // actor, country, text, contested
    let a = e0["actor1"].as_str().unwrap();
    let by_actor =
        s.json(&format!("/api/events?actor={}", a.replace(' ', "%20")))["events"].clone();
    assert!(ids(&by_actor).contains(&e0["id"].as_str().unwrap().to_string()));
    let mali = s.json("/api/events?country=Mali")["events"].clone();
    assert!(mali
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["country"] == "ML"));
    let none = s.json("/api/events?q=zzzxqwv")["events"].clone();
    assert!(none.as_array().unwrap().is_empty());
    let contested = s.json("/api/events?contested=true")["events"].clone();
    assert!(contested
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["contested"] == true));
    // GeoJSON
    let g = s.json("/api/events?format=geojson");
    assert_eq!(g["type"], "FeatureCollection");
    assert_eq!(g["features"].as_array().unwrap().len(), all.len());
}

#[test]
fn issue5_api_event_document_and_spans() {
    let (_d, s) = demo_server(&[]);
    let all = s.json("/api/events?limit=10000")["events"].clone();
    let with_claims = all
        .as_array()
        .unwrap()
        .iter()
        .map(|e| s.json(&format!("/api/events/{}", e["id"].as_str().unwrap())))
        .find(|d| {
            d["reports"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| !r["claims"].as_array().unwrap().is_empty())
        })
        .expect("an event with claims");
    let r = &with_claims["reports"][0];
    assert!(r["rules"].as_array().is_some_and(|x| !x.is_empty()));
    assert!(r["document"]["id"].is_string());
    // the document: its text, and every span found in it points at its own words
    let doc = s.json(&format!(
        "/api/documents/{}",
        r["document"]["id"].as_str().unwrap()
    ));
    let text = doc["text"].as_str().unwrap().as_bytes();
    let mentions = doc["mentions"].as_array().unwrap();
    assert!(!mentions.is_empty());
    for m in mentions {
        let (a, b) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            std::str::from_utf8(&text[a..b]).unwrap(),
            m["data"]["span"]["text"].as_str().unwrap()
        );
    }
    for rep in doc["reports"].as_array().unwrap() {
        for e in rep["evidence"].as_array().unwrap() {
            let (a, b) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                std::str::from_utf8(&text[a..b]).unwrap(),
                e["text"].as_str().unwrap()
            );
        }
        assert!(rep["event_id"].is_string());
    }
    // unknown ids are 404 with a JSON message
    for path in ["/api/events/ev-0000000000000000", "/api/documents/nope"] {
        let r = s.get(path);
        assert_eq!(r.status, 404, "{path}");
        assert!(r.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("no "));
    }
}

#[test]
fn issue5_api_timeline_tracks_and_exports() {
    let (_d, s) = demo_server(&[]);
    let all = s.json("/api/events?limit=10000")["events"].clone();
    let dated = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["from"].is_string())
        .count() as u64;
    for bin in ["day", "week", "month"] {
        let t = s.json(&format!("/api/timeline?bin={bin}"));
        let sum: u64 = t["counts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["count"].as_u64().unwrap())
            .sum();
        assert_eq!(sum, dated, "{bin}");
    }
    let weeks = s.json("/api/timeline?bin=week");
    for c in weeks["counts"].as_array().unwrap() {
        let d =
            chrono::NaiveDate::parse_from_str(c["period"].as_str().unwrap(), "%Y-%m-%d").unwrap();
        assert_eq!(chrono::Datelike::weekday(&d), chrono::Weekday::Mon);
    }
    let tracks = s.json("/api/tracks?format=geojson");
    assert_eq!(tracks["type"], "FeatureCollection");
    assert!(!tracks["features"].as_array().unwrap().is_empty());
    // exports of a filtered selection
    let csv = s.get("/api/export?format=acled&type=Battles");
    assert_eq!(csv.status, 200);
    assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
    assert!(csv
        .header("content-disposition")
        .unwrap()
        .contains("attachment"));
    let text = csv.text();
    let mut lines = text.lines();
    assert_eq!(lines.next().unwrap().split(',').count(), 31);
    let battles = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["event_type"] == "Battles")
        .count();
    assert_eq!(lines.count(), battles);
    let jsonl = s.get("/api/export?format=jsonl").text();
    assert_eq!(jsonl.lines().count(), all.as_array().unwrap().len());
    for l in jsonl.lines() {
        let v: Value = serde_json::from_str(l).unwrap();
        assert!(v["reports"].is_array());
    }
    let g = s.get("/api/export?format=geojson").json();
    assert_eq!(g["type"], "FeatureCollection");
}

#[test]
fn issue5_api_describes_itself_in_openapi_3_1() {
    let (_d, s) = demo_server(&[]);
    let spec = s.json("/api/openapi.json");
    assert_eq!(spec["openapi"], "3.1.0");
    let paths = spec["paths"].as_object().unwrap();
    for p in [
        "/api/events",
        "/api/events/{id}",
        "/api/timeline",
        "/api/export",
        "/api/documents",
        "/api/documents/{id}",
        "/api/tracks",
    ] {
        assert!(paths.contains_key(p), "{p}");
    }
    // a validator that knows OpenAPI 3.1 accepts it
    if common::test_deps(
        "openapi",
        "skipped the validator: openapi-spec-validator is missing and scripts/test-deps.sh could not install it",
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("openapi.json");
        std::fs::write(&path, s.get("/api/openapi.json").body).unwrap();
        let out = std::process::Command::new("python3")
            .args([
                "-c",
                "import json, sys; from openapi_spec_validator import validate; validate(json.load(open(sys.argv[1])))",
            ])
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // every parameter-free GET it lists answers
    for (p, ops) in paths {
        if p.contains('{') || ops.get("get").is_none() {
            continue;
        }
        let r = s.get(p);
        assert!(r.status == 200 || r.status == 400, "{p}: {}", r.status);
    }
}

#[test]
fn issue5_api_errors_are_json_with_the_right_status() {
    let (_d, s) = demo_server(&[]);
    for (path, status) in [
        ("/api/events?bbox=1,2,3", 400),
        ("/api/events?bbox=5,5,1,1", 400),
        ("/api/events?from=2024-13-01", 400),
        ("/api/events?from=2024-05-01&to=2024-01-01", 400),
        ("/api/events?limit=0", 400),
        ("/api/events?limit=abc", 400),
        ("/api/events?colour=red", 400),
        ("/api/events?format=xml", 400),
        ("/api/timeline?bin=year", 400),
        ("/api/export?format=xlsx", 400),
        ("/api/nothing", 404),
    ] {
        let r = s.get(path);
        assert_eq!(r.status, status, "{path}: {}", r.text());
        assert!(
            r.header("content-type")
                .unwrap()
                .starts_with("application/json"),
            "{path}"
        );
        assert!(
            !r.json()["error"]["message"].as_str().unwrap().is_empty(),
            "{path}"
        );
    }
}

#[test]
fn issue5_server_refuses_traversal_and_sets_a_strict_csp() {
    let (_d, s) = demo_server(&[]);
    for path in [
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/..%2f..%2fCargo.toml",
        "/app.js/../../Cargo.toml",
        "//etc/passwd",
        "/index.html%00.js",
        "/web/src/app.js",
    ] {
        let r = s.get(path);
        assert_eq!(r.status, 404, "{path}: {}", r.text());
        assert!(!r.text().contains("[package]"), "{path}");
    }
    let page = s.get("/");
    assert_eq!(page.status, 200);
    assert!(page.text().contains("app.js"));
    for r in [&page, &s.get("/api/stats"), &s.get("/nothing")] {
        let csp = r
            .header("content-security-policy")
            .expect("a CSP on every response");
        assert!(csp.contains("default-src 'none'"));
        assert!(csp.contains("script-src 'self'"));
        assert!(!csp.contains("unsafe-inline"));
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    }
}

const TOKEN: &str = "test-token-0123456789abcdef";

const REPORT: &str = "Attaque près de Gao\n\n14 mars 2024\n\nLe 12 mars 2024, des hommes armés ont attaqué un poste de l'armée malienne à Bourem, tuant quatre soldats, selon une source sécuritaire.\n";

#[test]
fn issue5_ingest_needs_the_token_and_limits_bodies() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    demo_record(&db);
    {
        // without a token the server is read-only
        let s = Server::start(&db, &[]);
        let r = s.request("POST", "/api/documents", &[], REPORT.as_bytes());
        assert_eq!(r.status, 403, "{}", r.text());
    }
    let s = Server::start(&db, &["--token", TOKEN, "--max-body", "4096"]);
    let before = s.json("/api/stats")["documents"].as_u64().unwrap();
    let counted = |s: &Server| -> u64 {
        s.json("/api/timeline?bin=day")["counts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["count"].as_u64().unwrap())
            .sum()
    };
    let events_before = counted(&s);
    assert_eq!(counted(&s), events_before, "the same answer from the cache");
    let r = s.request("POST", "/api/documents", &[], REPORT.as_bytes());
    assert_eq!(r.status, 401, "{}", r.text());
    let r = s.request(
        "POST",
        "/api/documents",
        &[("Authorization", "Bearer wrong-token-0123456789")],
        REPORT.as_bytes(),
    );
    assert_eq!(r.status, 401);
    let auth = format!("Bearer {TOKEN}");
    let r = s.request(
        "POST",
        "/api/documents?name=bourem.txt",
        &[("Authorization", &auth)],
        REPORT.as_bytes(),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(r.json()["summary"]["new"], 1);
    assert_eq!(
        s.json("/api/stats")["documents"].as_u64().unwrap(),
        before + 1
    );
    // the same again changes nothing
    let r = s.request(
        "POST",
        "/api/documents",
        &[("Authorization", &auth)],
        REPORT.as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["summary"]["unchanged"], 1);
    // too big, empty, a name with folders
    let big = vec![b'a'; 10_000];
    let r = s.request("POST", "/api/documents", &[("Authorization", &auth)], &big);
    assert_eq!(r.status, 413, "{}", r.text());
    assert!(r.json()["error"]["message"].is_string());
    let r = s.request("POST", "/api/documents", &[("Authorization", &auth)], b"");
    assert_eq!(r.status, 400);
    let r = s.request(
        "POST",
        "/api/documents?name=../../etc/x.txt",
        &[("Authorization", &auth)],
        REPORT.as_bytes(),
    );
    assert_eq!(r.status, 400);
    // binary junk is kept as a failure, and said so
    let junk: Vec<u8> = (0..2000u32).map(|i| (i * 7919 % 251) as u8).collect();
    let r = s.request(
        "POST",
        "/api/documents?name=junk.bin",
        &[("Authorization", &auth)],
        &junk,
    );
    assert_eq!(r.status, 422, "{}", r.text());
    assert!(!s.json("/api/failures")["failures"]
        .as_array()
        .unwrap()
        .is_empty());
    // other write methods are refused
    let r = s.request("DELETE", "/api/events", &[("Authorization", &auth)], b"");
    assert_eq!(r.status, 405);
    assert!(r.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("DELETE"));
}

#[test]
fn issue5_serve_refuses_a_short_token_and_a_postgres_url() {
    let dir = tempfile::tempdir().unwrap();
    let o = common::vigie()
        .args(["serve", "--token", "short", "--db"])
        .arg(dir.path().join("x.sqlite"))
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("too short"));
    let o = common::vigie()
        .args(["serve", "--db", "postgres://localhost/vigie"])
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("PostgreSQL"));
}
