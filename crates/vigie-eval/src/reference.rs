//! Reference coordinates for gold place names, built as the reference scorer builds them:
//! every name of the GeoNames country dumps and `cities500.txt.gz`, the best-ranked entry
//! per folded name and per (folded name, country) (populated places over admin areas over
//! the rest, then population; countries first), then the overrides of `tools/places.tsv`.
//! A gold place is looked up in its own country first, then worldwide.

use crate::fold::name_key;
use crate::EvalError;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// A point and its country.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RefPoint {
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
}

/// Folded name → reference point.
#[derive(Debug, Default)]
pub struct Reference {
    points: HashMap<String, (RefPoint, f64)>,
    /// (folded name, country) → best point in that country.
    in_country: HashMap<(String, String), (RefPoint, f64)>,
}

impl Reference {
    /// An empty reference: every place is then judged by its name alone.
    pub fn empty() -> Reference {
        Reference::default()
    }

    /// Loads `shared/data/geonames/{XX.txt, cities500.txt.gz}` and `shared/tools/places.tsv`
    /// from a `shared` folder.
    pub fn load(shared: &Path) -> Result<Reference, EvalError> {
        let mut r = Reference::default();
        let gdir = shared.join("data").join("geonames");
        let mut files: Vec<_> = std::fs::read_dir(&gdir)
            .map_err(|e| EvalError::Io {
                path: gdir.display().to_string(),
                source: e,
            })?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| {
                p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                    n.len() == 6
                        && n.ends_with(".txt")
                        && n[..2].bytes().all(|b| b.is_ascii_uppercase())
                })
            })
            .collect();
        files.sort();
        files.push(gdir.join("cities500.txt.gz"));
        for f in &files {
            let file = std::fs::File::open(f).map_err(|e| EvalError::Io {
                path: f.display().to_string(),
                source: e,
            })?;
            let reader: Box<dyn Read> = if f.extension().is_some_and(|e| e == "gz") {
                Box::new(flate2::read::GzDecoder::new(file))
            } else {
                Box::new(file)
            };
            r.read_dump(BufReader::new(reader));
        }
        let ov = shared.join("tools").join("places.tsv");
        if let Ok(s) = std::fs::read_to_string(&ov) {
            for line in s.lines() {
                if line.starts_with('#') || line.trim().is_empty() {
                    continue;
                }
                let c: Vec<&str> = line.split('\t').collect();
                if c.len() < 4 {
                    continue;
                }
                if let (Ok(lat), Ok(lon)) = (c[1].parse(), c[2].parse()) {
                    // an override stands for the name alone and in its country
                    let k = name_key(c[0]);
                    let p = (RefPoint { lat, lon }, 1e15);
                    r.in_country
                        .insert((k.clone(), c[3].trim().to_uppercase()), p);
                    r.points.insert(k, p);
                }
            }
        }
        Ok(r)
    }

    fn read_dump(&mut self, reader: impl BufRead) {
        for line in reader.lines() {
            let Ok(line) = line else { break };
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() < 15 {
                continue;
            }
            let pop: f64 = c[14].parse().unwrap_or(0.0);
            let class = match c[6] {
                "P" => 3.0,
                "A" => 2.0,
                _ => 1.0,
            };
            let mut rank = class * 1e9 + pop;
            if c[7].starts_with("PCL") {
                rank += 1e12;
            }
            let (Ok(lat), Ok(lon)) = (c[4].parse(), c[5].parse()) else {
                continue;
            };
            let p = RefPoint { lat, lon };
            let cc = c[8].to_string();
            let alts = if c[3].is_empty() {
                Vec::new()
            } else {
                c[3].split(',').collect()
            };
            let mut seen = std::collections::HashSet::new();
            for n in [c[1], c[2]].into_iter().chain(alts) {
                let k = name_key(n);
                if k.is_empty() || !seen.insert(k.clone()) {
                    continue;
                }
                let kc = (k.clone(), cc.clone());
                match self.in_country.get(&kc) {
                    Some((_, r)) if *r >= rank => {}
                    _ => {
                        self.in_country.insert(kc, (p, rank));
                    }
                }
                match self.points.get(&k) {
                    Some((_, r)) if *r >= rank => {}
                    _ => {
                        self.points.insert(k, (p, rank));
                    }
                }
            }
        }
    }

    /// The reference point of a canonical gold name: the best entry in `country` when the
    /// name is known there, else the best entry worldwide.
    pub fn point(&self, canonical: &str, country: Option<&str>) -> Option<RefPoint> {
        let k = name_key(canonical);
        if let Some(cc) = country.filter(|c| !c.is_empty()) {
            if let Some((p, _)) = self.in_country.get(&(k.clone(), cc.to_uppercase())) {
                return Some(*p);
            }
        }
        self.points.get(&k).map(|(p, _)| *p)
    }

    /// How many names are known.
    pub fn len(&self) -> usize {
        self.points.len()
    }

    /// True when no name is known.
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }
}

/// Great-circle distance in km, as the reference scorer computes it.
pub fn km(a: RefPoint, b: RefPoint) -> f64 {
    vigie_model::great_circle_km((a.lat, a.lon), (b.lat, b.lon))
}
