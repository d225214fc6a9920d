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

/// Issue 12: `vigie eval --acled` reads an ACLED export (HXL row included), filters it,
/// scores each note's first event, prints the confusion matrix and the wrong notes.
#[test]
fn issue12_eval_acled_scores_notes_against_their_coding() {
    let csv = "event_id_cnty,event_date,year,event_type,sub_event_type,actor1,actor2,country,admin1,location,latitude,longitude,notes,fatalities\n\
#event+code,#date+occurred,#date+year,#event+type,,#group+name+first,,#country+name,#adm1+name,#loc+name,#geo+lat,#geo+lon,#description,#affected+killed\n\
T1,2019-04-02,2019,Protests,Peaceful protest,Protesters (Mali),,Mali,Bamako,Bamako,12.65,-8.0,\"On 2 April 2019, hundreds of traders protested in Bamako against new market taxes.\",0\n\
T2,03 April 2019,2019,Explosions/Remote violence,Remote explosive/landmine/IED,Unidentified Armed Group (Mali),Military Forces of Mali (2013-),Mali,Mopti,Douentza,15.0,-2.95,\"On 3 April 2019, an army truck hit an IED near Douentza.\",0\n\
T3,5-Apr-18,2018,Protests,Peaceful protest,Protesters (Niger),,Niger,Niamey,Niamey,13.51,2.11,\"On 5 April 2018, students protested in Niamey.\",0\n";
    let f = tmp("acled.csv", csv.as_bytes());
    let json = tmp("acled-figures.json", b"");
    let out = run(&[
        "eval",
        "--acled",
        f.to_str().unwrap(),
        "--country",
        "Mali",
        "--misses",
        "5",
        "--json",
        json.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.starts_with("2 ACLED notes"), "{stdout}");
    assert!(stdout.contains("ACLED \\ Vigie"), "{stdout}");
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(v["notes"], 2);
    assert_eq!(v["figures"]["event type"]["of"], 2);
    // the years filter keeps the 2018 note only
    let out = run(&["eval", "--acled", f.to_str().unwrap(), "--years", "2018"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("1 ACLED notes"));
    // a CSV that is not an export is refused with its name
    let bad = tmp("not-acled.csv", b"a,b\n1,2\n");
    let out = run(&["eval", "--acled", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("event_date"));
}

/// Issue 12: `--part K/N` splits the documents by id, the same way every time, and the
/// parts cover every document once.
#[test]
fn issue12_eval_parts_split_documents_stably() {
    let mut lines = String::new();
    for i in 0..12 {
        lines.push_str(&format!(
            "{{\"id\": \"doc-{i}\", \"lang\": \"en\", \"published\": \"2024-05-0{}\", \"text\": \"Soldiers patrolled near Gao on Monday.\", \"gold\": {{\"events\": []}}}}\n",
            1 + i % 9
        ));
    }
    let f = tmp("parts.jsonl", lines.as_bytes());
    let docs = |part: &str| -> u64 {
        let json = tmp(&format!("part-{}.json", part.replace('/', "-")), b"");
        let out = run(&[
            "eval",
            f.to_str().unwrap(),
            "--part",
            part,
            "--misses",
            "0",
            "--json",
            json.to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
        v["docs"].as_u64().unwrap()
    };
    let (a, b) = (docs("1/2"), docs("2/2"));
    assert_eq!(a + b, 12);
    assert!(a > 0 && b > 0, "{a} / {b}");
    assert_eq!(docs("1/2"), a, "the split does not change between runs");
    assert!(!run(&["eval", f.to_str().unwrap(), "--part", "3/2"])
        .status
        .success());
}

/// Issue 12: `extract --format text` shows the events (type, days, place, actors,
/// fatalities, claims, rules) and the movements, not only the mentions.
#[test]
fn issue12_text_output_shows_events_and_movements() {
    let p = tmp(
        "issue12-text.txt",
        "Le 4 juin 2024, des hommes armés ont tué sept civils près de Gao, selon des élus locaux. \
         Le lendemain, un convoi de l'armée malienne a quitté Gao en direction de Ménaka."
            .as_bytes(),
    );
    let out = run(&[
        "extract",
        p.to_str().unwrap(),
        "--lang",
        "fr",
        "--published",
        "2024-06-06",
        "--format",
        "text",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\nevents ("), "{text}");
    assert!(
        text.contains("Violence against civilians / Attack · 2024-06-04 · Gao"),
        "{text}"
    );
    assert!(text.contains("low 7 · best 7 · high 7"), "{text}");
    assert!(text.contains("vs  Civilians"), "{text}");
    assert!(text.contains("(hedged)"), "{text}");
    assert!(text.contains("rules       "), "{text}");
    assert!(text.contains("\nmovements (1)"), "{text}");
    assert!(text.contains("departed     FAMa convoy · Gao"), "{text}");
}
