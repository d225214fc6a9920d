//! The scorer's folding of names: what the reference scorer does with Unicode NFKD,
//! dropping combining marks, lower-casing and keeping only `[a-z0-9]`.

/// Letters that NFKD does not decompose into a base letter; the reference drops them.
fn undecomposable(c: char) -> bool {
    matches!(
        c,
        'œ' | 'Œ'
            | 'æ'
            | 'Æ'
            | 'ß'
            | 'ø'
            | 'Ø'
            | 'đ'
            | 'Đ'
            | 'ł'
            | 'Ł'
            | 'ħ'
            | 'Ħ'
            | 'ı'
            | 'ð'
            | 'Ð'
            | 'þ'
            | 'Þ'
            | 'ŋ'
            | 'Ŋ'
            | 'ɛ'
            | 'Ɛ'
            | 'ɔ'
            | 'Ɔ'
    )
}

/// Name key: lower case ASCII letters and digits only.
pub fn name_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut buf = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        if c.is_ascii() || undecomposable(c) {
            continue;
        }
        buf.clear();
        vigie_text::fold_char(c, &mut buf);
        out.extend(buf.chars().filter(|c| c.is_ascii_alphanumeric()));
    }
    out
}

/// Lower case without diacritics, other characters kept (used for claimant classes).
pub fn plain(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if undecomposable(c) {
            out.extend(c.to_lowercase());
            continue;
        }
        let mut buf = String::new();
        vigie_text::fold_char(c, &mut buf);
        // fold maps apostrophes, dashes and spaces; the reference keeps them as they are
        if vigie_text::is_apostrophe(c) || vigie_text::is_dash(c) || vigie_text::is_space(c) {
            out.extend(c.to_lowercase());
        } else {
            out.push_str(&buf);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        assert_eq!(name_key("Tinzaouatène"), "tinzaouatene");
        assert_eq!(name_key("In-Tifirkit"), "intifirkit");
        assert_eq!(name_key("Côte d'Ivoire"), "cotedivoire");
        assert_eq!(plain("Armée Malienne"), "armee malienne");
    }
}
