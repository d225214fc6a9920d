//! The analyst's page (issue 5) in a real browser: headless Chromium (Debian's package)
//! driven by playwright-core, both installed by `scripts/test-deps.sh browser`. The
//! scenarios are in `web/e2e/desk.test.mjs`; screenshots go to
//! `target/e2e-screenshots/`.

mod common;

use common::{demo_record, Server};
use std::path::Path;
use std::process::Command;

const TOKEN: &str = "e2e-token-0123456789abcdef";

#[test]
fn issue5_page_in_chromium_map_timeline_panel_and_hostile_reports() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    if !common::test_deps(
        "browser",
        "skipped: Chromium or playwright-core is missing and scripts/test-deps.sh could not install them",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    demo_record(&db);
    let server = Server::start(&db, &["--token", TOKEN]);
    let shots = root.join("target/e2e-screenshots");
    let out = Command::new("node")
        .args(["--test", "--test-reporter=spec", "e2e/"])
        .current_dir(root.join("web"))
        .env("VIGIE_URL", server.url())
        .env("VIGIE_TOKEN", TOKEN)
        .env("VIGIE_SHOTS", &shots)
        .env(
            "VIGIE_HOSTILE",
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile"),
        )
        .output()
        .expect("node runs");
    let report = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    println!("{report}");
    assert!(out.status.success(), "browser tests failed:\n{report}");
    for shot in ["map.png", "brushed.png", "event.png", "hostile-0.png"] {
        assert!(shots.join(shot).exists(), "screenshot {shot}");
    }
}
