//! A fast hasher for the short keys of word lists (words, phrases, folded names).
//!
//! The keys come from Vigie's own data files and from report text looked up against them;
//! a crafted collision can slow a lookup but never change its answer, so the speed of a
//! multiply-rotate hash (the "Fx" family) is worth more here than SipHash's resistance.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Multiply-rotate hasher over 8-byte words.
#[derive(Debug, Default, Clone, Copy)]
pub struct WordHasher(u64);

const K: u64 = 0x517c_c1b7_2722_0a95;

impl WordHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(load_tail(rest) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The 1 to 7 bytes of `rest` as a little-endian word, zero-padded: the same value as
/// copying them into a zeroed `[u8; 8]`, read with two overlapping fixed-size loads
/// rather than a variable-length copy (a `memcpy` call for most words of a text).
#[inline]
fn load_tail(rest: &[u8]) -> u64 {
    let n = rest.len();
    debug_assert!((1..8).contains(&n));
    if n >= 4 {
        let lo = u64::from(u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]));
        let hi = u64::from(u32::from_le_bytes([
            rest[n - 4],
            rest[n - 3],
            rest[n - 2],
            rest[n - 1],
        ]));
        // the overlapping bytes are the same in both halves
        lo | hi << ((n - 4) * 8)
    } else if n >= 2 {
        let lo = u64::from(u16::from_le_bytes([rest[0], rest[1]]));
        let hi = u64::from(u16::from_le_bytes([rest[n - 2], rest[n - 1]]));
        lo | hi << ((n - 2) * 8)
    } else {
        u64::from(rest[0])
    }
}

/// Hash state for [`FastMap`] and [`FastSet`].
pub type FastState = BuildHasherDefault<WordHasher>;
/// A `HashMap` with the fast hasher.
pub type FastMap<K, V> = HashMap<K, V, FastState>;
/// A `HashSet` with the fast hasher.
pub type FastSet<K> = HashSet<K, FastState>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_loads_as_a_zero_padded_copy() {
        let bytes = [0x01u8, 0x82, 0x23, 0xf4, 0x45, 0x96, 0x67];
        for n in 1..8 {
            let mut w = [0u8; 8];
            w[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(load_tail(&bytes[..n]), u64::from_le_bytes(w), "{n} bytes");
        }
    }

    #[test]
    fn distinguishes_lengths_and_contents() {
        let mut m: FastMap<&str, u32> = FastMap::default();
        for (i, w) in [
            "",
            "a",
            "a\0",
            "ab",
            "abcdefgh",
            "abcdefghi",
            "tinzaouatene",
        ]
        .iter()
        .enumerate()
        {
            m.insert(w, i as u32);
        }
        assert_eq!(m.len(), 7);
        assert_eq!(m["abcdefghi"], 5);
    }
}
