//! The one country table (`data/countries.tsv`): codes, names in English and French, the
//! name and region ACLED uses, a central point and other spellings. The geoparser reads
//! its names and points, the exports its codes, names and regions. Reading a user's file
//! is left to the callers: [`Countries::extend`] takes its text.

use std::sync::OnceLock;

/// One country.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-2.
    pub iso2: String,
    /// ISO 3166-1 alpha-3 (ACLED event ids start with it).
    pub iso3: String,
    /// ISO 3166-1 numeric (ACLED's `iso` column).
    pub numeric: u16,
    /// An approximate central point.
    pub lat: f64,
    /// An approximate central point.
    pub lon: f64,
    /// English name.
    pub english: String,
    /// French name.
    pub french: String,
    /// The name ACLED writes (the English one unless the table says otherwise).
    pub acled_name: String,
    /// ACLED region, when recorded.
    pub region: Option<String>,
    /// Other common spellings.
    pub aliases: Vec<String>,
}

impl Country {
    /// Every name of the country: English, French, then the other spellings.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        [self.english.as_str(), self.french.as_str()]
            .into_iter()
            .chain(self.aliases.iter().map(String::as_str))
    }
}

/// The country table.
#[derive(Debug, Clone, Default)]
pub struct Countries {
    rows: Vec<Country>,
}

const EMBEDDED: &str = include_str!("../data/countries.tsv");

impl Countries {
    /// The shipped table.
    pub fn embedded() -> &'static Countries {
        static C: OnceLock<Countries> = OnceLock::new();
        C.get_or_init(|| {
            let mut c = Countries::default();
            c.extend(EMBEDDED)
                .expect("the shipped countries.tsv is well formed (tested)");
            c
        })
    }

    /// Adds (or replaces, by alpha-2 code) the rows of a table of the shape of
    /// `data/countries.tsv`. The five-column shape older versions read (iso2, iso3,
    /// numeric, name, region) is accepted too; its rows have no central point.
    pub fn extend(&mut self, tsv: &str) -> Result<(), String> {
        for (n, line) in tsv.lines().enumerate() {
            let line = line.trim_end_matches(['\r', '\n']);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').map(str::trim).collect();
            let err = |m: &str| format!("line {}: {m}", n + 1);
            let opt = |s: &str| (!s.is_empty() && s != "-").then(|| s.to_string());
            let numeric = |s: &str| {
                s.parse::<u16>()
                    .map_err(|_| err(&format!("{s:?} is not a numeric code")))
            };
            let row = match f.len() {
                5 => Country {
                    iso2: f[0].to_string(),
                    iso3: f[1].to_string(),
                    numeric: numeric(f[2])?,
                    lat: f64::NAN,
                    lon: f64::NAN,
                    english: f[3].to_string(),
                    french: f[3].to_string(),
                    acled_name: f[3].to_string(),
                    region: opt(f[4]),
                    aliases: Vec::new(),
                },
                9 | 10 => {
                    let coord = |s: &str| {
                        s.parse::<f64>()
                            .map_err(|_| err(&format!("{s:?} is not a coordinate")))
                    };
                    Country {
                        iso2: f[0].to_string(),
                        iso3: f[1].to_string(),
                        numeric: numeric(f[2])?,
                        lat: coord(f[3])?,
                        lon: coord(f[4])?,
                        english: f[5].to_string(),
                        french: f[6].to_string(),
                        acled_name: opt(f[7]).unwrap_or_else(|| f[5].to_string()),
                        region: opt(f[8]),
                        aliases: f
                            .get(9)
                            .map(|a| {
                                a.split(',')
                                    .map(str::trim)
                                    .filter(|s| !s.is_empty())
                                    .map(String::from)
                                    .collect()
                            })
                            .unwrap_or_default(),
                    }
                }
                k => return Err(err(&format!("expected 10 tab-separated fields, found {k}"))),
            };
            if row.iso2.len() != 2 {
                return Err(err(&format!("{:?} is not an alpha-2 code", row.iso2)));
            }
            match self.rows.iter_mut().find(|r| r.iso2 == row.iso2) {
                Some(r) => *r = row,
                None => self.rows.push(row),
            }
        }
        Ok(())
    }

    /// Every country, in the table's order.
    pub fn iter(&self) -> impl Iterator<Item = &Country> {
        self.rows.iter()
    }

    /// A country by alpha-2 code, alpha-3 code or name (case-insensitive).
    pub fn find(&self, any: &str) -> Option<&Country> {
        self.rows.iter().find(|r| {
            r.iso2.eq_ignore_ascii_case(any)
                || r.iso3.eq_ignore_ascii_case(any)
                || r.acled_name.eq_ignore_ascii_case(any)
                || r.names().any(|n| n.eq_ignore_ascii_case(any))
        })
    }
}

/// The alpha-2 code of a country given by code or name, from the shipped table.
pub fn iso2_of(any: &str) -> Option<&'static str> {
    Countries::embedded().find(any).map(|c| c.iso2.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_table_reads_and_finds_by_any_name() {
        let c = Countries::embedded();
        assert!(c.iter().count() > 190);
        assert_eq!(c.find("ML").unwrap().iso3, "MLI");
        assert_eq!(c.find("mli").unwrap().numeric, 466);
        assert_eq!(
            c.find("Niger").unwrap().region.as_deref(),
            Some("Western Africa")
        );
        assert_eq!(c.find("Côte d'Ivoire").unwrap().iso2, "CI");
        let cd = c.find("RDC").unwrap();
        assert_eq!(cd.acled_name, "Democratic Republic of Congo");
        assert_ne!(cd.english, cd.acled_name);
        assert!(c.find("Atlantis").is_none());
        for r in c.iter() {
            assert!(r.lat.is_finite() && r.lon.is_finite(), "{}", r.iso2);
            assert_eq!(r.iso3.len(), 3, "{}", r.iso2);
        }
    }

    #[test]
    fn user_rows_extend_and_replace_in_either_shape() {
        let mut c = Countries::embedded().clone();
        c.extend("XZ\tXZZ\t999\t1.0\t2.0\tZedland\tZedlande\t-\tEurope\tZed\n")
            .unwrap();
        assert_eq!(c.find("Zedlande").unwrap().iso2, "XZ");
        c.extend("XZ\tXZZ\t999\tZedland Republic\tEurope\n")
            .unwrap();
        assert_eq!(c.find("XZ").unwrap().acled_name, "Zedland Republic");
        assert!(c.extend("bad line\n").is_err());
        assert!(c.extend("XZ\tXZZ\tnine\tZ\tEurope\n").is_err());
    }
}
