//! The SQLite backend: one file, WAL journal, foreign keys on, versioned migrations,
//! full-text search over documents (FTS5) and R*Tree indexes over events by place and time.

use crate::merge::{ReportFacts, ReportKey};
use crate::model::{
    DocumentFindings, DocumentRef, EventDetail, EventFilter, Failure, FatalityRange, MergedEvent,
    NewDocument, SearchHit, Stats, StoredDocument, StoredMention, StoredMovement, StoredReport,
    TimeBin, TimelineCount, Track,
};
use crate::store::{ReportRow, Store, StoreError};
use chrono::NaiveDate;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};
use std::collections::BTreeSet;
use std::path::Path;

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Database(e.to_string())
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError::Data(e.to_string())
    }
}

/// Schema migrations, in order; `PRAGMA user_version` says how many have run.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/001_record.sql"),
    include_str!("../migrations/002_events_time.sql"),
    include_str!("../migrations/003_events_space_time.sql"),
];

/// A small number per event type for the time index: ACLED's six types in a fixed
/// order, any other type by a hash above them.
fn type_code(event_type: &str) -> f64 {
    const TYPES: [&str; 6] = [
        "Battles",
        "Explosions/Remote violence",
        "Violence against civilians",
        "Protests",
        "Riots",
        "Strategic developments",
    ];
    match TYPES.iter().position(|t| *t == event_type) {
        Some(i) => i as f64,
        None => 16.0 + (crate::merge::mix64(event_type) % 65_536) as f64,
    }
}

fn day_number(d: NaiveDate) -> f64 {
    (d - NaiveDate::default()).num_days() as f64
}

/// A record in one SQLite file.
pub struct SqliteStore {
    conn: Connection,
}

fn date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

fn ds(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.to_string())
}

/// Actors kept in one text column: each between unit separators, so that
/// `instr(actors, char(31)||name||char(31))` finds a whole name.
fn pack_actors(actors: &BTreeSet<String>) -> String {
    let mut s = String::from("\u{1f}");
    for a in actors {
        s.push_str(a);
        s.push('\u{1f}');
    }
    s
}

fn unpack_actors(s: &str) -> BTreeSet<String> {
    s.split('\u{1f}')
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect()
}

const EVENT_COLUMNS: &str = "id, event_type, sub_event_type, date_from, date_to, time_precision, \
     location, lat, lon, geo_precision, country, admin1, admin2, actor1, assoc_actor1, actor2, \
     assoc_actor2, civilian_targeting, fat_low, fat_best, fat_high, wounded, sources, reports, \
     contested, contested_why, actors, journey, country_wide";

/// [`EVENT_COLUMNS`] of the table aliased `e`, for queries that join another table.
fn event_columns_of_e() -> &'static str {
    static COLUMNS: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    COLUMNS.get_or_init(|| {
        EVENT_COLUMNS
            .split(',')
            .map(|c| format!("e.{}", c.trim()))
            .collect::<Vec<_>>()
            .join(", ")
    })
}

fn event_from_row(r: &Row<'_>) -> rusqlite::Result<(MergedEvent, ReportKey)> {
    let json_list = |i: usize| -> rusqlite::Result<Vec<String>> {
        let s: String = r.get(i)?;
        Ok(serde_json::from_str(&s).unwrap_or_default())
    };
    let e = MergedEvent {
        id: r.get(0)?,
        event_type: r.get(1)?,
        sub_event_type: r.get(2)?,
        from: date(r.get(3)?),
        to: date(r.get(4)?),
        time_precision: r.get(5)?,
        location: r.get(6)?,
        lat: r.get(7)?,
        lon: r.get(8)?,
        geo_precision: r.get(9)?,
        country: r.get(10)?,
        admin1: r.get(11)?,
        admin2: r.get(12)?,
        actor1: r.get(13)?,
        assoc_actor1: json_list(14)?,
        actor2: r.get(15)?,
        assoc_actor2: json_list(16)?,
        civilian_targeting: r.get(17)?,
        fatalities: FatalityRange {
            low: r.get(18)?,
            best: r.get(19)?,
            high: r.get(20)?,
        },
        wounded: r.get(21)?,
        sources: r.get(22)?,
        reports: r.get(23)?,
        contested: r.get(24)?,
        contested_why: json_list(25)?,
        updated_at: r.get(29)?,
    };
    let actors: String = r.get(26)?;
    let key = ReportKey {
        event_type: e.event_type.clone(),
        sub_event_type: e.sub_event_type.clone(),
        from: e.from.unwrap_or_default(),
        to: e.to.unwrap_or_default(),
        time_precision: e.time_precision,
        point: e.lat.zip(e.lon),
        geo_precision: e.geo_precision,
        country_wide: r.get(28)?,
        country: e.country.clone(),
        actors: unpack_actors(&actors),
        journey: r.get(27)?,
    };
    Ok((e, key))
}

fn docref_from_row(r: &Row<'_>, at: usize) -> rusqlite::Result<DocumentRef> {
    Ok(DocumentRef {
        id: r.get(at)?,
        url: r.get(at + 1)?,
        outlet: r.get(at + 2)?,
        published: date(r.get(at + 3)?),
        title: r.get(at + 4)?,
    })
}

/// Keeps one kind of mention of a document: its span, a label to read it by, and the
/// whole mention as JSON.
fn insert_mentions<T: serde::Serialize>(
    st: &mut rusqlite::CachedStatement<'_>,
    doc_id: &str,
    kind: &str,
    items: &[T],
    span_label: impl Fn(&T) -> (&vigie_model::SpanText, Option<&str>),
) -> Result<(), StoreError> {
    for m in items {
        let (span, label) = span_label(m);
        st.execute(params![
            doc_id,
            kind,
            span.start as i64,
            span.end as i64,
            label,
            serde_json::to_string(m)?
        ])?;
    }
    Ok(())
}

/// The `FROM … WHERE …` of a query over the events matching `f` (alias `e`), with its
/// arguments. A box or a period is answered by an R*Tree, which then drives the query
/// (`CROSS JOIN` keeps that order, so SQLite never walks every event by date instead);
/// the exact tests on the event's own columns follow, as the R*Tree rounds its
/// coordinates outward.
fn events_matching(f: &EventFilter) -> (String, Vec<rusqlite::types::Value>) {
    use rusqlite::types::Value as V;
    let mut args: Vec<V> = Vec::new();
    let mut sql = if let Some((x0, y0, x1, y1)) = f.bbox {
        args.extend([V::Real(x0), V::Real(x1), V::Real(y0), V::Real(y1)]);
        String::from(
            "FROM events_space_time s CROSS JOIN events e ON e.seq = s.id
             WHERE s.min_lon >= ? AND s.max_lon <= ? AND s.min_lat >= ? AND s.max_lat <= ?",
        )
    } else if f.from.is_some() || f.to.is_some() {
        String::from("FROM events_time s CROSS JOIN events e ON e.seq = s.id WHERE 1 = 1")
    } else {
        String::from("FROM events e WHERE 1 = 1")
    };
    // both R*Trees carry the days as t0, t1 (a period alone picks `events_time`)
    if let Some(from) = f.from {
        sql.push_str(" AND s.t1 >= ?");
        args.push(V::Real(day_number(from)));
    }
    if let Some(to) = f.to {
        sql.push_str(" AND s.t0 <= ?");
        args.push(V::Real(day_number(to)));
    }
    if let Some((x0, y0, x1, y1)) = f.bbox {
        sql.push_str(" AND e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?");
        args.extend([V::Real(x0), V::Real(x1), V::Real(y0), V::Real(y1)]);
    }
    if let Some(from) = f.from {
        sql.push_str(" AND coalesce(e.date_to, e.date_from) >= ?");
        args.push(V::Text(from.to_string()));
    }
    if let Some(to) = f.to {
        sql.push_str(" AND e.date_from <= ?");
        args.push(V::Text(to.to_string()));
    }
    if let Some(c) = &f.country {
        sql.push_str(" AND lower(e.country) = lower(?)");
        args.push(V::Text(
            crate::countries::iso2_of(c).unwrap_or(c).to_string(),
        ));
    }
    if let Some(t) = &f.event_type {
        sql.push_str(" AND (lower(e.event_type) = lower(?) OR lower(e.sub_event_type) = lower(?))");
        args.push(V::Text(t.clone()));
        args.push(V::Text(t.clone()));
    }
    if let Some(t) = &f.sub_event_type {
        sql.push_str(" AND lower(e.sub_event_type) = lower(?)");
        args.push(V::Text(t.clone()));
    }
    if let Some(a) = &f.actor {
        sql.push_str(
            " AND (lower(e.actor1) = lower(?) OR lower(e.actor2) = lower(?)
               OR instr(lower(e.actors), lower(char(31) || ? || char(31))) > 0)",
        );
        args.extend([V::Text(a.clone()), V::Text(a.clone()), V::Text(a.clone())]);
    }
    if let Some(q) = &f.text {
        sql.push_str(
            " AND e.id IN (SELECT r.event_id FROM reports r JOIN documents d ON d.id = r.doc_id
               WHERE d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?))",
        );
        args.push(V::Text(fts_query(q)));
    }
    if let Some(c) = f.contested {
        sql.push_str(" AND e.contested = ?");
        args.push(V::Integer(i64::from(c)));
    }
    (sql, args)
}

/// The record's schema version and the newest this build knows; an error when the record
/// is newer than this build.
fn checked_version(conn: &Connection) -> Result<(i64, i64), StoreError> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let known = MIGRATIONS.len() as i64;
    if version > known {
        return Err(StoreError::TooNew {
            found: version,
            known,
        });
    }
    Ok((version, known))
}

impl SqliteStore {
    /// Opens (creating when absent) the record at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                StoreError::Database(format!("cannot create {}: {e}", dir.display()))
            })?;
        }
        let conn = Connection::open(path)?;
        Self::setup(conn)
    }

    /// Opens an existing record for reading only, as the HTTP server's readers do (many
    /// may read while one writes). The record must exist with this build's schema: open
    /// it once with [`SqliteStore::open`] first.
    pub fn open_read_only(path: &Path) -> Result<SqliteStore, StoreError> {
        use rusqlite::OpenFlags;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        let (version, known) = checked_version(&conn)?;
        if version < known {
            return Err(StoreError::Database(format!(
                "{} has schema version {version}; open it for writing once to bring it to {known}",
                path.display()
            )));
        }
        Ok(SqliteStore { conn })
    }

    /// A record in memory, for tests and one-off runs.
    pub fn in_memory() -> Result<SqliteStore, StoreError> {
        Self::setup(Connection::open_in_memory()?)
    }

    fn setup(conn: Connection) -> Result<SqliteStore, StoreError> {
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = NORMAL;
             PRAGMA foreign_keys = ON;",
        )?;
        let (version, _) = checked_version(&conn)?;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = conn.unchecked_transaction()?;
            tx.execute_batch(sql)?;
            tx.execute_batch(&format!("PRAGMA user_version = {}", i + 1))?;
            tx.commit()?;
        }
        Ok(SqliteStore { conn })
    }

    /// The schema version of the record.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Runs SQLite's integrity check; `Ok(())` when the file is sound.
    pub fn check_integrity(&self) -> Result<(), StoreError> {
        let s: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        let fk: Option<String> = self
            .conn
            .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
            .optional()?;
        if s != "ok" {
            return Err(StoreError::Data(format!("integrity check: {s}")));
        }
        if let Some(t) = fk {
            return Err(StoreError::Data(format!("foreign key violation in {t}")));
        }
        Ok(())
    }

    fn reports_where(&self, clause: &str, arg: &str) -> Result<Vec<StoredReport>, StoreError> {
        let sql = format!(
            "SELECT r.id, r.reasons, r.data, r.event_id, d.id, d.url, d.outlet, d.published, d.title
             FROM reports r JOIN documents d ON d.id = r.doc_id WHERE {clause} ORDER BY r.seq"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map([arg], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                docref_from_row(r, 4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, reasons, data, event_id, document) = row?;
            out.push(StoredReport {
                id,
                event_id,
                document,
                reasons: serde_json::from_str(&reasons)?,
                event: serde_json::from_str(&data)?,
            });
        }
        Ok(out)
    }
}

impl Store for SqliteStore {
    fn begin(&mut self) -> Result<(), StoreError> {
        Ok(self.conn.execute_batch("BEGIN IMMEDIATE")?)
    }

    fn commit(&mut self) -> Result<(), StoreError> {
        Ok(self.conn.execute_batch("COMMIT")?)
    }

    fn rollback(&mut self) -> Result<(), StoreError> {
        if !self.conn.is_autocommit() {
            self.conn.execute_batch("ROLLBACK")?;
        }
        Ok(())
    }

    fn has_document(&self, id: &str) -> Result<bool, StoreError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT 1 FROM documents WHERE id = ?1")?;
        Ok(st.exists([id])?)
    }

    fn versions_at(&self, url: &str) -> Result<u32, StoreError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT count(*) FROM documents WHERE url = ?1")?;
        Ok(st.query_row([url], |r| r.get(0))?)
    }

    fn insert_document(&mut self, nd: &NewDocument, version: u32) -> Result<(), StoreError> {
        let d = &nd.document;
        let now = chrono::Utc::now().to_rfc3339();
        self.conn
            .prepare_cached(
                "INSERT INTO documents (id, url, outlet, title, published, lang, text, source,
                   format, version, ingested_at, diagnostics)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?
            .execute(params![
                d.id,
                d.url,
                d.outlet,
                d.title,
                ds(d.published),
                d.lang.code(),
                d.text,
                nd.source,
                nd.format,
                version,
                now,
                serde_json::to_string(&nd.extraction.diagnostics)?,
            ])?;
        let rowid = self.conn.last_insert_rowid();
        self.conn
            .prepare_cached("INSERT INTO documents_fts (rowid, title, text) VALUES (?1, ?2, ?3)")?
            .execute(params![rowid, d.title.as_deref().unwrap_or(""), d.text])?;
        let ex = &nd.extraction;
        let mut st = self.conn.prepare_cached(
            "INSERT INTO mentions (doc_id, kind, start, end, label, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        insert_mentions(&mut st, &d.id, "place", &ex.places, |p| {
            (&p.span, Some(p.name.as_str()))
        })?;
        insert_mentions(&mut st, &d.id, "date", &ex.dates, |x| {
            (&x.span, Some(x.value.as_str()))
        })?;
        insert_mentions(&mut st, &d.id, "quantity", &ex.quantities, |q| {
            (&q.span, q.unit.as_deref())
        })?;
        insert_mentions(&mut st, &d.id, "actor", &ex.actors, |a| {
            (&a.span, Some(a.actor.as_str()))
        })?;
        Ok(())
    }

    fn insert_failure(&mut self, f: &Failure) -> Result<bool, StoreError> {
        let hash = vigie_model::content_id(&String::from_utf8_lossy(&f.content));
        let n = self
            .conn
            .prepare_cached(
                "INSERT OR IGNORE INTO failures (source, format, error, content, size, content_hash, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                f.source,
                f.format,
                f.error,
                f.content,
                f.size as i64,
                hash,
                chrono::Utc::now().to_rfc3339()
            ])?;
        Ok(n > 0)
    }

    fn candidates(&self, key: &ReportKey) -> Result<Vec<(String, ReportKey)>, StoreError> {
        let (lo, hi) = key.window();
        let sql = format!(
            "SELECT {EVENT_COLUMNS}, updated_at FROM events WHERE seq IN
               (SELECT id FROM events_time
                WHERE kind0 <= ?1 AND kind1 >= ?1 AND t0 <= ?3 AND t1 >= ?2)
             ORDER BY seq"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let code = type_code(&key.event_type);
        let rows = st.query_map(
            params![code, day_number(lo), day_number(hi)],
            event_from_row,
        )?;
        let mut out = Vec::new();
        for r in rows {
            let (e, k) = r?;
            if e.event_type == key.event_type {
                out.push((e.id, k));
            }
        }
        Ok(out)
    }

    fn event_reports(&self, event_id: &str) -> Result<Vec<ReportFacts>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT data, published, source, doc_id FROM reports WHERE event_id = ?1 ORDER BY seq",
        )?;
        let rows = st.query_map([event_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (data, published, source, document) = row?;
            let event: vigie_model::Event = serde_json::from_str(&data)?;
            let key = ReportKey::of(&event, date(published));
            out.push(ReportFacts {
                event,
                key,
                source,
                document,
            });
        }
        Ok(out)
    }

    fn insert_report(&mut self, r: ReportRow<'_>) -> Result<(), StoreError> {
        let e = r.event;
        let f = e.fatalities.as_ref();
        self.conn
            .prepare_cached(
                "INSERT INTO reports (id, doc_id, idx, event_id, event_type, sub_event_type,
                   date_from, date_to, published, actor1, actor2, fat_low, fat_best, fat_high,
                   wounded, source, reasons, data)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,
                   (SELECT published FROM documents WHERE id = ?2), ?9, ?10, ?11, ?12, ?13, ?14,
                   ?15, ?16, ?17)",
            )?
            .execute(params![
                r.id,
                r.document_id,
                r.index as i64,
                r.event_id,
                e.event_type.as_str(),
                e.sub_event_type.as_str(),
                r.key.from.to_string(),
                r.key.to.to_string(),
                e.actor1,
                e.actor2,
                f.and_then(|f| f.low),
                f.and_then(|f| f.best),
                f.and_then(|f| f.high),
                e.wounded,
                r.source,
                serde_json::to_string(r.reasons)?,
                serde_json::to_string(e)?,
            ])?;
        let mut st = self.conn.prepare_cached(
            "INSERT INTO claims (report_id, event_id, doc_id, claimant, hedged, what, basis, start, end, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
        for c in &e.claims {
            st.execute(params![
                r.id,
                r.event_id,
                r.document_id,
                c.claimant,
                c.hedged,
                c.what,
                c.basis,
                c.span.start as i64,
                c.span.end as i64,
                c.span.text
            ])?;
        }
        Ok(())
    }

    fn put_event(&mut self, e: &MergedEvent, key: &ReportKey) -> Result<(), StoreError> {
        let now = chrono::Utc::now().timestamp();
        self.conn
            .prepare_cached(&format!(
                "INSERT INTO events ({EVENT_COLUMNS}, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                   ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?30)
                 ON CONFLICT(id) DO UPDATE SET
                   sub_event_type = excluded.sub_event_type, date_from = excluded.date_from,
                   date_to = excluded.date_to, time_precision = excluded.time_precision,
                   location = excluded.location, lat = excluded.lat, lon = excluded.lon,
                   geo_precision = excluded.geo_precision, country = excluded.country,
                   admin1 = excluded.admin1, admin2 = excluded.admin2, actor1 = excluded.actor1,
                   assoc_actor1 = excluded.assoc_actor1, actor2 = excluded.actor2,
                   assoc_actor2 = excluded.assoc_actor2,
                   civilian_targeting = excluded.civilian_targeting, fat_low = excluded.fat_low,
                   fat_best = excluded.fat_best, fat_high = excluded.fat_high,
                   wounded = excluded.wounded, sources = excluded.sources,
                   reports = excluded.reports, contested = excluded.contested,
                   contested_why = excluded.contested_why, actors = excluded.actors,
                   journey = excluded.journey, country_wide = excluded.country_wide,
                   updated_at = excluded.updated_at"
            ))?
            .execute(params![
                e.id,
                e.event_type.as_str(),
                e.sub_event_type.as_str(),
                ds(e.from),
                ds(e.to),
                e.time_precision,
                e.location,
                e.lat,
                e.lon,
                e.geo_precision,
                e.country,
                e.admin1,
                e.admin2,
                e.actor1,
                serde_json::to_string(&e.assoc_actor1)?,
                e.actor2,
                serde_json::to_string(&e.assoc_actor2)?,
                e.civilian_targeting,
                e.fatalities.low,
                e.fatalities.best,
                e.fatalities.high,
                e.wounded,
                e.sources,
                e.reports,
                e.contested,
                serde_json::to_string(&e.contested_why)?,
                pack_actors(&key.actors),
                key.journey,
                key.country_wide,
                now,
            ])?;
        let rowid: i64 = self
            .conn
            .prepare_cached("SELECT rowid FROM events WHERE id = ?1")?
            .query_row([&e.id], |r| r.get(0))?;
        self.conn
            .prepare_cached("DELETE FROM events_space_time WHERE id = ?1")?
            .execute([rowid])?;
        self.conn
            .prepare_cached("DELETE FROM events_time WHERE id = ?1")?
            .execute([rowid])?;
        let code = type_code(&e.event_type);
        self.conn
            .prepare_cached(
                "INSERT INTO events_time (id, kind0, kind1, t0, t1) VALUES (?1, ?2, ?2, ?3, ?4)",
            )?
            .execute(params![
                rowid,
                code,
                day_number(key.from),
                day_number(key.to)
            ])?;
        if let (Some(lat), Some(lon)) = (e.lat, e.lon) {
            self.conn
                .prepare_cached(
                    "INSERT INTO events_space_time (id, min_lon, max_lon, min_lat, max_lat, t0, t1)
                     VALUES (?1, ?2, ?2, ?3, ?3, ?4, ?5)",
                )?
                .execute(params![
                    rowid,
                    lon,
                    lat,
                    day_number(key.from),
                    day_number(key.to)
                ])?;
        }
        Ok(())
    }

    fn absorb_event(&mut self, absorbed: &str, into: &str) -> Result<(), StoreError> {
        for sql in [
            "UPDATE reports SET event_id = ?2 WHERE event_id = ?1",
            "UPDATE claims SET event_id = ?2 WHERE event_id = ?1",
            "UPDATE event_aliases SET event_id = ?2 WHERE event_id = ?1",
            "INSERT OR REPLACE INTO event_aliases (alias, event_id) VALUES (?1, ?2)",
        ] {
            self.conn
                .prepare_cached(sql)?
                .execute(params![absorbed, into])?;
        }
        for sql in [
            "DELETE FROM events_space_time WHERE id = (SELECT seq FROM events WHERE id = ?1)",
            "DELETE FROM events_time WHERE id = (SELECT seq FROM events WHERE id = ?1)",
            "DELETE FROM events WHERE id = ?1",
        ] {
            self.conn.prepare_cached(sql)?.execute([absorbed])?;
        }
        Ok(())
    }

    fn insert_movements(&mut self, nd: &NewDocument) -> Result<usize, StoreError> {
        let mut st = self.conn.prepare_cached(
            "INSERT INTO movements (doc_id, idx, actor, status, place, lat, lon, date_from, date_to, data)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
        for (i, m) in nd.extraction.movements.iter().enumerate() {
            let p = m.place.as_ref();
            st.execute(params![
                nd.document.id,
                i as i64,
                m.actor,
                m.status.as_str(),
                p.map(|p| p.name.clone()),
                p.and_then(|p| p.point()).map(|x| x.0),
                p.and_then(|p| p.point()).map(|x| x.1),
                ds(m.from),
                ds(m.to),
                serde_json::to_string(m)?
            ])?;
        }
        Ok(nd.extraction.movements.len())
    }

    fn movements_of(&self, actor: &str) -> Result<Vec<StoredMovement>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT m.data, d.id, d.url, d.outlet, d.published, d.title
             FROM movements m JOIN documents d ON d.id = m.doc_id
             WHERE m.actor = ?1 ORDER BY m.id",
        )?;
        let rows = st.query_map([actor], |r| {
            Ok((r.get::<_, String>(0)?, docref_from_row(r, 1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (data, document) = row?;
            out.push(StoredMovement {
                document,
                movement: serde_json::from_str(&data)?,
            });
        }
        Ok(out)
    }

    fn mark_tracks_dirty(&mut self, actor: &str) -> Result<(), StoreError> {
        self.conn
            .prepare_cached("INSERT OR IGNORE INTO dirty_tracks (actor) VALUES (?1)")?
            .execute([actor])?;
        Ok(())
    }

    fn dirty_track_actors(&self) -> Result<Vec<String>, StoreError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT actor FROM dirty_tracks ORDER BY actor")?;
        let rows = st.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<Vec<String>, _>>()?)
    }

    fn put_tracks(&mut self, actor: &str, tracks: &[Track]) -> Result<(), StoreError> {
        self.conn
            .prepare_cached("DELETE FROM tracks WHERE actor = ?1")?
            .execute([actor])?;
        self.conn
            .prepare_cached("DELETE FROM dirty_tracks WHERE actor = ?1")?
            .execute([actor])?;
        let mut st = self.conn.prepare_cached(
            "INSERT INTO tracks (id, actor, date_from, date_to, waypoints, plausible, data)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for t in tracks {
            st.execute(params![
                t.id,
                t.actor,
                ds(t.from),
                ds(t.to),
                t.waypoints.len() as i64,
                t.plausible,
                serde_json::to_string(t)?
            ])?;
        }
        Ok(())
    }

    fn events(&self, f: &EventFilter) -> Result<Vec<MergedEvent>, StoreError> {
        let (matching, args) = events_matching(f);
        let columns = event_columns_of_e();
        let mut sql = format!("SELECT {columns}, e.updated_at {matching}");
        sql.push_str(" ORDER BY e.date_from, e.id");
        if let Some(l) = f.limit {
            sql.push_str(&format!(" LIMIT {l} OFFSET {}", f.offset));
        } else if f.offset > 0 {
            sql.push_str(&format!(" LIMIT -1 OFFSET {}", f.offset));
        }
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params_from_iter(args), event_from_row)?;
        let mut out = Vec::new();
        for r in rows {
            out.push(r?.0);
        }
        Ok(out)
    }

    fn timeline(&self, f: &EventFilter, bin: TimeBin) -> Result<Vec<TimelineCount>, StoreError> {
        let (matching, args) = events_matching(f);
        let period = match bin {
            TimeBin::Day => "e.date_from",
            // the Monday of the week: forward to Sunday (or stay), back six days
            TimeBin::Week => "date(e.date_from, 'weekday 0', '-6 days')",
            TimeBin::Month => "strftime('%Y-%m-01', e.date_from)",
        };
        let sql = format!(
            "SELECT {period} AS period, e.event_type, count(*) {matching}
               AND e.date_from IS NOT NULL
             GROUP BY period, e.event_type ORDER BY period, e.event_type"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params_from_iter(args), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for r in rows {
            let (period, event_type, count) = r?;
            let Some(period) = date(Some(period)) else {
                continue;
            };
            out.push(TimelineCount {
                period,
                event_type,
                count: count as u64,
            });
        }
        Ok(out)
    }

    fn event(&self, id: &str) -> Result<Option<EventDetail>, StoreError> {
        let id: String = self
            .conn
            .prepare_cached("SELECT event_id FROM event_aliases WHERE alias = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?
            .unwrap_or_else(|| id.to_string());
        let id = id.as_str();
        let sql = format!("SELECT {EVENT_COLUMNS}, updated_at FROM events WHERE id = ?1");
        let found = self
            .conn
            .prepare_cached(&sql)?
            .query_row([id], event_from_row)
            .optional()?;
        let Some((event, _)) = found else {
            return Ok(None);
        };
        let report_list = self.reports_where("r.event_id = ?1", id)?;
        Ok(Some(EventDetail { event, report_list }))
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT d.id, d.url, d.outlet, d.published, d.title,
                    snippet(documents_fts, 1, '[', ']', '…', 16)
             FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
             WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT ?2",
        )?;
        let rows = st.query_map(params![fts_query(query), limit as i64], |r| {
            Ok(SearchHit {
                document: docref_from_row(r, 0)?,
                snippet: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    fn document(&self, id: &str) -> Result<Option<(StoredDocument, String)>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id, url, outlet, published, title, lang, source, format, version, text
                 FROM documents WHERE id = ?1",
            )?
            .query_row([id], |r| {
                Ok((
                    StoredDocument {
                        meta: docref_from_row(r, 0)?,
                        lang: r.get(5)?,
                        source: r.get(6)?,
                        format: r.get(7)?,
                        version: r.get(8)?,
                    },
                    r.get(9)?,
                ))
            })
            .optional()?)
    }

    fn document_findings(&self, id: &str) -> Result<DocumentFindings, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT kind, start, end, label, data FROM mentions WHERE doc_id = ?1
             ORDER BY start, end",
        )?;
        let rows = st.query_map([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        let mut mentions = Vec::new();
        for row in rows {
            let (kind, start, end, label, data) = row?;
            mentions.push(StoredMention {
                kind,
                start: start as usize,
                end: end as usize,
                label,
                data: serde_json::from_str(&data)?,
            });
        }
        let mut st = self
            .conn
            .prepare_cached("SELECT data FROM movements WHERE doc_id = ?1 ORDER BY idx")?;
        let rows = st.query_map([id], |r| r.get::<_, String>(0))?;
        let mut movements = Vec::new();
        for row in rows {
            movements.push(serde_json::from_str(&row?)?);
        }
        Ok(DocumentFindings {
            mentions,
            reports: self.reports_where("r.doc_id = ?1", id)?,
            movements,
        })
    }

    fn tracks(&self) -> Result<Vec<Track>, StoreError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT data FROM tracks ORDER BY date_from, id")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for r in rows {
            out.push(serde_json::from_str(&r?)?);
        }
        Ok(out)
    }

    fn failures(&self) -> Result<Vec<Failure>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT source, format, error, content, size FROM failures ORDER BY id",
        )?;
        let rows = st.query_map([], |r| {
            Ok(Failure {
                source: r.get(0)?,
                format: r.get(1)?,
                error: r.get(2)?,
                content: r.get::<_, Option<Vec<u8>>>(3)?.unwrap_or_default(),
                size: r.get::<_, i64>(4)? as u64,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    fn stats(&self) -> Result<Stats, StoreError> {
        let count = |t: &str| -> Result<u64, StoreError> {
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| {
                    r.get::<_, i64>(0)
                })? as u64)
        };
        Ok(Stats {
            documents: count("documents")?,
            failures: count("failures")?,
            reports: count("reports")?,
            events: count("events")?,
            movements: count("movements")?,
            tracks: count("tracks")?,
        })
    }
}

/// A user's words as an FTS5 query: each word quoted (so punctuation and FTS syntax in
/// the input cannot break the query), all required.
pub fn fts_query(q: &str) -> String {
    let words: Vec<String> = q
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .collect();
    if words.is_empty() {
        "\"\"".to_string()
    } else {
        words.join(" ")
    }
}
