//! Times HTML extraction on a generated 10 MB page: `cargo run --release --example bench_html`.

fn main() {
    let mut page = String::from("<html><body><nav><a href=/>Accueil</a></nav><div class=content>");
    while page.len() < 10_000_000 {
        page.push_str("<div class=\"bloc\"><p>Un paragraphe d'exemple, avec des virgules, et un <a href=\"/l\">lien</a> au milieu du texte.</p><ul><li>un</li><li>deux</li></ul></div>\n");
    }
    page.push_str("</div></body></html>");
    let t = std::time::Instant::now();
    let n = vigie_ingest::html::Tokenizer::new(&page).count();
    println!("tokenize: {:?} ({n} tokens)", t.elapsed());
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let p = vigie_ingest::html::extract(&page);
        let el = t.elapsed();
        println!(
            "extract: {:?} for {} MB -> {} bytes of text ({:.1} MB/s)",
            el,
            page.len() / 1_000_000,
            p.text.len(),
            page.len() as f64 / 1e6 / el.as_secs_f64()
        );
    }
}
