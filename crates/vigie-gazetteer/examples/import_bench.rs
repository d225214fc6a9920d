//! Import benchmark: generates a GeoNames-format file of N rows (default 2,000,000) with
//! synthetic names and realistic alternates, imports it, writes the index, and reports
//! import time, index size on disk, peak RSS (VmHWM) and lookup latency (median, p99).
//!
//! usage: import_bench [ROWS] [WORKDIR]

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;
use vigie_gazetteer::{import, Gazetteer};

const SYL: &[&str] = &[
    "ta", "ti", "tin", "za", "ou", "a", "ke", "dal", "ga", "o", "me", "na", "ka", "ber", "si",
    "kha", "gh", "ar", "is", "lit", "mo", "pti", "se", "gou", "bou", "rem", "es", "sa", "ko", "n",
];

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn name(r: &mut Rng) -> String {
    let k = 2 + r.below(3);
    let mut s = String::new();
    for _ in 0..k {
        s.push_str(SYL[r.below(SYL.len() as u64) as usize]);
    }
    let mut c = s.chars();
    let first = c.next().map(|x| x.to_ascii_uppercase()).unwrap_or('X');
    let mut out = String::new();
    out.push(first);
    out.extend(c);
    out
}

fn vm_hwm_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rows: usize = args
        .first()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2_000_000);
    let dir = args
        .get(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("vigie-import-bench"));
    std::fs::create_dir_all(&dir).expect("work dir");
    let dump = dir.join("synthetic.txt");
    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    let mut names = Vec::new();
    {
        let f = std::fs::File::create(&dump).expect("create");
        let mut w = std::io::BufWriter::new(f);
        let codes = ["PPL", "PPL", "PPL", "WLL", "WAD", "HLL", "PPLA2", "ADM2"];
        for i in 0..rows {
            let n = name(&mut r);
            let alts: Vec<String> = (0..r.below(5))
                .map(|k| match k {
                    0 => n.replace("ou", "w"),
                    1 => format!("Ti-n-{}", n),
                    2 => n.to_uppercase(),
                    _ => name(&mut r),
                })
                .collect();
            let code = codes[r.below(codes.len() as u64) as usize];
            let class = if code.starts_with("PPL") {
                'P'
            } else if code.starts_with("ADM") {
                'A'
            } else {
                'H'
            };
            let lat = (r.below(180_000) as f64) / 1000.0 - 90.0;
            let lon = (r.below(360_000) as f64) / 1000.0 - 180.0;
            let pop = if class == 'P' { r.below(50_000) } else { 0 };
            writeln!(
                w,
                "{}\t{}\t{}\t{}\t{:.5}\t{:.5}\t{}\t{}\tXX\t\t{:02}\t\t\t\t{}\t\t0\tAfrica/Bamako\t2024-01-01",
                1_000_000 + i,
                n,
                n,
                alts.join(","),
                lat,
                lon,
                class,
                code,
                r.below(20),
                pop
            )
            .expect("write");
            if i % 1000 == 0 {
                names.push(n);
            }
        }
    }
    let dump_size = std::fs::metadata(&dump).map(|m| m.len()).unwrap_or(0);
    let t = Instant::now();
    let (g, st) = import(std::slice::from_ref(&dump)).expect("import");
    let import_s = t.elapsed().as_secs_f64();
    let idx = dir.join("synthetic.vgz");
    let t = Instant::now();
    g.write(&idx).expect("write");
    let write_s = t.elapsed().as_secs_f64();
    let idx_size = std::fs::metadata(&idx).map(|m| m.len()).unwrap_or(0);
    let t = Instant::now();
    let g2 = Gazetteer::open(&idx).expect("open");
    let open_ms = t.elapsed().as_secs_f64() * 1000.0;
    // lookup latency: names present, and misses
    let mut lat_ns = Vec::new();
    let mut found = 0usize;
    for (k, n) in names.iter().enumerate() {
        let q = if k % 2 == 0 {
            n.clone()
        } else {
            format!("{n}qx")
        };
        let t = Instant::now();
        let h = g2.lookup(&q);
        lat_ns.push(t.elapsed().as_nanos() as u64);
        found += usize::from(!h.is_empty());
    }
    lat_ns.sort_unstable();
    let med = lat_ns[lat_ns.len() / 2];
    let p99 = lat_ns[lat_ns.len() * 99 / 100];
    println!(
        "rows {} ({:.0} MB dump), places {}, keys {}, bad {}; import {:.1}s, write {:.1}s, open {:.0} ms; index {:.0} MB; peak RSS {:.0} MB; lookup (3 levels) median {:.1} µs, p99 {:.1} µs over {} queries ({} hits)",
        st.rows,
        dump_size as f64 / 1e6,
        g.len(),
        g.key_count(),
        st.bad_rows,
        import_s,
        write_s,
        open_ms,
        idx_size as f64 / 1e6,
        vm_hwm_kb() as f64 / 1024.0,
        med as f64 / 1000.0,
        p99 as f64 / 1000.0,
        lat_ns.len(),
        found
    );
    let _ = std::fs::remove_file(&dump);
    let _ = std::fs::remove_file(&idx);
}
