//! The gold corpus in `../shared/corpus`, when present (CI has it; a user's clone does not).
//! These tests assert what must never break; the scores themselves are measured by
//! `vigie eval`, not asserted here.

use std::path::PathBuf;
use std::process::Command;

fn shared() -> Option<PathBuf> {
    vigie_testkit::shared(env!("CARGO_MANIFEST_DIR"), "corpus/seed.gold.json")
}

#[test]
fn no_gold_document_fails_and_every_seed_date_is_right() {
    let Some(sh) = shared() else { return };
    let seed = sh.join("corpus/seed.gold.json");
    let dev = sh.join("corpus/dev.jsonl");
    let json = std::env::temp_dir().join(format!("vigie-eval-{}.json", std::process::id()));
    let out = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args([
            "eval",
            seed.to_str().unwrap(),
            dev.to_str().unwrap(),
            "--misses",
            "0",
            "--json",
        ])
        .arg(&json)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(v["failed"], 0, "{}", String::from_utf8_lossy(&out.stdout));

    // every date of the seed, exactly
    let out = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["eval", seed.to_str().unwrap(), "--misses", "100"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let dates = stdout.lines().find(|l| l.starts_with("dates")).unwrap();
    let counts = dates.split_whitespace().last().unwrap();
    let fn_ = counts.split('/').nth(2).unwrap();
    assert_eq!(fn_, "0", "a seed date is wrong or missed:\n{stdout}");
}

#[test]
fn eval_agrees_with_the_reference_scorer() {
    let Some(sh) = shared() else { return };
    if Command::new("python3").arg("--version").output().is_err() {
        vigie_testkit::missing("python3 is not installed");
        return;
    }
    let seed = sh.join("corpus/seed.gold.json");
    let dev = sh.join("corpus/dev.jsonl");
    let ours = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args([
            "eval",
            seed.to_str().unwrap(),
            dev.to_str().unwrap(),
            "--misses",
            "0",
        ])
        .output()
        .unwrap();
    let theirs = Command::new("python3")
        .arg(sh.join("tools/score.py"))
        .args(["--bin", env!("CARGO_BIN_EXE_vigie")])
        .args([seed.to_str().unwrap(), dev.to_str().unwrap()])
        .output()
        .unwrap();
    let table = |o: &std::process::Output| -> Vec<String> {
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .filter(|l| {
                [
                    "places",
                    "dates",
                    "quantities",
                    "actors",
                    "events",
                    "movements",
                    "on matched",
                ]
                .iter()
                .any(|f| l.starts_with(f))
            })
            .map(str::to_string)
            .collect()
    };
    assert_eq!(
        table(&ours),
        table(&theirs),
        "vigie eval and score.py disagree"
    );
}

/// Issue 3: on the seed, every gold event and every gold movement is found.
#[test]
fn issue3_every_seed_event_and_movement_is_found() {
    let Some(sh) = shared() else { return };
    let seed = sh.join("corpus/seed.gold.json");
    let out = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["eval", seed.to_str().unwrap(), "--misses", "100"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    for facet in ["events", "movements"] {
        let line = stdout
            .lines()
            .find(|l| l.starts_with(facet))
            .unwrap_or_else(|| panic!("no {facet} line:\n{stdout}"));
        let counts = line.split_whitespace().last().unwrap();
        let fn_ = counts.split('/').nth(2).unwrap();
        assert_eq!(fn_, "0", "a seed {facet} is missed:\n{stdout}");
    }
}

/// Issue 4: `vigie eval`'s merge score and `tools/merge_score.py` on the events of a record
/// that ingested `dev.jsonl` agree, and no two real events are merged into one.
#[test]
fn issue4_merge_score_agrees_with_the_reference_and_merges_no_two_real_events() {
    let Some(sh) = shared() else { return };
    if Command::new("python3").arg("--version").output().is_err() {
        vigie_testkit::missing("python3 is not installed");
        return;
    }
    let dev = sh.join("corpus/dev.jsonl");
    let dir = std::env::temp_dir().join(format!("vigie-merge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("dev.sqlite");
    let vigie = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_vigie"))
            .args(args)
            .arg("--db")
            .arg(&db)
            .output()
            .unwrap()
    };
    assert!(vigie(&["ingest", dev.to_str().unwrap()]).status.success());
    let events = vigie(&["events", "--format", "jsonl"]);
    let jsonl = dir.join("events.jsonl");
    std::fs::write(&jsonl, &events.stdout).unwrap();
    let theirs = Command::new("python3")
        .arg(sh.join("tools/merge_score.py"))
        .arg(&jsonl)
        .arg(&dev)
        .env("MERGE_JSON", dir.join("merge.json"))
        .output()
        .unwrap();
    let ours = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["eval", dev.to_str().unwrap(), "--misses", "0"])
        .output()
        .unwrap();
    let figures = |o: &std::process::Output| -> String {
        let s = String::from_utf8_lossy(&o.stdout).into_owned();
        let line = s
            .lines()
            .find(|l| l.starts_with("merge B3"))
            .unwrap_or_else(|| panic!("no merge line in {s}"))
            .to_string();
        line.split(" over ").next().unwrap().to_string()
    };
    let (a, b) = (figures(&ours), figures(&theirs));
    assert_eq!(a, b, "vigie eval and merge_score.py disagree");
    assert!(a.contains("precision 1.000"), "{a}");
    let _ = std::fs::remove_dir_all(&dir);
}
