//! The gazetteer index: a compact binary form, its builder, user extensions and import.
//!
//! Layout (all integers little-endian; columns rather than records, so that gzip packs
//! them well):
//!
//! ```text
//! magic "VIGIEGZ\x02"
//! u32 n_places, n_features, n_admin1, n_keys, n_postings, names_len, keys_len, misc_len
//! names     place names, concatenated in place order (offsets from the name lengths)
//! keystr    keys, concatenated in sorted order (offsets from the key lengths)
//! misc      feature codes, admin1 codes and names
//! columns   per place: geonameid u32 (0 = none), lat i32, lon i32 (1e-6 degrees),
//!           population u32, name length u16, feature u16, admin1 u16 (0xFFFF = none),
//!           country [u8; 2], feature class u8
//! features  n_features x (off u32, len u16) into misc
//! admin1    n_admin1 x (code off u32, code len u16, name off u32, name len u16)
//! keys      n_keys x key length u8, then n_keys x posting count u32
//! postings  n_postings x u32 place index
//! ```
//!
//! A key is a level tag byte (see [`KeyLevel::tag`]) followed by the key text, so one
//! binary search finds every place of one key. Loading is a copy and a validation pass:
//! nothing is rebuilt.

use crate::geonames::{self, Row};
use crate::keys::{KeyBuf, KeyLevel};
use crate::{io_err, Error, Result};
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Index of a place in a [`Gazetteer`].
pub type PlaceId = u32;

/// A place as given to the gazetteer (user extensions, builders).
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// GeoNames id, when the place comes from GeoNames.
    pub geonameid: Option<u64>,
    /// The gazetteer's name.
    pub name: String,
    /// Latitude, WGS84.
    pub lat: f64,
    /// Longitude, WGS84.
    pub lon: f64,
    /// GeoNames feature class (`P`, `A`, `H`, `T`, `S`, …).
    pub feature_class: char,
    /// GeoNames feature code (`PPL`, `WLL`, `PCLI`, …).
    pub feature_code: String,
    /// ISO2 country code.
    pub country: String,
    /// Admin1 code as GeoNames writes it with the country (`ML.08`), may be empty.
    pub admin1_code: String,
    /// Admin1 name, when known.
    pub admin1_name: Option<String>,
    /// Population (0 when unknown).
    pub population: u64,
}

/// A borrowed view of one place of the index.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlaceRef<'a> {
    /// Its index in the gazetteer.
    pub id: PlaceId,
    /// GeoNames id, when it has one.
    pub geonameid: Option<u64>,
    /// Name.
    pub name: &'a str,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Feature class (`P`, `A`, `H`, …; `?` when unknown).
    pub feature_class: char,
    /// Feature code.
    pub feature_code: &'a str,
    /// ISO2 country code.
    pub country: &'a str,
    /// Admin1 code (`ML.08`), empty when unknown.
    pub admin1_code: &'a str,
    /// Admin1 name, when known.
    pub admin1: Option<&'a str>,
    /// Population.
    pub population: u64,
}

const MAGIC: &[u8; 8] = b"VIGIEGZ\x02";
const HEADER: usize = 8 + 8 * 4;
const NONE16: u16 = 0xFFFF;

/// The frozen, byte-backed part of a gazetteer.
#[derive(Debug, Clone, Default)]
struct Frozen {
    bytes: Vec<u8>,
    n_places: usize,
    n_features: usize,
    n_admin1: usize,
    n_keys: usize,
    n_postings: usize,
    names: usize,
    keystr: usize,
    misc: usize,
    // place columns
    c_gid: usize,
    c_lat: usize,
    c_lon: usize,
    c_pop: usize,
    c_nlen: usize,
    c_feat: usize,
    c_adm: usize,
    c_cc: usize,
    c_class: usize,
    features: usize,
    admin1: usize,
    c_klen: usize,
    c_kcount: usize,
    postings: usize,
    // derived at load time
    name_off: Vec<u32>,
    key_off: Vec<u32>,
    post_off: Vec<u32>,
    /// Hash table of the keys (open addressing, linear probing, a power of two long):
    /// each slot holds the key's hash tag (high half of its hash) and its index, or
    /// [`EMPTY_SLOT`]. A lookup costs one hash and usually one key comparison, and a
    /// name absent from the index is mostly refused on the tag alone.
    slots: Vec<(u32, u32)>,
    /// The string sections, checked as UTF-8 once at load time, so that reading a
    /// place's name, feature code or admin1 only checks char boundaries.
    names_text: String,
    misc_text: String,
    /// The country column: two bytes per place ("  " where the bytes were not UTF-8).
    cc_text: String,
}

/// An empty slot of [`Frozen::slots`].
const EMPTY_SLOT: (u32, u32) = (0, u32::MAX);

/// The hash of a tagged key: high half as the slot's tag, low half picks the slot.
fn key_hash(k: &[u8]) -> (u32, usize) {
    use std::hash::Hasher;
    let mut h = vigie_text::hash::WordHasher::default();
    h.write(k);
    // the word hasher's low bits depend on the first bytes only: mix them (murmur3's
    // finalizer) before taking a slot
    let mut v = h.finish();
    v ^= v >> 33;
    v = v.wrapping_mul(0xff51_afd7_ed55_8ccd);
    v ^= v >> 33;
    v = v.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    v ^= v >> 33;
    ((v >> 32) as u32, v as usize)
}

fn u16_at(b: &[u8], i: usize) -> u16 {
    b.get(i..i + 2)
        .map(|s| u16::from_le_bytes([s[0], s[1]]))
        .unwrap_or(0)
}
fn u32_at(b: &[u8], i: usize) -> u32 {
    b.get(i..i + 4)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
        .unwrap_or(0)
}

impl Frozen {
    fn parse(bytes: Vec<u8>) -> Result<Frozen> {
        let bad = |m: &str| Error::BadIndex(m.to_string());
        if bytes.len() < HEADER || &bytes[..8] != MAGIC {
            return Err(bad("missing magic"));
        }
        let h = |i: usize| u32_at(&bytes, 8 + 4 * i) as usize;
        let mut f = Frozen {
            n_places: h(0),
            n_features: h(1),
            n_admin1: h(2),
            n_keys: h(3),
            n_postings: h(4),
            ..Frozen::default()
        };
        let (names_len, keys_len, misc_len) = (h(5), h(6), h(7));
        let mut at = HEADER;
        let mut take = |len: usize| -> Result<usize> {
            let s = at;
            at = at.checked_add(len).ok_or_else(|| bad("size"))?;
            Ok(s)
        };
        let np = f.n_places;
        let mul = |a: usize, b: usize| a.checked_mul(b).ok_or_else(|| bad("size"));
        f.names = take(names_len)?;
        f.keystr = take(keys_len)?;
        f.misc = take(misc_len)?;
        f.c_gid = take(mul(np, 4)?)?;
        f.c_lat = take(mul(np, 4)?)?;
        f.c_lon = take(mul(np, 4)?)?;
        f.c_pop = take(mul(np, 4)?)?;
        f.c_nlen = take(mul(np, 2)?)?;
        f.c_feat = take(mul(np, 2)?)?;
        f.c_adm = take(mul(np, 2)?)?;
        f.c_cc = take(mul(np, 2)?)?;
        f.c_class = take(np)?;
        f.features = take(mul(f.n_features, 6)?)?;
        f.admin1 = take(mul(f.n_admin1, 12)?)?;
        f.c_klen = take(f.n_keys)?;
        f.c_kcount = take(mul(f.n_keys, 4)?)?;
        f.postings = take(mul(f.n_postings, 4)?)?;
        if at != bytes.len() {
            return Err(bad("section sizes do not add up"));
        }
        // names and misc are checked when copied to `names_text` and `misc_text`
        std::str::from_utf8(&bytes[f.keystr..f.keystr + keys_len])
            .map_err(|_| bad("strings are not UTF-8"))?;
        let misc_ok = |off: u32, len: u16| (off as usize).saturating_add(len as usize) <= misc_len;
        for i in 0..f.n_features {
            let r = f.features + i * 6;
            if !misc_ok(u32_at(&bytes, r), u16_at(&bytes, r + 4)) {
                return Err(bad("feature out of range"));
            }
        }
        for i in 0..f.n_admin1 {
            let r = f.admin1 + i * 12;
            if !misc_ok(u32_at(&bytes, r), u16_at(&bytes, r + 4))
                || !misc_ok(u32_at(&bytes, r + 6), u16_at(&bytes, r + 10))
            {
                return Err(bad("admin1 out of range"));
            }
        }
        // offsets derived from lengths and counts
        let mut name_off = Vec::with_capacity(np + 1);
        let mut o = 0u64;
        for i in 0..np {
            name_off.push(o as u32);
            o += u64::from(u16_at(&bytes, f.c_nlen + 2 * i));
        }
        if o != names_len as u64 {
            return Err(bad("name lengths do not add up"));
        }
        name_off.push(o as u32);
        let mut key_off = Vec::with_capacity(f.n_keys + 1);
        let mut post_off = Vec::with_capacity(f.n_keys + 1);
        let (mut ko, mut po) = (0u64, 0u64);
        for i in 0..f.n_keys {
            key_off.push(ko as u32);
            post_off.push(po as u32);
            ko += u64::from(bytes[f.c_klen + i]);
            po += u64::from(u32_at(&bytes, f.c_kcount + 4 * i));
        }
        if ko != keys_len as u64 || po != f.n_postings as u64 {
            return Err(bad("key lengths or counts do not add up"));
        }
        key_off.push(ko as u32);
        post_off.push(po as u32);
        for i in 0..f.n_postings {
            if u32_at(&bytes, f.postings + 4 * i) as usize >= np {
                return Err(bad("posting out of range"));
            }
        }
        // about two slots per key
        let size = (f.n_keys * 2).max(1).next_power_of_two();
        let mut slots = vec![EMPTY_SLOT; size];
        for i in 0..f.n_keys {
            let k = bytes
                .get(f.keystr + key_off[i] as usize..f.keystr + key_off[i + 1] as usize)
                .unwrap_or(&[]);
            let (tag, h) = key_hash(k);
            let mut at = h & (size - 1);
            while slots[at] != EMPTY_SLOT {
                at = (at + 1) & (size - 1);
            }
            slots[at] = (tag, i as u32);
        }
        let text = |s: usize, l: usize| {
            String::from_utf8(bytes[s..s + l].to_vec()).map_err(|_| bad("strings are not UTF-8"))
        };
        let names_text = text(f.names, names_len)?;
        let misc_text = text(f.misc, misc_len)?;
        let mut cc_text = String::with_capacity(2 * np);
        for cc in bytes[f.c_cc..f.c_cc + 2 * np].chunks_exact(2) {
            cc_text.push_str(std::str::from_utf8(cc).unwrap_or("  "));
        }
        Ok(Frozen {
            bytes,
            name_off,
            key_off,
            post_off,
            slots,
            names_text,
            misc_text,
            cc_text,
            ..f
        })
    }

    fn misc_str(&self, off: u32, len: u16) -> &str {
        let off = off as usize;
        self.misc_text.get(off..off + len as usize).unwrap_or("")
    }

    fn key_bytes(&self, i: usize) -> &[u8] {
        let (a, b) = (self.key_off[i] as usize, self.key_off[i + 1] as usize);
        self.bytes
            .get(self.keystr + a..self.keystr + b)
            .unwrap_or(&[])
    }

    fn postings_of(&self, i: usize) -> (usize, usize) {
        (self.post_off[i] as usize, self.post_off[i + 1] as usize)
    }

    fn posting(&self, p: usize) -> PlaceId {
        u32_at(&self.bytes, self.postings + 4 * p)
    }

    fn find(&self, tagged: &[u8], out: &mut Vec<PlaceId>) {
        if self.n_keys == 0 {
            return;
        }
        let mask = self.slots.len() - 1;
        let (tag, h) = key_hash(tagged);
        let mut at = h & mask;
        loop {
            let slot = self.slots[at];
            if slot == EMPTY_SLOT {
                return;
            }
            if slot.0 == tag && self.key_bytes(slot.1 as usize) == tagged {
                let (s, e) = self.postings_of(slot.1 as usize);
                for p in s..e {
                    out.push(self.posting(p));
                }
                return;
            }
            at = (at + 1) & mask;
        }
    }

    fn place(&self, i: usize) -> Option<PlaceRef<'_>> {
        if i >= self.n_places {
            return None;
        }
        let b = &self.bytes;
        let gid = u32_at(b, self.c_gid + 4 * i);
        let fi = u16_at(b, self.c_feat + 2 * i) as usize;
        let feature_code = if fi < self.n_features {
            let r = self.features + fi * 6;
            self.misc_str(u32_at(b, r), u16_at(b, r + 4))
        } else {
            ""
        };
        let ai = u16_at(b, self.c_adm + 2 * i);
        let (admin1_code, admin1) = if ai != NONE16 && (ai as usize) < self.n_admin1 {
            let a = self.admin1 + ai as usize * 12;
            let name = self.misc_str(u32_at(b, a + 6), u16_at(b, a + 10));
            (
                self.misc_str(u32_at(b, a), u16_at(b, a + 4)),
                (!name.is_empty()).then_some(name),
            )
        } else {
            ("", None)
        };
        let (no, ne) = (self.name_off[i] as usize, self.name_off[i + 1] as usize);
        Some(PlaceRef {
            id: i as PlaceId,
            geonameid: (gid != 0).then_some(u64::from(gid)),
            name: self.names_text.get(no..ne).unwrap_or(""),
            lat: f64::from(u32_at(b, self.c_lat + 4 * i) as i32) / 1e6,
            lon: f64::from(u32_at(b, self.c_lon + 4 * i) as i32) / 1e6,
            population: u64::from(u32_at(b, self.c_pop + 4 * i)),
            feature_code,
            admin1_code,
            admin1,
            country: self.cc_text.get(2 * i..2 * i + 2).unwrap_or("").trim(),
            feature_class: char::from(b[self.c_class + i]),
        })
    }
}

/// Builds the binary form.
#[derive(Default)]
pub(crate) struct Builder {
    names: String,
    misc: String,
    cols: [Vec<u8>; 9],
    n_places: usize,
    features: Vec<(u32, u16)>,
    feat_idx: HashMap<String, u16>,
    admin1: Vec<(u32, u16, u32, u16)>,
    admin1_idx: HashMap<String, u16>,
    arena: Vec<u8>,
    entries: Vec<(u32, u8, u32)>,
    kb: KeyBuf,
    tmp: Vec<(KeyLevel, String)>,
}

impl Builder {
    fn push_misc(&mut self, s: &str) -> (u32, u16) {
        let s = truncate(s, 1000);
        let off = self.misc.len() as u32;
        self.misc.push_str(s);
        (off, s.len() as u16)
    }

    fn feature(&mut self, code: &str) -> u16 {
        if let Some(&i) = self.feat_idx.get(code) {
            return i;
        }
        if self.features.len() >= NONE16 as usize - 1 {
            return NONE16;
        }
        let r = self.push_misc(code);
        let i = self.features.len() as u16;
        self.features.push(r);
        self.feat_idx.insert(code.to_string(), i);
        i
    }

    fn admin1(&mut self, code: &str, name: Option<&str>) -> u16 {
        if code.is_empty() {
            return NONE16;
        }
        if let Some(&i) = self.admin1_idx.get(code) {
            return i;
        }
        if self.admin1.len() >= NONE16 as usize - 1 {
            return NONE16;
        }
        let c = self.push_misc(code);
        let n = self.push_misc(name.unwrap_or(""));
        let i = self.admin1.len() as u16;
        self.admin1.push((c.0, c.1, n.0, n.1));
        self.admin1_idx.insert(code.to_string(), i);
        i
    }

    /// Adds a place record (no keys); returns its id.
    /// Moves record `id` to another point.
    fn set_point(&mut self, id: PlaceId, lat: f64, lon: f64) {
        let at = id as usize * 4;
        self.cols[1][at..at + 4].copy_from_slice(&((lat * 1e6).round() as i32).to_le_bytes());
        self.cols[2][at..at + 4].copy_from_slice(&((lon * 1e6).round() as i32).to_le_bytes());
    }

    fn add_record(&mut self, p: &PlaceRef<'_>) -> PlaceId {
        let id = self.n_places as PlaceId;
        let name = truncate(p.name, 1000);
        self.names.push_str(name);
        let f = self.feature(p.feature_code);
        let a = self.admin1(p.admin1_code, p.admin1);
        let c = &mut self.cols;
        c[0].extend_from_slice(
            &(p.geonameid.unwrap_or(0).min(u64::from(u32::MAX)) as u32).to_le_bytes(),
        );
        c[1].extend_from_slice(&((p.lat * 1e6).round() as i32).to_le_bytes());
        c[2].extend_from_slice(&((p.lon * 1e6).round() as i32).to_le_bytes());
        c[3].extend_from_slice(&(p.population.min(u64::from(u32::MAX)) as u32).to_le_bytes());
        c[4].extend_from_slice(&(name.len() as u16).to_le_bytes());
        c[5].extend_from_slice(&f.to_le_bytes());
        c[6].extend_from_slice(&a.to_le_bytes());
        let cc = p.country.as_bytes();
        c[7].extend_from_slice(&if cc.len() == 2 && p.country.is_ascii() {
            [cc[0], cc[1]]
        } else {
            [b' ', b' ']
        });
        c[8].push(if p.feature_class.is_ascii() {
            p.feature_class as u8
        } else {
            b'?'
        });
        self.n_places += 1;
        id
    }

    /// Adds an already-tagged key for a place (keys over 255 bytes are not indexed).
    fn add_raw_key(&mut self, tagged: &[u8], id: PlaceId) {
        if tagged.len() > 255 {
            return;
        }
        let off = self.arena.len() as u32;
        self.arena.extend_from_slice(tagged);
        self.entries.push((off, tagged.len() as u8, id));
    }

    /// Adds the keys of every name for a place (deduplicated per place).
    fn add_names<'n>(&mut self, id: PlaceId, names: impl Iterator<Item = &'n str>) {
        self.tmp.clear();
        for n in names {
            self.kb.compute(n);
            for level in KeyLevel::ALL {
                let k = self.kb.key(level);
                if !k.is_empty() && k.len() < 200 {
                    self.tmp.push((level, k.to_string()));
                }
            }
        }
        self.tmp.sort_unstable();
        self.tmp.dedup();
        let tmp = std::mem::take(&mut self.tmp);
        let mut buf = Vec::new();
        for (level, k) in &tmp {
            buf.clear();
            buf.push(level.tag());
            buf.extend_from_slice(k.as_bytes());
            self.add_raw_key(&buf, id);
        }
        self.tmp = tmp;
    }

    fn finish(mut self) -> Vec<u8> {
        let arena = std::mem::take(&mut self.arena);
        let key = |e: &(u32, u8, u32)| &arena[e.0 as usize..e.0 as usize + e.1 as usize];
        self.entries
            .sort_unstable_by(|a, b| key(a).cmp(key(b)).then(a.2.cmp(&b.2)));
        self.entries.dedup_by(|a, b| a.2 == b.2 && key(a) == key(b));
        let mut keystr: Vec<u8> = Vec::new();
        let mut klen: Vec<u8> = Vec::new();
        let mut kcount: Vec<u32> = Vec::new();
        let mut postings: Vec<u32> = Vec::with_capacity(self.entries.len());
        let mut last: Option<&[u8]> = None;
        for e in &self.entries {
            let k = key(e);
            if last != Some(k) {
                keystr.extend_from_slice(k);
                klen.push(k.len() as u8);
                kcount.push(0);
                last = Some(k);
            }
            if let Some(c) = kcount.last_mut() {
                *c += 1;
            }
            postings.push(e.2);
        }
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        for n in [
            self.n_places,
            self.features.len(),
            self.admin1.len(),
            klen.len(),
            postings.len(),
            self.names.len(),
            keystr.len(),
            self.misc.len(),
        ] {
            out.extend_from_slice(&(n as u32).to_le_bytes());
        }
        out.extend_from_slice(self.names.as_bytes());
        out.extend_from_slice(&keystr);
        out.extend_from_slice(self.misc.as_bytes());
        for c in &self.cols {
            out.extend_from_slice(c);
        }
        for (o, l) in &self.features {
            out.extend_from_slice(&o.to_le_bytes());
            out.extend_from_slice(&l.to_le_bytes());
        }
        for (co, cl, no, nl) in &self.admin1 {
            out.extend_from_slice(&co.to_le_bytes());
            out.extend_from_slice(&cl.to_le_bytes());
            out.extend_from_slice(&no.to_le_bytes());
            out.extend_from_slice(&nl.to_le_bytes());
        }
        out.extend_from_slice(&klen);
        for c in &kcount {
            out.extend_from_slice(&c.to_le_bytes());
        }
        for p in &postings {
            out.extend_from_slice(&p.to_le_bytes());
        }
        out
    }
}

fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut e = max;
    while !s.is_char_boundary(e) {
        e -= 1;
    }
    &s[..e]
}

/// True for names written in Latin script (accents allowed); other scripts are not indexed.
pub(crate) fn is_latin(s: &str) -> bool {
    s.chars().all(|c| {
        !c.is_alphabetic()
            || c.is_ascii()
            || ('\u{00C0}'..='\u{024F}').contains(&c)
            || ('\u{1E00}'..='\u{1EFF}').contains(&c)
            || matches!(c, 'ɛ' | 'Ɛ' | 'ɔ' | 'Ɔ' | 'ŋ' | 'Ŋ' | 'ɲ' | 'Ɲ')
    })
}

/// True for alternate names worth indexing: Latin script, not a code (IATA "BKO", ICAO,
/// postal codes), not a URL.
pub(crate) fn indexable_alternate(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && s.len() <= 80
        && !s.contains("://")
        && is_latin(s)
        && !(letters <= 5 && s.chars().all(|c| !c.is_lowercase()))
}

/// The gazetteer: a frozen index plus the places a user added.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    base: Frozen,
    extra: Vec<Place>,
    extra_keys: HashMap<Vec<u8>, Vec<PlaceId>>,
}

/// What [`import`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportStats {
    /// Files read.
    pub files: usize,
    /// Good rows read.
    pub rows: u64,
    /// Rows skipped as unreadable.
    pub bad_rows: u64,
    /// Rows skipped because their geonameid was already imported, or by the options.
    pub skipped: u64,
    /// Places in the index.
    pub places: usize,
    /// Admin1 names read.
    pub admin1: usize,
    /// Country entries added.
    pub countries: usize,
}

/// Choices of [`import_with`].
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Countries (ISO2) whose rows are taken whole. When not empty, rows of other countries
    /// keep their alternate names only from `alternates_min_population` up.
    pub full_countries: Vec<String>,
    /// See `full_countries`.
    pub alternates_min_population: u64,
    /// Files of these names (exact file names) are read only for rows of countries not in
    /// `full_countries` (e.g. `cities500.txt.gz` next to complete country dumps).
    pub complement_files: Vec<String>,
}

/// Builds a gazetteer from GeoNames files: dumps (country files, `cities500.txt`,
/// `allCountries.zip`; plain, `.gz`, `.zip`), `admin1CodesASCII.txt` and `countryInfo.txt`
/// (recognized by name), and OpenStreetMap places (`*.osm.tsv`, see [`crate::osm`]). Country entries (feature `PCLI`, English and French names) are
/// always added from the shipped `countries.tsv`.
pub fn import(paths: &[PathBuf]) -> Result<(Gazetteer, ImportStats)> {
    import_with(paths, &ImportOptions::default())
}

/// [`import`] with options (used to derive the embedded default).
pub fn import_with(paths: &[PathBuf], opt: &ImportOptions) -> Result<(Gazetteer, ImportStats)> {
    let mut st = ImportStats::default();
    let mut admin1: HashMap<String, String> = HashMap::new();
    let mut info: HashMap<String, (u64, u64)> = HashMap::new();
    let mut dumps = Vec::new();
    for p in paths {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if name.starts_with("admin1codes") {
            admin1.extend(geonames::read_admin1(p)?);
            st.files += 1;
        } else if name.starts_with("countryinfo") {
            for c in geonames::read_country_info(p)? {
                info.insert(c.iso2, (c.geonameid.unwrap_or(0), c.population));
            }
            st.files += 1;
        } else {
            dumps.push(p);
        }
    }
    st.admin1 = admin1.len();
    let mut b = Builder::default();
    // countries first
    let countries = crate::lexicon::countries();
    let mut country_ids: HashMap<String, PlaceId> = HashMap::new();
    for c in countries {
        let (gid, pop) = info.get(c.iso2.as_str()).copied().unwrap_or((0, 0));
        let pr = PlaceRef {
            id: 0,
            geonameid: (gid != 0).then_some(gid),
            name: &c.english,
            lat: c.lat,
            lon: c.lon,
            feature_class: 'A',
            feature_code: "PCLI",
            country: &c.iso2,
            admin1_code: "",
            admin1: None,
            population: pop,
        };
        let id = b.add_record(&pr);
        b.add_names(id, c.names.iter().map(String::as_str));
        country_ids.insert(c.iso2.clone(), id);
        st.countries += 1;
    }
    let have_country: HashSet<&str> = countries.iter().map(|c| c.iso2.as_str()).collect();
    let full: HashSet<&str> = opt.full_countries.iter().map(String::as_str).collect();
    let mut seen: HashSet<u64> = HashSet::new();
    let mut a1 = String::new();
    for p in dumps {
        if crate::osm::is_osm_file(p) {
            let rs = crate::osm::read_places(p, |o| {
                let pr = PlaceRef {
                    id: 0,
                    geonameid: None,
                    name: o.name,
                    lat: o.lat,
                    lon: o.lon,
                    feature_class: o.feature_class,
                    feature_code: o.feature_code,
                    country: o.country,
                    admin1_code: "",
                    admin1: None,
                    population: o.population,
                };
                let id = b.add_record(&pr);
                b.add_names(id, std::iter::once(o.name));
            })?;
            st.files += 1;
            st.rows += rs.rows;
            st.bad_rows += rs.bad;
            continue;
        }
        let fname = p
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let complement = opt.complement_files.contains(&fname);
        let rs = geonames::read_dump(p, |row: &Row<'_>| {
            // a dump's own row for a country gives GeoNames' point for it
            if row.feature_code == "PCLI" {
                if let Some(&id) = country_ids.get(row.country) {
                    b.set_point(id, row.lat, row.lon);
                }
            }
            if (complement && full.contains(row.country))
                || (row.feature_code.starts_with("PCL") && have_country.contains(row.country))
                || !seen.insert(row.geonameid)
            {
                st.skipped += 1;
                return;
            }
            a1.clear();
            if !row.admin1.is_empty() {
                a1.push_str(row.country);
                a1.push('.');
                a1.push_str(row.admin1);
            }
            let pr = PlaceRef {
                id: 0,
                geonameid: Some(row.geonameid),
                name: row.name,
                lat: row.lat,
                lon: row.lon,
                feature_class: row.feature_class,
                feature_code: row.feature_code,
                country: row.country,
                admin1_code: &a1,
                admin1: admin1.get(a1.as_str()).map(String::as_str),
                population: row.population,
            };
            let id = b.add_record(&pr);
            let mut names: Vec<&str> = Vec::with_capacity(8);
            names.push(row.name);
            if !row.asciiname.is_empty() {
                names.push(row.asciiname);
            }
            let alts = full.is_empty()
                || full.contains(row.country)
                || row.population >= opt.alternates_min_population;
            if alts {
                names.extend(row.alternates().filter(|a| indexable_alternate(a)));
            }
            b.add_names(id, names.iter().copied());
        })?;
        st.files += 1;
        st.rows += rs.rows;
        st.bad_rows += rs.bad;
    }
    st.places = b.n_places;
    let g = Gazetteer::from_vec(b.finish())?;
    Ok((g, st))
}

static EMBEDDED: OnceLock<Gazetteer> = OnceLock::new();
static EMBEDDED_GZ: &[u8] = include_bytes!("../data/default.vgz.gz");

impl Gazetteer {
    /// An empty gazetteer.
    pub fn empty() -> Gazetteer {
        Gazetteer::default()
    }

    /// The default gazetteer shipped inside the binary (GeoNames: complete dumps of Mali,
    /// Niger, Burkina Faso, Mauritania, Senegal, Côte d'Ivoire, Guinea; `cities500` for
    /// every other country; country names in English and French). Decoded once, lazily.
    /// A damaged embedded file gives an empty gazetteer rather than a panic.
    pub fn embedded() -> &'static Gazetteer {
        EMBEDDED.get_or_init(|| Gazetteer::from_gz(EMBEDDED_GZ).unwrap_or_default())
    }

    fn from_vec(bytes: Vec<u8>) -> Result<Gazetteer> {
        Ok(Gazetteer {
            base: Frozen::parse(bytes)?,
            ..Gazetteer::default()
        })
    }

    /// Reads an index from bytes (as written by [`Gazetteer::write`], or gzip of them).
    pub fn from_bytes(bytes: &[u8]) -> Result<Gazetteer> {
        if bytes.starts_with(&[0x1f, 0x8b]) {
            return Gazetteer::from_gz(bytes);
        }
        Gazetteer::from_vec(bytes.to_vec())
    }

    fn from_gz(gz: &[u8]) -> Result<Gazetteer> {
        let mut v = Vec::with_capacity(gz.len() * 4);
        flate2::read::GzDecoder::new(gz)
            .read_to_end(&mut v)
            .map_err(|e| Error::BadIndex(format!("gzip: {e}")))?;
        Gazetteer::from_vec(v)
    }

    /// Opens an index file (plain or gzip).
    pub fn open(path: &Path) -> Result<Gazetteer> {
        let bytes = std::fs::read(path).map_err(io_err(path))?;
        if bytes.starts_with(&[0x1f, 0x8b]) {
            Gazetteer::from_gz(&bytes)
        } else {
            Gazetteer::from_vec(bytes)
        }
    }

    /// The binary form of this gazetteer, user additions included.
    pub fn to_bytes(&self) -> Vec<u8> {
        if self.extra.is_empty() && !self.base.bytes.is_empty() {
            return self.base.bytes.clone();
        }
        let mut b = Builder::default();
        for i in 0..self.base.n_places {
            if let Some(p) = self.base.place(i) {
                b.add_record(&p);
            }
        }
        for i in 0..self.base.n_keys {
            let (s, e) = self.base.postings_of(i);
            let k = self.base.key_bytes(i).to_vec();
            for p in s..e {
                b.add_raw_key(&k, self.base.posting(p));
            }
        }
        for p in &self.extra {
            b.add_record(&p.as_ref(0));
        }
        for (k, ids) in &self.extra_keys {
            for id in ids {
                b.add_raw_key(k, *id);
            }
        }
        b.finish()
    }

    /// Writes the index to `path` (gzip-compressed when the name ends in `.gz`).
    pub fn write(&self, path: &Path) -> Result<()> {
        let bytes = self.to_bytes();
        let is_gz = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
        let out = if is_gz {
            use std::io::Write;
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            e.write_all(&bytes).map_err(io_err(path))?;
            e.finish().map_err(io_err(path))?
        } else {
            bytes
        };
        std::fs::write(path, out).map_err(io_err(path))
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.base.n_places + self.extra.len()
    }

    /// True when there is no place at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of distinct keys in the frozen index.
    pub fn key_count(&self) -> usize {
        self.base.n_keys + self.extra_keys.len()
    }

    /// One place.
    pub fn place(&self, id: PlaceId) -> Option<PlaceRef<'_>> {
        let i = id as usize;
        if i < self.base.n_places {
            self.base.place(i)
        } else {
            self.extra.get(i - self.base.n_places).map(|p| p.as_ref(id))
        }
    }

    /// Appends to `out` the places indexed under `key` at `level` (a key as computed by
    /// [`crate::keys::KeyBuf`]). `scratch` is reused between calls.
    pub fn lookup_key(
        &self,
        level: KeyLevel,
        key: &str,
        scratch: &mut Vec<u8>,
        out: &mut Vec<PlaceId>,
    ) {
        if key.is_empty() {
            return;
        }
        scratch.clear();
        scratch.push(level.tag());
        scratch.extend_from_slice(key.as_bytes());
        self.base.find(scratch, out);
        if let Some(ids) = self.extra_keys.get(scratch.as_slice()) {
            out.extend_from_slice(ids);
        }
    }

    /// Every place a name may refer to, with the best key level that found it, best
    /// levels first. Convenience form of [`Gazetteer::lookup_key`].
    pub fn lookup(&self, name: &str) -> Vec<(PlaceId, KeyLevel)> {
        let mut kb = KeyBuf::new();
        kb.compute(name);
        let mut out: Vec<(PlaceId, KeyLevel)> = Vec::new();
        let (mut scratch, mut ids) = (Vec::new(), Vec::new());
        for level in KeyLevel::ALL {
            ids.clear();
            self.lookup_key(level, kb.key(level), &mut scratch, &mut ids);
            out.extend(ids.iter().map(|&id| (id, level)));
        }
        // one entry per place, with its best level; best levels first
        out.sort_unstable();
        out.dedup_by_key(|e| e.0);
        out.sort_by_key(|e| e.1);
        out
    }

    /// Adds a place with its names (name and aliases); returns its id.
    pub fn add_place(&mut self, place: Place, aliases: &[&str]) -> PlaceId {
        let id = self.len() as PlaceId;
        let mut names: Vec<&str> = vec![place.name.as_str()];
        names.extend_from_slice(aliases);
        let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        self.extra.push(place);
        self.add_aliases(id, &names.iter().map(String::as_str).collect::<Vec<_>>());
        id
    }

    /// Indexes more names for an existing place.
    pub fn add_aliases(&mut self, id: PlaceId, aliases: &[&str]) {
        let mut kb = KeyBuf::new();
        for a in aliases {
            kb.compute(a);
            for level in KeyLevel::ALL {
                let k = kb.key(level);
                if k.is_empty() {
                    continue;
                }
                let mut tagged = vec![level.tag()];
                tagged.extend_from_slice(k.as_bytes());
                let v = self.extra_keys.entry(tagged).or_default();
                if !v.contains(&id) {
                    v.push(id);
                }
            }
        }
    }

    /// Reads a user TSV of places and adds them: `name, lat, lon, country, feature,
    /// population, aliases` (aliases comma-separated; `#` starts a comment line). A row
    /// without coordinates, or whose name already names a place of the same country within
    /// 5 km, adds its aliases to that existing place. Returns the number of rows used.
    pub fn extend_tsv(&mut self, path: &Path) -> Result<usize> {
        let text = std::fs::read_to_string(path).map_err(io_err(path))?;
        self.extend_tsv_str(&text, path)
    }

    /// [`Gazetteer::extend_tsv`] from text; `origin` names it in errors.
    pub fn extend_tsv_str(&mut self, text: &str, origin: &Path) -> Result<usize> {
        let mut n = 0;
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let bad = |m: &str| Error::BadLine {
                path: origin.to_path_buf(),
                line: i + 1,
                message: m.to_string(),
            };
            let c: Vec<&str> = line.split('\t').map(str::trim).collect();
            let name = c.first().copied().unwrap_or("");
            if name.is_empty() {
                return Err(bad("empty name"));
            }
            let num = |j: usize| -> std::result::Result<Option<f64>, Error> {
                match c.get(j).copied().unwrap_or("") {
                    "" => Ok(None),
                    s => s.parse::<f64>().map(Some).map_err(|_| bad("not a number")),
                }
            };
            let (lat, lon) = (num(1)?, num(2)?);
            let country = c.get(3).copied().unwrap_or("").to_ascii_uppercase();
            let feature = c.get(4).copied().unwrap_or("");
            let population = c.get(5).and_then(|s| s.parse::<u64>().ok()).unwrap_or(0);
            let aliases: Vec<&str> = c
                .get(6)
                .map(|s| {
                    s.split(',')
                        .map(str::trim)
                        .filter(|a| !a.is_empty())
                        .collect()
                })
                .unwrap_or_default();
            // an existing place of that name?
            let existing = self
                .lookup(name)
                .into_iter()
                .filter(|(_, l)| *l == KeyLevel::Exact)
                .filter_map(|(id, _)| self.place(id))
                .filter(|p| country.is_empty() || p.country == country)
                .filter(|p| match (lat, lon) {
                    (Some(a), Some(o)) => crate::geoparse::km(a, o, p.lat, p.lon) <= 5.0,
                    _ => true,
                })
                .max_by_key(|p| (p.feature_class == 'P', p.population))
                .map(|p| p.id);
            match (existing, lat, lon) {
                (Some(id), _, _) => {
                    let mut all = aliases.clone();
                    all.push(name);
                    self.add_aliases(id, &all);
                }
                (None, Some(lat), Some(lon)) => {
                    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                        return Err(bad("coordinates out of range"));
                    }
                    let code = if feature.is_empty() { "PPL" } else { feature };
                    self.add_place(
                        Place {
                            geonameid: None,
                            name: name.to_string(),
                            lat,
                            lon,
                            feature_class: feature_class_of(code),
                            feature_code: code.to_string(),
                            country,
                            admin1_code: String::new(),
                            admin1_name: None,
                            population,
                        },
                        &aliases,
                    );
                }
                (None, _, _) => {
                    return Err(bad("no coordinates and no existing place of that name"))
                }
            }
            n += 1;
        }
        Ok(n)
    }
}

/// The GeoNames feature class of a feature code.
pub(crate) fn feature_class_of(code: &str) -> char {
    let c = code.to_ascii_uppercase();
    if c.starts_with("PPL") {
        'P'
    } else if c.starts_with("ADM") || c.starts_with("PCL") {
        'A'
    } else if matches!(
        c.as_str(),
        "WLL" | "WLLS" | "WAD" | "WADS" | "OAS" | "LK" | "STM" | "WTRH" | "SPNG"
    ) {
        'H'
    } else if matches!(
        c.as_str(),
        "HLL" | "HLLS" | "MT" | "MTS" | "ERG" | "DUNE" | "PLAT" | "PASS"
    ) {
        'T'
    } else if matches!(
        c.as_str(),
        "MN" | "MNAU" | "CMP" | "CMPMN" | "AIRP" | "MILB" | "FT" | "INSM"
    ) {
        'S'
    } else {
        '?'
    }
}

impl Place {
    fn as_ref(&self, id: PlaceId) -> PlaceRef<'_> {
        PlaceRef {
            id,
            geonameid: self.geonameid,
            name: &self.name,
            lat: self.lat,
            lon: self.lon,
            feature_class: self.feature_class,
            feature_code: &self.feature_code,
            country: &self.country,
            admin1_code: &self.admin1_code,
            admin1: self.admin1_name.as_deref(),
            population: self.population,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Gazetteer {
        let mut b = Builder::default();
        let p = PlaceRef {
            id: 0,
            geonameid: Some(2476086),
            name: "Ti-n-Zaouâtene",
            lat: 19.95427,
            lon: 2.96732,
            feature_class: 'P',
            feature_code: "PPL",
            country: "ML",
            admin1_code: "ML.10",
            admin1: Some("Kidal"),
            population: 0,
        };
        let id = b.add_record(&p);
        b.add_names(id, ["Ti-n-Zaouâtene", "Tinzaouaten"].into_iter());
        Gazetteer::from_vec(b.finish()).unwrap()
    }

    #[test]
    fn round_trip_and_lookup() {
        let g = tiny();
        let bytes = g.to_bytes();
        let g2 = Gazetteer::from_bytes(&bytes).unwrap();
        let hits = g2.lookup("Tinzawaten");
        assert_eq!(hits.len(), 1);
        let p = g2.place(hits[0].0).unwrap();
        assert_eq!(p.geonameid, Some(2476086));
        assert_eq!(p.admin1, Some("Kidal"));
        assert!((p.lat - 19.95427).abs() < 1e-6);
    }

    #[test]
    fn damaged_bytes_are_errors_not_panics() {
        let bytes = tiny().to_bytes();
        for cut in [0, 5, 8, 20, bytes.len() / 2, bytes.len() - 1] {
            assert!(Gazetteer::from_bytes(&bytes[..cut]).is_err());
        }
        let mut b = bytes.clone();
        for i in (HEADER..b.len()).step_by(7) {
            b[i] ^= 0x5a;
        }
        let _ = Gazetteer::from_bytes(&b); // may or may not be valid; must not panic
    }

    #[test]
    fn user_tsv_adds_places_and_aliases() {
        let mut g = tiny();
        let tsv = "# name\tlat\tlon\tcountry\tfeature\tpop\taliases\nIntahaka\t16.9\t-0.2\tML\tMN\t\tIntahaka mine,Ntahaka\nTi-n-Zaouâtene\t\t\tML\t\t\tTinza\n";
        let n = g.extend_tsv_str(tsv, Path::new("user.tsv")).unwrap();
        assert_eq!(n, 2);
        let h = g.lookup("Ntahaka");
        assert_eq!(g.place(h[0].0).unwrap().feature_class, 'S');
        let h = g.lookup("Tinza");
        assert_eq!(g.place(h[0].0).unwrap().geonameid, Some(2476086));
        // survives a write and read
        let g2 = Gazetteer::from_bytes(&g.to_bytes()).unwrap();
        assert_eq!(g2.len(), 2);
        assert!(!g2.lookup("Intahaka mine").is_empty());
        assert!(g.extend_tsv_str("X\tnorth\t1\n", Path::new("u")).is_err());
    }

    #[test]
    fn alternates_filter() {
        assert!(indexable_alternate("Tin Zaouaten"));
        assert!(!indexable_alternate("BKO"));
        assert!(!indexable_alternate("تين زاوتين"));
        assert!(!indexable_alternate("http://x"));
    }
}
