//! Readers for the GeoNames dump formats.
//!
//! The main dump format has 19 tab-separated columns and no header: geonameid, name,
//! asciiname, alternatenames (comma-separated), latitude, longitude, feature class,
//! feature code, country code, cc2, admin1, admin2, admin3, admin4, population,
//! elevation, dem, timezone, modification date. Files may be plain, `.gz` or `.zip`
//! (every `.txt` member of the archive is read). Bad rows are counted and skipped.

use crate::{io_err, Error, Result};
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// One row of a GeoNames dump, borrowing from the line it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Row<'a> {
    /// GeoNames id.
    pub geonameid: u64,
    /// Name (UTF-8).
    pub name: &'a str,
    /// ASCII name.
    pub asciiname: &'a str,
    /// Alternate names, comma-separated, as in the file.
    pub alternatenames: &'a str,
    /// Latitude, WGS84.
    pub lat: f64,
    /// Longitude, WGS84.
    pub lon: f64,
    /// Feature class (`P`, `A`, `H`, `T`, `S`, `L`, `R`, `U`, `V`), `?` when empty.
    pub feature_class: char,
    /// Feature code (`PPL`, `WLL`, …).
    pub feature_code: &'a str,
    /// ISO2 country code.
    pub country: &'a str,
    /// Admin1 code (`08`, `12070575`).
    pub admin1: &'a str,
    /// Admin2 code.
    pub admin2: &'a str,
    /// Population (0 when unknown).
    pub population: u64,
}

impl<'a> Row<'a> {
    /// The alternate names, one by one (empty ones skipped).
    pub fn alternates(&self) -> impl Iterator<Item = &'a str> {
        self.alternatenames
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }
}

/// Parses one line of a dump (without its line break). `None` for a bad row.
pub fn parse_row(line: &str) -> Option<Row<'_>> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    let mut c = line.split('\t');
    let geonameid = c.next()?.trim().parse::<u64>().ok()?;
    let name = c.next()?;
    let asciiname = c.next()?;
    let alternatenames = c.next()?;
    let lat: f64 = c.next()?.trim().parse().ok()?;
    let lon: f64 = c.next()?.trim().parse().ok()?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return None;
    }
    let feature_class = c.next()?.chars().next().unwrap_or('?');
    let feature_code = c.next()?;
    let country = c.next()?;
    let _cc2 = c.next()?;
    let admin1 = c.next()?;
    let admin2 = c.next()?;
    let _admin3 = c.next()?;
    let _admin4 = c.next()?;
    let pop = c.next()?.trim();
    let population = if pop.is_empty() {
        0
    } else {
        pop.parse::<u64>().ok()?
    };
    if name.trim().is_empty() {
        return None;
    }
    Some(Row {
        geonameid,
        name: name.trim(),
        asciiname: asciiname.trim(),
        alternatenames,
        lat,
        lon,
        feature_class,
        feature_code: feature_code.trim(),
        country: country.trim(),
        admin1: admin1.trim(),
        admin2: admin2.trim(),
        population,
    })
}

/// Counts of one read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadStats {
    /// Rows read and handed on.
    pub rows: u64,
    /// Rows skipped because they could not be parsed.
    pub bad: u64,
}

/// Calls `f` on every line of a file, plain, `.gz` or `.zip` (every `.txt` member),
/// chosen by the file name's ending.
pub fn for_each_line(path: &Path, mut f: impl FnMut(std::result::Result<&str, ()>)) -> Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let file = File::open(path).map_err(io_err(path))?;
    if name.ends_with(".zip") {
        let mut zip = zip::ZipArchive::new(file).map_err(|e| Error::Zip {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        for i in 0..zip.len() {
            let entry = zip.by_index(i).map_err(|e| Error::Zip {
                path: path.to_path_buf(),
                message: e.to_string(),
            })?;
            let ename = entry.name().to_ascii_lowercase();
            if entry.is_dir() || !ename.ends_with(".txt") || ename.contains("readme") {
                continue;
            }
            lines_of(BufReader::with_capacity(1 << 20, entry), path, &mut f)?;
        }
        Ok(())
    } else if name.ends_with(".gz") {
        let dec = flate2::read::MultiGzDecoder::new(BufReader::with_capacity(1 << 20, file));
        lines_of(BufReader::with_capacity(1 << 20, dec), path, &mut f)
    } else {
        lines_of(BufReader::with_capacity(1 << 20, file), path, &mut f)
    }
}

fn lines_of<R: Read>(
    mut r: BufReader<R>,
    path: &Path,
    f: &mut impl FnMut(std::result::Result<&str, ()>),
) -> Result<()> {
    let mut buf = Vec::with_capacity(4096);
    loop {
        buf.clear();
        let n = r.read_until(b'\n', &mut buf).map_err(io_err(path))?;
        if n == 0 {
            return Ok(());
        }
        if buf.last() == Some(&b'\n') {
            buf.pop();
        }
        match std::str::from_utf8(&buf) {
            Ok(s) => f(Ok(s)),
            Err(_) => f(Err(())),
        }
    }
}

/// Reads a dump and calls `f` on every good row. Comment lines (`#`) and blank lines are
/// ignored; rows that cannot be parsed are counted in [`ReadStats::bad`].
pub fn read_dump(path: &Path, mut f: impl FnMut(&Row<'_>)) -> Result<ReadStats> {
    read_records(path, |l| parse_row(l).map(|row| f(&row)).is_some())
}

/// Calls `take` on every line of a file of records that is neither blank nor a comment
/// (`#`); `take` says whether the line was a good record. Unreadable lines and refused
/// records are counted in [`ReadStats::bad`], good ones in [`ReadStats::rows`].
pub(crate) fn read_records(path: &Path, mut take: impl FnMut(&str) -> bool) -> Result<ReadStats> {
    let mut st = ReadStats::default();
    for_each_line(path, |line| match line {
        Ok(l) if l.trim().is_empty() || l.starts_with('#') => {}
        Ok(l) if take(l) => st.rows += 1,
        Ok(_) | Err(()) => st.bad += 1,
    })?;
    Ok(st)
}

/// Reads `admin1CodesASCII.txt`: `code` (`ML.08`) → name (`Tombouctou`).
pub fn read_admin1(path: &Path) -> Result<HashMap<String, String>> {
    let mut out = HashMap::new();
    for_each_line(path, |line| {
        if let Ok(l) = line {
            let mut c = l.split('\t');
            if let (Some(code), Some(name)) = (c.next(), c.next()) {
                if !code.starts_with('#') && !name.trim().is_empty() {
                    out.insert(code.trim().to_string(), name.trim().to_string());
                }
            }
        }
    })?;
    Ok(out)
}

/// One row of `countryInfo.txt`.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryInfo {
    /// ISO2 code.
    pub iso2: String,
    /// English name.
    pub name: String,
    /// Capital's name.
    pub capital: String,
    /// Population.
    pub population: u64,
    /// GeoNames id of the country.
    pub geonameid: Option<u64>,
}

/// Reads `countryInfo.txt` (comment lines start with `#`).
pub fn read_country_info(path: &Path) -> Result<Vec<CountryInfo>> {
    let mut out = Vec::new();
    for_each_line(path, |line| {
        let Ok(l) = line else { return };
        if l.starts_with('#') || l.trim().is_empty() {
            return;
        }
        let c: Vec<&str> = l.split('\t').collect();
        if c.len() < 17 || c[0].len() != 2 {
            return;
        }
        out.push(CountryInfo {
            iso2: c[0].to_string(),
            name: c[4].to_string(),
            capital: c[5].to_string(),
            population: c[7].trim().parse().unwrap_or(0),
            geonameid: c[16].trim().parse().ok(),
        });
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINE: &str = "2456157\tI-n-Teferkit\tI-n-Teferkit\tI-n-Teferkit,In Tfirkit\t19.11667\t2.41667\tH\tWLL\tML\t\t10\t\t\t\t0\t\t635\tAfrica/Bamako\t2012-01-18";

    #[test]
    fn parses_a_row() {
        let r = parse_row(LINE).unwrap();
        assert_eq!(r.geonameid, 2456157);
        assert_eq!(r.feature_code, "WLL");
        assert_eq!(
            r.alternates().collect::<Vec<_>>(),
            ["I-n-Teferkit", "In Tfirkit"]
        );
        assert_eq!(r.population, 0);
    }

    #[test]
    fn bad_rows_are_none() {
        assert!(parse_row("").is_none());
        assert!(parse_row("x\ty").is_none());
        assert!(parse_row(&LINE.replace("19.11667", "north")).is_none());
        assert!(parse_row(&LINE.replace("19.11667", "99.5")).is_none());
    }

    #[test]
    fn reads_gz_and_counts_bad_rows() {
        use std::io::Write;
        let dir = std::env::temp_dir().join(format!("vigie-gn-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("XX.txt.gz");
        let mut e = flate2::write::GzEncoder::new(File::create(&p).unwrap(), Default::default());
        writeln!(e, "{LINE}\nnot a row\n\n{LINE}").unwrap();
        e.finish().unwrap();
        let mut n = 0;
        let st = read_dump(&p, |_| n += 1).unwrap();
        assert_eq!((st.rows, st.bad, n), (2, 1, 2));
        std::fs::remove_dir_all(&dir).ok();
    }
}
