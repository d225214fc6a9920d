//! Golden files: the extraction of each example report, reviewed in the diff.
//! Regenerate with `VIGIE_BLESS=1 cargo test -p vigie-cli --test golden`.

use std::path::Path;

#[test]
fn example_reports_match_their_golden_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let bless = std::env::var_os("VIGIE_BLESS").is_some();
    let mut failures = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(root.join("examples/reports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    assert!(!names.is_empty());
    for report in names {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_vigie"))
            .args(["extract", report.to_str().unwrap(), "--format", "json"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let got = String::from_utf8(out.stdout).unwrap();
        let file = golden.join(report.with_extension("json").file_name().unwrap());
        if bless {
            std::fs::write(&file, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&file).unwrap_or_default();
        if want != got {
            failures.push(file.display().to_string());
        }
    }
    assert!(
        failures.is_empty(),
        "extraction changed for {failures:?}; review with VIGIE_BLESS=1 and git diff"
    );
}
