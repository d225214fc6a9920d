//! Commands over a record: `ingest`, `events`, `event`, `tracks`, `search`, `failures`.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};
use vigie_extract::{Config, Pipeline, RawInput};
use vigie_record::{
    export, EventFilter, Failure, NewDocument, Record, SqliteStore, Store, Summary,
};

/// Where the record is.
#[derive(clap::Args, Clone)]
pub struct DbArg {
    /// The record's SQLite file [default: a file in your data directory].
    #[arg(long, env = "VIGIE_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
}

impl DbArg {
    /// The record's path: `--db`, `VIGIE_DB`, else `$XDG_DATA_HOME/vigie/record.sqlite`
    /// (or `~/.local/share/vigie/record.sqlite`).
    pub fn path(&self) -> Result<PathBuf> {
        if let Some(p) = &self.db {
            return Ok(p.clone());
        }
        let base = match std::env::var_os("XDG_DATA_HOME").filter(|s| !s.is_empty()) {
            Some(d) => PathBuf::from(d),
            None => {
                let home = std::env::var_os("HOME")
                    .filter(|s| !s.is_empty())
                    .context("no --db given, and neither XDG_DATA_HOME nor HOME is set")?;
                PathBuf::from(home).join(".local").join("share")
            }
        };
        Ok(base.join("vigie").join("record.sqlite"))
    }

    /// Opens the record.
    pub fn open(&self) -> Result<Record<SqliteStore>> {
        let p = self.path()?;
        let store =
            SqliteStore::open(&p).with_context(|| format!("opening the record {}", p.display()))?;
        Ok(Record::new(store))
    }
}

/// Arguments of `vigie ingest`.
#[derive(clap::Args)]
pub struct IngestArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Files or folders (read recursively); `-` for standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Documents per transaction.
    #[arg(long, default_value_t = 256)]
    pub batch: usize,
    /// No progress line.
    #[arg(long, short)]
    pub quiet: bool,
    /// JSON Lines files larger than this many bytes are read piece by piece.
    #[arg(long, default_value_t = STREAM_JSON_LINES_ABOVE, hide = true)]
    pub stream_above: u64,
}

fn cap(bytes: &[u8]) -> Vec<u8> {
    bytes[..bytes.len().min(vigie_record::MAX_QUARANTINE_BYTES)].to_vec()
}

/// Reads, extracts and keeps documents; used by `ingest` and `demo`.
pub struct Ingester<'a> {
    pipeline: &'a Pipeline,
    record: &'a mut Record<SqliteStore>,
    batch: usize,
    pending: Vec<(vigie_ingest::Item, String)>,
    failures: Vec<Failure>,
    /// What happened so far.
    pub summary: Summary,
    /// Failures, for the report at the end.
    pub failed: Vec<String>,
    progress: Option<Progress>,
}

struct Progress {
    start: Instant,
    last: Instant,
    files_done: usize,
    files_total: usize,
    bytes: u64,
}

impl<'a> Ingester<'a> {
    /// An ingester writing `batch` documents per transaction.
    pub fn new(
        pipeline: &'a Pipeline,
        record: &'a mut Record<SqliteStore>,
        batch: usize,
        progress: bool,
        files_total: usize,
    ) -> Ingester<'a> {
        Ingester {
            pipeline,
            record,
            batch: batch.max(1),
            pending: Vec::new(),
            failures: Vec::new(),
            summary: Summary::default(),
            failed: Vec::new(),
            progress: progress.then(|| Progress {
                start: Instant::now(),
                last: Instant::now() - Duration::from_secs(1),
                files_done: 0,
                files_total,
                bytes: 0,
            }),
        }
    }

    /// Reads one source (a file's bytes, or standard input) and queues its documents.
    pub fn source(&mut self, source: &str, name: Option<&str>, bytes: &[u8]) -> Result<()> {
        let read = vigie_ingest::read_source(source, name, bytes);
        self.take(read, bytes)?;
        if let Some(p) = &mut self.progress {
            p.files_done += 1;
            p.bytes += bytes.len() as u64;
        }
        self.tick();
        Ok(())
    }

    /// Reads a large JSON Lines file a few megabytes at a time, so that memory does not
    /// follow the file's size.
    /// Pieces are about `piece` bytes (whole lines).
    pub fn json_lines_file(&mut self, path: &Path, piece_size: usize) -> Result<()> {
        use std::io::BufRead;
        let piece_size = piece_size.max(1);
        let source = path.display().to_string();
        let file =
            std::fs::File::open(path).with_context(|| format!("reading {}", path.display()))?;
        let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
        let mut piece: Vec<u8> = Vec::with_capacity(piece_size.min(16 << 20) + 64 * 1024);
        let (mut first_line, mut lines) = (1usize, 0usize);
        loop {
            let n = reader
                .read_until(b'\n', &mut piece)
                .with_context(|| format!("reading {}", path.display()))?;
            if n > 0 {
                lines += 1;
            }
            if (n == 0 && !piece.is_empty()) || piece.len() >= piece_size {
                let read = vigie_ingest::read_json_lines(&source, &piece, first_line);
                self.take(read, &[])?;
                if let Some(p) = &mut self.progress {
                    p.bytes += piece.len() as u64;
                }
                self.tick();
                first_line += lines;
                lines = 0;
                piece.clear();
            }
            if n == 0 {
                break;
            }
        }
        if let Some(p) = &mut self.progress {
            p.files_done += 1;
        }
        Ok(())
    }

    /// Queues what a reader gave; `bytes` are kept with failures of the whole source.
    fn take(
        &mut self,
        read: Vec<Result<vigie_ingest::Item, vigie_ingest::Failure>>,
        bytes: &[u8],
    ) -> Result<()> {
        for r in read {
            match r {
                Ok(item) => {
                    let fmt = item.format.name().to_string();
                    self.pending.push((item, fmt));
                }
                Err(f) => self.fail(Failure {
                    source: f.source,
                    format: f.format.map(|x| x.name().to_string()),
                    error: f.error,
                    content: cap(bytes),
                    size: bytes.len() as u64,
                }),
            }
            if self.pending.len() >= self.batch {
                self.flush()?;
            }
        }
        Ok(())
    }

    /// Keeps a failure found before reading (an unreadable file).
    pub fn fail(&mut self, f: Failure) {
        self.failed.push(format!("{}: {}", f.source, f.error));
        self.failures.push(f);
    }

    fn tick(&mut self) {
        let Some(p) = &mut self.progress else { return };
        if p.last.elapsed() < Duration::from_millis(200) {
            return;
        }
        p.last = Instant::now();
        let s = &self.summary;
        eprint!(
            "\r{} of {} files, {:.1} MB, {} documents ({} new), {} failed, {:.0} s   ",
            p.files_done,
            p.files_total,
            p.bytes as f64 / 1e6,
            s.new + s.updated + s.unchanged,
            s.new,
            s.failed + self.failures.len(),
            p.start.elapsed().as_secs_f64()
        );
        let _ = std::io::stderr().flush();
    }

    /// Extracts the queued documents (on every core) and keeps them in one transaction.
    pub fn flush(&mut self) -> Result<()> {
        if self.pending.is_empty() && self.failures.is_empty() {
            return Ok(());
        }
        let items = std::mem::take(&mut self.pending);
        // documents the record already holds are not extracted again
        let mut ready = Vec::new();
        let mut held = 0;
        for p in prepare_all(self.pipeline, items) {
            match p {
                Ok(r) => {
                    if self.record.store().has_document(&r.prepared.document.id)? {
                        held += 1;
                    } else {
                        ready.push(r);
                    }
                }
                Err(f) => self.fail(f),
            }
        }
        self.summary.unchanged += held;
        let docs = extract_all(self.pipeline, ready);
        let failures = std::mem::take(&mut self.failures);
        let (_, sum) = self
            .record
            .add_batch(&docs, &failures)
            .context("writing to the record")?;
        self.summary.add(&sum);
        self.tick();
        Ok(())
    }

    /// Flushes and rebuilds the tracks that changed.
    pub fn finish(mut self) -> Result<(Summary, Vec<String>)> {
        self.flush()?;
        self.record.rebuild_tracks().context("rebuilding tracks")?;
        if self.progress.is_some() {
            eprintln!();
        }
        Ok((self.summary, self.failed))
    }
}

/// Maps `f` over `items` on up to as many threads as there are cores, keeping the order.
pub(crate) fn par_map<T: Send, U: Send>(items: Vec<T>, f: impl Fn(T) -> U + Sync) -> Vec<U> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len().max(1));
    if threads <= 1 {
        return items.into_iter().map(f).collect();
    }
    let per = items.len().div_ceil(threads);
    let mut chunks: Vec<Vec<T>> = (0..threads).map(|_| Vec::with_capacity(per)).collect();
    for (i, it) in items.into_iter().enumerate() {
        chunks[i / per].push(it);
    }
    let f = &f;
    std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|c| s.spawn(move || c.into_iter().map(f).collect::<Vec<U>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// A document validated and decoded, not yet extracted.
struct Ready {
    prepared: vigie_extract::Prepared,
    source: String,
    format: String,
}

/// Validates and decodes items (on every core); what cannot be read becomes a failure.
fn prepare_all(
    pipeline: &Pipeline,
    items: Vec<(vigie_ingest::Item, String)>,
) -> Vec<Result<Ready, Failure>> {
    par_map(items, |(item, format)| {
        let source = item.source.clone();
        let raw = RawInput {
            origin: item.source.clone(),
            lang: item.lang,
            published: item.published,
            title: item.title,
            outlet: item.outlet,
            url: item.url,
            bytes: item.bytes,
        };
        let keep = cap(&raw.bytes);
        let size = raw.bytes.len() as u64;
        match pipeline.prepare(raw) {
            Ok(prepared) => Ok(Ready {
                prepared,
                source,
                format,
            }),
            Err(e) => Err(Failure {
                source,
                format: Some(format),
                error: e.to_string(),
                content: keep,
                size,
            }),
        }
    })
}

/// Extracts prepared documents (on every core).
fn extract_all(pipeline: &Pipeline, ready: Vec<Ready>) -> Vec<NewDocument> {
    par_map(ready, |r| {
        let mut extraction = pipeline.extract(&r.prepared.document);
        let mut diags = r.prepared.diagnostics;
        diags.append(&mut extraction.diagnostics);
        extraction.diagnostics = diags;
        NewDocument {
            document: r.prepared.document,
            extraction,
            source: r.source,
            format: r.format,
        }
    })
}

/// Prints an ingest summary; the exit code says whether anything failed.
pub fn report(sum: &Summary, failed: &[String], db: &Path) -> ExitCode {
    eprintln!(
        "ingested into {}: {} new, {} updated, {} unchanged, {} failed",
        db.display(),
        sum.new,
        sum.updated,
        sum.unchanged,
        sum.failed
    );
    eprintln!(
        "  {} reports: {} new events, {} joined an existing event; {} movements",
        sum.reports, sum.events_created, sum.events_joined, sum.movements
    );
    for f in failed.iter().take(20) {
        eprintln!("  failed: {f}");
    }
    if failed.len() > 20 {
        eprintln!(
            "  … and {} more (`vigie failures` lists them all)",
            failed.len() - 20
        );
    }
    if sum.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

pub fn ingest(config: &Config, a: &IngestArgs) -> Result<ExitCode> {
    let pipeline = Pipeline::new(config)?;
    let mut record = a.db.open()?;
    let stdin = a.paths.iter().any(|p| p.as_os_str() == "-");
    let paths: Vec<PathBuf> = a
        .paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .cloned()
        .collect();
    let files = vigie_ingest::expand(&paths).context("listing the files to ingest")?;
    if files.is_empty() && !stdin {
        eprintln!("vigie: nothing to ingest: no files in {:?}", a.paths);
    }
    let progress = !a.quiet && std::io::stderr().is_terminal();
    let mut ing = Ingester::new(&pipeline, &mut record, a.batch, progress, files.len());
    if stdin {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .context("reading standard input")?;
        ing.source("-", None, &b)?;
    }
    for f in &files {
        let source = f.display().to_string();
        let name = f.file_name().and_then(|n| n.to_str());
        if is_large_json_lines(f, name, a.stream_above) {
            // pieces of 8 MB (smaller when the threshold is, for tests)
            ing.json_lines_file(f, (a.stream_above as usize).min(8 << 20))?;
            continue;
        }
        match std::fs::read(f) {
            Ok(bytes) => ing.source(&source, name, &bytes)?,
            Err(e) => ing.fail(Failure {
                source,
                format: None,
                error: format!("cannot read: {e}"),
                content: Vec::new(),
                size: 0,
            }),
        }
    }
    let (sum, failed) = ing.finish()?;
    Ok(report(&sum, &failed, &a.db.path()?))
}

/// Files above this size that hold JSON Lines are read piece by piece.
const STREAM_JSON_LINES_ABOVE: u64 = 64 * 1024 * 1024;

/// Whether `path` is a JSON Lines file large enough to be read piece by piece.
fn is_large_json_lines(path: &Path, name: Option<&str>, above: u64) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    if meta.len() <= above {
        return false;
    }
    let mut head = vec![0u8; 64 * 1024];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    head.truncate(n);
    vigie_ingest::detect(name, &head) == vigie_ingest::Format::JsonLines
}

/// Output formats of `vigie events`.
#[derive(Clone, Copy, clap::ValueEnum, PartialEq, Eq)]
pub enum EventsFormat {
    /// A table for people.
    Table,
    /// One JSON object per line, each event with its reports.
    Jsonl,
    /// A GeoJSON FeatureCollection (RFC 7946).
    Geojson,
    /// ACLED's 31 columns, CSV.
    Acled,
    /// ACLED's 31 columns, typed, as Parquet (for pandas, R, polars); needs `--out`.
    Parquet,
}

/// `min_lon,min_lat,max_lon,max_lat`, mins not above maxes.
pub fn parse_bbox(s: &str) -> Result<(f64, f64, f64, f64), String> {
    let v: Vec<f64> = s
        .split(',')
        .map(|x| x.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| format!("{s:?}: give min_lon,min_lat,max_lon,max_lat"))?;
    match v[..] {
        [a, b, c, d] if a <= c && b <= d => Ok((a, b, c, d)),
        _ => Err(format!("{s:?}: give min_lon,min_lat,max_lon,max_lat")),
    }
}

/// Arguments of `vigie events`.
#[derive(clap::Args)]
pub struct EventsArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Events ending on or after this day (YYYY-MM-DD).
    #[arg(long, value_parser = crate::extract::parse_date)]
    pub from: Option<NaiveDate>,
    /// Events starting on or before this day.
    #[arg(long, value_parser = crate::extract::parse_date)]
    pub to: Option<NaiveDate>,
    /// min_lon,min_lat,max_lon,max_lat
    #[arg(long, value_parser = parse_bbox, allow_hyphen_values = true)]
    pub bbox: Option<(f64, f64, f64, f64)>,
    /// Country (ISO code or name).
    #[arg(long)]
    pub country: Option<String>,
    /// ACLED event type or sub-event type.
    #[arg(long = "type")]
    pub event_type: Option<String>,
    /// ACLED sub-event type.
    #[arg(long = "sub-type")]
    pub sub_event_type: Option<String>,
    /// An actor, as Vigie names it (actor1, actor2 or associated).
    #[arg(long)]
    pub actor: Option<String>,
    /// Words in the reports' documents.
    #[arg(long)]
    pub text: Option<String>,
    /// Only contested events.
    #[arg(long)]
    pub contested: bool,
    /// At most this many events.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: EventsFormat,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn events(config: &Config, a: &EventsArgs) -> Result<ExitCode> {
    let record = a.db.open()?;
    let filter = EventFilter {
        from: a.from,
        to: a.to,
        bbox: a.bbox,
        country: a.country.clone(),
        event_type: a.event_type.clone(),
        sub_event_type: a.sub_event_type.clone(),
        actor: a.actor.clone(),
        text: a.text.clone(),
        contested: a.contested.then_some(true),
        limit: a.limit,
        offset: 0,
    };
    let list = record.store().events(&filter)?;
    if a.format == EventsFormat::Parquet && a.out.is_none() {
        anyhow::bail!("Parquet is binary: give --out FILE");
    }
    let sink: Box<dyn Write + Send> = match &a.out {
        Some(p) => {
            Box::new(std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?)
        }
        None => Box::new(std::io::stdout()),
    };
    let mut out = std::io::BufWriter::new(sink);
    match a.format {
        EventsFormat::Table => write!(out, "{}", export::table(&list))?,
        EventsFormat::Geojson => {
            serde_json::to_writer(&mut out, &export::geojson_events(&list))?;
            writeln!(out)?;
        }
        EventsFormat::Jsonl | EventsFormat::Acled | EventsFormat::Parquet => {
            let details = details_of(record.store(), &list)?;
            match a.format {
                EventsFormat::Jsonl => {
                    for d in &details {
                        serde_json::to_writer(&mut out, d)?;
                        writeln!(out)?;
                    }
                }
                EventsFormat::Parquet => {
                    AcledTables::load(config)?.write_parquet(&mut out, &details)?
                }
                _ => AcledTables::load(config)?.write_csv(&mut out, &details)?,
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Each event with everything behind it, in the list's order.
pub fn details_of(
    store: &impl Store,
    list: &[vigie_record::MergedEvent],
) -> Result<Vec<vigie_record::EventDetail>> {
    let mut details = Vec::with_capacity(list.len());
    for e in list {
        if let Some(d) = store.event(&e.id)? {
            details.push(d);
        }
    }
    Ok(details)
}

/// What ACLED exports need besides the events: the actor lexicon (for the interaction
/// codes) and the country table, with the user's additions.
pub struct AcledTables {
    lexicon: vigie_lexicon::ActorLexicon,
    countries: vigie_record::countries::Countries,
}

impl AcledTables {
    /// The embedded tables, extended by the user's data folder.
    pub fn load(config: &Config) -> Result<AcledTables> {
        let lexicon = vigie_lexicon::ActorLexicon::load(config.user_dir.as_deref())?;
        AcledTables::with_lexicon(config, lexicon)
    }

    /// The tables with an actor lexicon already loaded (the pipeline's).
    pub fn with_lexicon(
        config: &Config,
        lexicon: vigie_lexicon::ActorLexicon,
    ) -> Result<AcledTables> {
        Ok(AcledTables {
            lexicon,
            countries: vigie_record::countries::load(config.user_dir.as_deref())
                .map_err(anyhow::Error::msg)?,
        })
    }

    /// ACLED's interaction code of an actor (0 when unknown).
    fn inter(&self, name: &str) -> u8 {
        self.lexicon
            .actors()
            .iter()
            .find(|x| x.canonical == name)
            .map_or(0, |x| x.inter)
    }

    /// ACLED's 31 columns as CSV.
    pub fn write_csv(
        &self,
        out: &mut impl Write,
        details: &[vigie_record::EventDetail],
    ) -> Result<()> {
        export::write_acled(out, details, &self.countries, &|n| self.inter(n))?;
        Ok(())
    }

    /// ACLED's 31 columns as typed Parquet.
    pub fn write_parquet(
        &self,
        out: &mut (impl Write + Send),
        details: &[vigie_record::EventDetail],
    ) -> Result<()> {
        export::write_acled_parquet(out, details, &self.countries, &|n| self.inter(n))?;
        Ok(())
    }
}

/// Arguments of `vigie event`.
#[derive(clap::Args)]
pub struct EventArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// The event's id (as `vigie events` prints it).
    pub id: String,
    /// JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

pub fn event(a: &EventArgs) -> Result<ExitCode> {
    let record = a.db.open()?;
    let Some(d) = record.store().event(&a.id)? else {
        eprintln!("vigie: no event {} in {}", a.id, a.db.path()?.display());
        return Ok(ExitCode::from(1));
    };
    if a.json {
        outln!("{}", serde_json::to_string_pretty(&d)?);
        return Ok(ExitCode::SUCCESS);
    }
    let e = &d.event;
    outln!("{}  {} / {}", e.id, e.event_type, e.sub_event_type);
    outln!(
        "  when     {} – {} (time precision {})",
        e.from.map_or("?".into(), |x| x.to_string()),
        e.to.map_or("?".into(), |x| x.to_string()),
        e.time_precision
    );
    outln!(
        "  where    {} {} (geo precision {})",
        e.location.as_deref().unwrap_or("?"),
        match (e.lat, e.lon) {
            (Some(a), Some(b)) => format!("{a:.4},{b:.4}"),
            _ => "unlocated".into(),
        },
        e.geo_precision
    );
    outln!(
        "  actors   {} → {}{}",
        e.actor1.as_deref().unwrap_or("?"),
        e.actor2.as_deref().unwrap_or("-"),
        if e.assoc_actor1.is_empty() {
            String::new()
        } else {
            format!(" (with {})", e.assoc_actor1.join(", "))
        }
    );
    outln!(
        "  killed   low {} best {} high {}; wounded {}",
        opt(e.fatalities.low),
        opt(e.fatalities.best),
        opt(e.fatalities.high),
        opt(e.wounded)
    );
    outln!(
        "  sources  {} independent, {} reports{}",
        e.sources,
        e.reports,
        if e.contested {
            format!("; CONTESTED: {}", e.contested_why.join("; "))
        } else {
            String::new()
        }
    );
    for r in &d.report_list {
        let doc = &r.document;
        outln!(
            "\n  report {} — {} {} {}",
            r.id,
            doc.outlet.as_deref().unwrap_or("(no outlet)"),
            doc.published.map_or(String::new(), |p| p.to_string()),
            doc.url.as_deref().unwrap_or("")
        );
        let ev = &r.event;
        let f = ev.fatalities.as_ref();
        outln!(
            "    says: {} {}–{} at {}; {} → {}; killed {}–{}",
            ev.sub_event_type,
            ev.from.map_or("?".into(), |x| x.to_string()),
            ev.to.map_or("?".into(), |x| x.to_string()),
            ev.location.as_ref().map_or("?", |p| p.name.as_str()),
            ev.actor1.as_deref().unwrap_or("?"),
            ev.actor2.as_deref().unwrap_or("-"),
            opt(f.and_then(|f| f.low)),
            opt(f.and_then(|f| f.high))
        );
        for c in &ev.claims {
            outln!(
                "    claim: {}{} — {}{}: {:?}",
                c.claimant,
                if c.hedged { " (hedged)" } else { "" },
                c.what,
                c.basis
                    .as_deref()
                    .map(|b| format!(", basis {b}"))
                    .unwrap_or_default(),
                c.span.text
            );
        }
        for s in ev.evidence.iter().take(3) {
            outln!("    evidence: {:?}", s.text);
        }
        if !r.reasons.is_empty() {
            outln!("    joined because: {}", r.reasons.join("; "));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn opt(v: Option<i64>) -> String {
    v.map_or("?".to_string(), |v| v.to_string())
}

/// Arguments of `vigie tracks`.
#[derive(clap::Args)]
pub struct TracksArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// GeoJSON LineStrings instead of a table.
    #[arg(long)]
    pub geojson: bool,
}

pub fn tracks(a: &TracksArgs) -> Result<ExitCode> {
    let record = a.db.open()?;
    let list = record.store().tracks()?;
    if a.geojson {
        outln!("{}", serde_json::to_string(&export::geojson_tracks(&list))?);
        return Ok(ExitCode::SUCCESS);
    }
    for t in &list {
        outln!(
            "{} {} {} – {}{}",
            t.id,
            t.actor,
            t.from.map_or("?".into(), |d| d.to_string()),
            t.to.map_or("?".into(), |d| d.to_string()),
            if t.plausible { "" } else { "  IMPLAUSIBLE LEG" }
        );
        for w in &t.waypoints {
            outln!(
                "    {:<11} {:<24} {} – {}  ({} document(s))",
                w.status,
                w.place.as_deref().unwrap_or("?"),
                w.from.map_or("?".into(), |d| d.to_string()),
                w.to.map_or("?".into(), |d| d.to_string()),
                w.documents.len()
            );
        }
        for l in &t.legs {
            outln!(
                "    leg {}→{}: {:.0} km in {} day(s), {:.0} km/day{}",
                l.from,
                l.to,
                l.km,
                l.days,
                l.km_per_day,
                if l.plausible { "" } else { " — too fast" }
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `vigie search`.
#[derive(clap::Args)]
pub struct SearchArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Words to find (all of them).
    pub text: String,
    /// At most this many documents.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
}

pub fn search(a: &SearchArgs) -> Result<ExitCode> {
    let record = a.db.open()?;
    for h in record.store().search(&a.text, a.limit)? {
        let d = &h.document;
        outln!(
            "{} {} {} {}\n    {}",
            d.id,
            d.published.map_or("????-??-??".into(), |p| p.to_string()),
            d.outlet.as_deref().unwrap_or("-"),
            d.title.as_deref().unwrap_or(""),
            h.snippet.replace('\n', " ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `vigie failures`.
#[derive(clap::Args)]
pub struct FailuresArgs {
    #[command(flatten)]
    pub db: DbArg,
}

pub fn failures(a: &FailuresArgs) -> Result<ExitCode> {
    let record = a.db.open()?;
    for f in record.store().failures()? {
        outln!(
            "{}\t{}\t{} bytes\t{}",
            f.source,
            f.format.as_deref().unwrap_or("-"),
            f.size,
            f.error
        );
    }
    Ok(ExitCode::SUCCESS)
}
