//! Country codes, names and ACLED regions (`data/countries.tsv`, extendable by the user).

use std::path::Path;
use std::sync::OnceLock;

/// One country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2.
    pub iso2: String,
    /// ISO 3166-1 alpha-3 (ACLED event ids start with it).
    pub iso3: String,
    /// ISO 3166-1 numeric (ACLED's `iso` column).
    pub numeric: u16,
    /// Name as ACLED writes it.
    pub name: String,
    /// ACLED region.
    pub region: String,
}

/// The country table.
#[derive(Debug, Clone, Default)]
pub struct Countries {
    rows: Vec<Country>,
}

const EMBEDDED: &str = include_str!("../data/countries.tsv");

impl Countries {
    /// The embedded table.
    pub fn embedded() -> &'static Countries {
        static C: OnceLock<Countries> = OnceLock::new();
        C.get_or_init(|| {
            let mut c = Countries::default();
            c.extend(EMBEDDED)
                .expect("the embedded countries.tsv is well formed");
            c
        })
    }

    /// The embedded table extended by `countries.tsv` in a user folder, when present.
    pub fn load(user_dir: Option<&Path>) -> Result<Countries, String> {
        let mut c = Countries::embedded().clone();
        if let Some(p) = user_dir
            .map(|d| d.join("countries.tsv"))
            .filter(|p| p.exists())
        {
            let s = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
            c.extend(&s).map_err(|e| format!("{}: {e}", p.display()))?;
        }
        Ok(c)
    }

    /// Adds (or replaces, by alpha-2 code) rows in the TSV format of `data/countries.tsv`.
    pub fn extend(&mut self, tsv: &str) -> Result<(), String> {
        for (n, line) in tsv.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 5 {
                return Err(format!("line {}: expected 5 tab-separated fields", n + 1));
            }
            let numeric = f[2]
                .parse()
                .map_err(|_| format!("line {}: {:?} is not a numeric code", n + 1, f[2]))?;
            let row = Country {
                iso2: f[0].to_string(),
                iso3: f[1].to_string(),
                numeric,
                name: f[3].to_string(),
                region: f[4].to_string(),
            };
            self.rows.retain(|r| r.iso2 != row.iso2);
            self.rows.push(row);
        }
        Ok(())
    }

    /// A country by alpha-2 code, alpha-3 code or name (case-insensitive).
    pub fn find(&self, any: &str) -> Option<&Country> {
        self.rows.iter().find(|r| {
            r.iso2.eq_ignore_ascii_case(any)
                || r.iso3.eq_ignore_ascii_case(any)
                || r.name.eq_ignore_ascii_case(any)
        })
    }
}

/// The alpha-2 code of a country given by code or name, from the embedded table.
pub fn iso2_of(any: &str) -> Option<&'static str> {
    Countries::embedded().find(any).map(|c| c.iso2.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_by_any_name() {
        let c = Countries::embedded();
        assert_eq!(c.find("ML").unwrap().iso3, "MLI");
        assert_eq!(c.find("mli").unwrap().numeric, 466);
        assert_eq!(c.find("Niger").unwrap().region, "Western Africa");
        assert!(c.find("Atlantis").is_none());
    }

    #[test]
    fn user_rows_extend_and_replace() {
        let mut c = Countries::embedded().clone();
        c.extend("XK\tXKX\t0\tKosovo\tEurope\n").unwrap();
        assert_eq!(c.find("Kosovo").unwrap().iso2, "XK");
        assert!(c.extend("bad line\n").is_err());
    }
}
