//! `vigie serve`: the record over HTTP (JSON, GeoJSON, exports; OpenAPI 3.1 at
//! `/api/openapi.json`) and the analyst's web page, embedded (see `crates/vigie-web`).
//!
//! Reads go to a small pool of read-only SQLite connections (WAL lets them read while
//! one writer writes); `POST /api/documents` ingests through the one writer, behind a
//! bearer token given at start-up. Without a token the server is read-only. Every
//! response carries a strict Content-Security-Policy; the server makes no outbound
//! request.

use crate::record::{details_of, AcledTables, DbArg, Ingester};
use anyhow::{Context, Result};
use axum::body::{Body, Bytes};
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use chrono::NaiveDate;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use vigie_extract::{Config, Pipeline};
use vigie_record::{export, EventFilter, Record, SqliteStore, Store, StoreError, TimeBin};

/// The Content-Security-Policy of every response: scripts, styles and data only from
/// the server itself, no inline script, no plugins, no framing, no form posts.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; \
     form-action 'none'; frame-ancestors 'none'";

/// Events per page when the request does not say.
const DEFAULT_LIMIT: usize = 500;
/// The largest page.
const MAX_LIMIT: usize = 10_000;

/// Arguments of `vigie serve`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub db: DbArg,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Bearer token that allows `POST /api/documents`; without one the server is
    /// read-only. Prefer `VIGIE_TOKEN` or `--token-file` to keep it out of `ps`.
    #[arg(long, env = "VIGIE_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Read the bearer token from this file (its first line).
    #[arg(long, value_name = "FILE", conflicts_with = "token")]
    pub token_file: Option<PathBuf>,
    /// Largest request body accepted, in bytes.
    #[arg(long, default_value_t = 64 * 1024 * 1024)]
    pub max_body: usize,
}

/// An error as the API returns it: a status and a message, as JSON.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }
    fn bad(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
    fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
    }
}

impl From<serde_json::Error> for ApiError {
    fn from(e: serde_json::Error) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(e: anyhow::Error) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("{e:#}"))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({"error": {"status": self.status.as_u16(), "message": self.message}});
        (self.status, Json(body)).into_response()
    }
}

type ApiResult<T> = Result<T, ApiError>;

/// Read-only connections, reused across requests.
struct Readers {
    path: PathBuf,
    idle: Mutex<Vec<SqliteStore>>,
}

impl Readers {
    const KEEP: usize = 16;

    fn with<T>(&self, f: impl FnOnce(&SqliteStore) -> ApiResult<T>) -> ApiResult<T> {
        let store = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let store = match store {
            Some(s) => s,
            None => SqliteStore::open_read_only(&self.path)?,
        };
        let out = f(&store);
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        if idle.len() < Self::KEEP {
            idle.push(store);
        }
        out
    }
}

/// A town for the map's labels (from the gazetteer).
struct Label {
    name: String,
    lat: f64,
    lon: f64,
    population: u64,
    capital: bool,
}

/// What every request handler shares.
struct App {
    readers: Readers,
    writer: Mutex<Record<SqliteStore>>,
    pipeline: Pipeline,
    token: Option<String>,
    acled: AcledTables,
    actors: Vec<String>,
    /// Towns by population, largest first.
    labels: Vec<Label>,
    boundaries: Bytes,
    openapi: Bytes,
    /// Timelines already counted, by query, for the record as it was (see [`record_stamp`]).
    timelines: Mutex<std::collections::HashMap<String, (RecordStamp, Value)>>,
}

/// What the record's files look like now: sizes and times of the database and its WAL.
/// Any write changes it, so a cached answer with another stamp is stale.
type RecordStamp = [Option<(u64, std::time::SystemTime)>; 2];

fn record_stamp(db: &std::path::Path) -> RecordStamp {
    let stat = |p: &std::path::Path| {
        std::fs::metadata(p)
            .ok()
            .and_then(|m| Some((m.len(), m.modified().ok()?)))
    };
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    [stat(db), stat(std::path::Path::new(&wal))]
}

impl App {
    /// Runs `f` with a reader on a blocking thread.
    async fn read<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&App, &SqliteStore) -> ApiResult<T> + Send + 'static,
    ) -> ApiResult<T> {
        let app = self.clone();
        tokio::task::spawn_blocking(move || app.readers.with(|s| f(&app, s)))
            .await
            .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?
    }
}

fn token_of(a: &Args) -> Result<Option<String>> {
    let t = match &a.token_file {
        Some(p) => Some(
            std::fs::read_to_string(p)
                .with_context(|| format!("reading the token file {}", p.display()))?
                .lines()
                .next()
                .unwrap_or("")
                .trim()
                .to_string(),
        ),
        None => a.token.clone(),
    };
    match t {
        Some(t) if t.len() < 16 => anyhow::bail!(
            "the token is too short ({} characters): give at least 16, e.g. from `openssl rand -hex 24`",
            t.len()
        ),
        t => Ok(t),
    }
}

fn labels() -> Vec<Label> {
    let g = vigie_gazetteer::Gazetteer::embedded();
    let mut out: Vec<Label> = (0..g.len() as u32)
        .filter_map(|id| g.place(id))
        .filter(|p| p.feature_class == 'P' && p.population >= 1000)
        .map(|p| Label {
            name: p.name.to_string(),
            lat: p.lat,
            lon: p.lon,
            population: p.population,
            capital: p.feature_code == "PPLC",
        })
        .collect();
    out.sort_by_key(|l| std::cmp::Reverse(l.population));
    out
}

/// Builds the router over a record (created when absent).
fn router(config: &Config, db: PathBuf, token: Option<String>, max_body: usize) -> Result<Router> {
    let record = Record::new(
        SqliteStore::open(&db).with_context(|| format!("opening the record {}", db.display()))?,
    );
    let pipeline = Pipeline::new(config)?;
    // the pipeline's lexicon (embedded + the user's) serves suggestions and exports too
    let lexicon = pipeline.actors();
    let mut actors: Vec<String> = lexicon
        .actors()
        .iter()
        .map(|a| a.canonical.clone())
        .collect();
    actors.sort();
    actors.dedup();
    let acled = AcledTables::with_lexicon(config, lexicon.clone())?;
    let boundaries = serde_json::to_vec(&vigie_boundaries::Boundaries::embedded().to_geojson(4))?;
    let app = Arc::new(App {
        readers: Readers {
            path: db,
            idle: Mutex::new(Vec::new()),
        },
        writer: Mutex::new(record),
        pipeline,
        token,
        acled,
        actors,
        labels: labels(),
        boundaries: Bytes::from(boundaries),
        openapi: Bytes::from(serde_json::to_vec_pretty(&openapi())?),
        timelines: Mutex::new(std::collections::HashMap::new()),
    });
    Ok(Router::new()
        .route("/api/openapi.json", get(openapi_json))
        .route("/api/stats", get(stats))
        .route("/api/events", get(events))
        .route("/api/events/{id}", get(event))
        .route("/api/timeline", get(timeline))
        .route("/api/export", get(export_events))
        .route("/api/documents", get(search).post(ingest))
        .route("/api/documents/{id}", get(document))
        .route("/api/tracks", get(tracks))
        .route("/api/failures", get(failures))
        .route("/api/actors", get(actors_list))
        .route("/api/places", get(places))
        .route("/api/boundaries", get(boundaries_geojson))
        .route("/api/{*rest}", axum::routing::any(api_not_found))
        .fallback(page)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(max_body))
        .layer(axum::middleware::map_response(security_headers))
        .with_state(app))
}

async fn security_headers(mut r: Response) -> Response {
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
    r
}

/// `vigie serve`.
pub fn run(config: &Config, a: &Args) -> Result<ExitCode> {
    let db = a.db.path()?;
    if let Some(s) = db.to_str().filter(|s| s.contains("://")) {
        anyhow::bail!(
            "{s}: this build of Vigie keeps its record in a SQLite file; a PostgreSQL URL is not supported yet"
        );
    }
    serve(config, db, a.addr, token_of(a)?, a.max_body, false)
}

/// Serves the record at `db` on `addr` until Ctrl-C. With `any_port`, a busy port is
/// replaced by a free one (the demo does this; `vigie serve` says the port is busy).
pub fn serve(
    config: &Config,
    db: PathBuf,
    addr: SocketAddr,
    token: Option<String>,
    max_body: usize,
    any_port: bool,
) -> Result<ExitCode> {
    let app = router(config, db.clone(), token.clone(), max_body)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(addr).await {
            Ok(l) => l,
            Err(e) if any_port && e.kind() == std::io::ErrorKind::AddrInUse => {
                tokio::net::TcpListener::bind(SocketAddr::new(addr.ip(), 0)).await?
            }
            Err(e) => {
                return Err(anyhow::Error::from(e).context(format!(
                    "listening on {addr} (another port: --addr 127.0.0.1:8081)"
                )))
            }
        };
        let addr = listener.local_addr()?;
        eprintln!(
            "Vigie serves {} at http://{addr}/ ({}; the API is described at http://{addr}/api/openapi.json). Ctrl-C stops it.",
            db.display(),
            if token.is_some() {
                "POST /api/documents needs the bearer token"
            } else {
                "read-only: no token given"
            }
        );
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .context("serving")
    })?;
    Ok(ExitCode::SUCCESS)
}

/// A request's query, parsed; unknown parameters are refused so that a typo is not
/// silently ignored.
struct Params(BTreeMap<String, String>);

impl Params {
    fn parse(raw: Option<String>, known: &[&str]) -> ApiResult<Params> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.as_deref().unwrap_or(""))
            .map_err(|e| ApiError::bad(format!("query: {e}")))?;
        let mut map = BTreeMap::new();
        for (k, v) in pairs {
            if !known.contains(&k.as_str()) {
                return Err(ApiError::bad(format!(
                    "unknown parameter {k:?}; this endpoint takes: {}",
                    known.join(", ")
                )));
            }
            if !v.is_empty() {
                map.insert(k, v);
            }
        }
        Ok(Params(map))
    }

    fn text(&self, k: &str) -> Option<String> {
        self.0.get(k).cloned()
    }

    fn parsed<T: std::str::FromStr>(&self, k: &str, what: &str) -> ApiResult<Option<T>> {
        match self.0.get(k) {
            None => Ok(None),
            Some(v) => v
                .parse()
                .map(Some)
                .map_err(|_| ApiError::bad(format!("{k}={v:?}: expected {what}"))),
        }
    }

    fn date(&self, k: &str) -> ApiResult<Option<NaiveDate>> {
        self.parsed(k, "a day as YYYY-MM-DD")
    }

    fn bool(&self, k: &str) -> ApiResult<Option<bool>> {
        self.parsed(k, "true or false")
    }
}

const FILTER_PARAMS: &[&str] = &[
    "bbox",
    "from",
    "to",
    "type",
    "sub_type",
    "actor",
    "country",
    "q",
    "contested",
];

/// A box as `vigie events --bbox` reads it, and on the globe: finite degrees, latitudes
/// within ±90.
fn parse_bbox(s: &str) -> ApiResult<(f64, f64, f64, f64)> {
    let b = crate::record::parse_bbox(s).map_err(|e| ApiError::bad(format!("bbox={e}")))?;
    let (_, y0, _, y1) = b;
    let on_globe = [b.0, b.1, b.2, b.3].iter().all(|x| x.is_finite())
        && (-90.0..=90.0).contains(&y0)
        && (-90.0..=90.0).contains(&y1);
    if !on_globe {
        return Err(ApiError::bad(format!(
            "bbox={s:?}: finite degrees, latitudes between -90 and 90"
        )));
    }
    Ok(b)
}

fn filter_of(p: &Params) -> ApiResult<EventFilter> {
    let from = p.date("from")?;
    let to = p.date("to")?;
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(ApiError::bad(format!("from={f} is after to={t}")));
        }
    }
    Ok(EventFilter {
        from,
        to,
        bbox: p.text("bbox").as_deref().map(parse_bbox).transpose()?,
        country: p.text("country"),
        event_type: p.text("type"),
        sub_event_type: p.text("sub_type"),
        actor: p.text("actor"),
        text: p.text("q"),
        contested: p.bool("contested")?,
        limit: None,
        offset: 0,
    })
}

/// The filter parameters and an endpoint's own.
fn with_filters(more: &[&'static str]) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = FILTER_PARAMS.to_vec();
    v.extend_from_slice(more);
    v
}

async fn openapi_json(State(app): State<Arc<App>>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        app.openapi.clone(),
    )
        .into_response()
}

async fn stats(State(app): State<Arc<App>>) -> ApiResult<Json<Value>> {
    let s = app.read(|_, s| Ok(s.stats()?)).await?;
    Ok(Json(serde_json::to_value(s).unwrap_or(Value::Null)))
}

async fn events(
    State(app): State<Arc<App>>,
    uri: Uri,
    RawQuery(q): RawQuery,
) -> ApiResult<Response> {
    let known = with_filters(&["limit", "offset", "format"]);
    let p = Params::parse(q, &known)?;
    let mut f = filter_of(&p)?;
    let limit = p
        .parsed::<usize>("limit", "a whole number")?
        .unwrap_or(DEFAULT_LIMIT);
    if limit == 0 || limit > MAX_LIMIT {
        return Err(ApiError::bad(format!(
            "limit={limit}: between 1 and {MAX_LIMIT}"
        )));
    }
    let offset = p.parsed::<usize>("offset", "a whole number")?.unwrap_or(0);
    let geojson = match p.text("format").as_deref() {
        None | Some("json") => false,
        Some("geojson") => true,
        Some(o) => return Err(ApiError::bad(format!("format={o:?}: json or geojson"))),
    };
    f.limit = Some(limit + 1);
    f.offset = offset;
    let mut list = app.read(move |_, s| Ok(s.events(&f)?)).await?;
    let more = list.len() > limit;
    list.truncate(limit);
    let next = more.then(|| {
        let mut pairs: Vec<(String, String)> =
            p.0.iter()
                .filter(|(k, _)| *k != "offset")
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
        pairs.push(("offset".into(), (offset + limit).to_string()));
        format!(
            "{}?{}",
            uri.path(),
            serde_urlencoded::to_string(&pairs).unwrap_or_default()
        )
    });
    let body = if geojson {
        let mut v = export::geojson_events(&list);
        v["next"] = json!(next);
        v
    } else {
        json!({"events": list, "offset": offset, "limit": limit, "next": next})
    };
    Ok(Json(body).into_response())
}

async fn event(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult<Json<Value>> {
    let id2 = id.clone();
    let d = app.read(move |_, s| Ok(s.event(&id2)?)).await?;
    match d {
        Some(d) => Ok(Json(serde_json::to_value(d).unwrap_or(Value::Null))),
        None => Err(ApiError::not_found(format!(
            "no event {id:?} in the record"
        ))),
    }
}

/// Counts by period and type. Counting a whole large record takes a while (0.7 s for a
/// million events), and the page asks the same question on every visit: answers are kept
/// until the record changes.
async fn timeline(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> ApiResult<Json<Value>> {
    let key = q.clone().unwrap_or_default();
    let stamp = record_stamp(&app.readers.path);
    if let Some((s, v)) = app
        .timelines
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .get(&key)
    {
        if *s == stamp {
            return Ok(Json(v.clone()));
        }
    }
    let p = Params::parse(q, &with_filters(&["bin"]))?;
    let f = filter_of(&p)?;
    let bin: TimeBin = p
        .text("bin")
        .as_deref()
        .unwrap_or("week")
        .parse()
        .map_err(ApiError::bad)?;
    let counts = app.read(move |_, s| Ok(s.timeline(&f, bin)?)).await?;
    let v = json!({"bin": bin, "counts": counts});
    let mut cache = app.timelines.lock().unwrap_or_else(|p| p.into_inner());
    if cache.len() >= 64 {
        cache.clear();
    }
    cache.insert(key, (stamp, v.clone()));
    Ok(Json(v))
}

async fn export_events(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> ApiResult<Response> {
    let p = Params::parse(q, &with_filters(&["format", "limit"]))?;
    let mut f = filter_of(&p)?;
    f.limit = p.parsed::<usize>("limit", "a whole number")?;
    let format = p.text("format").unwrap_or_else(|| "acled".into());
    let (ctype, ext) = match format.as_str() {
        "acled" => ("text/csv; charset=utf-8", "csv"),
        "geojson" => ("application/geo+json", "geojson"),
        "jsonl" => ("application/x-ndjson", "jsonl"),
        o => {
            return Err(ApiError::bad(format!(
                "format={o:?}: acled, geojson or jsonl"
            )))
        }
    };
    let bytes = app
        .read(move |app, s| {
            let list = s.events(&f)?;
            let mut out = Vec::new();
            match format.as_str() {
                "geojson" => {
                    serde_json::to_writer(&mut out, &export::geojson_events(&list))?;
                }
                "jsonl" => {
                    for d in details_of(s, &list)? {
                        serde_json::to_writer(&mut out, &d)?;
                        out.push(b'\n');
                    }
                }
                _ => app.acled.write_csv(&mut out, &details_of(s, &list)?)?,
            }
            Ok(out)
        })
        .await?;
    Ok((
        [
            (header::CONTENT_TYPE, ctype.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"vigie-events.{ext}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

async fn search(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> ApiResult<Json<Value>> {
    let p = Params::parse(q, &["q", "limit"])?;
    let Some(words) = p.text("q") else {
        return Err(ApiError::bad("give q=words to search the documents"));
    };
    let limit = p
        .parsed::<usize>("limit", "a whole number")?
        .unwrap_or(50)
        .min(1000);
    let hits = app.read(move |_, s| Ok(s.search(&words, limit)?)).await?;
    Ok(Json(json!({"documents": hits})))
}

async fn document(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult<Json<Value>> {
    let id2 = id.clone();
    let found = app
        .read(move |_, s| match s.document(&id2)? {
            None => Ok(None),
            Some((doc, text)) => Ok(Some((doc, text, s.document_findings(&id2)?))),
        })
        .await?;
    match found {
        Some((doc, text, findings)) => Ok(Json(json!({
            "document": doc,
            "text": text,
            "mentions": findings.mentions,
            "reports": findings.reports,
            "movements": findings.movements,
        }))),
        None => Err(ApiError::not_found(format!(
            "no document {id:?} in the record"
        ))),
    }
}

async fn tracks(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> ApiResult<Json<Value>> {
    let p = Params::parse(q, &["format", "actor"])?;
    let actor = p.text("actor");
    let mut list = app.read(|_, s| Ok(s.tracks()?)).await?;
    if let Some(a) = actor {
        list.retain(|t| t.actor.eq_ignore_ascii_case(&a));
    }
    match p.text("format").as_deref() {
        None | Some("json") => Ok(Json(json!({"tracks": list}))),
        Some("geojson") => Ok(Json(export::geojson_tracks(&list))),
        Some(o) => Err(ApiError::bad(format!("format={o:?}: json or geojson"))),
    }
}

async fn failures(State(app): State<Arc<App>>) -> ApiResult<Json<Value>> {
    let list = app.read(|_, s| Ok(s.failures()?)).await?;
    Ok(Json(json!({"failures": list})))
}

async fn actors_list(State(app): State<Arc<App>>) -> Json<Value> {
    Json(json!({"actors": app.actors}))
}

async fn places(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> ApiResult<Json<Value>> {
    let p = Params::parse(q, &["bbox", "min_population", "limit"])?;
    let bbox = p.text("bbox").as_deref().map(parse_bbox).transpose()?;
    let min_pop = p
        .parsed::<u64>("min_population", "a whole number")?
        .unwrap_or(0);
    let limit = p
        .parsed::<usize>("limit", "a whole number")?
        .unwrap_or(100)
        .min(1000);
    let inside = |l: &Label| match bbox {
        None => true,
        Some((x0, y0, x1, y1)) => {
            l.lat >= y0 && l.lat <= y1 && {
                // a box may cross the antimeridian (x1 > 180 after panning)
                let lon = if l.lon < x0 { l.lon + 360.0 } else { l.lon };
                lon >= x0 && lon <= x1
            }
        }
    };
    let out: Vec<Value> = app
        .labels
        .iter()
        .take_while(|l| l.population >= min_pop)
        .filter(|l| inside(l))
        .take(limit)
        .map(|l| json!({"name": l.name, "lat": l.lat, "lon": l.lon, "population": l.population, "capital": l.capital}))
        .collect();
    Ok(Json(json!({"places": out})))
}

async fn boundaries_geojson(State(app): State<Arc<App>>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/geo+json")],
        app.boundaries.clone(),
    )
        .into_response()
}

/// `POST /api/documents`: the body is one source in any format `vigie ingest` reads.
async fn ingest(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Response> {
    let Some(token) = &app.token else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "this server is read-only: start it with --token (or VIGIE_TOKEN) to accept documents",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if !given.is_some_and(|g| constant_time_eq(g.as_bytes(), token.as_bytes())) {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "give the server's token as `Authorization: Bearer TOKEN`",
        ));
    }
    let body = body.map_err(|e| ApiError::new(e.status(), e.body_text()))?;
    if body.is_empty() {
        return Err(ApiError::bad("the request body is empty: send a document"));
    }
    let p = Params::parse(q, &["name"])?;
    let name = p.text("name");
    if let Some(n) = &name {
        if n.contains(['/', '\\']) || n.contains("..") {
            return Err(ApiError::bad(format!(
                "name={n:?}: a file name only, without folders"
            )));
        }
    }
    let app2 = app.clone();
    let (summary, failed) = tokio::task::spawn_blocking(move || -> ApiResult<_> {
        let mut record = app2.writer.lock().unwrap_or_else(|p| p.into_inner());
        let source = format!("http:{}", name.as_deref().unwrap_or("request"));
        let mut ing = Ingester::new(&app2.pipeline, &mut record, 256, false, 1);
        ing.source(&source, name.as_deref(), &body)?;
        Ok(ing.finish()?)
    })
    .await
    .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))??;
    let status = if summary.new + summary.updated > 0 {
        StatusCode::CREATED
    } else if summary.failed > 0 && summary.unchanged == 0 {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((
        status,
        Json(json!({"summary": summary, "failures": failed})),
    )
        .into_response())
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

async fn method_not_allowed(method: Method, uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!(
            "{method} is not allowed on {}; see /api/openapi.json",
            uri.path()
        ),
    )
}

async fn api_not_found(method: Method, uri: Uri) -> ApiError {
    ApiError::not_found(format!(
        "no such endpoint: {method} {}; see /api/openapi.json",
        uri.path()
    ))
}

/// The page and its files: `/` is `index.html`; other paths are looked up by exact name
/// among the embedded files, so nothing outside them can be reached.
async fn page(method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "the page is read with GET")
            .into_response();
    }
    let path = uri.path().trim_start_matches('/');
    let path = if path.is_empty() { "index.html" } else { path };
    match vigie_web::asset(path) {
        Some(a) => (
            [
                (header::CONTENT_TYPE, a.content_type),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            Body::from(a.bytes),
        )
            .into_response(),
        None => ApiError::not_found(format!("no such page: /{path}")).into_response(),
    }
}

/// The API's OpenAPI 3.1 description.
fn openapi() -> Value {
    let filter_params: Vec<Value> = [
        ("bbox", "min_lon,min_lat,max_lon,max_lat (WGS 84 degrees)"),
        ("from", "events ending on or after this day (YYYY-MM-DD)"),
        ("to", "events starting on or before this day (YYYY-MM-DD)"),
        ("type", "ACLED event type or sub-event type"),
        ("sub_type", "ACLED sub-event type"),
        (
            "actor",
            "an actor as Vigie names it (actor1, actor2 or associated)",
        ),
        ("country", "ISO 3166-1 alpha-2 code or English name"),
        ("q", "words that must occur in one of the event's documents"),
        ("contested", "true: only events whose reports disagree"),
    ]
    .iter()
    .map(|(name, d)| {
        let schema = match *name {
            "from" | "to" => json!({"type": "string", "format": "date"}),
            "contested" => json!({"type": "boolean"}),
            _ => json!({"type": "string"}),
        };
        json!({"name": name, "in": "query", "required": false, "description": d, "schema": schema})
    })
    .collect();
    let q = |name: &str, d: &str, schema: Value| json!({"name": name, "in": "query", "required": false, "description": d, "schema": schema});
    let with_filters = |more: Vec<Value>| {
        let mut v = filter_params.clone();
        v.extend(more);
        Value::Array(v)
    };
    let id = |what: &str| json!({"name": "id", "in": "path", "required": true, "description": what, "schema": {"type": "string"}});
    let ok = |d: &str| json!({"200": {"description": d, "content": {"application/json": {}}}, "400": {"$ref": "#/components/responses/Error"}});
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Vigie",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Conflict events merged from open-source reports, with the claims and the words behind every field. Errors are JSON: {\"error\": {\"status\", \"message\"}}.",
            "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"}
        },
        "paths": {
            "/api/events": {"get": {
                "summary": "Merged events matching filters, by first day",
                "parameters": with_filters(vec![
                    q("limit", "events per page (1–10000, default 500)", json!({"type": "integer", "minimum": 1, "maximum": MAX_LIMIT})),
                    q("offset", "events to skip", json!({"type": "integer", "minimum": 0})),
                    q("format", "json (default) or geojson", json!({"enum": ["json", "geojson"]})),
                ]),
                "responses": ok("{events, offset, limit, next} or a GeoJSON FeatureCollection with next; next is the URL of the following page, or null")
            }},
            "/api/events/{id}": {"get": {
                "summary": "One event in full: merged fields, reports with their claims, evidence spans, rules fired, sources",
                "parameters": [id("event id (an absorbed event's id finds the event that absorbed it)")],
                "responses": {"200": {"description": "the event", "content": {"application/json": {}}}, "404": {"$ref": "#/components/responses/Error"}}
            }},
            "/api/timeline": {"get": {
                "summary": "Counts of events by day, week or month and type",
                "parameters": with_filters(vec![q("bin", "day, week (default) or month", json!({"enum": ["day", "week", "month"]}))]),
                "responses": ok("{bin, counts: [{period, event_type, count}]}")
            }},
            "/api/export": {"get": {
                "summary": "A filtered selection as a file: ACLED CSV (31 columns), GeoJSON or JSON Lines",
                "parameters": with_filters(vec![
                    q("format", "acled (default), geojson or jsonl", json!({"enum": ["acled", "geojson", "jsonl"]})),
                    q("limit", "at most this many events", json!({"type": "integer", "minimum": 1})),
                ]),
                "responses": {"200": {"description": "the file", "content": {"text/csv": {}, "application/geo+json": {}, "application/x-ndjson": {}}}, "400": {"$ref": "#/components/responses/Error"}}
            }},
            "/api/documents": {
                "get": {
                    "summary": "Full-text search over documents",
                    "parameters": [q("q", "words", json!({"type": "string"})), q("limit", "at most (default 50)", json!({"type": "integer"}))],
                    "responses": ok("{documents: [{document, snippet}]}")
                },
                "post": {
                    "summary": "Ingest one source (text, Markdown, HTML, RSS/Atom, JSON Lines, Telegram export, X archive), detected by content",
                    "security": [{"bearer": []}],
                    "parameters": [q("name", "a file name, to help format detection", json!({"type": "string"}))],
                    "requestBody": {"required": true, "content": {"application/octet-stream": {}}},
                    "responses": {
                        "201": {"description": "documents added: {summary, failures}", "content": {"application/json": {}}},
                        "200": {"description": "nothing new", "content": {"application/json": {}}},
                        "401": {"$ref": "#/components/responses/Error"},
                        "403": {"description": "the server is read-only (started without a token)", "content": {"application/json": {}}},
                        "413": {"$ref": "#/components/responses/Error"},
                        "422": {"description": "nothing could be read; the failures are kept in the record", "content": {"application/json": {}}}
                    }
                }
            },
            "/api/documents/{id}": {"get": {
                "summary": "One document: its text, and the spans of every mention, report and movement found in it (byte offsets into the UTF-8 text)",
                "parameters": [id("document id (content hash)")],
                "responses": {"200": {"description": "{document, text, mentions, reports, movements}", "content": {"application/json": {}}}, "404": {"$ref": "#/components/responses/Error"}}
            }},
            "/api/tracks": {"get": {
                "summary": "Movement tracks of units and convoys",
                "parameters": [q("actor", "only this actor's", json!({"type": "string"})), q("format", "json (default) or geojson", json!({"enum": ["json", "geojson"]}))],
                "responses": ok("{tracks} or a GeoJSON FeatureCollection")
            }},
            "/api/stats": {"get": {"summary": "What the record holds", "responses": ok("counts")}},
            "/api/failures": {"get": {"summary": "Sources that could not be read, with their errors", "responses": ok("{failures}")}},
            "/api/actors": {"get": {"summary": "Actor names Vigie knows (for suggestions)", "responses": ok("{actors}")}},
            "/api/places": {"get": {
                "summary": "Towns from the gazetteer for map labels, largest first",
                "parameters": [
                    q("bbox", "min_lon,min_lat,max_lon,max_lat", json!({"type": "string"})),
                    q("min_population", "smallest population", json!({"type": "integer"})),
                    q("limit", "at most (default 100, up to 1000)", json!({"type": "integer"})),
                ],
                "responses": ok("{places: [{name, lat, lon, population, capital}]}")
            }},
            "/api/boundaries": {"get": {"summary": "Administrative boundaries shipped with Vigie (GeoJSON)", "responses": {"200": {"description": "FeatureCollection", "content": {"application/geo+json": {}}}}}},
            "/api/openapi.json": {"get": {"summary": "This description", "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {}}}}}}
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "responses": {"Error": {
                "description": "what was wrong",
                "content": {"application/json": {"schema": {
                    "type": "object",
                    "properties": {"error": {"type": "object", "properties": {"status": {"type": "integer"}, "message": {"type": "string"}}}}
                }}}
            }}
        }
    })
}
