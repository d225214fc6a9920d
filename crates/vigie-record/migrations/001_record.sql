-- Vigie record, schema version 1.
-- Documents are kept whole (id = content hash); a page seen again with other content at the
-- same URL is a new version, and the old one stays.
CREATE TABLE documents (
    id          TEXT PRIMARY KEY,
    url         TEXT,
    outlet      TEXT,
    title       TEXT,
    published   TEXT,
    lang        TEXT NOT NULL,
    text        TEXT NOT NULL,
    source      TEXT NOT NULL,
    format      TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    ingested_at TEXT NOT NULL,
    diagnostics TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX documents_url ON documents(url);
CREATE INDEX documents_published ON documents(published);

-- Full-text search over titles and texts (external content: the text is stored once).
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content = 'documents', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- What could not be read, with its error and its bytes (quarantine).
CREATE TABLE failures (
    id           INTEGER PRIMARY KEY,
    source       TEXT NOT NULL,
    format       TEXT,
    error        TEXT NOT NULL,
    content      BLOB,
    size         INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    at           TEXT NOT NULL,
    UNIQUE (source, content_hash)
);

-- Every mention the extraction found, with its span in the document's text.
CREATE TABLE mentions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind   TEXT NOT NULL,
    start  INTEGER NOT NULL,
    end    INTEGER NOT NULL,
    label  TEXT,
    data   TEXT NOT NULL
);
CREATE INDEX mentions_doc ON mentions(doc_id, start);

-- Merged events: reports of one real event across documents.
CREATE TABLE events (
    seq                INTEGER PRIMARY KEY,
    id                 TEXT NOT NULL UNIQUE,
    event_type         TEXT NOT NULL,
    sub_event_type     TEXT NOT NULL,
    date_from          TEXT,
    date_to            TEXT,
    time_precision     INTEGER NOT NULL,
    location           TEXT,
    lat                REAL,
    lon                REAL,
    geo_precision      INTEGER NOT NULL,
    country            TEXT,
    admin1             TEXT,
    admin2             TEXT,
    actor1             TEXT,
    assoc_actor1       TEXT NOT NULL DEFAULT '[]',
    actor2             TEXT,
    assoc_actor2       TEXT NOT NULL DEFAULT '[]',
    civilian_targeting INTEGER NOT NULL DEFAULT 0,
    fat_low            INTEGER,
    fat_best           INTEGER,
    fat_high           INTEGER,
    wounded            INTEGER,
    sources            INTEGER NOT NULL,
    reports            INTEGER NOT NULL,
    contested          INTEGER NOT NULL DEFAULT 0,
    contested_why      TEXT NOT NULL DEFAULT '[]',
    actors             TEXT NOT NULL DEFAULT '',
    journey            INTEGER NOT NULL DEFAULT 0,
    country_wide       INTEGER NOT NULL DEFAULT 0,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
);
CREATE INDEX events_type_from ON events(event_type, date_from);
CREATE INDEX events_from ON events(date_from);

-- Where events are: one point each (rowid = events.seq).
CREATE VIRTUAL TABLE events_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);

-- One document's account of one event.
CREATE TABLE reports (
    seq            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    doc_id         TEXT NOT NULL REFERENCES documents(id),
    idx            INTEGER NOT NULL,
    event_id       TEXT NOT NULL REFERENCES events(id),
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    date_from      TEXT NOT NULL,
    date_to        TEXT NOT NULL,
    published      TEXT,
    actor1         TEXT,
    actor2         TEXT,
    fat_low        INTEGER,
    fat_best       INTEGER,
    fat_high       INTEGER,
    wounded        INTEGER,
    source         TEXT NOT NULL,
    reasons        TEXT NOT NULL,
    data           TEXT NOT NULL
);
CREATE INDEX reports_event ON reports(event_id, seq);
CREATE INDEX reports_doc ON reports(doc_id);

-- Who claims what about an event, in which words.
CREATE TABLE claims (
    id        INTEGER PRIMARY KEY,
    report_id TEXT NOT NULL REFERENCES reports(id),
    event_id  TEXT NOT NULL REFERENCES events(id),
    doc_id    TEXT NOT NULL REFERENCES documents(id),
    claimant  TEXT NOT NULL,
    hedged    INTEGER NOT NULL,
    what      TEXT NOT NULL,
    basis     TEXT,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    text      TEXT NOT NULL
);
CREATE INDEX claims_event ON claims(event_id);

-- Movements of units and convoys, one document each.
CREATE TABLE movements (
    id        INTEGER PRIMARY KEY,
    doc_id    TEXT NOT NULL REFERENCES documents(id),
    idx       INTEGER NOT NULL,
    actor     TEXT NOT NULL,
    status    TEXT NOT NULL,
    place     TEXT,
    lat       REAL,
    lon       REAL,
    date_from TEXT,
    date_to   TEXT,
    data      TEXT NOT NULL
);
CREATE INDEX movements_actor ON movements(actor);

-- Movements of one actor across documents, ordered in time.
CREATE TABLE tracks (
    id        TEXT PRIMARY KEY,
    actor     TEXT NOT NULL,
    date_from TEXT,
    date_to   TEXT,
    waypoints INTEGER NOT NULL,
    plausible INTEGER NOT NULL,
    data      TEXT NOT NULL
);
CREATE INDEX tracks_actor ON tracks(actor);

-- Actors whose tracks must be rebuilt (written with their movements, cleared by the rebuild:
-- a crash in between leaves the work to the next run).
CREATE TABLE dirty_tracks (
    actor TEXT PRIMARY KEY
);

-- Ids of events absorbed into another when a later report showed them to be one event:
-- the old id still finds the event.
CREATE TABLE event_aliases (
    alias    TEXT PRIMARY KEY,
    event_id TEXT NOT NULL
);
