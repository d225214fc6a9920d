//! The record (issue 4): ingest, idempotence, crash safety, malformed inputs, exports.
//! Each test runs the real binary on a real SQLite file in a temporary folder.

mod common;

use common::vigie;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;
use vigie_record::{EventFilter, SqliteStore, Store};

fn run(args: &[&str], db: &Path) -> Output {
    vigie()
        .args(args)
        .arg("--db")
        .arg(db)
        .output()
        .expect("vigie runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn synth(dir: &Path, n: u64) -> PathBuf {
    let out = vigie()
        .args(["synth", &n.to_string()])
        .output()
        .expect("synth");
    assert!(out.status.success());
    let p = dir.join("synth.jsonl");
    std::fs::write(&p, out.stdout).unwrap();
    p
}

/// Documents, reports, events (ids) and movements of a record.
fn snapshot(db: &Path) -> (u64, u64, Vec<String>, u64) {
    let s = SqliteStore::open(db).unwrap();
    s.check_integrity().unwrap();
    let st = s.stats().unwrap();
    let mut ids: Vec<String> = s
        .events(&EventFilter::default())
        .unwrap()
        .into_iter()
        .map(|e| e.id)
        .collect();
    ids.sort();
    (st.documents, st.reports, ids, st.movements)
}

#[test]
fn issue4_ingest_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    let src = synth(dir.path(), 120);
    let first = run(&["ingest", src.to_str().unwrap()], &db);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stderr(&first).contains("120 new"), "{}", stderr(&first));
    let before = snapshot(&db);
    let second = run(&["ingest", src.to_str().unwrap()], &db);
    assert!(second.status.success());
    assert!(
        stderr(&second).contains("0 new, 0 updated, 120 unchanged"),
        "{}",
        stderr(&second)
    );
    assert_eq!(snapshot(&db), before);
    assert_eq!(before.0, 120);
    assert!(before.1 > 0 && !before.2.is_empty());
}

#[test]
fn issue4_a_large_json_lines_file_read_piece_by_piece_gives_the_same_record() {
    let dir = tempfile::tempdir().unwrap();
    let src = synth(dir.path(), 300);
    // a broken line in the middle: its failure names the file's own line number
    let mut text = std::fs::read_to_string(&src).unwrap();
    let at = text.match_indices('\n').nth(149).unwrap().0 + 1;
    text.insert_str(at, "{\"text\": broken\n");
    std::fs::write(&src, &text).unwrap();
    let whole = dir.path().join("whole.sqlite");
    let pieces = dir.path().join("pieces.sqlite");
    let a = run(&["ingest", src.to_str().unwrap()], &whole);
    let b = run(
        &["ingest", src.to_str().unwrap(), "--stream-above", "1000"],
        &pieces,
    );
    assert_eq!(a.status.code(), Some(1));
    assert_eq!(b.status.code(), Some(1));
    assert_eq!(snapshot(&whole), snapshot(&pieces));
    let f = failures(&pieces);
    assert_eq!(f.len(), 1);
    assert!(f[0].source.ends_with("#151"), "{}", f[0].source);
}

#[test]
fn issue4_a_changed_page_at_the_same_url_is_a_new_version() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    let line = |text: &str| {
        serde_json::json!({"text": text, "url": "https://example.org/a", "outlet": "example.org",
            "published": "2024-05-02", "lang": "en"})
        .to_string()
    };
    let a = dir.path().join("a.jsonl");
    std::fs::write(
        &a,
        line("Gunmen attacked a police post in Gao on 1 May 2024, killing two officers."),
    )
    .unwrap();
    assert!(run(&["ingest", a.to_str().unwrap()], &db).status.success());
    std::fs::write(
        &a,
        line("Gunmen attacked a police post in Gao on 1 May 2024, killing three officers."),
    )
    .unwrap();
    let o = run(&["ingest", a.to_str().unwrap()], &db);
    assert!(stderr(&o).contains("0 new, 1 updated"), "{}", stderr(&o));
    assert_eq!(snapshot(&db).0, 2, "the old version is kept");
}

#[test]
fn issue4_killing_an_ingest_leaves_a_consistent_record_and_the_next_run_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let src = synth(dir.path(), 1500);
    // the reference: one clean run
    let clean = dir.path().join("clean.sqlite");
    let o = run(&["ingest", src.to_str().unwrap(), "--batch", "25"], &clean);
    assert!(o.status.success(), "{}", stderr(&o));
    let want = snapshot(&clean);
    // the same ingest, killed again and again at different moments
    let db = dir.path().join("crashed.sqlite");
    let mut killed = 0;
    for delay_ms in [150u64, 300, 450, 600, 800, 1000] {
        let mut child = vigie()
            .args(["ingest", src.to_str().unwrap(), "--batch", "25", "--db"])
            .arg(&db)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            killed += 1;
        }
        let _ = child.wait();
        // whatever moment it died, the file is sound and holds whole batches only
        let (docs, _, _, _) = snapshot(&db);
        assert!(docs <= want.0);
    }
    assert!(
        killed > 0,
        "the ingest finished before any kill; the test proves nothing"
    );
    let o = run(&["ingest", src.to_str().unwrap(), "--batch", "25"], &db);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        snapshot(&db),
        want,
        "after the crashes the record equals a clean run's"
    );
}

fn ingest_one(dir: &Path, name: &str, bytes: &[u8]) -> (Output, PathBuf) {
    let inbox = dir.join(format!("in-{name}"));
    std::fs::create_dir_all(&inbox).unwrap();
    std::fs::write(inbox.join(name), bytes).unwrap();
    let db = dir.join(format!("{name}.sqlite"));
    (run(&["ingest", inbox.to_str().unwrap()], &db), db)
}

fn failures(db: &Path) -> Vec<vigie_record::Failure> {
    SqliteStore::open(db).unwrap().failures().unwrap()
}

#[test]
fn issue4_truncated_html_still_gives_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let html = "<html><head><title>Attaque à Gao</title></head><body><article><p>Des hommes armés \
                ont attaqué un poste de police à Gao le 3 mai 2024, tuant deux policiers.</p><p>Selon un élu lo";
    let (o, db) = ingest_one(dir.path(), "page.html", html.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let s = SqliteStore::open(&db).unwrap();
    assert_eq!(s.stats().unwrap().documents, 1);
    let hits = s.search("policiers", 5).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].document.title.as_deref(), Some("Attaque à Gao"));
}

#[test]
fn issue4_an_invalid_feed_is_kept_with_its_error() {
    let dir = tempfile::tempdir().unwrap();
    let xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Fil</title>\
               <item><title>Un</title><description>Texte</description></item><item><title>Deux</titl";
    let (o, db) = ingest_one(dir.path(), "feed.xml", xml.as_bytes());
    assert_eq!(o.status.code(), Some(1), "a failure shows in the exit code");
    let f = failures(&db);
    assert!(!f.is_empty());
    assert!(f[0].source.contains("feed.xml"));
    assert!(!f[0].content.is_empty(), "the bytes are kept");
    assert!(stderr(&o).contains("failed"));
}

#[test]
fn issue4_a_broken_json_line_fails_alone() {
    let dir = tempfile::tempdir().unwrap();
    let good = |t: &str| {
        serde_json::json!({"text": t, "published": "2024-05-02", "lang": "en"}).to_string()
    };
    let body = format!(
        "{}\n{{\"text\": \"broken\n{}\n",
        good("Gunmen attacked a police post in Gao on 1 May 2024."),
        good("A drone strike hit a market in Ménaka on 2 May 2024.")
    );
    let (o, db) = ingest_one(dir.path(), "docs.jsonl", body.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        SqliteStore::open(&db).unwrap().stats().unwrap().documents,
        2
    );
    let f = failures(&db);
    assert_eq!(f.len(), 1);
    assert!(
        f[0].error.contains('2') || f[0].source.contains('2'),
        "{:?}",
        f[0]
    );
}

#[test]
fn issue4_invalid_utf8_is_read_with_a_note_and_binary_junk_is_quarantined() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = b"Des hommes armes ont attaque Gao le 3 mai 2024. ".to_vec();
    text.extend_from_slice(&[0xff, 0xfe]);
    text.extend_from_slice(b" Deux morts selon la police.\n");
    let (o, db) = ingest_one(dir.path(), "report.txt", &text);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        SqliteStore::open(&db).unwrap().stats().unwrap().documents,
        1
    );

    let junk: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
    let (o, db) = ingest_one(dir.path(), "junk.bin", &junk);
    assert_eq!(o.status.code(), Some(1));
    let f = failures(&db);
    assert_eq!(f.len(), 1);
    assert!(f[0].error.contains("binary"), "{}", f[0].error);
}

#[test]
fn issue4_an_empty_file_and_an_empty_folder_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let (o, db) = ingest_one(dir.path(), "empty.txt", b"");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(failures(&db).len(), 1);

    let empty = dir.path().join("nothing-here");
    std::fs::create_dir_all(&empty).unwrap();
    let db = dir.path().join("e.sqlite");
    let o = run(&["ingest", empty.to_str().unwrap()], &db);
    assert!(o.status.success());
    assert!(stderr(&o).contains("nothing to ingest"), "{}", stderr(&o));
}

#[test]
fn issue4_a_100_mb_file_is_ingested() {
    let dir = tempfile::tempdir().unwrap();
    let para = "Le 3 mai 2024, des hommes armés ont attaqué un poste de la gendarmerie à Gao, \
                tuant deux gendarmes selon une source locale. Les assaillants ont fui vers Ansongo.\n\n";
    let mut s = String::with_capacity(100 * 1024 * 1024 + para.len());
    while s.len() < 100 * 1024 * 1024 {
        s.push_str(para);
    }
    let (o, db) = ingest_one(dir.path(), "big.txt", s.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let st = SqliteStore::open(&db).unwrap().stats().unwrap();
    assert_eq!(st.documents, 1);
    assert!(st.reports >= 1);
}

#[test]
fn issue4_acled_export_has_exactly_acleds_31_columns() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    let src = synth(dir.path(), 40);
    assert!(run(&["ingest", src.to_str().unwrap()], &db)
        .status
        .success());
    let o = run(&["events", "--format", "acled"], &db);
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = String::from_utf8(o.stdout).unwrap();
    let header = csv.lines().next().unwrap();
    assert_eq!(
        header.split(',').collect::<Vec<_>>(),
        vigie_record::export::ACLED_COLUMNS.to_vec()
    );
    assert!(csv.lines().count() > 5);
    // GeoJSON and JSON Lines parse
    let g = run(&["events", "--format", "geojson"], &db);
    let v: serde_json::Value = serde_json::from_slice(&g.stdout).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let j = run(&["events", "--format", "jsonl"], &db);
    for line in String::from_utf8(j.stdout).unwrap().lines() {
        let e: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(e["reports"][0]["document"]["id"].is_string());
    }
}

#[test]
fn issue4_demo_finds_events() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    let o = vigie()
        .args(["demo", "--no-serve", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let st = SqliteStore::open(&db).unwrap().stats().unwrap();
    assert!(st.events >= 3, "{st:?}");
    assert!(String::from_utf8_lossy(&o.stdout).contains("Air/drone strike"));
}

#[test]
fn issue4_acled_export_loads_in_pandas_and_readr_without_warnings() {
    if !common::test_deps(
        "acled-readers",
        "skipped: pandas or R's readr is missing and scripts/test-deps.sh could not install them",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    let src = synth(dir.path(), 400);
    assert!(run(&["ingest", src.to_str().unwrap()], &db)
        .status
        .success());
    let o = run(&["events", "--format", "acled"], &db);
    assert!(o.status.success());
    let csv = dir.path().join("acled.csv");
    std::fs::write(&csv, &o.stdout).unwrap();
    let rows = String::from_utf8_lossy(&o.stdout).lines().count() - 1;
    assert!(rows > 50);
    let cols = vigie_record::export::ACLED_COLUMNS
        .iter()
        .map(|c| format!("'{c}'"))
        .collect::<Vec<_>>()
        .join(",");
    let py = format!(
        "import warnings, pandas as pd\nwarnings.simplefilter('error')\n\
         df = pd.read_csv({path:?})\nassert list(df.columns) == [{cols}], list(df.columns)\n\
         assert len(df) == {rows}, len(df)\nassert df['fatalities'].dtype.kind == 'i'\n\
         assert df['latitude'].dtype.kind == 'f'\nprint('pandas ok')\n",
        path = csv.to_str().unwrap()
    );
    let out = Command::new("python3").args(["-c", &py]).output().unwrap();
    assert!(
        out.status.success(),
        "pandas: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = format!(
        "options(warn = 2)\nsuppressPackageStartupMessages(library(readr))\n\
         df <- read_csv({path:?}, show_col_types = FALSE, progress = FALSE)\n\
         if (nrow(problems(df)) > 0) {{ print(problems(df)); quit(status = 3) }}\n\
         if (ncol(df) != 31 || nrow(df) != {rows}) quit(status = 4)\n\
         if (!identical(names(df), c({cols}))) quit(status = 5)\n\
         cat('readr ok\\n')\n",
        path = csv.to_str().unwrap(),
        cols = vigie_record::export::ACLED_COLUMNS
            .iter()
            .map(|c| format!("\"{c}\""))
            .collect::<Vec<_>>()
            .join(",")
    );
    let pq = dir.path().join("acled.parquet");
    let o = run(
        &[
            "events",
            "--format",
            "parquet",
            "--out",
            pq.to_str().unwrap(),
        ],
        &db,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let py = format!(
        "import warnings, pandas as pd\nwarnings.simplefilter('error')\n\
         df = pd.read_parquet({path:?})\nassert list(df.columns) == [{cols}], list(df.columns)\n\
         assert len(df) == {rows}, len(df)\nassert df['fatalities'].dtype.kind == 'i'\n\
         assert str(df['event_date'].iloc[0])[:2] in ('19', '20')\nprint('parquet ok')\n",
        path = pq.to_str().unwrap()
    );
    let out = Command::new("python3").args(["-c", &py]).output().unwrap();
    assert!(
        out.status.success(),
        "parquet: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = Command::new("Rscript").args(["-e", &r]).output().unwrap();
    assert!(
        out.status.success(),
        "readr ({:?}): {}{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
