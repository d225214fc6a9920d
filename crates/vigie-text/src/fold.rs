//! Folding: the lookup key of a word.

/// True for the apostrophes met in French and English typography.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´' | 'ʻ')
}

/// True for hyphens and dashes.
pub fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '\u{00AD}'
    )
}

/// True for every kind of space, including the non-breaking ones of French typography.
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{200B}' | '\u{FEFF}'
        )
}

/// The folded form of one character: lower case, no diacritic. Apostrophes become `'`,
/// dashes `-`, every space `' '`. Ligatures give two letters (`œ` → "oe"), so the result
/// is pushed into `out`.
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let s: &str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' | 'Ă' | 'Ą' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' | 'Ç' | 'Ć' | 'Č' | 'Ĉ' | 'Ċ' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' | 'ð' | 'Ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ĕ'
        | 'Ė' | 'Ę' | 'Ě' | 'ɛ' | 'Ɛ' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' | 'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' => "g",
        'ĥ' | 'ħ' | 'Ĥ' | 'Ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ĩ' | 'Ī'
        | 'Ĭ' | 'Į' | 'İ' => "i",
        'ĵ' | 'Ĵ' => "j",
        'ķ' | 'Ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' | 'Ĺ' | 'Ļ' | 'Ľ' | 'Ŀ' | 'Ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŋ' | 'Ñ' | 'Ń' | 'Ņ' | 'Ň' | 'Ŋ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø'
        | 'Ō' | 'Ŏ' | 'Ő' | 'ɔ' | 'Ɔ' => "o",
        'œ' | 'Œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' | 'Ŕ' | 'Ŗ' | 'Ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'Ś' | 'Ŝ' | 'Ş' | 'Š' | 'Ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' | 'Ţ' | 'Ť' | 'Ŧ' | 'Ț' => "t",
        'þ' | 'Þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ũ'
        | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => "u",
        'ŵ' | 'Ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' | 'Ý' | 'Ÿ' | 'Ŷ' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        _ if is_apostrophe(c) => "'",
        _ if is_dash(c) => "-",
        _ if is_space(c) => " ",
        _ => {
            for l in c.to_lowercase() {
                out.push(l);
            }
            return;
        }
    };
    out.push_str(s);
}

/// Appends the folded form of `s` to `out`.
pub fn fold_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        // most words of most reports: lower-casing is all their folding needs
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in s.chars() {
        fold_char(c, out);
    }
}

/// The folded form of `s`: lower case, no diacritics, one apostrophe, one dash, one space.
///
/// ```
/// assert_eq!(vigie_text::fold("L’Algérie – Tinzaouatène"), "l'algerie - tinzaouatene");
/// ```
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_french_typography() {
        assert_eq!(fold("Œuvre d’État"), "oeuvre d'etat");
        assert_eq!(fold("Ségou\u{00A0}—\u{202F}Mopti"), "segou - mopti");
        assert_eq!(fold("AGUELHOK"), "aguelhok");
    }
}
