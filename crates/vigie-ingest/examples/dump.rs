//! Prints what vigie-ingest reads from the given paths (files or folders):
//! `cargo run --example dump -- PATH...`.

fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args_os().skip(1).map(Into::into).collect();
    let files = match vigie_ingest::expand(&paths) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    for f in files {
        let name = f.to_string_lossy().into_owned();
        let bytes = match std::fs::read(&f) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{name}: {e}");
                continue;
            }
        };
        for r in vigie_ingest::read_source(&name, Some(&name), &bytes) {
            match r {
                Ok(i) => {
                    let text = String::from_utf8_lossy(&i.bytes);
                    let head: String = text.chars().take(300).collect();
                    println!(
                        "== {} [{}] title={:?} url={:?} outlet={:?} published={:?} lang={:?} ({} bytes)\n{}\n",
                        i.source, i.format, i.title, i.url, i.outlet, i.published, i.lang, i.bytes.len(), head
                    );
                }
                Err(e) => println!("!! {} [{:?}] {}\n", e.source, e.format, e.error),
            }
        }
    }
}
