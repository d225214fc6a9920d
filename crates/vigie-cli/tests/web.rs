//! The analyst's page (issue 5) in a real browser: headless Chromium (Debian's package)
//! driven by playwright-core, both installed by `scripts/test-deps.sh browser`. The
//! scenarios are in `web/e2e/desk.test.mjs`; screenshots go to
//! `target/e2e-screenshots/`.

mod common;

use common::{demo_record, Server};
use std::path::Path;
use std::process::Command;

const TOKEN: &str = "e2e-token-0123456789abcdef";

/// Installs Chromium and playwright-core when missing; false (the test then says why it
/// skipped) only when the machine refuses, e.g. no root for Debian packages.
fn browser_ready(root: &Path) -> bool {
    let ok = Command::new("bash")
        .arg(root.join("scripts/test-deps.sh"))
        .arg("browser")
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("skipped: Chromium or playwright-core is missing and scripts/test-deps.sh could not install them");
    }
    ok
}

#[test]
fn issue5_page_in_chromium_map_timeline_panel_and_hostile_reports() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    if !browser_ready(&root) {
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
