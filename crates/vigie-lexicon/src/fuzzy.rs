//! Approximate matching of misspelled proper names.

/// A rough phonetic key of a folded word, so that spelling habits do not count as errors:
/// `k`/`q` → `c`, `ph` → `f`, `z` → `s`, `y` → `i`, `w` → `v`, `ou` → `u`, `h` after a
/// consonant dropped, doubled letters collapsed ("Afrika Korps" and "Africa Corps" agree).
pub(crate) fn phonetic(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    let cs: Vec<char> = folded.chars().collect();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        let next = cs.get(i + 1).copied();
        let mapped = match (c, next) {
            ('p', Some('h')) => {
                i += 1;
                'f'
            }
            ('o', Some('u')) => {
                i += 1;
                'u'
            }
            ('k' | 'q', _) => 'c',
            ('z', _) => 's',
            ('y', _) => 'i',
            ('w', _) => 'v',
            ('h', _)
                if out
                    .chars()
                    .last()
                    .is_some_and(|p| p.is_alphabetic() && !"aeiou".contains(p)) =>
            {
                i += 1;
                continue;
            }
            (c, _) => c,
        };
        if !out.ends_with(mapped) {
            out.push(mapped);
        }
        i += 1;
    }
    out
}

/// The first character of [`phonetic`]`(folded)`, without building the key.
pub(crate) fn first_phonetic(folded: &str) -> Option<char> {
    let mut cs = folded.chars();
    let c = cs.next()?;
    Some(match (c, cs.next()) {
        ('p', Some('h')) => 'f',
        ('o', Some('u')) => 'u',
        ('k' | 'q', _) => 'c',
        ('z', _) => 's',
        ('y', _) => 'i',
        ('w', _) => 'v',
        (c, _) => c,
    })
}

/// Levenshtein distance between `a` and `b` when it is at most `max`, else None.
pub(crate) fn distance_within(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            row_min = row_min.min(cur[j]);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phonetic_keys() {
        assert_eq!(phonetic("afrika korps"), phonetic("africa corps"));
        assert_eq!(phonetic("touareg"), phonetic("tuareg"));
        assert_eq!(phonetic("ansarul"), "ansarul");
        for w in ["korps", "phase", "ouest", "zone", "yes", "wagner", "abc"] {
            assert_eq!(first_phonetic(w), phonetic(w).chars().next(), "{w}");
        }
    }

    #[test]
    fn bounded_distance() {
        assert_eq!(distance_within("africaca cors", "africa cors", 2), Some(2));
        assert_eq!(distance_within("africa cup", "africa cors", 2), None);
        assert_eq!(distance_within("abc", "abc", 0), Some(0));
    }
}
