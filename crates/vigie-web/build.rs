//! Builds the web page from `web/` (npm packages bundled by esbuild, see
//! `web/build.mjs`) into `OUT_DIR`, and writes the table that embeds its files.
//!
//! - `VIGIE_WEB_DIST=DIR`: embed an already built folder instead (no Node.js needed).
//! - Otherwise Node.js and npm must be installed: `npm ci` runs once (and again when
//!   `web/package-lock.json` changes), then the bundle is built. Nothing is fetched from
//!   a CDN; the page needs no network when it runs.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let web = manifest
        .join("../../web")
        .canonicalize()
        .expect("the web/ folder");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    println!("cargo:rerun-if-env-changed=VIGIE_WEB_DIST");
    for f in ["package.json", "package-lock.json", "build.mjs", "src"] {
        println!("cargo:rerun-if-changed={}", web.join(f).display());
    }
    let dist = match std::env::var_os("VIGIE_WEB_DIST") {
        Some(d) => PathBuf::from(d),
        None => {
            let dist = out.join("web");
            build(&web, &dist);
            dist
        }
    };
    let mut files = Vec::new();
    collect(&dist, &dist, &mut files);
    files.sort();
    if !files.iter().any(|f| f == "index.html") {
        panic!(
            "{} has no index.html: is it a built web page?",
            dist.display()
        );
    }
    let mut table = String::from(
        "/// The page's files: (path, bytes).\npub static FILES: &[(&str, &[u8])] = &[\n",
    );
    for f in &files {
        let full = dist.join(f);
        table.push_str(&format!(
            "    ({f:?}, include_bytes!({:?})),\n",
            full.display().to_string()
        ));
    }
    table.push_str("];\n");
    std::fs::write(out.join("files.rs"), table).unwrap();
}

fn build(web: &Path, dist: &Path) {
    // two build-script runs (say, the dev and test profiles) may start together: the
    // first to create the lock folder installs, the other waits (a lock older than ten
    // minutes is a crashed run's, and is taken over)
    let lock = web.join(".npm-install.lock");
    let started = std::time::Instant::now();
    while std::fs::create_dir(&lock).is_err() {
        let stale = std::fs::metadata(&lock)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() > 600);
        if stale || started.elapsed().as_secs() > 600 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    install(web);
    let _ = std::fs::remove_dir(&lock);
    run(
        Command::new("node")
            .arg("build.mjs")
            .arg(dist)
            .current_dir(web),
        "node build.mjs (bundling the page)",
    );
}

fn install(web: &Path) {
    let installed = web.join("node_modules/.package-lock.json");
    let lock = web.join("package-lock.json");
    let stale = match (std::fs::metadata(&installed), std::fs::metadata(&lock)) {
        (Ok(i), Ok(l)) => i.modified().ok() < l.modified().ok(),
        _ => true,
    };
    if stale {
        run(
            Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund", "--ignore-scripts"])
                .current_dir(web),
            "npm ci (installing the page's npm packages)",
        );
    }
}

fn run(cmd: &mut Command, what: &str) {
    match cmd.status() {
        Ok(s) if s.success() => {}
        Ok(s) => panic!("{what} failed ({s}); see its output above"),
        Err(e) => panic!(
            "{what}: cannot run it ({e}). Building Vigie's web page needs Node.js and npm; \
             or set VIGIE_WEB_DIST to a folder built by `scripts/build-web.sh`"
        ),
    }
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
    for e in entries {
        let p = e.unwrap().path();
        if p.is_dir() {
            collect(root, &p, out);
        } else {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push(rel);
        }
    }
}
