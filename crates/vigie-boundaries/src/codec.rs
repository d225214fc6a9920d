//! Compact binary encoding of boundary polygons.
//!
//! Layout (all integers are unsigned LEB128 varints unless said otherwise):
//!
//! ```text
//! magic      6 bytes  "VGBND1"
//! scale      varint   grid units per degree (e.g. 100000 = 1e-5 degree grid)
//! n_areas    varint
//!   country  string   ISO 3166-1 alpha-2
//!   admin1   string
//!   admin2   string   (empty = none)
//! n_polys    varint
//!   area     varint   index into the area table
//!   n_rings  varint   ring 0 is the outer ring, the others are holes
//!     n_pts  varint   (ring is implicitly closed; first point not repeated)
//!     pts    n_pts x (zigzag dlon, zigzag dlat), deltas from the previous point
//!            (the first point of the file is a delta from (0, 0))
//! string   = varint byte length + UTF-8 bytes
//! ```
//!
//! The whole file may be gzip-compressed; [`decode`] detects the gzip magic.

use std::io::Read;

use crate::Error;

/// Magic bytes at the start of an (uncompressed) boundary file.
pub const MAGIC: &[u8; 6] = b"VGBND1";

/// Upper bound on decompressed size, to refuse decompression bombs.
const MAX_DECOMPRESSED: u64 = 256 * 1024 * 1024;

/// One administrative unit as stored in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaRecord {
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// First-level administrative unit name.
    pub admin1: String,
    /// Second-level administrative unit name, when known.
    pub admin2: Option<String>,
}

/// One polygon (outer ring plus holes) in grid units, `[lon, lat]` pairs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolygonRecord {
    /// Index into the area table.
    pub area: u32,
    /// Rings; ring 0 is the outer ring, the others are holes. Not closed.
    pub rings: Vec<Vec<[i32; 2]>>,
}

/// Decoded content of a boundary file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// Grid units per degree.
    pub scale: u32,
    /// Area table.
    pub areas: Vec<AreaRecord>,
    /// Polygons.
    pub polygons: Vec<PolygonRecord>,
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

/// Encodes areas and polygons into the uncompressed binary format.
pub fn encode(data: &Decoded) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    put_varint(&mut out, u64::from(data.scale));
    put_varint(&mut out, data.areas.len() as u64);
    for a in &data.areas {
        put_str(&mut out, &a.country);
        put_str(&mut out, &a.admin1);
        put_str(&mut out, a.admin2.as_deref().unwrap_or(""));
    }
    put_varint(&mut out, data.polygons.len() as u64);
    let mut prev = [0i64; 2];
    for p in &data.polygons {
        put_varint(&mut out, u64::from(p.area));
        put_varint(&mut out, p.rings.len() as u64);
        for ring in &p.rings {
            put_varint(&mut out, ring.len() as u64);
            for pt in ring {
                let cur = [i64::from(pt[0]), i64::from(pt[1])];
                put_varint(&mut out, zigzag(cur[0] - prev[0]));
                put_varint(&mut out, zigzag(cur[1] - prev[1]));
                prev = cur;
            }
        }
    }
    out
}

/// Gzip-compresses bytes (best compression).
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing into a Vec cannot fail.
    let _ = enc.write_all(bytes);
    enc.finish().unwrap_or_default()
}

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn varint(&mut self) -> Result<u64, Error> {
        let mut v: u64 = 0;
        let mut shift = 0u32;
        loop {
            let b = *self.buf.get(self.pos).ok_or(Error::Truncated(self.pos))?;
            self.pos += 1;
            if shift >= 64 || (shift == 63 && b > 1) {
                return Err(Error::Invalid(format!(
                    "varint overflow at byte {}",
                    self.pos
                )));
            }
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
            shift += 7;
        }
    }

    /// Reads a count and checks it is plausible given the remaining bytes
    /// (each counted item needs at least `min_bytes` bytes).
    fn count(&mut self, min_bytes: usize) -> Result<usize, Error> {
        let at = self.pos;
        let n = self.varint()?;
        let remaining = (self.buf.len() - self.pos) as u64;
        if n.saturating_mul(min_bytes as u64) > remaining {
            return Err(Error::Invalid(format!(
                "count {n} at byte {at} exceeds data"
            )));
        }
        Ok(n as usize)
    }

    fn string(&mut self) -> Result<&'a str, Error> {
        let len = self.count(1)?;
        let bytes = &self.buf[self.pos..self.pos + len];
        let s = std::str::from_utf8(bytes)
            .map_err(|_| Error::Invalid(format!("invalid UTF-8 at byte {}", self.pos)))?;
        self.pos += len;
        Ok(s)
    }
}

/// Decodes a boundary file (optionally gzip-compressed).
pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .take(MAX_DECOMPRESSED)
            .read_to_end(&mut raw)
            .map_err(Error::Gzip)?;
        return decode_raw(&raw);
    }
    decode_raw(bytes)
}

fn decode_raw(bytes: &[u8]) -> Result<Decoded, Error> {
    if !bytes.starts_with(MAGIC) {
        return Err(Error::BadMagic);
    }
    let mut r = Reader {
        buf: bytes,
        pos: MAGIC.len(),
    };
    let scale = r.varint()?;
    if scale == 0 || scale > 100_000_000 {
        return Err(Error::Invalid(format!("bad scale {scale}")));
    }
    let n_areas = r.count(3)?;
    let mut areas = Vec::with_capacity(n_areas);
    for _ in 0..n_areas {
        let country = r.string()?.to_string();
        let admin1 = r.string()?.to_string();
        let admin2 = r.string()?;
        areas.push(AreaRecord {
            country,
            admin1,
            admin2: (!admin2.is_empty()).then(|| admin2.to_string()),
        });
    }
    let n_polys = r.count(2)?;
    let mut polygons = Vec::with_capacity(n_polys);
    let mut prev = [0i64; 2];
    for _ in 0..n_polys {
        let at = r.pos;
        let area = r.varint()?;
        if area >= areas.len() as u64 {
            return Err(Error::Invalid(format!(
                "area index {area} at byte {at} out of range"
            )));
        }
        let n_rings = r.count(1)?;
        if n_rings == 0 {
            return Err(Error::Invalid(format!(
                "polygon without rings at byte {at}"
            )));
        }
        let mut rings = Vec::with_capacity(n_rings);
        for _ in 0..n_rings {
            let at = r.pos;
            let n = r.count(2)?;
            if n < 3 {
                return Err(Error::Invalid(format!("ring with {n} points at byte {at}")));
            }
            let mut ring = Vec::with_capacity(n);
            for _ in 0..n {
                let dx = unzigzag(r.varint()?);
                let dy = unzigzag(r.varint()?);
                let x = prev[0].checked_add(dx);
                let y = prev[1].checked_add(dy);
                let (Some(x), Some(y)) = (x, y) else {
                    return Err(Error::Invalid(format!(
                        "coordinate overflow at byte {}",
                        r.pos
                    )));
                };
                let (Ok(xi), Ok(yi)) = (i32::try_from(x), i32::try_from(y)) else {
                    return Err(Error::Invalid(format!(
                        "coordinate overflow at byte {}",
                        r.pos
                    )));
                };
                prev = [x, y];
                ring.push([xi, yi]);
            }
            rings.push(ring);
        }
        polygons.push(PolygonRecord {
            area: area as u32,
            rings,
        });
    }
    if r.pos != bytes.len() {
        return Err(Error::Invalid(format!(
            "{} trailing bytes after polygons",
            bytes.len() - r.pos
        )));
    }
    Ok(Decoded {
        scale: scale as u32,
        areas,
        polygons,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Decoded {
        Decoded {
            scale: 100_000,
            areas: vec![
                AreaRecord {
                    country: "ML".into(),
                    admin1: "Région Un".into(),
                    admin2: Some("Cercle A".into()),
                },
                AreaRecord {
                    country: "NE".into(),
                    admin1: "Deux".into(),
                    admin2: None,
                },
            ],
            polygons: vec![
                PolygonRecord {
                    area: 0,
                    rings: vec![
                        vec![
                            [0, 0],
                            [1_000_000, 0],
                            [1_000_000, 1_000_000],
                            [0, 1_000_000],
                        ],
                        vec![[200_000, 200_000], [300_000, 200_000], [300_000, 300_000]],
                    ],
                },
                PolygonRecord {
                    area: 1,
                    rings: vec![vec![
                        [-18_000_000, -9_000_000],
                        [-17_000_000, -9_000_000],
                        [-17_000_000, -8_000_000],
                    ]],
                },
            ],
        }
    }

    #[test]
    fn roundtrip_plain_and_gzip() {
        let d = sample();
        let bytes = encode(&d);
        assert_eq!(decode(&bytes).unwrap(), d);
        assert_eq!(decode(&gzip(&bytes)).unwrap(), d);
    }

    #[test]
    fn zigzag_roundtrip() {
        for v in [
            0i64,
            1,
            -1,
            63,
            -64,
            i32::MAX as i64,
            i32::MIN as i64,
            -40_000_000,
        ] {
            assert_eq!(unzigzag(zigzag(v)), v);
        }
    }

    #[test]
    fn truncated_and_garbage_are_errors() {
        let bytes = encode(&sample());
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        assert!(matches!(decode(b"hello"), Err(Error::BadMagic)));
        let mut extra = bytes.clone();
        extra.push(0);
        assert!(decode(&extra).is_err());
        assert!(decode(&[0x1f, 0x8b, 1, 2, 3]).is_err());
    }
}
