//! The `vigie` binary end to end: example reports, bad input, output contract.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn vigie() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vigie"))
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> Output {
    vigie().args(args).output().expect("vigie runs")
}

fn tmp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vigie-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn json_of(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "vigie failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

/// Every span of every mention slices the text it claims to.
fn assert_spans_slice(text: &str, v: &serde_json::Value) {
    let bytes = text.as_bytes();
    for facet in ["places", "dates", "quantities", "actors"] {
        for m in v[facet].as_array().unwrap() {
            let s = &m["span"];
            let (a, b) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert!(a < b && b <= bytes.len(), "{facet} span {a}..{b}");
            assert_eq!(
                &text[a..b],
                s["text"].as_str().unwrap(),
                "{facet} span text"
            );
        }
    }
}

#[test]
fn extract_example_report_follows_the_contract() {
    let path = repo().join("examples/reports/fr-convoi-gao-2024-03-12.txt");
    let out = run(&["extract", path.to_str().unwrap(), "--format", "json"]);
    let v = json_of(&out);
    assert_eq!(v["format"], "1");
    for k in [
        "document",
        "places",
        "dates",
        "quantities",
        "actors",
        "events",
        "movements",
    ] {
        assert!(v.get(k).is_some(), "missing {k}");
    }
    assert_eq!(v["document"]["lang"], "fr");
    // the header "12/03/2024 – Rédaction" gives the publication date
    assert_eq!(v["document"]["published"], "2024-03-12");
    let text = std::fs::read_to_string(&path).unwrap();
    assert_spans_slice(&text, &v);
    assert!(v["places"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["name"] == "Gao"));
}

#[test]
fn published_and_lang_flags_override() {
    let path = repo().join("examples/reports/en-drone-strike-2024-05-20.txt");
    let out = run(&[
        "extract",
        path.to_str().unwrap(),
        "--format",
        "json",
        "--published",
        "2024-06-01",
        "--lang",
        "en",
    ]);
    let v = json_of(&out);
    assert_eq!(v["document"]["published"], "2024-06-01");
    assert_eq!(v["document"]["lang"], "en");
}

#[test]
fn stdin_is_read() {
    let mut child = vigie()
        .args([
            "extract",
            "-",
            "--format",
            "json",
            "--published",
            "2024-10-09",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Mardi, le convoi a quitté Kidal.".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let v = json_of(&out);
    assert_eq!(v["dates"][0]["value"], "2024-10-08");
}

#[test]
fn empty_file_gets_a_clear_error() {
    let p = tmp("empty.txt", b"");
    let out = run(&["extract", p.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty"));
}

#[test]
fn binary_file_gets_a_clear_error() {
    let mut junk = b"\x7fELF\x02\x01\x01\0\0\0\0\0".to_vec();
    junk.extend((0..10_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
    let p = tmp("junk.bin", &junk);
    let out = run(&["extract", p.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary"));
}

#[test]
fn invalid_utf8_is_replaced_and_reported() {
    let mut b = "Le 5 octobre, des soldats ont quitté Gao selon des témoins."
        .as_bytes()
        .to_vec();
    b.insert(3, 0xC3); // a lone lead byte
    let p = tmp("bad-utf8.txt", &b);
    let out = run(&[
        "extract",
        p.to_str().unwrap(),
        "--format",
        "json",
        "--published",
        "2024-10-09",
    ]);
    let v = json_of(&out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid UTF-8"));
    let text = String::from_utf8_lossy(&b).into_owned();
    assert_spans_slice(&text, &v);
}

#[test]
fn text_with_no_places_gives_an_empty_list() {
    let p = tmp(
        "noplace.txt",
        "Rien ne s'est passé hier, disent-ils, et personne n'a rien vu.".as_bytes(),
    );
    let out = run(&[
        "extract",
        p.to_str().unwrap(),
        "--format",
        "json",
        "--published",
        "2024-10-09",
    ]);
    let v = json_of(&out);
    assert_eq!(v["places"].as_array().unwrap().len(), 0);
}

#[test]
fn hundred_megabyte_file_is_read_in_bounded_memory() {
    let unit =
        std::fs::read_to_string(repo().join("examples/reports/fr-convoi-gao-2024-03-12.txt"))
            .unwrap();
    let mut big = String::with_capacity(100 * 1024 * 1024 + unit.len());
    while big.len() < 100 * 1024 * 1024 {
        big.push_str(&unit);
        big.push_str("\n\n");
    }
    let p = tmp("big.txt", big.as_bytes());
    drop(big);
    let out = run(&[
        "extract",
        p.to_str().unwrap(),
        "--format",
        "json",
        "--published",
        "2024-03-12",
    ]);
    std::fs::remove_file(&p).ok();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let n = v["places"].as_array().unwrap().len();
    assert!(n > 1000, "places found in every copy: {n}");
}

#[test]
fn unknown_language_flag_is_refused() {
    let path = repo().join("examples/reports/en-drone-strike-2024-05-20.txt");
    let out = run(&["extract", path.to_str().unwrap(), "--lang", "de"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("fr and en"));
}

#[test]
fn user_data_folder_extends_actors_and_places_without_rebuild() {
    let dir = std::env::temp_dir().join(format!("vigie-user-data-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // a made-up place and a made-up armed group, unknown to the embedded data
    std::fs::write(
        dir.join("places.tsv"),
        "# name\tlat\tlon\tcountry\tfeature\tpopulation\taliases\nOuarzazir-Tessit\t16.1\t0.9\tML\tPPL\t0\tOuarzazir\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("actors.tsv"),
        "Front Imaginaire\tFront Imaginaire du Test\t2\tML\trebel\t-\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("aliases.tsv"),
        "Front imaginaire du Test\tFront Imaginaire\nFIT\tFront Imaginaire\n",
    )
    .unwrap();
    let report = tmp(
        "user.txt",
        "Le 3 mai, des combattants du FIT ont attaqué un poste à Ouarzazir, selon des habitants."
            .as_bytes(),
    );
    let args = [
        "extract",
        report.to_str().unwrap(),
        "--format",
        "json",
        "--published",
        "2024-05-04",
    ];
    let plain = json_of(&run(&args));
    let names = |v: &serde_json::Value, k: &str, f: &str| -> Vec<String> {
        v[k].as_array()
            .unwrap()
            .iter()
            .map(|m| m[f].as_str().unwrap_or("").to_string())
            .collect()
    };
    assert!(!names(&plain, "places", "name").contains(&"Ouarzazir-Tessit".to_string()));
    assert!(!names(&plain, "actors", "actor").contains(&"Front Imaginaire".to_string()));
    let mut with = vigie();
    with.args(args).env("VIGIE_DATA", &dir);
    let v = json_of(&with.output().unwrap());
    assert!(
        names(&v, "places", "name").contains(&"Ouarzazir-Tessit".to_string()),
        "{v}"
    );
    assert!(
        names(&v, "actors", "actor").contains(&"Front Imaginaire".to_string()),
        "{v}"
    );
}

#[test]
fn broken_user_data_gets_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("vigie-bad-data-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("places.tsv"), "Somewhere\tnorth\t1.0\tML\n").unwrap();
    let report = repo().join("examples/reports/en-drone-strike-2024-05-20.txt");
    let out = vigie()
        .args(["extract", report.to_str().unwrap()])
        .env("VIGIE_DATA", &dir)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("places.tsv") && err.contains("not a number"),
        "{err}"
    );
}
